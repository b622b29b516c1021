package read

import "strconv"

// cell is one spreadsheet cell as read: its text, and whether it was a
// typed xlsx number (then v is the raw number and a date is its serial).
// amb marks a number-looking value that is also a shared string of the
// workbook: its type is then looked up when it matters.
type cell struct {
	v   string
	num bool
	amb bool
}

// float returns the value of a typed number cell.
func (c cell) float() (float64, bool) {
	if !c.num {
		return 0, false
	}
	f, err := strconv.ParseFloat(c.v, 64)
	return f, err == nil
}

// looksNumeric reports whether s is a raw xlsx number (digits, sign,
// point, exponent) without parsing it.
func looksNumeric(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	digit := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e':
		default:
			return false
		}
	}
	return digit
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
