package boardpack

import (
	"maps"
	"testing"
)

// A PDF laid out as Chromium writes one: a two-level page tree and the
// named destinations of the pack's own links in the catalog.
const tinyPDF = `%PDF-1.4
1 0 obj
<</Type /Page /Parent 10 0 R>>
endobj
2 0 obj
<</Type /Page /Parent 10 0 R>>
endobj
3 0 obj
<</Type /Page /Parent 11 0 R>>
endobj
10 0 obj
<</Type /Pages /Kids [1 0 R 2 0 R] /Count 2>>
endobj
11 0 obj
<</Type /Pages /Kids [3 0 R] /Count 1>>
endobj
12 0 obj
<</Type /Pages /Count 3 /Kids [10 0 R 11 0 R]>>
endobj
13 0 obj
<</commentary [2 0 R /XYZ 0 574.9 0]
/principle-1 [3 0 R /XYZ 0 300.4 0]
/fn#3A1 [2 0 R /XYZ 30 315.4 0]>>
endobj
14 0 obj
<</Type /Catalog
/Pages 12 0 R
/Dests 13 0 R>>
endobj
`

func TestDestPages(t *testing.T) {
	got, err := DestPages([]byte(tinyPDF))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"commentary": 2, "principle-1": 3, "fn:1": 2}
	if !maps.Equal(got, want) {
		t.Errorf("DestPages = %v, want %v", got, want)
	}
	if _, err := DestPages([]byte("%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n")); err == nil {
		t.Error("a PDF without named destinations gave no error")
	}
}

func TestNumberContents(t *testing.T) {
	html := `<li><a href="#commentary">Commentary</a><span class="pn" data-for="commentary"></span></li>` +
		`<td><span class="pn" data-for="principle-1">9</span></td><span class="pn" data-for="appendix"></span>`
	got := string(NumberContents([]byte(html), map[string]int{"commentary": 2, "principle-1": 3}))
	want := `<li><a href="#commentary">Commentary</a><span class="pn" data-for="commentary">2</span></li>` +
		`<td><span class="pn" data-for="principle-1">3</span></td><span class="pn" data-for="appendix"></span>`
	if got != want {
		t.Errorf("NumberContents =\n%s\nwant\n%s", got, want)
	}
}
