package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCellTypes reads one cell of every type as the programs that write
// workbooks store them, and wants the type the cell has in the file.
func TestCellTypes(t *testing.T) {
	sst := []string{
		`<si><t>000101</t></si>`, // 0: a number-looking shared string
		`<si><r><t>Phase</t></r><r><rPr/><t xml:space="preserve"> 2</t></r></si>`, // 1: rich text
		`<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>`,                 // 2: phonetic guide left out
		`<si><t>line_x000D_break &amp; _x005F_x000D_</t></si>`,                    // 3: Office escapes
		`<si/>`, // 4: empty
	}
	rows := `<row r="1">` +
		`<c r="A1" t="s"><v>0</v></c>` +
		`<c r="B1" t="s"><v>1</v></c>` +
		`<c r="C1" t="s"><v>2</v></c>` +
		`<c r="D1" t="s"><v>3</v></c>` +
		`<c r="E1" t="s"><v>4</v></c>` +
		`</row>` +
		`<row r="2">` +
		`<c r="A2" t="inlineStr"><is><t>0042</t></is></c>` + // Gnumeric: text once is inline
		`<c r="B2" t="str"><f>TEXT(101,"000000")</f><v>000101</v></c>` + // a formula's text result
		`<c r="C2" t="str"><v>46068</v></c>` + // SheetJS: every text as str
		`<c r="D2"><v>46068</v></c>` + // a number (a date serial)
		`<c r="E2" t="n"><v>1.5E-3</v></c>` +
		`<c r="F2" t="b"><f>TRUE()</f><v>1</v></c>` + // LibreOffice's TRUE()
		`<c r="G2" t="b"><v>0</v></c>` +
		`<c r="H2" t="d"><v>2026-07-01T02:00:00.000Z</v></c>` + // SheetJS cellDates
		`<c r="I2" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
		`<c r="J2" s="3"/>` + // styled, empty
		`<c r="K2"><f>A1</f></c>` + // a formula saved without its result
		`<c r="L2" t="inlineStr"><is><r><t>a&lt;b</t></r><r><t><![CDATA[ & c]]></t></r></is></c>` +
		`</row>` +
		`<row r="5" spans="1:3"><c r="C5" t="inlineStr"><is><t>gap</t></is></c></row>` +
		`<row><c t="inlineStr"><is><t>no refs</t></is></c><c><v>7</v></c></row>` + // row 6, columns A and B
		`<row r="8"/>` // no cells: not a row to read
	path := writeZip(t, book(sst, [2]string{"Data", sheetXML(rows)})...)
	got, err := readAll(t, path, DefaultLimits(), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []row{
		{1, []Cell{{Text, "000101"}, {Text, "Phase 2"}, {Text, "東京"}, {Text, "line\rbreak & _x000D_"}}},
		{2, []Cell{{Text, "0042"}, {Text, "000101"}, {Text, "46068"}, {Number, "46068"}, {Number, "1.5E-3"}, {Bool, "TRUE"}, {Bool, "FALSE"},
			{Date, "2026-07-01T02:00:00.000Z"}, {Error, "#DIV/0!"}, {}, {}, {Text, "a<b & c"}}},
		{5, []Cell{{}, {}, {Text, "gap"}}},
		{6, []Cell{{Text, "no refs"}, {Number, "7"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %+v\nwant %+v", got, want)
	}
}

// TestWriterDialects reads the same cell as different writers spell the
// package: namespace prefixes (the .NET SDK), absolute relationship
// targets, strict Office Open XML, and an "xl/" folder with another name.
func TestWriterDialects(t *testing.T) {
	prefixed := `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`
	base := book(nil, [2]string{"Sheet &amp; Co", prefixed})
	got, err := readAll(t, writeZip(t, base...), DefaultLimits(), 0)
	if err != nil || len(got) != 1 || got[0].cells[0] != (Cell{Text, "ok"}) {
		t.Fatalf("prefixed: %+v, %v", got, err)
	}
	w, err := Open(writeZip(t, base...), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if n := w.Sheets()[0].Name; n != "Sheet & Co" {
		t.Errorf("sheet name %q", n)
	}
	w.Close()

	strict := []part{
		{name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/book/main.xml"/></Relationships>`},
		{name: "book/main.xml", data: `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><workbookPr date1904="true"/><sheets>` +
			`<sheet name="Chart" sheetId="2" r:id="c1"/><sheet name="Hidden" sheetId="1" state="veryHidden" r:id="s1"/></sheets></workbook>`},
		{name: "book/_rels/main.xml.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="s1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="/book/sheets/one.xml"/>` +
			`<Relationship Id="c1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/chartsheet" Target="charts/c.xml"/>` +
			`<Relationship Id="x" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`},
		{name: "book/sheets/one.xml", data: `<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData><row r="3"><c r="B3"><v>44634</v></c></row></sheetData></worksheet>`},
		{name: "book/charts/c.xml", data: `<chartsheet/>`},
	}
	path := writeZip(t, strict...)
	w, err = Open(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	sh := w.Sheets()
	if !w.Date1904() || len(sh) != 2 || sh[0].Kind != Chartsheet || sh[1].Kind != Worksheet || !sh[1].Hidden || sh[1].Name != "Hidden" {
		t.Fatalf("date1904 %v, sheets %+v", w.Date1904(), sh)
	}
	if got, err := readAll(t, path, DefaultLimits(), 0); err != nil || len(got) != 0 {
		t.Errorf("chart sheet rows %+v, %v", got, err)
	}
	if got, err := readAll(t, path, DefaultLimits(), 1); err != nil || len(got) != 1 || got[0].n != 3 || got[0].cells[1] != (Cell{Number, "44634"}) {
		t.Errorf("strict sheet rows %+v, %v", got, err)
	}
}

// TestDamagedSheets wants an error, never a guess, for sheets no program
// writes.
func TestDamagedSheets(t *testing.T) {
	for _, tt := range []struct{ rows, want string }{
		{`<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>`, "row 2 comes after row 3"},
		{`<row r="1"><c r="A1" t="s"><v>9</v></c></row>`, "shared string"},
		{`<row r="1"><c r="1A"><v>1</v></c></row>`, `cell reference "1A"`},
		{`<row r="x"/>`, `row number "x"`},
		{`<row r="1"><c r="A1" t="b"><v>maybe</v></c></row>`, "yes/no"},
		{`<row r="1"><c r="A1"><v>1</v></c>`, "</sheetData> closes <row>"},
		{`<row r="1"><c r="A1"><v>&bogus;</v></c></row>`, "unknown entity"},
		{`<row r="1"><c r="A1"><v>1</x></c></row>`, "closes <v>"},
	} {
		path := writeZip(t, book([]string{`<si><t>a</t></si>`}, [2]string{"S", sheetXML(tt.rows)})...)
		_, err := readAll(t, path, DefaultLimits(), 0)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.rows, err, tt.want)
		}
	}
}

// TestDocTypeRefused refuses entity definitions (the billion laughs).
func TestDocTypeRefused(t *testing.T) {
	bomb := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`
	path := writeZip(t, book(nil, [2]string{"S", bomb})...)
	if _, err := readAll(t, path, DefaultLimits(), 0); err == nil || !strings.Contains(err.Error(), "DOCTYPE") {
		t.Errorf("error %v", err)
	}
}

// FuzzRows reads any worksheet XML in a valid package: never a panic,
// and rows that keep their promises (increasing numbers, values within
// the cell limit, typed cells with values).
func FuzzRows(f *testing.F) {
	f.Add(sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>a</t></r></is></c></row><row r="3"><c><v>1.5</v></c></row>`))
	f.Add(sheetXML(`<row><c t="b"><v>1</v></c><c t="d"><v>2026-07-01T02:00:00Z</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>_x000D_</v></c></row>`))
	f.Add(`<worksheet><dimension ref="A1:B2"/><sheetData><row r="2" spans="1:2"><c r="B2" s="1"/></row></sheetData></worksheet>`)
	f.Fuzz(func(t *testing.T, sheet string) {
		// stored, not deflated: a compressor a run costs more than the reading
		zipped := zipBytes(t, stored(book([]string{`<si><t>shared</t></si>`}, [2]string{"S", sheet}))...)
		lim := DefaultLimits()
		lim.Cell = 64
		w, err := New(bytes.NewReader(zipped), int64(len(zipped)), lim)
		if err != nil {
			t.Fatal(err) // the package around the sheet is valid
		}
		rows, err := readRows(w, 0)
		if err != nil {
			return
		}
		prev := 0
		for _, r := range rows {
			if r.n <= prev || r.n > lim.Rows || len(r.cells) > lim.Columns {
				t.Fatalf("row %d after %d with %d cells", r.n, prev, len(r.cells))
			}
			prev = r.n
			for _, c := range r.cells {
				if (c.Type == Blank) != (c.Value == "") || utf8.RuneCountInString(c.Value) > lim.Cell {
					t.Fatalf("row %d: cell %+v", r.n, c)
				}
			}
		}
	})
}

// TestLargeSheet reads a sheet large enough to be unpacked ahead of its
// scanning (aheadMin): every row as written, and a damage near its end
// reported at its row, as for a small sheet.
func TestLargeSheet(t *testing.T) {
	var sb strings.Builder
	n := 0
	for sb.Len() < aheadMin+aheadMin/2 {
		n++
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>INI-%05d &amp; more text to fill the sheet</t></is></c><c r="B%d"><v>%d.5</v></c></row>`, n, n, n, n, n)
	}
	good := sb.String()
	path := writeZip(t, book(nil, [2]string{"Big", sheetXML(good)})...)
	got, err := readAll(t, path, DefaultLimits(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d rows, want %d", len(got), n)
	}
	for _, i := range []int{0, n / 2, n - 1} {
		want := row{i + 1, []Cell{{Text, fmt.Sprintf("INI-%05d & more text to fill the sheet", i+1)}, {Number, fmt.Sprintf("%d.5", i+1)}}}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("row %d: %+v, want %+v", i+1, got[i], want)
		}
	}
	bad := good + fmt.Sprintf(`<row r="%d"><c r="A%d"><v>&bogus;</v></c></row>`, n+1, n+1)
	path = writeZip(t, book(nil, [2]string{"Big", sheetXML(bad)})...)
	if _, err := readAll(t, path, DefaultLimits(), 0); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("row %d", n+1)) || !strings.Contains(err.Error(), "unknown entity") {
		t.Errorf("error %v, want unknown entity at row %d", err, n+1)
	}
}

// TestDamagedDeflate reads a worksheet whose deflate stream is cut short,
// small and large (read ahead), and a small one whose bytes do not match
// its CRC: the error is the inflater's or zip's. (The CRC is checked at
// the end of the part, which the reading of a large sheet stops short of
// once </sheetData> is read, ahead or not.)
func TestDamagedDeflate(t *testing.T) {
	for _, rows := range []int{10, 20000} {
		var sb strings.Builder
		for n := 1; n <= rows; n++ {
			fmt.Fprintf(&sb, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>text %d of the row</t></is></c></row>`, n, n, n, n, n*7919%10007)
		}
		sheet := sheetXML(sb.String())
		var z bytes.Buffer
		fw, _ := flate.NewWriter(&z, flate.DefaultCompression)
		fw.Write([]byte(sheet))
		fw.Close()
		deflated := z.Bytes()
		cases := []struct {
			name string
			crc  uint32
			data []byte
			want error
		}{
			{"cut short", crc32.ChecksumIEEE([]byte(sheet)), deflated[:len(deflated)/2], io.ErrUnexpectedEOF},
		}
		if len(sheet) < defaultBuf {
			cases = append(cases, struct {
				name string
				crc  uint32
				data []byte
				want error
			}{"wrong CRC", crc32.ChecksumIEEE([]byte(sheet)) + 1, deflated, zip.ErrChecksum})
		}
		for _, tc := range cases {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, p := range book(nil, [2]string{"S", sheet}) {
				if p.name != "xl/worksheets/sheet1.xml" {
					w, _ := zw.Create(p.name)
					w.Write([]byte(p.data))
					continue
				}
				w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: tc.crc,
					CompressedSize64: uint64(len(tc.data)), UncompressedSize64: uint64(len(sheet))})
				if err != nil {
					t.Fatal(err)
				}
				w.Write(tc.data)
			}
			zw.Close()
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := readAll(t, path, DefaultLimits(), 0); !errors.Is(err, tc.want) {
				t.Errorf("%d rows, %s: error %v, want %v", rows, tc.name, err, tc.want)
			}
		}
	}
}
