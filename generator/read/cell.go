package read

import (
	"math"
	"strconv"

	"github.com/opsalign/opsalign/generator/read/xlsx"
)

// cell is one spreadsheet cell as read: its text and its type. A CSV
// cell is always text; an xlsx cell has the type the workbook stores
// (never the type its text looks like).
type cell struct {
	v string
	t xlsx.Type
}

// number returns the value of a typed number cell: a finite number.
func (c cell) number() (float64, bool) {
	if c.t != xlsx.Number {
		return 0, false
	}
	f, err := strconv.ParseFloat(c.v, 64)
	return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// colLetter returns the spreadsheet letter of the 0-based column i: A, Z, AA.
func colLetter(i int) string {
	var b [8]byte
	n := len(b)
	for i++; i > 0 && n > 0; i = (i - 1) / 26 {
		n--
		b[n] = byte('A' + (i-1)%26)
	}
	return string(b[n:])
}

// colIndex is the inverse of colLetter: 0 for "A", -1 for "".
func colIndex(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return -1
		}
		n = n*26 + int(s[i]-'A'+1)
	}
	return n - 1
}
