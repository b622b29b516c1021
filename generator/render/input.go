package render

import (
	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/decisions"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/narrative"
)

// Input is everything the pages of a site are rendered from.
type Input struct {
	Config    config.Config
	Dataset   *model.Dataset
	Scorecard *model.Scorecard
	// Content holds the narrative pages of content/ (narrative.Load).
	Content []narrative.Page
	// Markdown renders their bodies, placing live figures, charts and
	// tables; nil renders no narrative.
	Markdown *narrative.Renderer
	// Version is the opsalign version shown in the footer.
	Version string
	// Logo is the site's logo (config brand.logo), nil for none; it is
	// written to assets/ and shown in the header and on the board pack.
	Logo *Logo
	// History holds the closed quarters (history.Load), oldest first. The
	// latest one closed before the report period is compared with on the
	// overview, the initiative pages and the board pack.
	History []history.Quarter
	// Decisions are the board pack's decisions and the follow-up of the
	// previous closed quarter's (decisions.Build); nil for none.
	Decisions *decisions.Report
	// Keyed says the build keys its files for the next one
	// (site.MakeSince, as serve does): the engine then keeps what the
	// next keyed build may reuse (the initiatives list data's rows).
	Keyed bool
}

// Logo is an image file of the site's brand.
type Logo struct {
	Ext  string // ".svg", ".png", …
	Data []byte
}
