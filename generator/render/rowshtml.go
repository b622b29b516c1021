package render

import (
	"html/template"
	"strconv"
	"strings"
)

// Rows of the largest tables are written in Go rather than ranged over in
// a template: every {{.Field}} of a template is a reflective escaper call,
// and an initiative page has some two hundred of them. The markup is the
// same, byte for byte, as the theme's loops it replaces.

// htmlText escapes text exactly as html/template escapes a string in
// element content or a quoted attribute value.
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// FieldRowsHTML returns the rows of an initiative's fields table, each
// starting on a new line.
func (v *InitiativeView) FieldRowsHTML() template.HTML {
	var b strings.Builder
	for _, f := range v.Fields {
		b.WriteString("\n<tr><th scope=\"row\">")
		htmlText.WriteString(&b, f.Label)
		b.WriteString("</th><td>")
		htmlText.WriteString(&b, f.Value)
		b.WriteString("</td><td><code>")
		htmlText.WriteString(&b, f.Ref)
		b.WriteString("</code></td></tr>")
	}
	return template.HTML(b.String())
}

// checkRows returns the rows of a checks table, each starting on a new
// line, with the theme's badge partial for each result.
func (c *partialCache) checkRows(rows []CheckRow) (template.HTML, error) {
	var b strings.Builder
	for _, r := range rows {
		badge, err := c.exec("badge", r.Badge)
		if err != nil {
			return "", err
		}
		b.WriteString("\n<tr class=\"row-")
		htmlText.WriteString(&b, string(r.Result))
		b.WriteString("\"><td class=\"num\">")
		if r.Principle != 0 {
			b.WriteString(strconv.Itoa(r.Principle))
		} else {
			b.WriteString("–")
		}
		b.WriteString("</td><th scope=\"row\">")
		htmlText.WriteString(&b, r.Title)
		b.WriteString(" <code class=\"id\">")
		htmlText.WriteString(&b, r.ID)
		b.WriteString("</code></th><td>")
		b.WriteString(string(badge))
		b.WriteString("</td><td>")
		htmlText.WriteString(&b, r.Reason)
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String()), nil
}
