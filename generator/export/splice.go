package export

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// splices writes the data rows of large sheets straight into the package:
// excelize streams a sheet's header row only, and when it writes the
// sheet's part the rows are generated into it before </sheetData>, as
// excelize's StreamWriter would have written them (one cell costs a tenth
// of StreamWriter.SetRow's). A sheet takes this path only when every cell
// is written the same way by both (see simpleCell).
type splices struct {
	rows map[string]func(w io.Writer) error // part name → its data rows
}

// add registers the data rows of the sheet at part name.
func (s *splices) add(name string, rows func(w io.Writer) error) {
	s.rows[name] = rows
}

// wrap returns a ZipWriter that splices the registered rows into zw's parts.
func (s *splices) wrap(zw excelize.ZipWriter) excelize.ZipWriter {
	return &spliceWriter{s: s, zw: zw}
}

type spliceWriter struct {
	s    *splices
	zw   excelize.ZipWriter
	name string       // the part being held, "" none
	held bytes.Buffer // its bytes, without the rows
}

func (w *spliceWriter) Create(name string) (io.Writer, error) {
	if err := w.flush(); err != nil {
		return nil, err
	}
	if _, ok := w.s.rows[name]; ok {
		w.name = name
		w.held.Reset()
		return &w.held, nil
	}
	return w.zw.Create(name)
}

// flush writes the held part with its rows spliced in.
func (w *spliceWriter) flush() error {
	if w.name == "" {
		return nil
	}
	name := w.name
	w.name = ""
	rows := w.s.rows[name]
	delete(w.s.rows, name)
	b := w.held.Bytes()
	at := bytes.Index(b, []byte("</sheetData>"))
	if at < 0 {
		return fmt.Errorf("export: part %s has no sheetData", name)
	}
	out, err := w.zw.Create(name)
	if err != nil {
		return err
	}
	if _, err := out.Write(b[:at]); err != nil {
		return err
	}
	if err := rows(out); err != nil {
		return err
	}
	_, err = out.Write(b[at:])
	return err
}

func (w *spliceWriter) AddFS(fsys fs.FS) error {
	if err := w.flush(); err != nil {
		return err
	}
	return w.zw.AddFS(fsys)
}

func (w *spliceWriter) Close() error {
	if err := w.flush(); err != nil {
		return err
	}
	for name := range w.s.rows {
		return fmt.Errorf("export: the rows of part %s were not written", name)
	}
	return w.zw.Close()
}

// simpleText reports whether text s is written by appendTextTail exactly
// as by StreamWriter.SetRow: with no "_x" (excelize escapes _xHHHH_) and
// not truncated.
func simpleText(s string) bool {
	if len(s) > excelize.TotalCellChars {
		return false
	}
	i := strings.IndexByte(s, '_') // most texts have none
	return i < 0 || !strings.Contains(s[i:], "_x")
}

// simpleNum reports whether x is written by appendNumCell exactly as by
// StreamWriter.SetRow: at most 15 significant digits (excelize rounds
// longer ones).
func simpleNum(x float64) bool {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return true // an integer of at most 15 digits
	}
	var b [32]byte
	d := 0
	for _, ch := range strconv.AppendFloat(b[:0], x, 'f', -1, 64) {
		if ch >= '0' && ch <= '9' {
			d++
		}
	}
	return d <= 15
}

// appendNumCell appends the XML of a number cell in column col of row rn,
// in style (0: none), as StreamWriter writes it.
func appendNumCell(dst []byte, col string, rn []byte, style int, x float64) []byte {
	dst = append(dst, `<c r="`...)
	dst = append(dst, col...)
	dst = append(dst, rn...)
	dst = append(dst, '"')
	if style != 0 {
		dst = append(dst, ` s="`...)
		dst = strconv.AppendInt(dst, int64(style), 10)
		dst = append(dst, '"')
	}
	dst = append(dst, `><v>`...)
	dst = appendNumber(dst, x)
	return append(dst, `</v></c>`...)
}

// appendNumber appends x as strconv.AppendFloat(dst, x, 'f', -1, 64)
// does, integers (a principle, a row, most money) through AppendInt.
func appendNumber(dst []byte, x float64) []byte {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 && (x != 0 || !math.Signbit(x)) {
		return strconv.AppendInt(dst, int64(x), 10)
	}
	return strconv.AppendFloat(dst, x, 'f', -1, 64)
}

// appendTextTail appends the XML of a text cell after its reference (from
// the reference's closing quote), as StreamWriter writes it.
func appendTextTail(dst []byte, v string) []byte {
	dst = append(dst, `" t="inlineStr"><is><t`...)
	if v != "" && (isSpace(v[0]) || isSpace(v[len(v)-1])) {
		dst = append(dst, ` xml:space="preserve"`...)
	}
	dst = append(dst, '>')
	dst = appendEscaped(dst, v)
	return append(dst, `</t></is></c>`...)
}

// isSpace reports whether b is a byte excelize keeps with xml:space="preserve"
// at either end of a text.
func isSpace(b byte) bool { return b == 9 || b == 10 || b == 13 || b == 32 }

// appendEscaped appends s escaped as xml.EscapeText does, but for line
// feeds, which excelize keeps: &#34; &#39; &amp; &lt; &gt; &#x9; &#xD;,
// and U+FFFD for a byte that is not UTF-8 or a rune outside XML's
// character range.
func appendEscaped(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		b := s[i]
		if plain(b) {
			i++
			continue
		}
		var esc string
		width := 1
		if b < utf8.RuneSelf {
			switch b {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			case '\n':
			default:
				if b < 0x20 {
					esc = "\uFFFD"
				}
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if !inCharRange(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
			}
		}
		i += width
		if esc == "" {
			continue
		}
		dst = append(dst, s[last:i-width]...)
		dst = append(dst, esc...)
		last = i
	}
	return append(dst, s[last:]...)
}

// plainLo marks, bit b, the bytes below 64 that appendEscaped copies as
// they are: printable ones but for "&'<>, and the line feed (all from 64
// to 127 are copied).
const plainLo uint64 = (1<<'\n' | (1<<64-1)&^(1<<32-1)) &^ (1<<'"' | 1<<'&' | 1<<'\'' | 1<<'<' | 1<<'>')

// plain reports whether appendEscaped copies byte b as it is.
func plain(b byte) bool {
	if b < 64 {
		return plainLo>>b&1 != 0
	}
	return b < 128
}

// inCharRange reports whether r is in XML's character range, as
// encoding/xml's isInCharacterRange.
func inCharRange(r rune) bool {
	return r == 0x09 ||
		r == 0x0A ||
		r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
