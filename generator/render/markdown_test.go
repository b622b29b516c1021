package render

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"
)

// testContent is the fixture's narrative.
func testContent() []ContentPage {
	return []ContentPage{
		{File: "content/_index.md", Name: "_index", Title: "Overview", Body: "Aligned spend is {{ figure \"aligned_spend_share\" }}.\n\n{{ table \"checks\" }}"},
		{File: "content/board-pack.md", Name: "board-pack", Title: "Board pack", Body: "The quarter in one line: {{ figure \"headline\" }}.\n\n{{ table \"exceptions\" }}"},
		{File: "content/about.md", Name: "about", Title: "About this report", Weight: 1, Body: "Budget {{ figure \"budget_total\" }}.\n\n{{ chart \"metric:M-01\" }}\n\n{{ check \"INI-002\" \"peak_clear\" }}"},
		{File: "content/draft.md", Name: "draft", Title: "Draft", Draft: true, Body: "not shown"},
	}
}

var placeRE = regexp.MustCompile(`\{\{ (figure|chart|table|check) "([^"]*)"(?: "([^"]*)")? \}\}`)

// testMarkdown stands in for narrative.Render: paragraphs of escaped text
// with the {{ figure/chart/table/check }} places resolved.
func testMarkdown(p ContentPage, r Resolver, _ bool) (template.HTML, error) {
	var b strings.Builder
	for _, para := range strings.Split(p.Body, "\n\n") {
		b.WriteString("<p>")
		last := 0
		for _, m := range placeRE.FindAllStringSubmatchIndex(para, -1) {
			b.WriteString(template.HTMLEscapeString(para[last:m[0]]))
			last = m[1]
			kind, name := para[m[2]:m[3]], para[m[4]:m[5]]
			var h template.HTML
			var err error
			switch kind {
			case "figure":
				var f string
				f, err = r.Figure(name)
				h = template.HTML(template.HTMLEscapeString(f))
			case "chart":
				h, err = r.Chart(name)
			case "table":
				h, err = r.Table(name)
			case "check":
				h, err = r.Check(name, para[m[6]:m[7]])
			}
			if err != nil {
				return "", fmt.Errorf("%s:%d: %w", p.File, p.BodyLine, err)
			}
			b.WriteString(string(h))
		}
		b.WriteString(template.HTMLEscapeString(para[last:]))
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String()), nil
}
