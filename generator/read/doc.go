// Package read turns the spreadsheets of a site's data folder into a typed
// model.Dataset: it walks the folder, decodes CSV dialects and streams xlsx
// workbooks, recognises which table each sheet holds, maps its headers to
// fields through alias tables, parses every cell with pure value parsers and
// reports each problem as a model.Issue pointing at the exact cell.
//
// Its inner libraries are packages of their own: xlsx streams workbooks
// with the type each cell has in the file, csvrecord reads CSV records as
// spreadsheet programs read them, value parses cell text (numbers, money,
// dates, periods, enumerated values) and schema describes the tables,
// their fields and the spellings accepted for them. Every file is read
// within limits like Excel's own (see limits), so that a hostile or
// broken file is refused in bounded memory.
//
// The contract is the inputs specification: forgiving about layout, strict
// about meaning, and never dropping a row without an issue.
package read
