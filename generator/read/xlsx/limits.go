package xlsx

// Limits bound what reading a workbook may cost, so that a hostile or
// broken file is refused with a clear error instead of filling memory.
// They follow Excel's own limits where Excel has one.
type Limits struct {
	// Entries is the most files the zip package may hold.
	Entries int
	// Total is the most bytes all parts may unpack to together.
	Total int64
	// Ratio is the most a part larger than 1 MB may unpack to, as a
	// multiple of its packed size.
	Ratio int
	// Part is the most bytes a part other than a worksheet may unpack to:
	// shared strings, the workbook, relationships. Worksheets are
	// streamed and not held.
	Part int64
	// Depth is the deepest the elements of a part's XML may nest.
	Depth int
	// Cell is the most characters a cell may hold (Excel's: 32,767).
	Cell int
	// Rows is the highest row number of a sheet (Excel's: 1,048,576).
	Rows int
	// Columns is the highest column number of a sheet (Excel's: 16,384,
	// column XFD).
	Columns int
}

// DefaultLimits are the limits of Excel where it has them and generous
// bounds elsewhere: 10,000 zip entries, 1 GB unpacked, parts packed at
// most 100 to 1, 64 MB for shared strings and the other non-worksheet
// parts, elements nested 100 deep, 32,767 characters a cell, 1,048,576
// rows and 16,384 columns.
func DefaultLimits() Limits {
	return Limits{Entries: 10_000, Total: 1 << 30, Ratio: 100, Part: 64 << 20, Depth: 100, Cell: 32_767, Rows: 1_048_576, Columns: 16_384}
}
