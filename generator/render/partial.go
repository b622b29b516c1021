package render

import (
	"bytes"
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
	p := &partials{badges: memo[Badge]{max: 4096}, checks: memo[checkKey]{max: 1 << 15}, headings: memo[MetricHeading]{max: 1 << 12}}
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
type memo[K comparable] struct {
	max  int
	mu   sync.RWMutex
	m    map[memoKey[K]]template.HTML
	hint int // the size a new m is made with, at most max
}

// expect sets the size of the memo's map when it is next made (at its
// first output, or when full) to n outputs, at most max. A memo already
// made keeps its outputs.
func (c *memo[K]) expect(n int) {
	c.mu.Lock()
	c.hint = min(n, c.max)
	c.mu.Unlock()
}

type memoKey[K comparable] struct {
	name string
	data K
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
	c.mu.RLock()
	h, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return h, nil
	}
	h, err := execute(t, name, data)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= c.max {
		c.m = make(map[memoKey[K]]template.HTML, c.hint)
	}
	c.m[k] = h
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
