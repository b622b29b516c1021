package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

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

// simpleCell reports whether cell (a value of cellOf) is written by
// appendCell exactly as by StreamWriter.SetRow: strings with no "_x"
// (excelize escapes _xHHHH_) and not truncated, numbers of at most 15
// significant digits (excelize rounds longer ones).
func simpleCell(cell any) bool {
	switch v := cell.(type) {
	case nil:
		return true
	case string:
		return len(v) <= excelize.TotalCellChars && !strings.Contains(v, "_x")
	case excelize.Cell:
		return simpleCell(v.Value)
	case float64:
		s := strconv.FormatFloat(v, 'f', -1, 64)
		d := 0
		for i := range len(s) {
			if s[i] >= '0' && s[i] <= '9' {
				d++
			}
		}
		return d <= 15
	}
	return false
}

// appendCell appends the XML of a simple cell at ref, as StreamWriter
// writes it.
func appendCell(dst []byte, ref string, cell any) []byte {
	style := 0
	if c, ok := cell.(excelize.Cell); ok {
		style, cell = c.StyleID, c.Value
	}
	dst = append(dst, `<c r="`...)
	dst = append(dst, ref...)
	dst = append(dst, '"')
	if style != 0 {
		dst = append(dst, ` s="`...)
		dst = strconv.AppendInt(dst, int64(style), 10)
		dst = append(dst, '"')
	}
	switch v := cell.(type) {
	case float64:
		dst = append(dst, `><v>`...)
		dst = strconv.AppendFloat(dst, v, 'f', -1, 64)
		dst = append(dst, `</v></c>`...)
	case string:
		dst = append(dst, ` t="inlineStr"><is><t`...)
		if v != "" {
			switch b := v[0]; b {
			case 9, 10, 13, 32:
				dst = append(dst, ` xml:space="preserve"`...)
			default:
				switch b := v[len(v)-1]; b {
				case 9, 10, 13, 32:
					dst = append(dst, ` xml:space="preserve"`...)
				}
			}
		}
		dst = append(dst, '>')
		dst = appendEscaped(dst, v)
		dst = append(dst, `</t></is></c>`...)
	}
	return dst
}

// appendEscaped appends s escaped as xml.EscapeText does, but for line
// feeds, which excelize keeps.
func appendEscaped(dst []byte, s string) []byte {
	if !strings.ContainsAny(s, "\"'&<>\t\r\n") && isPlain(s) {
		return append(dst, s...)
	}
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return append(dst, strings.ReplaceAll(b.String(), "&#xA;", "\n")...)
}

// isPlain reports whether s is printable ASCII, which EscapeText leaves as it is.
func isPlain(s string) bool {
	for i := range len(s) {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}
