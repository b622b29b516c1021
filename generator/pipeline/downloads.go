package pipeline

import (
	"bytes"

	"github.com/opsalign/opsalign/generator/export"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/site"
)

// downloads are the site's files made from the scorecard alone, the
// workbook first (the slowest file of a site). They are Lazy: serve makes
// them only when a browser asks.
func downloads(sc *model.Scorecard) []site.Job {
	return []site.Job{
		{Path: "downloads/scorecard.xlsx", Lazy: true, Make: func(buf *bytes.Buffer) error {
			return export.WorkbookTo(buf, sc)
		}},
		{Path: "data/scorecard.json", Lazy: true, Make: func(buf *bytes.Buffer) error {
			return export.JSON(sc, buf)
		}},
	}
}
