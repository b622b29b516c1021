package history

import (
	"fmt"
	"html"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/site"
)

// Snapshot is what closing a quarter freezes: files by path relative to
// history/PERIOD/ (scorecard.json, board-pack.html, assets/…) and the
// manifest, whose Files Freeze fills in.
type Snapshot struct {
	Manifest Manifest
	Files    map[string][]byte
}

// refRE finds the src and href attributes of a page.
var refRE = regexp.MustCompile(`(?:src|href)="([^"#?]+)`)

// Referenced returns the site paths under assets/ that page refers to, in
// path order; page lies at the site root.
func Referenced(page []byte) []string {
	var out []string
	for _, m := range refRE.FindAllSubmatch(page, -1) {
		p := path.Clean(string(m[1]))
		if strings.HasPrefix(p, "assets/") {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// hrefRE finds the href attributes of a page.
var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

// Relink rewrites the links of a board pack rendered at the site root so
// that it works from history/PERIOD/: links to the site's pages (the
// overview, initiative pages, narrative pages) point two folders up, to
// the live site; links to assets/ (frozen beside it), fragments, absolute
// paths and URLs with a scheme are kept.
func Relink(page []byte) []byte {
	return hrefRE.ReplaceAllFunc(page, func(m []byte) []byte {
		target := string(hrefRE.FindSubmatch(m)[1])
		switch {
		case target == "", strings.HasPrefix(target, "#"), strings.HasPrefix(target, "/"),
			strings.HasPrefix(target, "assets/"), hasScheme(target):
			return m
		}
		return []byte(`href="../../` + target + `"`)
	})
}

// bodyRE finds the opening body tag of a page.
var bodyRE = regexp.MustCompile(`<body[^>]*>`)

// FrozenNote puts a note at the top of a frozen board pack, after its
// body tag, saying what it is and that its links open the live site
// (which shows the latest figures, not the quarter's). The note is not
// printed. It is a landmark of its own (an aside), so that a screen
// reader's list of regions holds it and no text of the page is outside
// one. A page without a body tag is returned unchanged.
func FrozenNote(page []byte, period, asOf string) []byte {
	loc := bodyRE.FindIndex(page)
	if loc == nil {
		return page
	}
	note := `<aside class="frozen-note" aria-label="Frozen quarter">Board pack of ` + html.EscapeString(period) +
		`, frozen when the quarter was closed: figures as of ` + html.EscapeString(asOf) +
		`. Links to other pages open the live site, which shows the latest figures.</aside>`
	out := make([]byte, 0, len(page)+len(note)+1)
	out = append(out, page[:loc[1]]...)
	out = append(out, '\n')
	out = append(out, note...)
	return append(out, page[loc[1]:]...)
}

// hasScheme reports whether a link names a scheme (https:, mailto:).
func hasScheme(link string) bool {
	i := strings.IndexAny(link, ":/?#")
	return i > 0 && link[i] == ':'
}

// Freeze picks from a site rendered as of the quarter's end what a closed
// quarter keeps: the scorecard, the board pack (relinked for its place
// under history/PERIOD/), the assets the board pack refers to and the
// decisions of the board pack (data/decisions.json) if it has any. m's
// Files are filled in.
func Freeze(built *site.Memory, m Manifest) (Snapshot, error) {
	pick := map[string]string{ScorecardFile: ScorecardSource, BoardPackFile: BoardPackFile}
	files := map[string][]byte{}
	for dst, src := range pick {
		b, ok := built.Get(src)
		if !ok {
			return Snapshot{}, fmt.Errorf("closing %s: the build has no %s", m.Period, src)
		}
		files[dst] = b
	}
	if b, ok := built.Get("data/" + DecisionsFile); ok {
		files[DecisionsFile] = b
	}
	files[BoardPackFile] = FrozenNote(Relink(files[BoardPackFile]), m.Period, m.AsOf)
	for _, a := range Referenced(files[BoardPackFile]) {
		b, ok := built.Get(a)
		if !ok {
			return Snapshot{}, fmt.Errorf("closing %s: the board pack refers to %s, which the build does not have", m.Period, a)
		}
		files[a] = b
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	m.Files = nil
	for _, n := range names {
		m.Files = append(m.Files, Sum(n, files[n]))
	}
	m.Schema = ManifestSchema
	return Snapshot{Manifest: m, Files: files}, nil
}
