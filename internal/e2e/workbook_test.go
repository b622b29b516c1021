package e2e

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestHostileWorkbook builds the hostile site and checks that its
// downloadable workbook holds the hostile text as text: no cell of any
// sheet is a formula, and the texts that look like formulas are there,
// unchanged, as values.
func TestHostileWorkbook(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, hostile)
	mem := build(t, filepath.Join(dir, "opsalign.toml"))
	b, ok := mem.Get("downloads/scorecard.xlsx")
	if !ok {
		t.Fatal("no downloads/scorecard.xlsx")
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]string{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, err := f.GetCellFormula(sheet, cell); err != nil || fm != "" {
					t.Errorf("%s!%s holds the formula %q (%v)", sheet, cell, fm, err)
				}
				for _, h := range hostile[6:] {
					if v == h {
						found[h] = sheet + "!" + cell
					}
				}
			}
		}
	}
	for _, h := range hostile[6:] {
		if found[h] == "" {
			t.Errorf("no cell holds %q as its value", h)
		}
	}
}
