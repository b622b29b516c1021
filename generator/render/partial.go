package render

import (
	"bytes"
	"html/template"
	"sync"
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
	t        *template.Template // the template set of one page kind
	badges   memo[Badge]
	checks   memo[CheckRow]
	headings memo[MetricHeading]
}

// newPartials returns the partials of the template set t.
func newPartials(t *template.Template) *partials {
	return &partials{t: t, badges: memo[Badge]{max: 4096}, checks: memo[CheckRow]{max: 1 << 15}, headings: memo[MetricHeading]{max: 1 << 12}}
}

// exec returns the output of the template name executed with data; it is
// the layouts' "partial" function.
func (p *partials) exec(name string, data any) (template.HTML, error) {
	switch d := data.(type) {
	case Badge:
		return p.badges.get(p.t, name, d)
	case CheckRow:
		return p.checks.get(p.t, name, d)
	case MetricHeading:
		return p.headings.get(p.t, name, d)
	}
	return execute(p.t, name, data)
}

// execute runs the template name of t with data into HTML.
func execute(t *template.Template, name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// memo keeps the output of templates for data of type K, by template
// name and value. It holds at most max outputs: past them it is emptied
// and starts again, so that serve, which keeps an Engine across builds,
// never holds more.
type memo[K comparable] struct {
	max int
	mu  sync.RWMutex
	m   map[memoKey[K]]template.HTML
}

type memoKey[K comparable] struct {
	name string
	data K
}

// get returns the template name of t executed with data, from the memo
// when it ran before.
func (c *memo[K]) get(t *template.Template, name string, data K) (template.HTML, error) {
	k := memoKey[K]{name, data}
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
		c.m = map[memoKey[K]]template.HTML{}
	}
	c.m[k] = h
	c.mu.Unlock()
	return h, nil
}
