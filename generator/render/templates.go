package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// Page kinds: one template file each under layouts/.
const (
	kindIndex       = "index.html"
	kindInitiatives = "initiatives.html"
	kindInitiative  = "initiative.html"
	kindMetrics     = "metrics.html"
	kindMetric      = "metric.html"
	kindPortfolio   = "portfolio.html"
	kindCalendar    = "calendar.html"
	kindReliability = "reliability.html"
	kindDataQuality = "data-quality.html"
	kindBoardPack   = "board-pack.html"
	kindPage        = "page.html"
)

// pageKinds lists every page template a theme must have.
func pageKinds() []string {
	return []string{kindIndex, kindInitiatives, kindInitiative, kindMetrics, kindMetric, kindPortfolio,
		kindCalendar, kindReliability, kindDataQuality, kindBoardPack, kindPage}
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

// parseTemplates builds one template set per page kind: base.html and every
// partial, then the kind's own file.
func parseTemplates(theme, layouts fs.FS) (common *template.Template, kinds map[string]*template.Template, partials map[string]*partialCache, err error) {
	files, err := layoutFiles(theme, layouts)
	if err != nil {
		return nil, nil, nil, err
	}
	var shared []string
	for name := range files {
		if name == "base.html" || strings.HasPrefix(name, "partials/") {
			shared = append(shared, name)
		}
	}
	slices.Sort(shared)
	common = template.New("").Funcs(funcs())
	for _, name := range shared {
		if _, err := common.New(name).Parse(files[name].text); err != nil {
			return nil, nil, nil, fmt.Errorf("render: %s: %w", files[name].origin, err)
		}
	}
	bindPartial(common)
	kinds = map[string]*template.Template{}
	partials = map[string]*partialCache{}
	for _, kind := range pageKinds() {
		src, ok := files[kind]
		if !ok {
			return nil, nil, nil, fmt.Errorf("render: theme has no layouts/%s", kind)
		}
		t, err := common.Clone()
		if err != nil {
			return nil, nil, nil, fmt.Errorf("render: %w", err)
		}
		if _, err := t.New(kind).Parse(src.text); err != nil {
			return nil, nil, nil, fmt.Errorf("render: %s: %w", src.origin, err)
		}
		partials[kind] = bindPartial(t)
		kinds[kind] = t
	}
	return common, kinds, partials, nil
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
