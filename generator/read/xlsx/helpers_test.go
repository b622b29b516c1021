package xlsx

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// part is one file of a test package.
type part struct {
	name string
	data string
	// store: written without compression
	store bool
}

// writeZip writes parts as a zip file in a temporary folder.
func writeZip(t testing.TB, parts ...part) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, zipBytes(t, parts...), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// zipBytes returns parts as a zip file.
func zipBytes(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		method := zip.Deflate
		if p.store {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// book returns the parts of a workbook of the given sheets (name → sheet
// XML, in order) and shared strings, as Excel lays them out.
func book(sst []string, sheets ...[2]string) []part {
	var wb, rels strings.Builder
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<workbook ` + ns + `><workbookPr/><sheets>`)
	rels.WriteString(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	out := []part{
		{name: "[Content_Types].xml", data: `<Types/>`},
		{name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
	}
	for i, s := range sheets {
		id := "rId" + string(rune('1'+i))
		wb.WriteString(`<sheet name="` + s[0] + `" sheetId="` + string(rune('1'+i)) + `" r:id="` + id + `"/>`)
		rels.WriteString(`<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet` + string(rune('1'+i)) + `.xml"/>`)
		out = append(out, part{name: "xl/worksheets/sheet" + string(rune('1'+i)) + ".xml", data: s[1]})
	}
	wb.WriteString(`</sheets></workbook>`)
	if sst != nil {
		rels.WriteString(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		var b strings.Builder
		b.WriteString(`<sst ` + ns + `>`)
		for _, s := range sst {
			b.WriteString(s)
		}
		b.WriteString(`</sst>`)
		out = append(out, part{name: "xl/sharedStrings.xml", data: b.String()})
	}
	rels.WriteString(`</Relationships>`)
	return append(out, part{name: "xl/workbook.xml", data: wb.String()}, part{name: "xl/_rels/workbook.xml.rels", data: rels.String()})
}

// sheetXML wraps rows in a worksheet.
func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + ns + `><dimension ref="A1:C3"/><sheetData>` + rows + `</sheetData><mergeCells count="0"/></worksheet>`
}

// row is a read row: its number and its cells by column.
type row struct {
	n     int
	cells []Cell
}

// readAll opens path and reads every row of sheet i.
func readAll(t testing.TB, path string, lim Limits, i int) ([]row, error) {
	t.Helper()
	w, err := Open(path, lim)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	return readRows(w, i)
}

// readRows reads every row of sheet i of w.
func readRows(w *Workbook, i int) ([]row, error) {
	rs, err := w.Rows(i)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []row
	for rs.Next() {
		out = append(out, row{rs.Row(), append([]Cell(nil), rs.Cells()...)})
	}
	return out, rs.Err()
}
