package read

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestChartSheetIgnored checks that a chart sheet, which has no cells, is
// listed as ignored rather than failing the workbook.
func TestChartSheetIgnored(t *testing.T) {
	cfg := newSite(t)
	p := dataPath(cfg, "book.xlsx")
	writeXLSX(t, p, false,
		sheetSpec{name: "Initiatives", rows: [][]any{{"ID", "Name", "Category", "Budget"}, {"INI-1", "a", "Run", 1}}},
		sheetSpec{name: "Metrics", rows: [][]any{{"ID", "Name", "Baseline", "Target"}, {"M-01", "x", 1, 2}}},
	)
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.AddChartSheet("Budget chart", &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: "Initiatives!$A$1", Categories: "Initiatives!$B$2", Values: "Initiatives!$D$2"}}}); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	if len(ds.Initiatives) != 1 || len(ds.Summary.Ignored) != 1 || ds.Summary.Ignored[0] != "data/book.xlsx:Budget chart" {
		t.Errorf("initiatives %d, ignored %v", len(ds.Initiatives), ds.Summary.Ignored)
	}
}
