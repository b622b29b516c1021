package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"

	"github.com/opsalign/opsalign/generator/htmlexec"
	"github.com/opsalign/opsalign/generator/pagekey"
	"github.com/opsalign/opsalign/generator/site"
)

// Engine holds a theme, parsed: a layout per page kind, the shared
// templates (base and partials) and the theme's static files, with the
// caches of template output that depend on the theme alone. Parse once,
// render many: an Engine is safe for concurrent use.
type Engine struct {
	layouts layouts
	shared  *template.Template // base and partials: chrome, narrative charts and tables
	// sharedRun executes shared (htmlexec): the charts' shared markup.
	sharedRun *htmlexec.Set
	assets    []asset
	rows      listRows // the initiatives list data's rows of the last keyed build
}

// asset is one static file of the theme.
type asset struct {
	path string // site path, "assets/site.css"
	data []byte
}

// Parse reads and parses a theme's templates (layouts/) and static files
// (assets/). A template in layouts, whose root is the site's layouts
// folder, replaces the theme's template of the same name; layouts may be
// nil.
func Parse(theme, layouts fs.FS) (*Engine, error) {
	e := &Engine{}
	var err error
	if e.shared, e.sharedRun, e.layouts, err = parseTemplates(theme, layouts); err != nil {
		return nil, err
	}
	if e.assets, err = readAssets(theme); err != nil {
		return nil, err
	}
	return e, nil
}

// Render renders every page of the site and the theme's assets into out
// (site.Make of Jobs).
func (e *Engine) Render(ctx context.Context, in Input, out site.Sink) error {
	jobs, err := e.Jobs(in)
	if err != nil {
		return err
	}
	if err := site.Make(ctx, jobs, out); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

// Jobs lists the files of the site that render makes — every page, the
// logo and the theme's assets — slowest first. The scorecard's downloads
// are not among them (package export makes them).
func (e *Engine) Jobs(in Input) ([]site.Job, error) {
	if in.Scorecard == nil {
		return nil, errors.New("render: no scorecard")
	}
	x := newIndex(in, e)
	jobs, err := e.pages(x)
	if err != nil {
		return nil, err
	}
	if p := logoPath(in.Logo); p != "" {
		jobs = append(jobs, site.Job{Path: p, Make: write(in.Logo.Data)})
	}
	for _, a := range e.assets {
		// An asset is the theme's: the same bytes in every build with
		// this engine, which is all an input key is compared within.
		k, ok := e.layouts.index.keys.Of("asset", a.path)
		jobs = append(jobs, site.Job{Path: a.path, Make: write(a.data), Input: func() (pagekey.Key, bool) { return k, ok }})
	}
	return jobs, nil
}

// write makes a file of the given bytes.
func write(b []byte) func(*bytes.Buffer) error {
	return func(buf *bytes.Buffer) error {
		buf.Write(b)
		return nil
	}
}

// logoPath is where the site's logo is written, "" without one.
func logoPath(l *Logo) string {
	if l == nil {
		return ""
	}
	return "assets/brand-logo" + l.Ext
}
