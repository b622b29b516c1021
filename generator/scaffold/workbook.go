package scaffold

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/opsalign/opsalign/internal/xlsxzip"

	"github.com/xuri/excelize/v2"

	"github.com/opsalign/opsalign/generator/model"
)

// validatedRows is how far down a template's dropdowns and formats reach.
const validatedRows = 5000

// SheetName returns the name of table t's sheet in its template
// ("Initiatives"); the reader recognises the table by it.
func SheetName(t model.Table) string {
	s := string(t)
	return strings.ToUpper(s[:1]) + s[1:]
}

// FileName returns the template file of table t ("initiatives.xlsx").
func FileName(t model.Table) string { return string(t) + ".xlsx" }

// Workbook returns the .xlsx template of table t: the table's sheet with
// the header row, the example rows, a comment on every header cell, a
// dropdown for every enumerated column and number formats, then an
// Instructions sheet. Amounts are in currency.
func Workbook(t model.Table, currency string) ([]byte, error) {
	cols := Columns(t, currency)
	if len(cols) == 0 {
		return nil, fmt.Errorf("templates: unknown table %q", t)
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(xlsxzip.Sorted)
	data := SheetName(t)
	if err := f.SetSheetName("Sheet1", data); err != nil {
		return nil, err
	}
	if err := writeData(f, data, t, cols); err != nil {
		return nil, fmt.Errorf("templates: %s: %w", FileName(t), err)
	}
	if _, err := f.NewSheet(instructionsSheet); err != nil {
		return nil, err
	}
	if err := writeInstructions(f, t, cols); err != nil {
		return nil, fmt.Errorf("templates: %s: %w", FileName(t), err)
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("templates: %s: %w", FileName(t), err)
	}
	return buf.Bytes(), nil
}

// writeData fills the table's sheet.
func writeData(f *excelize.File, sheet string, t model.Table, cols []Column) error {
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
	})
	if err != nil {
		return err
	}
	formats := map[string]int{}
	for _, typ := range []string{"date", "datetime", "money", "number", "percent"} {
		code := numFmts[typ]
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			return err
		}
		formats[typ] = id
	}
	for i, c := range cols {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, width(c)); err != nil {
			return err
		}
		if id, ok := formats[c.Field.Type]; ok {
			if err := f.SetColStyle(sheet, col, id); err != nil {
				return err
			}
		}
		cell := col + "1"
		if err := f.SetCellValue(sheet, cell, c.Header); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, cell, header); err != nil {
			return err
		}
		if err := f.AddComment(sheet, excelize.Comment{Author: "opsalign", Cell: cell, Text: c.Help, Width: 320, Height: 120}); err != nil {
			return err
		}
		if err := addDropdown(f, sheet, col, c); err != nil {
			return err
		}
		for r, row := range examples(t) {
			v, ok := row[c.Field.Name]
			if !ok {
				continue
			}
			if tm, isTime := v.(time.Time); isTime && c.Field.Type == "date" {
				v = tm // a date cell; the column's format shows it
			}
			if err := f.SetCellValue(sheet, fmt.Sprintf("%s%d", col, r+2), v); err != nil {
				return err
			}
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// addDropdown adds list validation to column col when its field is
// enumerated. Other spellings the reader accepts stay allowed (the alert
// is a warning), since finance often pastes from planning tools.
func addDropdown(f *excelize.File, sheet, col string, c Column) error {
	list := choices(c.Field.Type)
	if list == nil {
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, validatedRows))
	if err := dv.SetDropList(list); err != nil {
		return fmt.Errorf("column %s (%s): %w", col, c.Header, err)
	}
	msg := "opsalign expects one of: " + strings.Join(list, ", ") + "."
	if more := alsoAccepted(c.Field.Type); len(more) > 0 {
		msg += " The column comment lists other accepted spellings."
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, truncate(c.Header, 32), truncate(msg, 255))
	return f.AddDataValidation(sheet, dv)
}

// width picks a column width that fits the header and the example.
func width(c Column) float64 {
	switch c.Field.Type {
	case "date", "datetime", "money", "number", "percent", "bool":
		return max(12, float64(len(c.Header))+4)
	}
	return max(18, float64(len(c.Header))+4)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
