package scaffold

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/opsalign/opsalign/generator/model"
)

// instructionsSheet is the name of every template's help sheet. The reader
// lists it as ignored (an info note): it matches no table.
const instructionsSheet = "Instructions"

// tableHelp says what one row of each table is.
var tableHelp = map[model.Table]string{
	model.TableInitiatives: "One row per IT initiative in the portfolio. Required.",
	model.TableMetrics:     "One row per operational metric of the operating plan. Required.",
	model.TableActuals:     "One row per observed value of a metric for a month or quarter. Finance's wide layout also works: a Metric column followed by one column per period (2026-01, Jan-26, 2026-Q1, …).",
	model.TableCalendar:    "One row per peak period, change freeze or close window.",
	model.TablePlan:        "One row per funding line of the annual operating plan.",
	model.TableIncidents:   "One row per operational incident (an export from the incident tool works as it is).",
	model.TableReviews:     "One row per operational review meeting of a business unit.",
}

// writeInstructions fills the Instructions sheet: what the table is, how
// to fill it, and one line per column.
func writeInstructions(f *excelize.File, t model.Table, cols []Column) error {
	sh := instructionsSheet
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	lines := []string{
		fmt.Sprintf("How to fill in %s", FileName(t)),
		"",
		tableHelp[t],
		fmt.Sprintf("Fill the %s sheet from row 2 down. Keep the header row; extra columns are ignored.", SheetName(t)),
		fmt.Sprintf("Rows whose id or name starts with %q are examples: replace or delete them.", ExamplePrefix),
		"Hover over a header cell for its comment. Columns with a fixed set of values have a dropdown of what opsalign reads.",
		"Then run `opsalign check` in the site folder: every problem is reported with its cell, e.g. " + SheetName(t) + "!C2.",
		"",
	}
	for i, l := range lines {
		if err := f.SetCellValue(sh, fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "A1", bold); err != nil {
		return err
	}
	r := len(lines) + 1
	for i, h := range []string{"Column", "Needed", "What to enter"} {
		c, _ := excelize.CoordinatesToCellName(i+1, r)
		if err := f.SetCellValue(sh, c, h); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, c, c, bold); err != nil {
			return err
		}
	}
	for i, c := range cols {
		row := r + 1 + i
		need := "optional"
		if c.Field.Required {
			need = "required"
		}
		for j, v := range []string{c.Header, need, c.Help} {
			cell, _ := excelize.CoordinatesToCellName(j+1, row)
			if err := f.SetCellValue(sh, cell, v); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 24); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", 10); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "C", "C", 90); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(3, r+len(cols))
	return f.SetCellStyle(sh, "C"+fmt.Sprint(r+1), last, wrap)
}
