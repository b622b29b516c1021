package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/htmlexec"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/pagekey"
	"github.com/opsalign/opsalign/generator/site"
)

// layout is the template of one page kind, a file under layouts/
// ("initiative.html"), executed with views of type V.
type layout[V any] struct {
	name string
	t    *template.Template // the kind's set: base, partials and the file
	keys *pagekey.Hasher    // the engine's, shared by its layouts
	run  *htmlexec.Set      // executes t
	// parts are the partials of t, with their memos of output.
	parts *partials
}

// page is the job that writes the page at path with the view view makes;
// narrative marks a page that shows narrative from content/. Its Prepare
// keys the page by its view (package pagekey): the page's bytes are a
// function of the layout and the view alone.
func (l layout[V]) page(path string, narrative bool, view func() (V, error)) site.Job {
	return site.Job{Path: path, Narrative: narrative, Make: func(buf *bytes.Buffer) error {
		v, err := view()
		if err != nil {
			return err
		}
		return l.run.Execute(buf, l.name, v)
	}, Prepare: func() (site.Prepared, error) {
		v, err := view()
		if err != nil {
			return site.Prepared{}, err
		}
		k, ok := l.keys.Of(l.name, v)
		return site.Prepared{Key: k, Keyed: ok, Write: func(buf *bytes.Buffer) error {
			return l.run.Execute(buf, l.name, v)
		}}, nil
	}}
}

// layouts are the page kinds of a theme, each with the view it shows.
type layouts struct {
	index       layout[*IndexView]
	initiatives layout[*InitiativesView]
	initiative  layout[*InitiativeView]
	metrics     layout[*MetricsView]
	metric      layout[*MetricView]
	portfolio   layout[*PortfolioView]
	calendar    layout[*CalendarView]
	reliability layout[*ReliabilityView]
	dataQuality layout[*DataQualityView]
	boardPack   layout[*BoardPackView]
	quarters    layout[*QuartersView]
	page        layout[*ContentView]
}

// layoutFiles reads the template sources: the theme's layouts/ folder
// overlaid by the site's layouts (whose root is the layouts folder itself).
// The result maps a name relative to layouts/ ("partials/nav.html") to its
// source and the path to name in errors.
func layoutFiles(theme, layouts fs.FS) (map[string]source, error) {
	files := map[string]source{}
	add := func(fsys fs.FS, root, label string) error {
		return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".html") {
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			name := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			files[name] = source{text: string(b), origin: path.Join(label, name)}
			return nil
		})
	}
	if theme == nil {
		return nil, errors.New("render: no theme")
	}
	if err := add(theme, "layouts", "theme/layouts"); err != nil {
		return nil, fmt.Errorf("render: reading theme layouts: %w", err)
	}
	if layouts != nil {
		if err := add(layouts, ".", "layouts"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("render: reading layouts: %w", err)
		}
	}
	return files, nil
}

// source is one template file's text and where it came from.
type source struct {
	text   string
	origin string
}

// parseTemplates parses the shared templates (base.html and every
// partial) and, for each page kind, a set of them with the kind's own
// file.
func parseTemplates(theme, layoutsFS fs.FS) (shared *template.Template, sharedRun *htmlexec.Set, ls layouts, err error) {
	files, err := layoutFiles(theme, layoutsFS)
	if err != nil {
		return nil, nil, ls, err
	}
	var names []string
	for name := range files {
		if name == "base.html" || strings.HasPrefix(name, "partials/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	shared = template.New("").Funcs(funcs())
	for _, name := range names {
		if _, err := shared.New(name).Parse(files[name].text); err != nil {
			return nil, nil, ls, fmt.Errorf("render: %s: %w", files[name].origin, err)
		}
	}
	sharedRun = newPartials(shared).t
	p := layoutParser{shared: shared, files: files, keys: pagekey.New()}
	ls = layouts{
		index:       parseLayout[*IndexView](&p, "index.html"),
		initiatives: parseLayout[*InitiativesView](&p, "initiatives.html"),
		initiative:  parseLayout[*InitiativeView](&p, "initiative.html"),
		metrics:     parseLayout[*MetricsView](&p, "metrics.html"),
		metric:      parseLayout[*MetricView](&p, "metric.html"),
		portfolio:   parseLayout[*PortfolioView](&p, "portfolio.html"),
		calendar:    parseLayout[*CalendarView](&p, "calendar.html"),
		reliability: parseLayout[*ReliabilityView](&p, "reliability.html"),
		dataQuality: parseLayout[*DataQualityView](&p, "data-quality.html"),
		boardPack:   parseLayout[*BoardPackView](&p, "board-pack.html"),
		quarters:    parseLayout[*QuartersView](&p, "quarters.html"),
		page:        parseLayout[*ContentView](&p, "page.html"),
	}
	return shared, sharedRun, ls, p.err
}

// layoutParser parses the page kinds' files over the shared templates,
// keeping the first error.
type layoutParser struct {
	shared *template.Template
	files  map[string]source
	keys   *pagekey.Hasher
	err    error
}

// parseLayout parses the page kind name: a clone of the shared templates
// with the kind's file, and its own partial cache.
func parseLayout[V any](p *layoutParser, name string) layout[V] {
	if p.err != nil {
		return layout[V]{}
	}
	src, ok := p.files[name]
	if !ok {
		p.err = fmt.Errorf("render: theme has no layouts/%s", name)
		return layout[V]{}
	}
	t, err := p.shared.Clone()
	if err != nil {
		p.err = fmt.Errorf("render: %w", err)
		return layout[V]{}
	}
	if _, err := t.New(name).Parse(src.text); err != nil {
		p.err = fmt.Errorf("render: %s: %w", src.origin, err)
		return layout[V]{}
	}
	parts := newPartials(t)
	return layout[V]{name: name, t: t, keys: p.keys, run: parts.t, parts: parts}
}

// funcs are the template functions every layout can use.
func funcs() template.FuncMap {
	return template.FuncMap{
		// These take any string kind, so that templates may pass literals.
		"resultIcon":    func(v any) string { return resultIcon(model.Result(fmt.Sprint(v))) },
		"resultLabel":   func(v any) string { return resultLabel(model.Result(fmt.Sprint(v))) },
		"verdictLabel":  func(v any) string { return verdictLabel(model.Verdict(fmt.Sprint(v))) },
		"verdictIcon":   func(v any) string { return verdictIcon(model.Verdict(fmt.Sprint(v))) },
		"categoryLabel": categoryText,
		"join":          strings.Join,
		"rowsOf": func(root string, f Formatter, rows []InitiativeRow) RowsView {
			return RowsView{Root: root, Fmt: f, Rows: rows}
		},
		"metricsOf": func(root string, f Formatter, ms []MetricRow) TableView {
			return TableView{Root: root, Fmt: f, Metrics: ms}
		},
		"collisionsOf": func(root string, cs []Collision) TableView {
			return TableView{Root: root, Collisions: cs}
		},
		"list": func(cs ...CheckRow) []CheckRow { return cs },
		"link": func(root string, l Link) LinkView { return LinkView{Root: root, Link: l} },
		"issueTable": func(root string, rows []IssueRow) IssueTableView {
			return IssueTableView{Root: root, Rows: rows}
		},
		// csp writes the page's Content-Security-Policy meta tag; cssf
		// formats CSS with its arguments as quoted CSS strings (csp.go).
		"csp":            cspMeta,
		"cssf":           cssf,
		"packExceptions": func(root string, rows []ExceptionRow) ExceptionTable { return ExceptionTable{Root: root, Rows: rows} },
		"packMore":       func(m More, site string) MoreView { return MoreView{More: m, Site: site} },
		// partial is bound to each template set by bindPartial.
		"partial": func(string, any) (template.HTML, error) { return "", errors.New("partial: not bound") },
	}
}

// resultIcon returns a symbol that tells results apart without colour.
func resultIcon(r model.Result) string {
	switch r {
	case model.Pass:
		return "✓"
	case model.Warn:
		return "!"
	case model.Fail:
		return "✗"
	}
	return "–"
}

// resultLabel names a result for people.
func resultLabel(r model.Result) string {
	switch r {
	case model.Pass:
		return "Pass"
	case model.Warn:
		return "Warn"
	case model.Fail:
		return "Fail"
	}
	return "n/a"
}

// verdictLabel names a verdict for people.
func verdictLabel(v model.Verdict) string {
	switch v {
	case model.Aligned:
		return "Aligned"
	case model.AtRisk:
		return "At risk"
	case model.NotAligned:
		return "Not aligned"
	}
	return "Not scored"
}

// verdictIcon returns a symbol that tells verdicts apart without colour.
func verdictIcon(v model.Verdict) string {
	switch v {
	case model.Aligned:
		return "●"
	case model.AtRisk:
		return "◐"
	case model.NotAligned:
		return "○"
	}
	return "–"
}
