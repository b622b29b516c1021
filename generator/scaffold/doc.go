// Package scaffold creates a new opsalign site folder (`opsalign new DIR`):
// an opsalign.toml with every key documented, a starter narrative, and one
// .xlsx template per input table with the header row the reader expects,
// a clearly marked example row, a comment on every column, dropdown
// validation for every enumerated field, date and number formats, and an
// Instructions sheet.
//
// The templates are built from the schema the reader matches headers and
// values with (schema.Fields and schema.EnumSpellings), so what a template
// offers is exactly what the reader accepts. Every file is deterministic: the same call writes the same bytes.
package scaffold
