package render

import (
	"iter"

	"github.com/opsalign/opsalign/generator/listview"
)

// Segment is a piece of a reason: plain text, or an id of the site with
// the page it links to. Templates write a reason as its segments, so that
// every initiative or metric id in a headline or a reason is a link
// (issue 13) while the reason stays the scorer's text.
type Segment struct {
	Text string
	Path string // site path of the id's page; "" for plain text
	// Title is the name behind a linked id, for its tooltip.
	Title string
}

// idByte reports whether c may be part of an id token ("INI-005",
// "M-10", "OP_DIS").
func idByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

// segments splits text at the initiative and metric ids of this site and
// the ids of the incidents in its incident list (the report period's),
// each of which becomes a linked segment. A token matches only whole: an
// id inside a longer token is not linked. Trailing dots are not part of a
// token ("INI-005." links INI-005).
func (x *index) segments(text string) []Segment {
	var out []Segment
	plain := 0
	for i, k := range x.idTokens(text) {
		tok := text[i:k]
		var seg Segment
		if f, ok := x.iniFiles[tok]; ok {
			seg = Segment{Text: tok, Path: "initiatives/" + f, Title: x.iniName(tok)}
		} else if f, ok := x.metFiles[tok]; ok {
			seg = Segment{Text: tok, Path: "metrics/" + f}
			if mr := x.metResults[tok]; mr != nil {
				seg.Title = mr.Name
			}
		} else if x.listedInc[tok] {
			seg = Segment{Text: tok, Path: listview.IncidentsHref("", listview.Incidents{Query: tok, Severity: "all"}),
				Title: "incident " + tok + " in the list of the quarter's incidents"}
		}
		if seg.Path != "" {
			if plain < i {
				out = append(out, Segment{Text: text[plain:i]})
			}
			out = append(out, seg)
			plain = k
		}
	}
	if plain < len(text) {
		out = append(out, Segment{Text: text[plain:]})
	}
	return out
}

// idTokens yields the start and end of each token of text that could be
// an id: a run of id bytes without its trailing dots, of a length some
// id has (a reason has a score of words: most need no lookup).
func (x *index) idTokens(text string) iter.Seq2[int, int] {
	return func(yield func(start, end int) bool) {
		for i := 0; i < len(text); {
			if !idByte(text[i]) {
				i++
				continue
			}
			j := i
			for j < len(text) && idByte(text[j]) {
				j++
			}
			k := j
			for k > i && text[k-1] == '.' {
				k--
			}
			if (x.idLens == nil || x.idLens[min(k-i, len(x.idLens)-1)]) && (x.idFirst == nil || x.idFirst[text[i]]) {
				if !yield(i, k) {
					return
				}
			}
			i = j
		}
	}
}

// idFirstBytes marks the first bytes of the keys of ms.
func idFirstBytes(ms ...map[string]string) *[256]bool {
	var f [256]bool
	for _, m := range ms {
		for id := range m {
			if id != "" {
				f[id[0]] = true
			}
		}
	}
	return &f
}

// idLengths marks the lengths of the keys of ms, the last element any
// length from its index up.
func idLengths(ms ...map[string]string) *[65]bool {
	var l [65]bool
	for _, m := range ms {
		for id := range m {
			l[min(len(id), len(l)-1)] = true
		}
	}
	return &l
}
