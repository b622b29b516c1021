package read

import (
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/value"
)

// TestDashesAndWords checks cells a finance export writes that are not

// numbers: a dash (an accounting format's zero) is read as 0 with a

// warning in an amount, and is no observation in actuals; a word after a

// number that is not a currency code ("2 Mio", "5 FTE") is unreadable.

func TestDashesAndWords(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte("ID,Name,Category,Budget,Spend\n"+
		"INI-001,Dash budget,Run,-,$ -\n"+ // 2
		"INI-002,Mio,Run,2 Mio,\n"+ // 3
		"INI-003,FTE,Run,100,5 FTE\n"+ // 4
		"INI-004,Code,Run,EUR 5,5 chf\n")) // 5
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeFile(t, dataPath(cfg, "actuals.csv"), []byte("Metric,2026-01,2026-02,2026-03\nM-01,9,–,8\n"))
	writeFile(t, dataPath(cfg, "kpis-long.csv"), []byte("Metric,Month,Value\nM-02,2026-01,-\nM-02,2026-02,110\n"))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, []issueAt{
		{model.SevWarning, "data/initiatives.csv", "", 2, "D", "budget", "read as 0"},
		{model.SevWarning, "data/initiatives.csv", "", 2, "E", "spend", "read as 0"},
		{model.SevError, "data/initiatives.csv", "", 3, "D", "budget", `cannot read "2 Mio" as money`},
		{model.SevWarning, "data/initiatives.csv", "", 4, "E", "spend", `cannot read "5 FTE" as money`},
		{model.SevWarning, "data/initiatives.csv", "", 5, "D", "budget", "EUR"},
		{model.SevWarning, "data/initiatives.csv", "", 5, "E", "spend", "CHF"},
		{model.SevError, "data/actuals.csv", "", 2, "C", "value", "2026-02"},
		{model.SevError, "data/kpis-long.csv", "", 2, "C", "value", `cannot read "-"`},
	})
	var ids []string
	for _, in := range ds.Initiatives {
		ids = append(ids, in.ID)
	}
	if len(ds.Initiatives) != 3 || ds.Initiatives[0].ID != "INI-001" || ds.Initiatives[0].Budget != 0 || ds.Initiatives[0].Spend == nil || *ds.Initiatives[0].Spend != 0 {
		t.Errorf("initiatives %v; INI-001 = %+v", ids, ds.Initiatives[0])
	}
	if len(ds.Actuals) != 3 { // M-01 Jan and Mar, M-02 Feb
		t.Errorf("%d observations, want 3: %+v", len(ds.Actuals), ds.Actuals)
	}
}

// TestBracketNotes checks which bracketed notes of a header are dropped

// before matching (how a value is written) and which keep the column

// unknown (what the column holds).

func TestBracketNotes(t *testing.T) {
	tests := []struct {
		header, want string // want: the field, or "" for unknown
	}{
		{"Budget (USD)", "budget"},
		{"Budget [EUR]", "budget"},
		{"Budget (eur)", "budget"},
		{"Budget ($k)", "budget"},
		{"Category [RGT]", "category"},
		{"Adoption (%)", "adoption"},
		{"Go-live (dd/mm/yyyy)", "go_live"},
		{"GO LIVE (date)", "go_live"},
		{"Business owner (required)", "business_owner"},
		{"Category (Run/Grow/Transform)", "category"},
		{"Risk (Low, Medium, High)", "risk"},
		{"Spend [YTD]", "spend"},
		{"Spend (forecast)", ""},
		{"Spend [forecast]", ""},
		{"Adoption (target)", ""},
		{"Start Date (baseline)", ""},
		{"Go Live (original)", ""},
		{"Budget (remaining)", ""},
	}
	ts := newSchemas().by[model.TableInitiatives]
	for _, tt := range tests {
		k := value.FoldHeader(tt.header)
		fi, ok := ts.alias[k]
		if !ok {
			fi, ok = ts.alias[value.FoldHeader(value.StripBrackets(tt.header))]
		}
		got := ""
		if ok {
			got = ts.fields[fi].Name
		}
		if got != tt.want {
			t.Errorf("%q is read as %q, want %q", tt.header, got, tt.want)
		}
	}
}

// TestEmptyCSV checks that an empty CSV file, or one holding only a byte

// order mark, is ignored (info), not a file that stops the build.

func TestEmptyCSV(t *testing.T) {
	for _, data := range []string{"", "\ufeff", "\r\n\r\n"} {
		cfg := newSite(t)
		writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
		writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
		writeFile(t, dataPath(cfg, "notes.csv"), []byte(data))
		if data == "" {
			writeFile(t, dataPath(cfg, "plan.csv"), nil) // named as a table, but empty
		}
		ds := mustRead(t, cfg)
		checkIssues(t, ds, nil)
		found := false
		for _, i := range ds.Issues {
			found = found || i.Severity == model.SevInfo && i.File == "data/notes.csv"
		}
		if data == "" {
			n := 0
			for _, i := range ds.Issues {
				if i.Severity == model.SevInfo && i.File == "data/plan.csv" && i.Message == "file ignored: it is empty" {
					n++
				}
			}
			if n != 1 {
				t.Errorf("empty plan.csv: %d infos saying it is empty, want 1", n)
			}
		}
		if !found || len(ds.Initiatives) != 1 {
			t.Errorf("%q: no info about data/notes.csv, or initiatives %d; issues %v", data, len(ds.Initiatives), ds.Issues)
		}
	}
}

// TestTableNames checks the plural and singular sheet and file names a

// table is recognised by (inputs.md, recognition 2).

func TestTableNames(t *testing.T) {
	names := newSchemas().names
	for label, want := range map[string]model.Table{
		"Register": model.TableInitiatives, "Registers": model.TableInitiatives, "KPIs": model.TableMetrics,
		"Calendar": model.TableCalendar, "Calendars": model.TableCalendar, "Windows": model.TableCalendar,
		"Operating Plan": model.TablePlan, "operating_plans": model.TablePlan, "Plans": model.TablePlan,
		"Observations": model.TableActuals, "Incident": model.TableIncidents, "Reviews": model.TableReviews,
	} {
		if got := names[value.FoldName(label)]; got != want {
			t.Errorf("%q is recognised as %q, want %q", label, got, want)
		}
	}
}

// TestSourcesWithoutSheet checks that a [[sources]] entry naming a

// workbook of several sheets but no sheet applies to the sheets whose

// header fits its table, while the others are recognised as usual.

func TestSourcesWithoutSheet(t *testing.T) {
	cfg := newSite(t)
	writeXLSX(t, dataPath(cfg, "book.xlsx"), false,
		sheetSpec{name: "Notes", rows: [][]any{{"Exported from PlanTool"}, {"Do not edit"}}},
		sheetSpec{name: "Data", rows: [][]any{{"Proj", "Name", "Category", "Budget"}, {"I-1", "a", "Run", 1}}},
		sheetSpec{name: "KPIs", rows: [][]any{{"ID", "Name", "Baseline", "Target"}, {"M-9", "x", 1, 2}}},
	)
	cfg.Sources = []config.Source{{File: "book.xlsx", Table: model.TableInitiatives, Columns: map[string]string{"Proj": "id"}, Line: 4}}
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	if len(ds.Initiatives) != 1 || ds.Initiatives[0].ID != "I-1" || len(ds.Metrics) != 1 || ds.Metrics[0].ID != "M-9" {
		t.Errorf("initiatives %+v metrics %+v", ds.Initiatives, ds.Metrics)
	}
	if len(ds.Summary.Ignored) != 1 || ds.Summary.Ignored[0] != "data/book.xlsx:Notes" {
		t.Errorf("ignored = %v", ds.Summary.Ignored)
	}
}

// TestDuplicateObservations checks that a second value of a metric for a

// period is said at its cell, long or wide, and that the later is used.

func TestDuplicateObservations(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeFile(t, dataPath(cfg, "actuals.csv"), []byte("Metric,Period,Value\nM-01,2026-01,9\nM-01,2026-02,8\nM-01,2026-01,7\n"))
	writeFile(t, dataPath(cfg, "wide.csv"), []byte("Metric,2026-03,Mar 2026\nM-02,101,102\n"))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, []issueAt{
		{model.SevWarning, "data/actuals.csv", "", 4, "C", "value", "the first is at data/actuals.csv:C2"},
		{model.SevWarning, "data/wide.csv", "", 2, "C", "value", "the first is at data/wide.csv:B2"},
	})
	if len(ds.Actuals) != 5 {
		t.Errorf("%d observations, want all 5 kept", len(ds.Actuals))
	}
}

// TestCSVQuotesLikeExcel checks that text after a closing quote stays in

// its cell (as Excel reads "Phase" 2 rollout), so no row is merged into

// another, and that a quote never closed is an error at its cell.

func TestCSVQuotesLikeExcel(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte("ID,Name,Category,Budget\n"+
		"I-1,Alpha,Run,1000\n"+
		"I-2,\"Phase\" 2 rollout,Run,5\n"+
		"I-3,\"Gamma\",Run,7\n"+
		"I-4,Delta,Run,8\n"))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeFile(t, dataPath(cfg, "incidents.csv"), []byte("ID,Opened,Severity\nINC1,2026-08-01,2\nINC2,2026-08-02,\"3\nINC3,2026-08-03,1\n"))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, []issueAt{
		{model.SevError, "data/incidents.csv", "", 3, "C", "", "never closed"},
		{model.SevError, "data/incidents.csv", "", 3, "C", "severity", ""},
	})
	var names []string
	for _, in := range ds.Initiatives {
		names = append(names, in.ID+"="+in.Name)
	}
	if strings.Join(names, ";") != "I-1=Alpha;I-2=Phase 2 rollout;I-3=Gamma;I-4=Delta" || ds.Initiatives[1].Budget != 5 {
		t.Errorf("initiatives: %v", names)
	}
	if len(ds.Incidents) != 1 {
		t.Errorf("incidents %+v, want INC1 only", ds.Incidents)
	}
}
