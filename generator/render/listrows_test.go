package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/themes"
)

// initiativesDataBefore is initiativesData as it was before its rows
// were kept between keyed builds: every row encoded at once as []any.
// The list data must stay byte for byte what it wrote.
func (x *index) initiativesDataBefore(buf *bytes.Buffer) error {
	type checkCol struct {
		ID    string `json:"id"`
		Label string `json:"label"`
		Title string `json:"title"`
	}
	data := struct {
		Checks   []checkCol           `json:"checks"`
		Verdicts map[string][3]string `json:"verdicts"`
		Results  map[string][3]string `json:"results"`
		Reasons  []string             `json:"reasons"`
		Rows     [][]any              `json:"rows"`
	}{
		Verdicts: map[string][3]string{},
		Results:  map[string][3]string{},
		Rows:     make([][]any, 0, len(x.sc.Initiatives)),
	}
	for _, c := range checkColumns() {
		data.Checks = append(data.Checks, checkCol{c.ID, c.Label, fmt.Sprintf("P%d %s", c.Principle, c.Title)})
	}
	for _, v := range []model.Verdict{model.Aligned, model.AtRisk, model.NotAligned, model.NotScored} {
		data.Verdicts[string(v)] = badgeData(verdictBadge(v))
	}
	for r, k := range resultKeys {
		data.Results[k] = badgeData(resultBadge(r))
	}
	reasons := map[string]int{}
	for i := range x.sc.Initiatives {
		ir := &x.sc.Initiatives[i]
		row := x.initiativeRow(ir)
		var results strings.Builder
		why := make([]int, len(row.Checks))
		for j, c := range row.Checks {
			results.WriteString(resultKeys[c.Result])
			why[j] = -1
			if c.Reason == "" {
				continue
			}
			n, ok := reasons[c.Reason]
			if !ok {
				n = len(data.Reasons)
				reasons[c.Reason] = n
				data.Reasons = append(data.Reasons, c.Reason)
			}
			why[j] = n
		}
		status := listStatus(ir)
		var chip *[2]string
		if c := x.rowChip(ir); c != nil {
			chip = &[2]string{c.Severity, c.Title}
		}
		var metrics string
		if rec := x.iniRecs[ir.ID]; rec != nil {
			metrics = strings.Join(rec.Metrics, " ")
		}
		data.Rows = append(data.Rows, []any{
			row.ID, row.Path, row.Name, row.Unit, string(row.Category), row.CategoryText, row.Owners,
			row.Budget, row.BudgetText, row.Spend, row.SpendText, row.Score, row.ScoreText,
			string(row.Verdict), results.String(), why, metrics, status, chip,
		})
	}
	return writeListData(buf, "initiatives", data)
}

// TestInitiativesDataRows makes the initiatives list data in a run of
// keyed builds on one engine (as serve does), each edited from the one
// before, and checks each against a fresh unkeyed build and against the
// encoding before rows were kept, byte for byte; and that a row edit
// encodes again only its row.
func TestInitiativesDataRows(t *testing.T) {
	e, err := Parse(themes.Default(), nil)
	if err != nil {
		t.Fatal(err)
	}
	listData := func(e *Engine, in Input, before bool) string {
		t.Helper()
		x := newIndex(in, e)
		var b bytes.Buffer
		f := x.initiativesData
		if before {
			f = x.initiativesDataBefore
		}
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	type edit func(sc *model.Scorecard, ds *model.Dataset)
	input := func(edits ...edit) Input {
		cfg, ds, sc := fixture()
		for _, ed := range edits {
			ed(sc, ds)
		}
		return Input{Config: cfg, Dataset: ds, Scorecard: sc, Version: "test"}
	}
	name := func(sc *model.Scorecard, ds *model.Dataset) {
		sc.Initiatives[1].Name, ds.Initiatives[1].Name = "Route <planning> & \u2028", "Route <planning> & \u2028"
	}
	// A reason new to the first row: every later row's indexes into
	// "reasons" move up by one.
	reason := func(sc *model.Scorecard, _ *model.Dataset) {
		sc.Initiatives[0].Checks[0].Reason = "a reason no other row gives"
	}
	// Every string of a row hostile, and numbers that JSON writes with
	// an exponent.
	hostile := func(sc *model.Scorecard, ds *model.Dataset) {
		ir, rec := &sc.Initiatives[2], &ds.Initiatives[2]
		h := "<\"q\"> & \\ \u2028\u2029 \xff\xe2\x80 \x01\t\b é"
		ir.Name, rec.Name = "name "+h, "name "+h
		ir.BusinessUnit, rec.BusinessUnit = "unit "+h, "unit "+h
		rec.BusinessOwner, rec.ITOwner = "owner "+h, ""
		rec.Metrics = []string{"m<1>", "m\xff&2"}
		ir.Budget = 1e-7
		spend := 2.5e21
		ir.Spend = &spend
		ir.Checks[0].Reason = "reason " + h
		sc.Initiatives[3].Budget, sc.Initiatives[3].Spend = 1e21, nil
	}
	headline := func(sc *model.Scorecard, _ *model.Dataset) { sc.Headline.Answer = "yes" }
	dup := func(sc *model.Scorecard, _ *model.Dataset) {
		d := sc.Initiatives[0]
		d.Name, d.Checks = "A second INI-001", append([]model.CheckResult(nil), d.Checks...)
		d.Checks[1].Reason = "only the duplicate's"
		sc.Initiatives = append(sc.Initiatives, d)
	}
	dupName := func(sc *model.Scorecard, _ *model.Dataset) {
		sc.Initiatives[len(sc.Initiatives)-1].Name = "Renamed duplicate"
	}
	n := len(input().Scorecard.Initiatives)
	for _, c := range []struct {
		name   string
		edits  []edit
		reused int // rows of the build before kept
	}{
		{"first", nil, 0},
		{"the same", nil, n},
		{"a name", []edit{name}, n - 1},
		{"a new first reason", []edit{name, reason}, n - 1},
		{"hostile strings", []edit{name, reason, hostile}, n - 2},
		{"a new first reason", []edit{name, reason}, n - 2},
		{"the headline (the context)", []edit{name, reason, headline}, 0},
		{"a duplicate id (the context's ids)", []edit{name, reason, headline, dup}, 0},
		{"the duplicate's name", []edit{name, reason, headline, dup, dupName}, n},
		{"back", nil, 0},
	} {
		prev := map[*listRow]bool{}
		for _, r := range e.rows.rows {
			prev[r] = true
		}
		in := input(c.edits...)
		fresh := listData(e, in, false)
		if before := listData(e, in, true); fresh != before {
			t.Fatalf("%s: unkeyed list data\n%s\nwant (as before)\n%s", c.name, fresh, before)
		}
		in.Keyed = true
		if got := listData(e, in, false); got != fresh {
			t.Fatalf("%s: keyed list data\n%s\nwant\n%s", c.name, got, fresh)
		}
		reused := 0
		for _, r := range e.rows.rows {
			if prev[r] {
				reused++
			}
		}
		if reused != c.reused || len(e.rows.rows) == 0 {
			t.Errorf("%s: %d rows of %d kept from the build before, want %d", c.name, reused, len(e.rows.rows), c.reused)
		}
		if !strings.HasPrefix(fresh, `(window.opsalignData=window.opsalignData||{})["initiatives"]={"checks":`) || !strings.HasSuffix(fresh, "]};\n") {
			t.Errorf("%s: list data %q…", c.name, fresh[:80])
		}
		var v struct{ Rows [][]any }
		if err := json.Unmarshal([]byte(fresh[strings.Index(fresh, "]=")+2:len(fresh)-2]), &v); err != nil || len(v.Rows) != len(in.Scorecard.Initiatives) {
			t.Errorf("%s: %d rows, %v", c.name, len(v.Rows), err)
		}
	}
}
