package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/csvrecord"
	"github.com/opsalign/opsalign/generator/read/value"
	"github.com/opsalign/opsalign/generator/read/xlsx"
)

// csvDelimiters are the delimiters detected, in order of preference.
var csvDelimiters = []rune{',', ';', '\t', '|'}

// csvSniff is how much of a CSV file is looked at to detect its encoding
// and delimiter.
const csvSniff = 64 << 10

// decodeCSV returns a UTF-8 reader for a CSV byte stream: a UTF-8 BOM is
// dropped, UTF-16 with a BOM is decoded, and text that is not valid UTF-8
// is read as Windows-1252 (Excel's "CSV" on Windows).
func decodeCSV(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, csvSniff)
	head, err := br.Peek(4)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, nil
	case isUTF16(head):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), csvSniff), nil
	}
	sample, _ := br.Peek(csvSniff)
	if bytes.IndexByte(sample, 0) >= 0 {
		return nil, errors.New("not a CSV file: it holds binary data (is it a workbook saved with a .csv name?)")
	}
	// cut a possibly split rune at the end of the sample
	for i := 0; i < utf8.UTFMax && len(sample) > 0 && !utf8.Valid(sample); i++ {
		sample = sample[:len(sample)-1]
	}
	if !utf8.Valid(sample) {
		return bufio.NewReaderSize(transform.NewReader(br, charmap.Windows1252.NewDecoder()), csvSniff), nil
	}
	return br, nil
}

// isUTF16 reports whether a file starts with a UTF-16 byte-order mark.
func isUTF16(head []byte) bool {
	return bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})
}

// sniffDelimiter picks the delimiter that splits the header row into the
// most known headers (the header may sit below title rows), falling back
// to the one that splits the first line most.
func sniffDelimiter(br *bufio.Reader, known map[string]bool) rune {
	sample, _ := br.Peek(csvSniff)
	lines := strings.Split(string(sample), "\n")
	if len(lines) > headerScanRows {
		lines = lines[:headerScanRows]
	}
	best, bestScore, bestCount := ',', -1, -1
	for _, d := range csvDelimiters {
		score, count := 0, -1
		for _, line := range lines {
			fields := splitOutsideQuotes(strings.TrimRight(line, "\r"), d)
			s := 0
			for _, f := range fields {
				if known[value.FoldHeader(strings.Trim(strings.TrimSpace(f), `"`))] {
					s++
				}
			}
			score = max(score, s)
			if count < 0 && strings.TrimSpace(line) != "" {
				count = len(fields)
			}
		}
		if score > bestScore || score == bestScore && count > bestCount {
			best, bestScore, bestCount = d, score, count
		}
	}
	return best
}

// excelSepLine reads Excel's "sep=;" first line, which names the
// delimiter and which Excel does not show as a row.
func excelSepLine(br *bufio.Reader) (rune, bool) {
	head, _ := br.Peek(8)
	if len(head) < 5 || !bytes.EqualFold(head[:4], []byte("sep=")) {
		return 0, false
	}
	d, size := utf8.DecodeRune(head[4:])
	rest := head[4+size:]
	if !strings.ContainsRune(",;\t|", d) || len(rest) > 0 && rest[0] != '\n' && rest[0] != '\r' {
		return 0, false
	}
	br.ReadSlice('\n') // drop the line
	return d, true
}

// splitOutsideQuotes splits a line on d where d is not inside quotes.
func splitOutsideQuotes(line string, d rune) []string {
	var out []string
	inQ, start := false, 0
	for i, r := range line {
		switch {
		case r == '"':
			inQ = !inQ
		case r == d && !inQ:
			out = append(out, line[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(out, line[start:])
}

// estimateRows guesses the number of records from the file size and the
// line lengths of the first 64 KB, to size the record store once.
func estimateRows(br *bufio.Reader, size int64) int {
	sample, _ := br.Peek(csvSniff)
	lines := bytes.Count(sample, []byte{'\n'})
	if lines < 2 || size <= int64(len(sample)) {
		return lines + 1
	}
	n := float64(size) / float64(len(sample)) * float64(lines)
	return int(n*1.05) + 16 // a little spare, so one block holds them all
}

// readCSV streams one CSV file as one sheet. reopen opens the file again
// from its start, for counting its rows first when it may have more than
// the limit.
func (rd *reader) readCSV(r io.Reader, size int64, label string, reopen func() (io.ReadCloser, error)) error {
	raw := bufio.NewReader(r)
	if head, _ := raw.Peek(2); isUTF16(head) {
		size /= 2 // the row estimate counts decoded bytes
	}
	br, err := decodeCSV(raw)
	if err != nil {
		return rd.fileErr("", err)
	}
	if _, err := br.Peek(1); err == io.EOF {
		// An empty file (a failed or placeholder export) holds no table,
		// whatever its name says: it is ignored, as an info.
		rd.res.ignored = append(rd.res.ignored, rd.ref(""))
		rd.issue(model.Issue{Severity: model.SevInfo, Message: "file ignored: it is empty"})
		return nil
	}
	s, err := rd.newSheet("", label)
	if err != nil {
		return err
	}
	rd.rowHint = estimateRows(br, size)
	if rd.rowHint > rd.lim.rows/2 && reopen != nil {
		if err := rd.countRecords(reopen); err != nil {
			return err
		}
	}
	comma, sepLine := excelSepLine(br)
	if !sepLine {
		comma = sniffDelimiter(br, rd.sc.anyAlias)
	}
	records := csvrecord.NewReader(br)
	records.Comma = byte(comma)
	records.MaxRecord = rd.lim.csvRecord
	row, nextLine := 0, 1
	var cells []cell
	for {
		fields, err := records.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if pe := (*csvrecord.ParseError)(nil); errors.As(err, &pe) && errors.Is(err, csvrecord.ErrTooLong) {
				return rd.fileErr("", rd.tooLong(row+1+max(pe.StartLine-nextLine, 0), pe))
			}
			return rd.fileErr("", fmt.Errorf("cannot read the CSV file: %w", err))
		}
		if err := rd.countRow(); err != nil {
			return err
		}
		cells = cells[:0]
		for _, f := range fields {
			cells = append(cells, cell{v: f, t: xlsx.Text})
		}
		// A spreadsheet program shows a blank line as a blank row and a
		// quoted line break as part of one row.
		line, end := records.Lines()
		row += 1 + max(line-nextLine, 0)
		nextLine = end + 1
		if row&1023 == 0 {
			if err := rd.ctx.Err(); err != nil {
				return err
			}
		}
		if records.Unterminated() {
			last := value.CleanSpaces(cells[len(cells)-1].v)
			if r := []rune(last); len(r) > 40 {
				last = string(r[:40]) + "…"
			}
			rd.issue(model.Issue{Severity: model.SevError, Row: row, Column: colLetter(len(cells) - 1), Value: last,
				Message: "a quote opened in this cell is never closed, so the rest of the file was read into it; close the quote (write \"\" for a quote inside a quoted cell)"})
		}
		if err := s.feed(row, cells); err != nil {
			return err
		}
		if s.done {
			break
		}
	}
	return s.end()
}

// tooLong is the error of a CSV record at row longer than the limit.
func (rd *reader) tooLong(row int, pe *csvrecord.ParseError) error {
	limit := rd.lim.csvRecord >> 20
	if pe.Quoted {
		return fmt.Errorf("row %d, column %s: a quote opened in this cell is not closed within %d MB (the limit for a CSV row), so the rest of the file would be read into it; close the quote (write \"\" for a quote inside a quoted cell). The file is not read",
			row, colLetter(pe.Field-1), limit)
	}
	return fmt.Errorf("row %d: the row is longer than %d MB, the limit for a CSV row (it passes the limit in column %s). The file is not read",
		row, limit, colLetter(pe.Field-1))
}

// countRecords reads the file through once without keeping anything, and
// refuses it when it holds more records than the rows limit: a file that
// big is refused in the memory of one record, not of a million rows.
func (rd *reader) countRecords(reopen func() (io.ReadCloser, error)) error {
	f, err := reopen()
	if err != nil {
		return rd.fileErr("", err)
	}
	defer f.Close()
	br, err := decodeCSV(f)
	if err != nil {
		return rd.fileErr("", err)
	}
	records := csvrecord.NewReader(br) // where records end does not depend on the delimiter
	records.MaxRecord = rd.lim.csvRecord
	for n := 1; ; n++ {
		if _, err := records.Read(); err != nil {
			return nil // the end, or an error the real reading reports at its row
		}
		if n > rd.lim.rows {
			rd.fatal = true
			return rd.fileErr("", errTooManyRows(rd.lim))
		}
		if n&4095 == 0 {
			if err := rd.ctx.Err(); err != nil {
				return err
			}
		}
	}
}
