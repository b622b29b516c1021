package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

// Rows of the largest tables are written in Go rather than ranged over in
// a template: every {{.Field}} of a template is a reflective escaper call,
// and an initiative page has some two hundred of them. The markup is the
// same, byte for byte, as the theme's loops it replaces.

// FieldRowsHTML returns the rows of an initiative's fields table, each
// starting on a new line.
func (v *InitiativeView) FieldRowsHTML() template.HTML {
	var b bytes.Buffer
	v.writeFieldRows(&b)
	return template.HTML(b.String())
}

// writeFieldRows writes what FieldRowsHTML returns into b.
func (v *InitiativeView) writeFieldRows(b *bytes.Buffer) {
	for _, f := range v.Fields {
		b.WriteString("\n<tr><th scope=\"row\">")
		escapeTo(b, f.Label)
		b.WriteString("</th><td>")
		escapeTo(b, f.Value)
		b.WriteString("</td><td><code>")
		escapeTo(b, f.Ref)
		b.WriteString("</code></td></tr>")
	}
}

// checkRows returns the rows of a checks table, each starting on a new
// line, with the theme's badge partial for each result.
func (c *partialCache) checkRows(rows []CheckRow) (template.HTML, error) {
	var b bytes.Buffer
	for _, r := range rows {
		badge, err := c.exec("badge", r.Badge)
		if err != nil {
			return "", err
		}
		b.WriteString("\n<tr class=\"row-")
		escapeTo(&b, string(r.Result))
		b.WriteString("\"><td class=\"num\">")
		if r.Principle != 0 {
			b.WriteString(strconv.Itoa(r.Principle))
		} else {
			b.WriteString("–")
		}
		b.WriteString("</td><th scope=\"row\">")
		escapeTo(&b, r.Title)
		b.WriteString(" <code class=\"id\">")
		escapeTo(&b, r.ID)
		b.WriteString("</code></th><td>")
		b.WriteString(string(badge))
		b.WriteString("</td><td>")
		escapeTo(&b, r.Reason)
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String()), nil
}

// initiativeRows returns the rows of the initiatives index, each starting
// on a new line, or "" when a link holds a character that html/template
// would rewrite in a URL (the theme's loop then writes the rows).
func (c *partialCache) initiativeRows(root string, rows []InitiativeRow) (template.HTML, error) {
	if !plainURL(root) {
		return "", nil
	}
	for i := range rows {
		if !plainURL(rows[i].Path) {
			return "", nil
		}
	}
	var b bytes.Buffer
	b.Grow(len(rows) * 2600) // a row with nine checks is 2–2.5 KB
	for i := range rows {
		r := &rows[i]
		verdict, err := c.exec("badge", r.VerdictBadge)
		if err != nil {
			return "", err
		}
		b.WriteString("\n<tr><th scope=\"row\"><a href=\"")
		b.WriteString(root)
		b.WriteString(r.Path)
		b.WriteString("\">")
		escapeTo(&b, r.ID)
		b.WriteString("</a></th><td>")
		escapeTo(&b, r.Name)
		b.WriteString("</td><td>")
		escapeTo(&b, r.Unit)
		b.WriteString("</td><td>")
		escapeTo(&b, r.CategoryText)
		b.WriteString("</td><td>")
		escapeTo(&b, r.Owners)
		b.WriteString("</td><td class=\"num\" data-sort=\"")
		escapeTo(&b, fmt.Sprint(r.Budget))
		b.WriteString("\">")
		escapeTo(&b, r.BudgetText)
		b.WriteString("</td><td class=\"num\" data-sort=\"")
		if r.Spend != nil {
			escapeTo(&b, fmt.Sprint(*r.Spend))
		}
		b.WriteString("\">")
		escapeTo(&b, r.SpendText)
		b.WriteString("</td><td class=\"num\" data-sort=\"")
		if r.Score != nil {
			b.WriteString(strconv.Itoa(*r.Score))
		}
		b.WriteString("\">")
		escapeTo(&b, r.ScoreText)
		b.WriteString("</td><td data-sort=\"")
		escapeTo(&b, string(r.Verdict))
		b.WriteString("\">")
		b.WriteString(string(verdict))
		b.WriteString("</td>")
		for _, ch := range r.Checks {
			badge, err := c.exec("badge", ch.Badge)
			if err != nil {
				return "", err
			}
			b.WriteString("<td class=\"check\" data-sort=\"")
			escapeTo(&b, string(ch.Result))
			b.WriteString("\" title=\"")
			escapeTo(&b, ch.Reason)
			b.WriteString("\">")
			b.WriteString(string(badge))
			b.WriteString("</td>")
		}
		b.WriteString("\n</tr>")
	}
	return template.HTML(b.String()), nil
}

// plainURL reports whether s holds only characters that html/template
// writes unchanged in an href (letters, digits, - . _ ~ /) and no colon,
// so that it cannot be read as a scheme.
func plainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/", c) >= 0) {
			return false
		}
	}
	return true
}

// incidentRows returns the rows of the reliability page's incident list,
// each starting on a new line, or "" when there are none or a link holds a
// character html/template would rewrite in a URL (the theme's loop then
// writes the rows).
func incidentRows(root string, rows []IncidentRow) template.HTML {
	if len(rows) == 0 || !plainURL(root) {
		return ""
	}
	for i := range rows {
		if !plainURL(rows[i].Initiative.Path) {
			return ""
		}
	}
	var b bytes.Buffer
	b.Grow(len(rows) * 256)
	for i := range rows {
		r := &rows[i]
		b.WriteString("\n<tr><th scope=\"row\">")
		escapeTo(&b, r.ID)
		b.WriteString("</th><td class=\"num\">")
		b.WriteString(strconv.Itoa(r.Severity))
		b.WriteString("</td><td>")
		escapeTo(&b, r.Opened)
		b.WriteString("</td><td>")
		escapeTo(&b, r.Resolved)
		b.WriteString("</td><td>")
		writeLink(&b, root, r.Initiative)
		b.WriteString("</td><td>")
		escapeTo(&b, r.Unit)
		b.WriteString("</td><td>")
		escapeTo(&b, r.Service)
		b.WriteString("</td><td><code>")
		escapeTo(&b, r.Ref)
		b.WriteString("</code></td></tr>")
	}
	return template.HTML(b.String())
}

// scoreboardRows returns the rows of a metric scoreboard, each starting
// on a new line, or "" when there are none or a link holds a character
// html/template would rewrite in a URL (the theme's loop then writes the
// rows). A metric claimed by a hundred initiatives links each of them.
func scoreboardRows(root string, rows []MetricRow) template.HTML {
	if len(rows) == 0 || !plainURL(root) {
		return ""
	}
	n := 0
	for i := range rows {
		if !plainURL(rows[i].Path) {
			return ""
		}
		for _, l := range rows[i].Initiatives {
			if !plainURL(l.Path) {
				return ""
			}
		}
		n += 400 + 64*len(rows[i].Initiatives)
	}
	var b bytes.Buffer
	b.Grow(n)
	for i := range rows {
		r := &rows[i]
		b.WriteString("\n<tr><th scope=\"row\"><a href=\"")
		b.WriteString(root)
		b.WriteString(r.Path)
		b.WriteString("\">")
		escapeTo(&b, r.ID)
		b.WriteString("</a></th><td>")
		escapeTo(&b, r.Name)
		b.WriteString("</td><td>")
		escapeTo(&b, string(r.Direction))
		b.WriteString("</td><td class=\"num\">")
		escapeTo(&b, r.BaselineText)
		b.WriteString("</td><td class=\"num\">")
		escapeTo(&b, r.TargetText)
		b.WriteString("</td><td class=\"num\">")
		escapeTo(&b, r.LatestText)
		b.WriteString("</td><td>")
		escapeTo(&b, r.LatestPeriod)
		b.WriteString("</td><td class=\"num\" data-sort=\"")
		if r.Progress != nil {
			escapeTo(&b, fmt.Sprint(*r.Progress))
		}
		b.WriteString("\">")
		escapeTo(&b, r.ProgressText)
		b.WriteString("</td><td>")
		for j, l := range r.Initiatives {
			if j > 0 {
				b.WriteString(", ")
			}
			writeLink(&b, root, l)
		}
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String())
}

// linkItems returns the list items of links, each starting on a new line
// (a link without a path is its text alone), or "" when there are none or
// a link holds a character html/template would rewrite in a URL (the
// theme's loop then writes the items).
func linkItems(root string, links []Link) template.HTML {
	if len(links) == 0 || !plainURL(root) {
		return ""
	}
	for _, l := range links {
		if !plainURL(l.Path) {
			return ""
		}
	}
	var b bytes.Buffer
	b.Grow(len(links) * 64)
	for _, l := range links {
		b.WriteString("\n<li>")
		writeLink(&b, root, l)
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}

// writeLink writes l as the theme's "link" partial does: an anchor to
// root+path, or the text alone when l has no path. l.Path must be a
// plainURL.
func writeLink(b *bytes.Buffer, root string, l Link) {
	if l.Path == "" {
		escapeTo(b, l.Text)
		return
	}
	b.WriteString("<a href=\"")
	b.WriteString(root)
	b.WriteString(l.Path)
	b.WriteString("\">")
	escapeTo(b, l.Text)
	b.WriteString("</a>")
}
