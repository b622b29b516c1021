package render

import (
	"html/template"
	"io/fs"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/site"
)

// Input is everything a site is rendered from.
type Input struct {
	Config    config.Config
	Dataset   *model.Dataset
	Scorecard *model.Scorecard
	// Theme is the theme folder's contents: templates under layouts/,
	// static files under assets/. It is only read by Parse; Render takes
	// the assets from the Renderer.
	Theme fs.FS
	// Layouts is the site's layouts/ folder, nil when absent; a template
	// there replaces the theme's template of the same name.
	Layouts fs.FS
	// Content holds the narrative pages of content/.
	Content []ContentPage
	// Markdown renders a narrative page's body with live figures, charts
	// and tables from the Resolver; nil renders nothing.
	Markdown MarkdownFunc
	// Version is the opsalign version shown in the footer.
	Version string
	// Logo is the site's logo (config brand.logo), nil for none; it is
	// written to assets/ and shown in the header and on the board pack.
	Logo *Logo
	// History holds the closed quarters (history.Load), oldest first. The
	// latest one closed before the report period is compared with on the
	// overview, the initiative pages and the board pack.
	History []history.Quarter
	// Prev, when not nil, is an earlier build of the same scorecard,
	// dataset, config and theme whose narrative pages had the same names,
	// titles and weights (so the same navigation): only the pages that
	// embed narrative are rendered again, every other file is taken from
	// Prev — shared, not copied, when out is a *site.Memory.
	Prev *site.Memory
}

// ContentPage is one narrative page of content/ (the shape of
// narrative.Page).
type ContentPage struct {
	File     string // path relative to the site folder, for messages
	Name     string // file name without extension: "_index", "board-pack", "about"
	Title    string
	Weight   int
	Draft    bool
	Body     string
	BodyLine int // line of the body's first line in File
}

// MarkdownFunc renders a narrative page's body to HTML, resolving the
// figures, charts and tables it places through r (narrative.Render).
type MarkdownFunc func(p ContentPage, r Resolver, unsafeHTML bool) (template.HTML, error)

// Resolver looks up the live figures, check results, charts and tables a
// narrative page can place by name. Render gives the narrative one built
// over the scorecard; NewResolver builds one for other callers.
type Resolver interface {
	// Figure returns a formatted figure, such as "42%".
	Figure(name string) (string, error)
	// Check returns a check result badge with its reason.
	Check(initiative, check string) (template.HTML, error)
	// Chart returns a chart block: container, option JSON and data table.
	Chart(name string) (template.HTML, error)
	// Table returns an HTML table.
	Table(name string) (template.HTML, error)
}

// Logo is an image file of the site's brand.
type Logo struct {
	Ext  string // ".svg", ".png", …
	Data []byte
}
