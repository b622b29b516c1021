package model

import "strconv"

// Source says where a record came from: a file relative to the site folder,
// the sheet (empty for CSV) and the 1-based row as a spreadsheet program
// shows it.
type Source struct {
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Row   int    `json:"row"`
	// Columns maps a field name to the column letter it was read from.
	Columns map[string]string `json:"-"`
}

// Cell returns the compiler-style reference of a field of the record, such
// as "sample-data/register.xlsx:Initiatives!H14", or the row reference when
// the field's column is unknown.
func (s Source) Cell(field string) string {
	return Ref(s.File, s.Sheet, s.Row, s.Columns[field])
}

// String returns the row reference, such as "register.xlsx:Initiatives!14".
func (s Source) String() string { return Ref(s.File, s.Sheet, s.Row, "") }

// Ref formats a position as a spreadsheet user reads it: file:Sheet!F12
// for a cell of a workbook, file:F12 for a cell of a CSV file, file:Sheet
// for a whole sheet. Empty parts are left out.
func Ref(file, sheet string, row int, col string) string {
	switch {
	case row == 0 && sheet != "":
		return file + ":" + sheet
	case row == 0:
		return file
	}
	// One allocation: a reference is made for every field of every
	// initiative page.
	b := make([]byte, 0, len(file)+len(sheet)+len(col)+12)
	b = append(b, file...)
	b = append(b, ':')
	if sheet != "" {
		b = append(b, sheet...)
		b = append(b, '!')
	}
	b = append(b, col...)
	b = strconv.AppendInt(b, int64(row), 10)
	return string(b)
}
