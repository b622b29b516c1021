// Package export writes the scorecard as the site's downloads: a
// spreadsheet workbook (downloads/scorecard.xlsx, Workbook) and JSON
// (data/scorecard.json, JSON).
//
// The workbook holds five sheets: Summary (headline and portfolio figures),
// Initiatives (one row per initiative, a column per check result), Checks
// (one row per initiative and check, with its reason), Metrics and Issues.
// Every text cell is written as a string cell, so text from the input
// spreadsheets never becomes a formula; a figure that cannot be computed is
// an empty cell, never 0; and two calls with the same scorecard give the
// same bytes.
package export
