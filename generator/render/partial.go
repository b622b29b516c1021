package render

import (
	"bytes"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// maxPartials bounds a partialCache: past it, outputs are no longer kept
// (a layout passing data that never repeats gains nothing from the cache
// and must not make it grow without end in serve).
const maxPartials = 4096

// partialCache memoises partial templates whose output depends only on
// their data, such as a badge: a 10k-initiative site shows the same dozen
// badges two hundred thousand times. Layouts call it as
// {{partial "badge" .Badge}}; the output is exactly what
// {{template "badge" .Badge}} writes in HTML text.
type partialCache struct {
	t *template.Template // the template set of one page kind
	m sync.Map           // partialKey → template.HTML
	n atomic.Int64
}

type partialKey struct {
	name string
	data any
}

// exec returns the output of the template name executed with data.
func (c *partialCache) exec(name string, data any) (template.HTML, error) {
	cacheable := data == nil || reflect.TypeOf(data).Comparable()
	k := partialKey{name, data}
	if cacheable {
		if h, ok := c.m.Load(k); ok {
			return h.(template.HTML), nil
		}
	}
	var buf bytes.Buffer
	if err := c.t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	if cacheable && c.n.Load() < maxPartials {
		if _, loaded := c.m.LoadOrStore(k, h); !loaded {
			c.n.Add(1)
		}
	}
	return h, nil
}

// bindPartial gives the template set t its own "partial" function, and
// returns its partial cache.
func bindPartial(t *template.Template) *partialCache {
	c := &partialCache{t: t}
	t.Funcs(template.FuncMap{"partial": c.exec})
	return c
}
