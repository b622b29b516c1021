package render

import (
	"bytes"
	"hash/maphash"
	"html/template"
	"strings"
	"sync"

	"github.com/opsalign/opsalign/generator/htmlexec"
)

// partials runs {{partial "name" data}} for the templates of one page
// kind: the shared template name executed with data, as HTML. The output
// for data of a type that fully decides it and that recurs across pages
// is kept, in a cache of that type: a Badge (a 10k-initiative site shows
// the same dozen badges two hundred thousand times), a CheckRow (half
// the check results of a site share their reason with another) and a
// MetricHeading (a metric claimed by a hundred initiatives heads a panel
// on each of their pages). Other data is executed each time.
type partials struct {
	t        *htmlexec.Set // the template set of one page kind
	badges   memo[Badge]
	checks   memo[checkKey]
	headings memo[MetricHeading]
}

// newPartials binds the "partial" function of the template set t, whose
// other functions are funcs(), and returns the partials, with the set's
// executor (htmlexec) that they and the set's pages run on.
func newPartials(t *template.Template) *partials {
	p := &partials{}
	p.badges.init(4096)
	p.checks.init(1 << 15)
	p.headings.init(1 << 12)
	t.Funcs(template.FuncMap{"partial": p.exec})
	fm := funcs()
	fm["partial"] = p.exec
	p.t = htmlexec.New(t, fm)
	return p
}

// exec returns the output of the template name executed with data; it is
// the layouts' "partial" function.
func (p *partials) exec(name string, data any) (template.HTML, error) {
	switch d := data.(type) {
	case Badge:
		return p.badges.get(p.t, name, d)
	case CheckRow:
		return p.checks.getAs(p.t, name, d.key(), d)
	case MetricHeading:
		return p.headings.get(p.t, name, d)
	}
	return execute(p.t, name, data)
}

// execute runs the template name of t with data into HTML.
func execute(t *htmlexec.Set, name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// checkRowsPerPage is about how many distinct check rows each initiative
// page adds to its layout's memo: 4.2 at the 1k bench company, 3.1 at
// 10k (nine checks a page, half of them sharing their row with another).
const checkRowsPerPage = 4

// expectPages presizes the check-row memo for a build of n initiative
// pages, so that it does not grow (rehashing every key) while it fills:
// about 0.08 s of CPU at 10k initiatives.
func (p *partials) expectPages(n int) {
	p.checks.expect(checkRowsPerPage * n)
}

// memo keeps the output of templates for data of type K, by template
// name and value. It holds at most max outputs: past them it is emptied
// and starts again, so that serve, which keeps an Engine across builds,
// never holds more.
//
// The outputs are in entries, found by the hash of their key in at: a
// map of small slots, not of the keys themselves (a check row's key is
// a dozen strings; 31,000 of them at 10k made a map of ~10 MB, each
// lookup a cache miss or two).
type memo[K comparable] struct {
	max     int
	seed    maphash.Seed // set by init, never changed
	mu      sync.RWMutex
	at      map[uint64]int32 // key hash → its last entry
	entries []memoEntry[K]
	hint    int // the size new at and entries are made with, at most max
}

// init makes c an empty memo of at most max outputs.
func (c *memo[K]) init(max int) {
	c.max, c.seed = max, maphash.MakeSeed()
}

type memoEntry[K comparable] struct {
	key  memoKey[K]
	html template.HTML
	next int32 // the entry before of the same hash, -1 for none
}

// expect sets the size of the memo when it is next made (at its first
// output, or when full) to n outputs, at most max. A memo already made
// keeps its outputs.
func (c *memo[K]) expect(n int) {
	c.mu.Lock()
	c.hint = min(n, c.max)
	c.mu.Unlock()
}

type memoKey[K comparable] struct {
	name string
	data K
}

// len is how many outputs the memo holds.
func (c *memo[K]) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.entries)
}

// lookup returns the output kept for k, whose hash is h.
func (c *memo[K]) lookup(k memoKey[K], h uint64) (template.HTML, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	i, ok := c.at[h]
	for ok && i >= 0 {
		if e := &c.entries[i]; e.key == k {
			return e.html, true
		}
		i = c.entries[i].next
	}
	return "", false
}

// get returns the template name of t executed with data, from the memo
// when it ran before.
func (c *memo[K]) get(t *htmlexec.Set, name string, data K) (template.HTML, error) {
	return c.getAs(t, name, data, data)
}

// getAs returns the template name of t executed with data, from the memo
// when it ran before with the same key: key must decide the output.
func (c *memo[K]) getAs(t *htmlexec.Set, name string, key K, data any) (template.HTML, error) {
	k := memoKey[K]{name, key}
	hash := maphash.Comparable(c.seed, k)
	if h, ok := c.lookup(k, hash); ok {
		return h, nil
	}
	h, err := execute(t, name, data)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	if c.at == nil || len(c.entries) >= c.max {
		c.at = make(map[uint64]int32, c.hint)
		c.entries = make([]memoEntry[K], 0, c.hint)
	}
	prev, ok := c.at[hash]
	if !ok {
		prev = -1
	}
	// Another run may have kept k meanwhile: both entries hold the same
	// output.
	c.entries = append(c.entries, memoEntry[K]{key: k, html: h, next: prev})
	c.at[hash] = int32(len(c.entries) - 1)
	c.mu.Unlock()
	return h, nil
}

// checkKey is what decides a check row's output: the row without its
// slices and pointers, with its cell and its linked ids as text. hasCell
// tells a row without a cell from one with an empty cell (the row shows
// the latter).
type checkKey struct {
	id, title         string
	principle         int
	result            string
	badge             Badge
	reason, fix, root string
	hasCell           bool
	cell, ref, anchor string
	links             string
}

// key returns the memo key of a check row.
func (r CheckRow) key() checkKey {
	k := checkKey{id: r.ID, title: r.Title, principle: r.Principle, result: string(r.Result), badge: r.Badge,
		reason: r.Reason, fix: r.Fix, root: r.Root}
	if r.Cell != nil {
		k.hasCell = true
		k.cell, k.ref, k.anchor = r.Cell.Text, r.Cell.Ref, r.Cell.Anchor
	}
	if len(r.Parts) > 0 {
		var b strings.Builder
		for _, s := range r.Parts {
			b.WriteString(s.Text)
			b.WriteByte(0)
			b.WriteString(s.Path)
			b.WriteByte(0)
			b.WriteString(s.Title)
			b.WriteByte(1)
		}
		k.links = b.String()
	}
	return k
}
