package read

import (
	"fmt"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/opsalign/opsalign/generator/read/xlsx"
)

// limits bound what one data file may cost to read (see DefaultLimits of
// package xlsx for workbooks): a hostile or broken file is refused with an
// error naming the file and the limit, in bounded memory.
type limits struct {
	xlsx xlsx.Limits
	// rows is the most rows a file may hold, all sheets together
	// (Excel's limit for a sheet).
	rows int
	// csvRecord is the most bytes a CSV record may take (and so a field).
	csvRecord int
	// issues is how many issues of one field in one file are listed; the
	// others are counted in one more issue.
	issues int
	// value is how many characters of a cell an issue quotes.
	value int
}

func defaultLimits() limits {
	return limits{xlsx: xlsx.DefaultLimits(), rows: 1_048_576, csvRecord: 1 << 20, issues: 100, value: 200}
}

// countRow counts a row read from the file and refuses the file past the
// rows limit.
func (rd *reader) countRow() error {
	rd.rows++
	if rd.rows > rd.lim.rows {
		rd.fatal = true
		return rd.fileErr("", errTooManyRows(rd.lim))
	}
	return nil
}

// thousands writes n with thousands separators: 1,048,576.
func thousands(n int) string { return message.NewPrinter(language.English).Sprint(n) }

func errTooManyRows(lim limits) error {
	return fmt.Errorf("the file holds more than %s rows, Excel's limit for a sheet; refusing to read it (split it into smaller files)", thousands(lim.rows))
}
