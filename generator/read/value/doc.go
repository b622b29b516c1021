// Package value parses the text of spreadsheet cells as finance writes
// it: numbers (1,234.5, (12), 3.5m, 1.234,5 with a decimal comma), money
// with a currency symbol or code, percentages, dates and date-times in
// the configured day/month order, Excel serial dates, months, quarters
// and fiscal years, yes/no values and enumerated values. It also folds
// headers, names and values for matching (FoldHeader, FoldName,
// FoldValue) and trims cells (CleanSpaces).
//
// Every function is pure: the same text and settings give the same
// result, and nothing reads the clock or keeps state. A blank cell gives
// ErrEmpty, so that a caller can tell "empty" from "unreadable".
package value
