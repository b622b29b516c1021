package render

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/pagekey"
	"github.com/opsalign/opsalign/themes"
)

// fileKeys are a render's input keys and data keys (of the view, from
// Prepare; of the bytes, from Make, for a file without Prepare) by path.
type fileKeys struct {
	input, data map[string]pagekey.Key
}

func renderKeys(t *testing.T, e *Engine, in Input) fileKeys {
	t.Helper()
	jobs, err := e.Jobs(in)
	if err != nil {
		t.Fatal(err)
	}
	k := fileKeys{input: map[string]pagekey.Key{}, data: map[string]pagekey.Key{}}
	h := e.layouts.index.keys
	for _, j := range jobs {
		if j.Input == nil {
			continue
		}
		ik, ok := j.Input()
		if !ok {
			t.Errorf("%s: no input key", j.Path)
			continue
		}
		k.input[j.Path] = ik
		if j.Prepare != nil {
			p, err := j.Prepare()
			if err != nil || !p.Keyed {
				t.Fatalf("%s: %v, keyed %t", j.Path, err, p.Keyed)
			}
			k.data[j.Path] = p.Key
			continue
		}
		var b bytes.Buffer
		if err := j.Make(&b); err != nil {
			t.Fatal(err)
		}
		k.data[j.Path], _ = h.Of("bytes", b.String())
	}
	return k
}

// TestInputKeys edits the fixture's input field by field and checks, for
// every file with an input key, that an unchanged input key means an
// unchanged view (the key of its data: whatever a theme shows of it).
// The edits of one initiative's own data must leave the other
// initiatives' input keys as they were (else the keys save nothing) and
// change its own.
func TestInputKeys(t *testing.T) {
	e, err := Parse(themes.Default(), nil)
	if err != nil {
		t.Fatal(err)
	}
	input := func(edit func(cfg *config.Config, ds *model.Dataset, sc *model.Scorecard, closed *model.Scorecard)) Input {
		cfg, ds, sc := fixture()
		// A closed quarter: the initiatives' pages show their verdicts
		// and scores in it.
		_, _, closed := fixture()
		closed.Period, closed.AsOf = "2026-Q2", "2026-06-30"
		closed.Initiatives[0].Score = intp(75)
		// INI-002's reason names INI-001: its page shows INI-001's
		// name as the link's title.
		sc.Initiatives[1].Checks[0].Reason = "linked to M-02, as INI-001 is"
		if edit != nil {
			edit(&cfg, ds, sc, closed)
		}
		return Input{Config: cfg, Dataset: ds, Scorecard: sc, Version: "test", Content: testContent(), Markdown: testMarkdown,
			History: []history.Quarter{{Period: closed.Period, AsOf: closed.AsOf, Scorecard: closed}}}
	}
	base := renderKeys(t, e, input(nil))
	if n := len(base.input); n < 4+2+2+5 {
		t.Fatalf("%d files with an input key, want the initiative and metric pages, trend scripts, assets", n)
	}
	var cases []inputCase
	for _, c := range []inputCase{
		{"name", func(_ *config.Config, ds *model.Dataset, sc, _ *model.Scorecard) {
			ds.Initiatives[0].Name, sc.Initiatives[0].Name = "Scanning", "Scanning"
		}, true},
		{"IT owner (the record alone)", func(_ *config.Config, ds *model.Dataset, _, _ *model.Scorecard) { ds.Initiatives[0].ITOwner = "Eve IT" }, true},
		{"go-live (metric page's chart)", func(_ *config.Config, ds *model.Dataset, _, _ *model.Scorecard) {
			ds.Initiatives[0].GoLive = day("2026-04-15")
		}, true},
		{"a column moved", func(_ *config.Config, ds *model.Dataset, _, _ *model.Scorecard) {
			ds.Initiatives[0].Source.Columns = map[string]string{"name": "C", "budget": "H"}
		}, true},
		{"spend", func(_ *config.Config, ds *model.Dataset, sc, _ *model.Scorecard) {
			ds.Initiatives[0].Spend, sc.Initiatives[0].Spend = f64(560000), f64(560000)
		}, true},
		{"a check's reason", func(_ *config.Config, _ *model.Dataset, sc, _ *model.Scorecard) {
			sc.Initiatives[0].Checks[0].Reason = "linked to M-01 and M-02"
		}, true},
		{"a metric's value", func(_ *config.Config, ds *model.Dataset, _, _ *model.Scorecard) { ds.Actuals[0].Value = 46 }, false},
		{"a metric's claimants", func(_ *config.Config, _ *model.Dataset, sc, _ *model.Scorecard) {
			sc.Metrics[0].Initiatives = append(sc.Metrics[0].Initiatives, "INI-004")
		}, false},
		{"an incident", func(_ *config.Config, ds *model.Dataset, _, _ *model.Scorecard) {
			ds.Incidents = append(ds.Incidents, model.Incident{ID: "INC-3", Opened: day("2026-09-01"), Severity: 2, Initiative: "INI-001", Source: src("Incidents", 4)})
		}, false},
		{"an issue", func(_ *config.Config, _ *model.Dataset, sc, _ *model.Scorecard) {
			sc.IssueEffects[1].Initiative = "INI-001"
		}, false},
		{"the headline", func(_ *config.Config, _ *model.Dataset, sc, _ *model.Scorecard) { sc.Headline.Answer = "yes" }, false},
		{"the currency", func(cfg *config.Config, _ *model.Dataset, sc, _ *model.Scorecard) {
			sc.Currency, cfg.Currency = "EUR", "EUR"
		}, false},
		{"the time zone", func(cfg *config.Config, _ *model.Dataset, _, _ *model.Scorecard) {
			cfg.Location = time.FixedZone("X", 3600)
		}, false},
		{"a closed quarter's score", func(_ *config.Config, _ *model.Dataset, _, closed *model.Scorecard) {
			closed.Initiatives[0].Score = intp(50)
		}, false},
	} {
		cases = append(cases, c)
	}
	// And every field of INI-001's record and of its result, one by one.
	for _, f := range reflect.VisibleFields(reflect.TypeFor[model.Initiative]()) {
		cases = append(cases, inputCase{"record " + f.Name, func(_ *config.Config, ds *model.Dataset, _, _ *model.Scorecard) {
			mutate(reflect.ValueOf(&ds.Initiatives[0]).Elem().FieldByIndex(f.Index))
		}, f.Name != "ID"})
	}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[model.InitiativeResult]()) {
		cases = append(cases, inputCase{"result " + f.Name, func(_ *config.Config, _ *model.Dataset, sc, _ *model.Scorecard) {
			mutate(reflect.ValueOf(&sc.Initiatives[0]).Elem().FieldByIndex(f.Index))
		}, f.Name != "ID"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := renderKeys(t, e, input(c.edit))
			same := 0
			for p, ik := range got.input {
				if base.input[p] != ik {
					continue
				}
				same++
				if got.data[p] != base.data[p] {
					t.Errorf("%s: the same input key, another view", p)
				}
			}
			if !c.own {
				return
			}
			if got.input["initiatives/INI-001.html"] == base.input["initiatives/INI-001.html"] {
				t.Errorf("INI-001's page: the input key did not change")
			}
			for _, p := range []string{"initiatives/INI-003.html", "initiatives/INI-004.html", "assets/site.css"} {
				if got.input[p] != base.input[p] {
					t.Errorf("%s: the input key changed with INI-001's data", p)
				}
			}
			t.Logf("%d of %d input keys unchanged", same, len(got.input))
		})
	}
}

// inputCase is an edit of TestInputKeys. own: the edit is of INI-001's
// data alone: its page's input key changes, the other initiatives' (but
// INI-002's, whose reason names INI-001, for a name) do not.
type inputCase struct {
	name string
	edit func(cfg *config.Config, ds *model.Dataset, sc, closed *model.Scorecard)
	own  bool
}

// mutate changes the value v holds (settable) to another of its type,
// without writing through the pointers, slices or maps it holds (the
// fixture's values share some).
func mutate(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Float64:
		v.SetFloat(v.Float() + 1)
	case reflect.Pointer:
		n := reflect.New(v.Type().Elem())
		if !v.IsNil() {
			n.Elem().Set(v.Elem())
		}
		mutate(n.Elem())
		v.Set(n)
	case reflect.Slice:
		n := reflect.MakeSlice(v.Type(), v.Len(), v.Len()+1)
		reflect.Copy(n, v)
		if n.Len() == 0 {
			n = reflect.Append(n, reflect.Zero(v.Type().Elem()))
		}
		mutate(n.Index(0))
		v.Set(n)
	case reflect.Map:
		n := reflect.MakeMap(v.Type())
		for it := v.MapRange(); it.Next(); {
			n.SetMapIndex(it.Key(), it.Value())
		}
		k := reflect.New(v.Type().Key()).Elem()
		mutate(k)
		n.SetMapIndex(k, reflect.Zero(v.Type().Elem()))
		v.Set(n)
	case reflect.Struct:
		if tm, ok := v.Interface().(time.Time); ok {
			v.Set(reflect.ValueOf(tm.AddDate(0, 0, 9)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				mutate(v.Field(i))
			}
		}
	default:
		panic("mutate: a " + v.Kind().String())
	}
}
