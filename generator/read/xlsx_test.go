package read

import (
	"strconv"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// registerWorkbook writes a workbook as a planning tool exports it: an
// instructions sheet, a register with a merged title, an export date, a
// blank row, alias headers, typed and text values, a formula with its
// cached value and a totals row; a hidden KPIs sheet; wide actuals with a
// date-typed header cell.
func registerWorkbook(t testing.TB, path string) {
	writeXLSX(t, path, false,
		sheetSpec{name: "Instructions", rows: [][]any{{"How to fill in this workbook"}, {"Use one row per initiative."}}},
		sheetSpec{name: "FY26 Register", merge: "A1:F1", rows: [][]any{
			{"IT Portfolio register FY26"},
			{"Exported 2026-09-30"},
			nil,
			{"Initiative ID", "Project", "RGT", "BU", "Linked Metrics", "Approved Budget", "YTD Actual", "Go-Live Date", "Status", "Adoption %", "Comments"},
			{"INI-001", "ERP upgrade", "KTLO", "Finance", "M-01; M-02", 120000.0, "$80,000", time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), "In Progress", 0.45, "note"},
			{"INI-002", "CRM", "Grow", "Sales", "M-02", "1.2m", 50000, "15/04/2026", "Live", "60%"},
			{"INI-003", "AI pilot", "Innovate", "Ops", "M-99", 30000, nil, 46000, "Proposed", 45},
			nil,
			{"Total", nil, nil, nil, nil, 1350000},
		}},
		sheetSpec{name: "KPIs", hidden: true, rows: [][]any{
			{"Metric ID", "KPI", "Type", "UoM", "Better", "Base", "Goal"},
			{"M-01", "Order cycle time", "Cycle time", "days", "lower", 10, 8},
			{"M-02", "Throughput", "throughput", "orders", nil, 100, 120},
		}},
		sheetSpec{name: "Actuals", rows: [][]any{
			{"Metric", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "Feb-26", "2026-03"},
			{"M-01", 9.5, 9, "8.5"},
			{"M-02", 101, nil, 110},
		}},
	)
	// F5 becomes a formula cell whose cached result is 120000.
	rewriteZipEntry(t, path, "xl/worksheets/sheet2.xml", `<c r="F5"><v>120000</v></c>`, `<c r="F5"><f>SUM(100000,20000)</f><v>120000</v></c>`)
}

func TestReadRegisterWorkbook(t *testing.T) {
	cfg := newSite(t)
	registerWorkbook(t, dataPath(cfg, "register.xlsx"))
	ds := mustRead(t, cfg)

	const file = "data/register.xlsx"
	checkIssues(t, ds, []issueAt{
		{model.SevWarning, file, "FY26 Register", 7, "E", "metrics", "M-99"},
	})
	infos := 0
	for _, i := range ds.Issues {
		if i.Severity == model.SevInfo {
			infos++
		}
	}
	if infos != 3 { // ignored Instructions, unknown Comments column, totals row
		t.Errorf("got %d info issues, want 3: %v", infos, ds.Issues)
	}
	if len(ds.Initiatives) != 3 {
		t.Fatalf("got %d initiatives, want 3", len(ds.Initiatives))
	}
	spend := 80000.0
	want := []struct {
		id, name string
		cat      model.Category
		budget   float64
		spend    *float64
		goLive   time.Time
		status   model.Status
		adoption float64
		row      int
	}{
		{"INI-001", "ERP upgrade", model.Run, 120000, &spend, day(2026, 3, 15), model.StatusInFlight, 0.45, 5},
		{"INI-002", "CRM", model.Improve, 1200000, nil, day(2026, 4, 15), model.StatusLive, 0.60, 6},
		{"INI-003", "AI pilot", model.Transform, 30000, nil, day(2025, 12, 9), model.StatusProposed, 0.45, 7},
	}
	for i, w := range want {
		in := ds.Initiatives[i]
		if in.ID != w.id || in.Name != w.name || in.Category != w.cat || in.Budget != w.budget || !in.GoLive.Equal(w.goLive) || in.Status != w.status {
			t.Errorf("initiative %d = %+v, want %+v", i, in, w)
		}
		if in.Adoption == nil || *in.Adoption != w.adoption {
			t.Errorf("%s adoption = %v, want %v", w.id, in.Adoption, w.adoption)
		}
		if w.spend != nil && (in.Spend == nil || *in.Spend != *w.spend) {
			t.Errorf("%s spend = %v, want %v", w.id, in.Spend, *w.spend)
		}
		if in.Source.File != file || in.Source.Sheet != "FY26 Register" || in.Source.Row != w.row {
			t.Errorf("%s source = %v, want %s:FY26 Register!%d", w.id, in.Source, file, w.row)
		}
		if got := in.Source.Cell("budget"); got != file+":FY26 Register!F"+itoa(w.row) {
			t.Errorf("%s budget cell = %s", w.id, got)
		}
	}
	if s := ds.Initiatives[1].Spend; s == nil || *s != 50000 {
		t.Errorf("INI-002 spend = %v, want 50000", s)
	}
	if got := ds.Initiatives[0].Metrics; len(got) != 2 || got[0] != "M-01" || got[1] != "M-02" {
		t.Errorf("INI-001 metrics = %q", got)
	}

	if len(ds.Metrics) != 2 {
		t.Fatalf("got %d metrics, want 2", len(ds.Metrics))
	}
	m := ds.Metrics[0]
	if m.Kind != "cycle_time" || m.Direction != model.Lower || !m.Stated || m.Unit != "days" || m.Baseline != 10 || m.Target != 8 {
		t.Errorf("M-01 = %+v", m)
	}
	if m := ds.Metrics[1]; m.Direction != model.Higher || m.Stated {
		t.Errorf("M-02 direction = %s stated %v, want implied higher", m.Direction, m.Stated)
	}

	type obs struct {
		metric string
		period string
		end    time.Time
		value  float64
		col    string
	}
	wantObs := []obs{
		{"M-01", "2026-01", day(2026, 1, 31), 9.5, "B"},
		{"M-01", "2026-02", day(2026, 2, 28), 9, "C"},
		{"M-01", "2026-03", day(2026, 3, 31), 8.5, "D"},
		{"M-02", "2026-01", day(2026, 1, 31), 101, "B"},
		{"M-02", "2026-03", day(2026, 3, 31), 110, "D"},
	}
	if len(ds.Actuals) != len(wantObs) {
		t.Fatalf("got %d observations, want %d: %+v", len(ds.Actuals), len(wantObs), ds.Actuals)
	}
	for i, w := range wantObs {
		o := ds.Actuals[i]
		if o.Metric != w.metric || o.Period.String() != w.period || !o.End.Equal(w.end) || o.Value != w.value || o.Source.Columns["value"] != w.col {
			t.Errorf("observation %d = %s %s %v %v %s, want %+v", i, o.Metric, o.Period, o.End, o.Value, o.Source.Columns["value"], w)
		}
	}
	for _, tb := range []model.Table{model.TableInitiatives, model.TableMetrics, model.TableActuals} {
		if !ds.Present[tb] {
			t.Errorf("%s not present", tb)
		}
	}
	if ds.Present[model.TableCalendar] {
		t.Error("calendar present without a sheet")
	}
	if len(ds.Summary.Ignored) != 1 || ds.Summary.Ignored[0] != file+":Instructions" {
		t.Errorf("ignored = %q", ds.Summary.Ignored)
	}
	if ts := ds.Summary.Tables[0]; ts.Table != model.TableInitiatives || ts.Rows != 3 || ts.Skipped != 1 || ts.Excluded != 0 {
		t.Errorf("initiatives summary = %+v", ts)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFormulaErrors checks that a formula's error value is never taken
// as text: required, it excludes the row; optional, it is dropped.
func TestFormulaErrors(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeXLSX(t, dataPath(cfg, "register.xlsx"), false, sheetSpec{name: "Initiatives", rows: [][]any{
		{"ID", "Name", "Category", "Budget", "Business Unit"},
		{"INI-001", "#N/A", "Run", 100, "Ops"},
		{"INI-002", "CRM", "Run", 100, "#REF!"},
	}})
	// make B2 a real error cell, as Excel saves it
	rewriteZipEntry(t, dataPath(cfg, "register.xlsx"), "xl/worksheets/sheet1.xml", `<c r="B2" t="s"><v>6</v></c>`, `<c r="B2" t="e"><f>VLOOKUP(A2,X!A:B,2,0)</f><v>#N/A</v></c>`)
	ds := mustRead(t, cfg)
	checkIssues(t, ds, []issueAt{
		{model.SevError, "data/register.xlsx", "Initiatives", 2, "B", "name", "#N/A"},
		{model.SevWarning, "data/register.xlsx", "Initiatives", 3, "E", "business_unit", "#REF!"},
	})
	if len(ds.Initiatives) != 1 || ds.Initiatives[0].ID != "INI-002" || ds.Initiatives[0].BusinessUnit != "" {
		t.Errorf("initiatives = %+v", ds.Initiatives)
	}
}

func TestRead1904Workbook(t *testing.T) {
	cfg := newSite(t)
	writeXLSX(t, dataPath(cfg, "old mac.xlsx"), true,
		sheetSpec{name: "Initiatives", rows: [][]any{
			{"ID", "Name", "Category", "Budget", "Go Live"},
			{"INI-001", "ERP", "Run", 100, 44634},
		}},
		sheetSpec{name: "Metrics", rows: [][]any{{"ID", "Name", "Baseline", "Target"}, {"M-01", "X", 1, 2}}},
	)
	ds := mustRead(t, cfg)
	if got := ds.Initiatives[0].GoLive; !got.Equal(day(2026, 3, 15)) {
		t.Errorf("go-live in a 1904 workbook = %v, want 2026-03-15", got)
	}
}

func TestReadXLSXTextSerial(t *testing.T) {
	// A serial number typed as text is not a date: the spec reads serials
	// only from typed cells.
	cfg := newSite(t)
	writeXLSX(t, dataPath(cfg, "register.xlsx"), false,
		sheetSpec{name: "Initiatives", rows: [][]any{
			{"ID", "Name", "Category", "Budget", "Go Live", "Start"},
			{"INI-001", "ERP", "Run", 100, "46000", 46000},
		}},
		sheetSpec{name: "Metrics", rows: [][]any{{"ID", "Name", "Baseline", "Target"}, {"M-01", "X", 1, 2}}},
	)
	ds := mustRead(t, cfg)
	checkIssues(t, ds, []issueAt{{model.SevWarning, "data/register.xlsx", "Initiatives", 2, "E", "go_live", "46000"}})
	in := ds.Initiatives[0]
	if !in.GoLive.IsZero() || !in.Start.Equal(day(2025, 12, 9)) {
		t.Errorf("go-live %v start %v, want zero and 2025-12-09", in.GoLive, in.Start)
	}
}

// TestLongActualsTypedPeriods reads long actuals whose period cells are
// typed: a date, a YYYYMM number and a quarter as text.
func TestLongActualsTypedPeriods(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeXLSX(t, dataPath(cfg, "actuals.xlsx"), false, sheetSpec{name: "Observations", rows: [][]any{
		{"KPI", "Month", "Result"},
		{"M-01", time.Date(2026, 2, 14, 0, 0, 0, 0, time.UTC), 9},
		{"M-01", 202603, 8.5},
		{"M-02", "Q2 2026", 111},
	}})
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	want := []string{"2026-02", "2026-03", "2026-Q2"}
	if len(ds.Actuals) != len(want) {
		t.Fatalf("actuals = %+v", ds.Actuals)
	}
	for i, w := range want {
		if got := ds.Actuals[i].Period.String(); got != w {
			t.Errorf("actual %d period = %s, want %s", i, got, w)
		}
	}
	if !ds.Actuals[2].End.Equal(day(2026, 6, 30)) {
		t.Errorf("Q2 ends %v", ds.Actuals[2].End)
	}
}
