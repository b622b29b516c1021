package xlsx

import (
	"strconv"
	"strings"
	"testing"
)

// small is DefaultLimits scaled down, so that each limit is passed by a
// small file.
func small() Limits {
	return Limits{Entries: 12, Total: 8 << 20, Ratio: 100, Part: 4 << 10, Depth: 10, Cell: 32, Rows: 10, Columns: 4}
}

// TestLimits passes each limit by one and wants an error naming it.
func TestLimits(t *testing.T) {
	cell := func(ref, v string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>` }
	nested := strings.Repeat("<x>", 10) + strings.Repeat("</x>", 10)
	tests := []struct {
		name  string
		parts []part
		want  string
	}{
		{"entries", append(book(nil, [2]string{"S", sheetXML("")}),
			part{name: "a"}, part{name: "b"}, part{name: "c"}, part{name: "d"}, part{name: "e"}, part{name: "f"}, part{name: "g"}, part{name: "h"}),
			"holds 13 files in its zip package, more than the limit of 12"},
		{"ratio", append(book(nil, [2]string{"S", sheetXML("")}), part{name: "xl/media/pad.bin", data: strings.Repeat("0", 2<<20)}),
			"xl/media/pad.bin unpacks to 2 MB from 3 KB, more than 100 times its packed size"},
		{"total", append(book(nil, [2]string{"S", sheetXML("")}), part{name: "xl/media/big.bin", data: strings.Repeat("0123456789abcdef", 600_000), store: true}),
			"unpacks to more than 8 MB"},
		{"part", book([]string{`<si><t>` + strings.Repeat("x", 5000) + `</t></si>`}, [2]string{"S", sheetXML("")}),
			"xl/sharedStrings.xml unpacks to 6 KB, more than the limit of 4 KB"},
		{"depth", book(nil, [2]string{"S", sheetXML(`<row r="1"><c r="A1"><v>1</v>` + nested + `</c></row>`)}),
			"nests elements more than 10 deep"},
		{"cell", book(nil, [2]string{"S", sheetXML(`<row r="2">` + cell("B2", strings.Repeat("é", 33)) + `</row>`)}),
			"cell B2 holds 33 characters, more than 32, Excel's limit for a cell"},
		{"long cell", book(nil, [2]string{"S", sheetXML(`<row r="2">` + cell("C2", strings.Repeat("x", 200)) + `</row>`)}),
			"cell C2 holds more than 32 characters"},
		{"shared cell", book([]string{`<si><t>` + strings.Repeat("y", 40) + `</t></si>`}, [2]string{"S", sheetXML(`<row r="3"><c r="D3" t="s"><v>0</v></c></row>`)}),
			"cell D3 holds 40 characters"},
		{"rows", book(nil, [2]string{"S", sheetXML(`<row r="11">` + cell("A11", "x") + `</row>`)}),
			"a row 11, past the limit of 10 rows"},
		{"dimension", book(nil, [2]string{"S", `<worksheet><dimension ref="A1:T11"/><sheetData></sheetData></worksheet>`}),
			"the sheet spans 11 rows (A1:T11), more than the limit of 10 rows"},
		{"columns", book(nil, [2]string{"S", sheetXML(`<row r="1">` + cell("E1", "x") + `</row>`)}),
			"past column 4"},
		{"token", stored(book(nil, [2]string{"S", sheetXML(`<row r="1"><c r="A1" s="` + strings.Repeat("1", 1<<20+1) + `"><v>1</v></c></row>`)})),
			"longer than 1 MB"},
		{"long text", stored(book(nil, [2]string{"S", sheetXML(`<row r="1"><c r="A1"><v>` + strings.Repeat("1", 1<<20+1) + `</v></c></row>`)})),
			"cell A1 holds more than 32 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeZip(t, tt.parts...)
			_, err := readAll(t, path, small(), 0)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestWithinLimits reads a sheet at every limit exactly.
func TestWithinLimits(t *testing.T) {
	var rows strings.Builder
	for r := 1; r <= 10; r++ {
		rows.WriteString(`<row r="` + strconv.Itoa(r) + `"><c r="D` + strconv.Itoa(r) + `" t="inlineStr"><is><t>` + strings.Repeat("é", 32) + `</t></is></c></row>`)
	}
	nested := strings.Repeat("<x>", 8) + strings.Repeat("</x>", 8) // in <worksheet><extLst>: 10 deep
	path := writeZip(t, book(nil, [2]string{"S", `<worksheet><sheetData>` + rows.String() + `</sheetData><extLst>` + nested + `</extLst></worksheet>`})...)
	got, err := readAll(t, path, small(), 0)
	if err != nil || len(got) != 10 || got[9].n != 10 || len(got[9].cells) != 4 {
		t.Fatalf("%d rows, %v", len(got), err)
	}
}

// stored marks every part to be written without compression.
func stored(ps []part) []part {
	for i := range ps {
		ps[i].store = true
	}
	return ps
}
