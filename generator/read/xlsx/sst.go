package xlsx

import (
	"archive/zip"
	"fmt"
	"strings"
	"unicode/utf8"
)

// sharedStrings is the workbook's table of shared strings, held as one
// string and the end of each entry in it: two allocations for the whole
// table, and a cell's text is a slice of it.
type sharedStrings struct {
	all  string
	ends []uint32
	// long holds the entries longer than the cell limit, with their
	// length in characters: an error at the cell that uses one.
	long map[int]int
}

// get returns entry i.
func (t *sharedStrings) get(i int) (string, bool) {
	if t == nil || i < 0 || i >= len(t.ends) {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.all[start:t.ends[i]], true
}

// readSharedStrings reads the shared strings part: the text of each <si>,
// its runs joined, phonetic guides (<rPh>) left out, Office's _xHHHH_
// escapes undone.
func readSharedStrings(zf *zip.File, lim Limits) (*sharedStrings, error) {
	rc, err := (&Workbook{lim: lim}).open(zf)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var all strings.Builder
	// Decoded text is never longer than the XML it comes from.
	all.Grow(int(zf.UncompressedSize64))
	t := &sharedStrings{}
	s := newScanner(rc, lim.Depth)
	var raw, text []byte
	inSI, inT, inRPh := false, 0, 0
	fail := func(err error) (*sharedStrings, error) {
		return nil, fmt.Errorf("the shared strings (%s) cannot be read: %w", zf.Name, err)
	}
	for {
		if err := s.next(); err != nil {
			return fail(err)
		}
		switch s.kind {
		case tokEOF:
			t.all = all.String()
			return t, nil
		case tokStart, tokEmpty:
			switch string(s.name) {
			case "si":
				inSI, raw = true, raw[:0]
				if s.kind == tokEmpty {
					inSI = false
					t.ends = append(t.ends, uint32(all.Len()))
				}
			case "t":
				if s.kind == tokStart {
					inT++
				}
			case "rPh":
				if s.kind == tokStart {
					inRPh++
				}
			}
		case tokEnd:
			switch string(s.name) {
			case "si":
				text = appendXString(text[:0], raw)
				if n := utf8.RuneCount(text); n > lim.Cell {
					if t.long == nil {
						t.long = map[int]int{}
					}
					t.long[len(t.ends)] = n
				}
				all.Write(text)
				if uint64(all.Len()) > uint64(^uint32(0)) {
					return fail(fmt.Errorf("more than 4 GB of text"))
				}
				t.ends = append(t.ends, uint32(all.Len()))
				inSI = false
			case "t":
				inT = max(inT-1, 0)
			case "rPh":
				inRPh = max(inRPh-1, 0)
			}
		case tokText:
			if inSI && inT > 0 && inRPh == 0 {
				if raw, err = s.appendText(raw); err != nil {
					return fail(err)
				}
			}
		}
	}
}
