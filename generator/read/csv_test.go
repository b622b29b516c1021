package read

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/opsalign/opsalign/generator/model"
)

// utf16File encodes s as UTF-16 with a byte-order mark.
func utf16File(s string, bigEndian bool) []byte {
	u := utf16.Encode([]rune(s))
	out := make([]byte, 2+2*len(u))
	var order binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	order.PutUint16(out, 0xFEFF)
	for i, c := range u {
		order.PutUint16(out[2+2*i:], c)
	}
	return out
}

// TestReadEuropeanCSV reads ";" files with decimal commas, euros, a BOM,
// CRLF line ends, quoted delimiters and line breaks, a UTF-16LE tab file
// and a UTF-16BE file.
func TestReadEuropeanCSV(t *testing.T) {
	cfg := newSite(t)
	cfg.DecimalSeparator = ","
	cfg.Currency = "EUR"
	cfg.FiscalYearStart = 4
	writeFile(t, dataPath(cfg, "exports/initiatives.csv"), []byte("\ufeffID;Name;Category;Budget;Spend;Go Live;Business Owner;Metrics\r\n"+
		"INI-001;\"ERP; phase 2\";Run;\"1.234,5 €\";\"1\u00a0234,5\";15.03.2026;\"Anna\r\nMüller\";\"M-01\r\nM-02\"\r\n"+
		"INI-002;CRM;Improve;2.000;500;03/04/2026;Bob;M-02\r\n"))
	writeFile(t, dataPath(cfg, "exports/kpis.csv"), utf16File("Code\tKPI\tBase\tGoal\r\nM-01\tCycle time\t10,5\t8\r\nM-02\tOrders\t100\t120\r\n", false))
	writeFile(t, dataPath(cfg, "exports/actuals.csv"), utf16File("Metric;Month;Value\nM-01;Jan 2026;9,5\nM-02;FY2027-Q1;110\n", true))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)

	if len(ds.Initiatives) != 2 {
		t.Fatalf("got %d initiatives, want 2", len(ds.Initiatives))
	}
	a, b := ds.Initiatives[0], ds.Initiatives[1]
	if a.Name != "ERP; phase 2" || a.Budget != 1234.5 || a.Spend == nil || *a.Spend != 1234.5 || !a.GoLive.Equal(day(2026, 3, 15)) || a.BusinessOwner != "Anna\nMüller" {
		t.Errorf("INI-001 = %+v", a)
	}
	if len(a.Metrics) != 2 {
		t.Errorf("INI-001 metrics = %q", a.Metrics)
	}
	// the quoted line break keeps INI-002 on record 3
	if b.Budget != 2000 || !b.GoLive.Equal(day(2026, 4, 3)) || b.Source.Row != 3 || b.Source.Sheet != "" || b.Source.File != "data/exports/initiatives.csv" {
		t.Errorf("INI-002 = %+v", b)
	}
	if m := ds.Metrics[0]; m.Baseline != 10.5 || m.Target != 8 || m.Direction != model.Lower {
		t.Errorf("M-01 = %+v", m)
	}
	if len(ds.Actuals) != 2 {
		t.Fatalf("got %d actuals, want 2", len(ds.Actuals))
	}
	if o := ds.Actuals[0]; o.Value != 9.5 || !o.End.Equal(day(2026, 1, 31)) {
		t.Errorf("actual 0 = %+v", o)
	}
	// FY2027-Q1 with an April fiscal year is April–June 2026.
	if o := ds.Actuals[1]; !o.End.Equal(day(2026, 6, 30)) || !o.Period.Fiscal {
		t.Errorf("actual 1 = %+v", o)
	}
}

func TestCSVDelimiters(t *testing.T) {
	for _, d := range []string{",", ";", "\t", "|"} {
		cfg := newSite(t)
		body := "Exported from PlanTool" + d + d + "\n\nID" + d + "Name" + d + "Category" + d + "Budget\nINI-001" + d + "ERP" + d + "Run" + d + "100\n"
		writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(body))
		writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
		ds := mustRead(t, cfg)
		if len(ds.Initiatives) != 1 || ds.Initiatives[0].Budget != 100 || ds.Initiatives[0].Source.Row != 4 {
			t.Errorf("delimiter %q: initiatives = %+v", d, ds.Initiatives)
		}
	}
}

// TestCSVRowNumbers checks that rows count as a spreadsheet shows them:
// blank lines are rows, a quoted line break is not.
func TestCSVRowNumbers(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte("Metric list\n\nID,Name,Baseline,Target\n\"M-01\",\"two\nlines\",1,2\n\nM-02,x,5,5\r\nM-03,y,,1\n"))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, []issueAt{
		{model.SevError, "data/metrics.csv", "", 6, "D", "target", "target equals baseline"},
		{model.SevError, "data/metrics.csv", "", 7, "C", "baseline", "required"},
	})
	if len(ds.Metrics) != 1 || ds.Metrics[0].Source.Row != 4 {
		t.Errorf("metrics = %+v", ds.Metrics)
	}
}

func TestSniffDelimiter(t *testing.T) {
	known := newSchemas().anyAlias
	tests := []struct {
		in   string
		want rune
	}{
		{"ID;Name;Budget\n1;a;1.234,5\n", ';'},
		{"ID,Name,Budget\n1,a,\"1,234\"\n", ','},
		{"Title line\nID\tName\tBudget\n", '\t'},
		{"ID|Name|Budget\n", '|'},
		{"a;b;c\n", ';'},
	}
	for _, tt := range tests {
		br, err := decodeCSV(strings.NewReader(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := sniffDelimiter(br, known); got != tt.want {
			t.Errorf("sniffDelimiter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeCSVWindows1252(t *testing.T) {
	br, err := decodeCSV(strings.NewReader("Name,Budget\nCaf\xe9,\x80 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 64)
	n, _ := br.Read(b)
	if got := string(b[:n]); got != "Name,Budget\nCafé,€ 5\n" {
		t.Errorf("decoded %q", got)
	}
}

// TestSpecificHeaderWins reads wide actuals whose metric name column comes
// before the metric id column: the id column is the metric.
func TestSpecificHeaderWins(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeFile(t, dataPath(cfg, "actuals.csv"), []byte("Metric,Metric ID,Unit,Jan 2026,2026-02\nOrder cycle time,M-01,days,9,8.5\n"))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	if len(ds.Actuals) != 2 || ds.Actuals[0].Metric != "M-01" || ds.Actuals[1].Value != 8.5 || ds.Actuals[0].Source.Columns["metric"] != "B" {
		t.Fatalf("actuals = %+v", ds.Actuals)
	}
	var info []string
	for _, i := range ds.Issues {
		if i.Severity == model.SevInfo && i.File == "data/actuals.csv" {
			info = append(info, i.Value)
		}
	}
	if len(info) != 1 || info[0] != "A: Metric; C: Unit" {
		t.Errorf("unknown columns info = %q", info)
	}
}

// TestExcelSepLineAndNotes reads Excel's "sep=;" line (not shown as a row)
// and skips, with an info issue, a note below the table.
func TestExcelSepLineAndNotes(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte("sep=;\r\nID;Name;Category;Budget;Notes\r\nINI-001;ERP;Run;100;\r\n;;;;Source: PlanTool export\r\n"))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	if len(ds.Initiatives) != 1 || ds.Initiatives[0].Source.Row != 2 || ds.Initiatives[0].Budget != 100 {
		t.Fatalf("initiatives = %+v", ds.Initiatives)
	}
	found := false
	for _, i := range ds.Issues {
		found = found || i.Severity == model.SevInfo && i.Row == 3 && i.Column == "" && strings.Contains(i.Message, "row skipped")
	}
	if !found {
		t.Errorf("no info for the note row: %v", ds.Issues)
	}
}
