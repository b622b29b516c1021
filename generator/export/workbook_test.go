package export

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/xuri/excelize/v2"
)

func ptr[T any](v T) *T { return &v }

// scorecard is a small hand-made scorecard with nulls, a cancelled
// initiative and hostile text.
func scorecard() *model.Scorecard {
	live := model.StatusLive
	return &model.Scorecard{
		Schema: 1, AsOf: "2026-09-30", Period: "2026-Q3", Currency: "USD",
		Headline: model.Headline{Answer: "no", Reasons: []string{"Aligned spend 42% is below the 60% target", "Split outside policy"}},
		Portfolio: model.Portfolio{
			BudgetTotal: 1250000, SpendTotal: 980000.5,
			Split: model.Split{
				Budget: model.Shares{Run: ptr(0.6), Improve: ptr(0.25), Transform: ptr(0.15)},
				Spend:  model.Shares{Run: ptr(0.7), Improve: nil, Transform: ptr(0.3)},
			},
			AlignedSpendShare:     ptr(0.42),
			MetricsImprovingShare: nil,
			ChangeIncidents:       ptr(3),
			MTTRHours:             ptr(4.25),
			Verdicts:              model.VerdictCounts{Aligned: 1, AtRisk: 0, NotAligned: 1, NotScored: 1},
			Checks: []model.CheckResult{
				{ID: model.CheckSplitWithinPolicy, Principle: 5, Result: model.Fail, Reason: "run 70% above 55–75%? no"},
			},
		},
		Initiatives: []model.InitiativeResult{
			{ID: "INI-001", Name: "=HYPERLINK(\"http://x\",\"click\")", Category: model.Run, BusinessUnit: "+Ops",
				Status: &live, Budget: 500000, Spend: ptr(450000.0), Score: ptr(83), Verdict: model.Aligned,
				Checks: []model.CheckResult{
					{ID: model.CheckOutcomeLinked, Principle: 1, Result: model.Pass, Reason: "linked to M-01"},
					{ID: model.CheckPeakClear, Principle: 6, Result: model.Warn, Reason: "-go-live near peak"},
				},
				Source: model.Source{File: "sample-data/register.xlsx", Sheet: "Initiatives", Row: 14}},
			{ID: "INI-002", Name: "@SUM(A1:A9)", Category: model.Transform, BusinessUnit: "\tTab",
				Budget: 750000, Spend: nil, Score: nil, Verdict: model.NotScored,
				Source: model.Source{File: "sample-data/register.csv", Row: 3}},
		},
		Metrics: []model.MetricResult{
			{ID: "M-01", Name: "Order cycle time", Kind: "cycle_time", Unit: "hours", Direction: model.Lower,
				Baseline: 48, Target: 24, Latest: ptr(36.5), LatestPeriod: "2026-09", Progress: ptr(0.4791),
				Initiatives: []string{"INI-001", "INI-003"}, Source: model.Source{File: "m.xlsx", Sheet: "Metrics", Row: 2}},
			{ID: "M-02", Name: "Fill rate", Kind: "other", Direction: model.Higher, Baseline: 0.9, Target: 0.97},
		},
		Issues: []model.Issue{
			{Severity: model.SevError, File: "sample-data/register.xlsx", Sheet: "Initiatives", Row: 12, Column: "F",
				Field: "budget", Value: "=1+1", Message: "cannot read \"=1+1\" as money"},
			{Severity: model.SevWarning, File: "sample-data/x.csv", Value: "\r-2", Message: "file-level"},
		},
	}
}

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWorkbookSheets(t *testing.T) {
	b, err := Workbook(scorecard())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	want := []string{"Summary", "Initiatives", "Checks", "Metrics", "Issues"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sheets = %v, want %v", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want Summary", f.GetActiveSheetIndex())
	}
}

func TestWorkbookCells(t *testing.T) {
	b, err := Workbook(scorecard())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	tests := []struct {
		sheet, cell string
		want        string // value as excelize shows it (number formats applied)
		raw         string // raw value; "" skips
	}{
		{"Summary", "A1", "Figure", ""},
		{"Summary", "B2", "no", ""},
		{"Summary", "C2", "Aligned spend 42% is below the 60% target; Split outside policy", ""},
		{"Summary", "B3", "2026-09-30", ""},
		{"Summary", "B6", "1,250,000", "1250000"},
		{"Summary", "B7", "980,001", "980000.5"},
		{"Summary", "B8", "42.0%", "0.42"},
		{"Summary", "B9", "", ""}, // metrics improving share is null: empty, not 0
		{"Summary", "B10", "3", "3"},
		{"Summary", "B11", "4.3", "4.25"},
		{"Summary", "A12", "Budget share: run", ""},
		{"Summary", "B12", "60.0%", "0.6"},
		{"Summary", "B16", "", ""}, // spend share improve is null
		{"Summary", "B17", "30.0%", "0.3"},
		{"Summary", "B18", "1", "1"},
		{"Summary", "B19", "0", "0"},
		{"Summary", "A22", "Check: Run, improve, transform split within policy", ""},
		{"Summary", "B22", "fail", ""},
		{"Initiatives", "A1", "ID", ""},
		{"Initiatives", "J1", "Operational outcomes", ""},
		{"Initiatives", "R1", "Reliability over novelty", ""},
		{"Initiatives", "S1", "Source", ""},
		{"Initiatives", "A2", "INI-001", ""},
		{"Initiatives", "E2", "live", ""},
		{"Initiatives", "F2", "500,000", "500000"},
		{"Initiatives", "G2", "450,000", "450000"},
		{"Initiatives", "H2", "83", "83"},
		{"Initiatives", "I2", "aligned", ""},
		{"Initiatives", "J2", "pass", ""},
		{"Initiatives", "K2", "", ""}, // business_owned not reported
		{"Initiatives", "O2", "warn", ""},
		{"Initiatives", "S2", "sample-data/register.xlsx:Initiatives!14", ""},
		{"Initiatives", "E3", "", ""}, // no status
		{"Initiatives", "G3", "", ""}, // spend null
		{"Initiatives", "H3", "", ""}, // score null
		{"Initiatives", "I3", "not_scored", ""},
		{"Initiatives", "J3", "", ""}, // cancelled: no checks
		{"Initiatives", "S3", "sample-data/register.csv:3", ""},
		{"Checks", "A2", "INI-001", ""},
		{"Checks", "D2", "1", "1"},
		{"Checks", "E3", "peak_clear", ""},
		{"Checks", "F3", "Sequencing around critical periods", ""},
		{"Checks", "G3", "warn", ""},
		{"Checks", "H3", "-go-live near peak", ""},
		{"Checks", "A4", "", ""}, // two checks in all
		{"Metrics", "F2", "48", "48"},
		{"Metrics", "H2", "36.5", "36.5"},
		{"Metrics", "I2", "2026-09", ""},
		{"Metrics", "J2", "47.9%", "0.4791"},
		{"Metrics", "K2", "INI-001, INI-003", ""},
		{"Metrics", "F3", "0.9", "0.9"},
		{"Metrics", "H3", "", ""}, // latest null
		{"Metrics", "J3", "", ""}, // progress null
		{"Issues", "A2", "error", ""},
		{"Issues", "D2", "12", "12"},
		{"Issues", "E2", "F", ""},
		{"Issues", "H2", `cannot read "=1+1" as money`, ""},
		{"Issues", "D3", "", ""}, // row 0: empty
	}
	for _, tt := range tests {
		got, err := f.GetCellValue(tt.sheet, tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, got, tt.want)
		}
		if tt.raw != "" {
			raw, _ := f.GetCellValue(tt.sheet, tt.cell, excelize.Options{RawCellValue: true})
			if raw != tt.raw {
				t.Errorf("%s!%s raw = %q, want %q", tt.sheet, tt.cell, raw, tt.raw)
			}
			if typ, _ := f.GetCellType(tt.sheet, tt.cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s!%s type = %v, want a number", tt.sheet, tt.cell, typ)
			}
		}
	}
}

// Text from the spreadsheets never becomes a formula: it is stored exactly,
// as a string cell.
func TestWorkbookFormulaInjection(t *testing.T) {
	b, err := Workbook(scorecard())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	tests := []struct{ sheet, cell, want string }{
		{"Initiatives", "B2", `=HYPERLINK("http://x","click")`},
		{"Initiatives", "C2", "+Ops"},
		{"Initiatives", "B3", "@SUM(A1:A9)"},
		{"Initiatives", "C3", "\tTab"},
		{"Checks", "H3", "-go-live near peak"},
		{"Issues", "G2", "=1+1"},
		{"Issues", "G3", "\r-2"},
	}
	for _, tt := range tests {
		got, err := f.GetCellValue(tt.sheet, tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, got, tt.want)
		}
		if fm, _ := f.GetCellFormula(tt.sheet, tt.cell); fm != "" {
			t.Errorf("%s!%s has formula %q", tt.sheet, tt.cell, fm)
		}
		if typ, _ := f.GetCellType(tt.sheet, tt.cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s!%s type = %v, want a string", tt.sheet, tt.cell, typ)
		}
	}
	// No cell of the package carries a formula element.
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		rc, _ := zf.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(data, []byte("<f>")) || bytes.Contains(data, []byte("<f ")) {
			t.Errorf("%s holds a formula", zf.Name)
		}
	}
}

func TestWorkbookLayout(t *testing.T) {
	b, err := Workbook(scorecard())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	tests := []struct {
		sheet, topLeft string
		xSplit         int
	}{
		{"Summary", "A2", 0}, {"Initiatives", "B2", 1}, {"Checks", "B2", 1}, {"Metrics", "B2", 1}, {"Issues", "A2", 0},
	}
	for _, tt := range tests {
		p, err := f.GetPanes(tt.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.YSplit != 1 || p.XSplit != tt.xSplit || p.TopLeftCell != tt.topLeft {
			t.Errorf("%s panes = %+v, want frozen header, %d columns, top left %s", tt.sheet, p, tt.xSplit, tt.topLeft)
		}
	}
	names := f.GetDefinedName()
	filters := map[string]string{}
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" {
			filters[n.Scope] = n.RefersTo
		}
	}
	wantFilters := map[string]string{
		"Summary":     "'Summary'!$A$1:$C$22",
		"Initiatives": "'Initiatives'!$A$1:$S$3",
		"Checks":      "'Checks'!$A$1:$H$3",
		"Metrics":     "'Metrics'!$A$1:$L$3",
		"Issues":      "'Issues'!$A$1:$H$3",
	}
	for s, want := range wantFilters {
		if filters[s] != want {
			t.Errorf("%s autofilter = %q, want %q", s, filters[s], want)
		}
	}
	if w, _ := f.GetColWidth("Checks", "H"); w < 18 || w > 61 {
		t.Errorf("Checks reason column width %v, want fitted to its text", w)
	}
}

func TestWorkbookDeterministic(t *testing.T) {
	a, err := Workbook(scorecard())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Workbook(scorecard())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two calls gave different bytes")
	}
	props, err := open(t, a).GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2026-09-30T00:00:00Z" || props.Modified != "2026-09-30T00:00:00Z" || props.Creator != "opsalign" {
		t.Errorf("doc props = %+v, want times from as_of", props)
	}
}

func TestWorkbookEmpty(t *testing.T) {
	b, err := Workbook(&model.Scorecard{Schema: 1, AsOf: "not a date"})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, b)
	if v, _ := f.GetCellValue("Issues", "A1"); v != "Severity" {
		t.Errorf("Issues!A1 = %q", v)
	}
	if _, err := Workbook(nil); err == nil {
		t.Error("Workbook(nil) did not fail")
	}
}

func BenchmarkWorkbook(b *testing.B) {
	sc := scorecard()
	base := sc.Initiatives[0]
	for i := range 200 {
		in := base
		in.ID = "INI-" + strings.Repeat("9", i%7)
		sc.Initiatives = append(sc.Initiatives, in)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Workbook(sc); err != nil {
			b.Fatal(err)
		}
	}
}

// textWidth counts the characters of a text up to maxWidth*UTFMax bytes:
// exactly when it is no wider than a column can be, and at least
// maxWidth when it is wider.
func TestTextWidth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"héllo", 5},
		{strings.Repeat("a", 60), 60},
		{strings.Repeat("é", 100), 100},       // 200 bytes: all counted
		{strings.Repeat("€", 100), 80},        // 300 bytes: the first 240, 80 runes
		{strings.Repeat("a", 1000), 240},      // the first 240 bytes
		{strings.Repeat("a", 239) + "€", 240}, // a rune cut at byte 240 counts its first byte
	} {
		if got := textWidth(tt.s); got != tt.want {
			t.Errorf("textWidth(%d bytes) = %d, want %d", len(tt.s), got, tt.want)
		}
		if got, exact := min(textWidth(tt.s), maxWidth), min(utf8.RuneCountInString(tt.s), maxWidth); got != exact {
			t.Errorf("textWidth(%d bytes) capped = %d, want %d", len(tt.s), got, exact)
		}
	}
}

// WorkbookTo appends Workbook's bytes to a buffer.
func TestWorkbookTo(t *testing.T) {
	want, err := Workbook(scorecard())
	if err != nil {
		t.Fatal(err)
	}
	buf := bytes.NewBufferString("head")
	if err := WorkbookTo(buf, scorecard()); err != nil {
		t.Fatal(err)
	}
	if got := buf.Bytes(); string(got[:4]) != "head" || !bytes.Equal(got[4:], want) {
		t.Errorf("WorkbookTo wrote %d bytes after the head, want Workbook's %d", len(got)-4, len(want))
	}
	if err := WorkbookTo(buf, nil); err == nil {
		t.Error("WorkbookTo(nil) did not fail")
	}
}
