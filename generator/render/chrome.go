package render

import (
	"bytes"
	"html/template"
	"sync"
)

// chromeCache holds the shared parts of pages (navigation, banners,
// footer), executed once per template, folder depth and section: a site of
// a thousand initiative pages shows the same navigation a thousand times.
type chromeCache struct {
	t  *template.Template
	mu sync.Mutex
	m  map[chromeKey]*chromeOnce
}

type chromeKey struct {
	name, root, section string
	brief               bool
}

type chromeOnce struct {
	sync.Once
	html template.HTML
	err  error
}

func newChromeCache(t *template.Template) *chromeCache {
	return &chromeCache{t: t, m: map[chromeKey]*chromeOnce{}}
}

// get returns the template name executed with f, from the cache when a page
// of the same depth, section and brevity executed it before.
func (c *chromeCache) get(name string, f Frame) (template.HTML, error) {
	k := chromeKey{name, f.Root, f.Section, f.Brief}
	c.mu.Lock()
	o, ok := c.m[k]
	if !ok {
		o = &chromeOnce{}
		c.m[k] = o
	}
	c.mu.Unlock()
	o.Do(func() {
		var buf bytes.Buffer
		if o.err = c.t.ExecuteTemplate(&buf, name, f); o.err == nil {
			o.html = template.HTML(buf.String())
		}
	})
	return o.html, o.err
}
