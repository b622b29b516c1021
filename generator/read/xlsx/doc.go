// Package xlsx reads the cells of Office Open XML workbooks (.xlsx and
// .xlsm; the macros of .xlsm are never read) with the type each cell has
// in the file, whichever program wrote it: Excel, LibreOffice, Gnumeric,
// Google Sheets, SheetJS, ExcelJS or excelize.
//
// A worksheet is read as a stream, one row at a time; only the shared
// strings and the sheet list are held. Before anything is unpacked, the
// zip package is checked against Limits, and reading stops with an error
// naming the limit when a part, a row or a cell passes one: a hostile or
// broken file is refused in bounded memory.
//
// A cell's Type comes from the cell, never from what its text looks
// like: a shared string, an inline string and a formula's text result
// are Text even when they read "000101" or "46000"; numbers (dates
// included, which are numbers with a date format), booleans, ISO 8601
// date cells and errors are typed. A formula cell holds the result saved
// with it; nothing is calculated.
package xlsx
