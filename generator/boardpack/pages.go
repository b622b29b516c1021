package boardpack

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// Page numbers of the contents. Chromium's print has no CSS
// target-counter, so build --pdf prints the pack twice: the first print
// says on which page each section starts (DestPages reads the PDF's named
// destinations, which Chromium writes for the targets of the pack's own
// links), NumberContents writes those numbers into the pack's HTML, and
// the second print is the one kept. The numbers' boxes keep their width
// when empty, so both prints — and a print from a browser of the
// numbered page — have the same pages.

var (
	objRe   = regexp.MustCompile(`(?s)(?:^|\n)(\d+) 0 obj\s*(.*?)\bendobj`)
	catRe   = regexp.MustCompile(`/Type\s*/Catalog\b`)
	refRe   = regexp.MustCompile(`(\d+) 0 R`)
	pagesRe = regexp.MustCompile(`/Pages\s+(\d+) 0 R`)
	destsRe = regexp.MustCompile(`/Dests\s+(\d+) 0 R`)
	kidsRe  = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	destRe  = regexp.MustCompile(`/([^\s/\[\]<>()]+)\s*\[\s*(\d+) 0 R\s*/XYZ`)
	pnRe    = regexp.MustCompile(`<span class="pn" data-for="([^"]+)">[^<]*</span>`)
)

// DestPages returns the 1-based page of each named destination of a PDF
// written by Chromium (uncompressed objects, a /Dests dictionary in the
// catalog). An error says the PDF is not laid out so.
func DestPages(pdf []byte) (map[string]int, error) {
	objs := map[string][]byte{}
	var catalog []byte
	for _, m := range objRe.FindAllSubmatch(pdf, -1) {
		objs[string(m[1])] = m[2]
		if catRe.Match(m[2]) {
			catalog = m[2]
		}
	}
	if catalog == nil {
		return nil, fmt.Errorf("page numbers: no catalog in the PDF")
	}
	root, dests := pagesRe.FindSubmatch(catalog), destsRe.FindSubmatch(catalog)
	if root == nil || dests == nil {
		return nil, fmt.Errorf("page numbers: the PDF has no page tree or no named destinations")
	}
	// Number the leaves of the page tree in order.
	page := map[string]int{}
	var walk func(id string, depth int) error
	walk = func(id string, depth int) error {
		body, ok := objs[id]
		if !ok || depth > 32 {
			return fmt.Errorf("page numbers: page tree object %s not found", id)
		}
		kids := kidsRe.FindSubmatch(body)
		if kids == nil {
			page[id] = len(page) + 1
			return nil
		}
		for _, k := range refRe.FindAllSubmatch(kids[1], -1) {
			if err := walk(string(k[1]), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(string(root[1]), 0); err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, m := range destRe.FindAllSubmatch(objs[string(dests[1])], -1) {
		if n, ok := page[string(m[2])]; ok {
			out[unescapeName(m[1])] = n
		}
	}
	return out, nil
}

// unescapeName undoes a PDF name's #xx escapes.
func unescapeName(b []byte) string {
	if !bytes.ContainsRune(b, '#') {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// NumberContents writes into a board pack's HTML the page of each
// <span class="pn" data-for="ID"> from pages (a section the print did not
// place keeps an empty box). It returns the HTML unchanged when it has no
// such span.
func NumberContents(html []byte, pages map[string]int) []byte {
	return pnRe.ReplaceAllFunc(html, func(m []byte) []byte {
		id := string(pnRe.FindSubmatch(m)[1])
		n := ""
		if p, ok := pages[id]; ok {
			n = strconv.Itoa(p)
		}
		return []byte(`<span class="pn" data-for="` + id + `">` + n + `</span>`)
	})
}
