package render

import (
	"github.com/opsalign/opsalign/generator/narrative"
)

// testContent is the fixture's narrative.
func testContent() []narrative.Page {
	return []narrative.Page{
		{File: "content/_index.md", Name: "_index", Title: "Overview", Body: "Aligned spend is {{ figure \"aligned_spend_share\" }}.\n\n{{ table \"checks\" }}"},
		{File: "content/board-pack.md", Name: "board-pack", Title: "Board pack", Body: "The quarter in one line: {{ figure \"headline\" }}.\n\n{{ table \"exceptions\" }}"},
		{File: "content/about.md", Name: "about", Title: "About this report", Weight: 1, Body: "Budget {{ figure \"budget_total\" }}.\n\n{{ chart \"metric:M-01\" }}\n\n- {{ check \"INI-002\" \"peak_clear\" }}\n\nIts go-live {{ check \"INI-002\" \"peak_clear\" }}."},
		{File: "content/draft.md", Name: "draft", Title: "Draft", Draft: true, Body: "not shown"},
	}
}

// testMarkdown renders narrative as the pipeline does.
var testMarkdown = narrative.NewRenderer(false)
