// Package csvrecord reads comma-separated values (CSV) files as
// spreadsheet programs read them.
//
// A csv file contains zero or more records of one or more fields per
// record. Each record is separated by the newline character. The final
// record may optionally be followed by a newline character. The field
// delimiter is a single byte, a comma by default.
//
//	field1,field2,field3
//
// Carriage returns before newline characters are silently removed. Blank
// lines are ignored: they are not records (Reader.Lines still counts
// them).
//
// A field starting with a quote character is a quoted field. It runs to
// the next quote that is not doubled; a doubled quote in it is one quote,
// and it may hold delimiters and newlines:
//
//	"the ""word"" is true","a ""quoted-field"""
//	"Multi-line
//	field","comma is ,"
//
// results in
//
//	{`the "word" is true`, `a "quoted-field"`}
//	{"Multi-line\nfield", "comma is ,"}
//
// Where encoding/csv reports an error, this package reads what Excel,
// LibreOffice and Python's csv module read:
//
//   - Text after the closing quote of a quoted field, up to the next
//     delimiter, is kept as written: "Phase" 2 rollout is Phase 2 rollout.
//   - A quote inside an unquoted field is text: 27" monitors.
//   - Records may have different numbers of fields.
//   - A quoted field never closed runs to the end of the input; the
//     record is returned and Reader.Unterminated reports it.
//
// Input that encoding/csv reads without error (with FieldsPerRecord = -1)
// gives the same records here, unless it holds a carriage return that is
// not followed by a newline.
package csvrecord
