package render

import (
	"bytes"
	"strconv"
	"strings"
)

// An initiative page is the one page a site has thousands of. When the
// templates it is made of are the default theme's (see defaultTrees), it
// is written here in Go, byte for byte what those templates write: a
// template walk costs a reflective call and an escaper per action, about
// a hundred microseconds a page. Anything html/template would rewrite
// rather than escape (a link that is not a plain relative path, an accent
// colour that is not a hex colour) leaves the page to the templates, and
// the shared parts (navigation, headline, banners, footer, badges) still
// come from the theme's partials. TestInitiativePageLikeTemplate compares
// both ways on plain and hostile sites.

// writeInitiativePage writes v's page into buf and reports whether it
// did; false means the templates must write it.
func (b *build) writeInitiativePage(buf *bytes.Buffer, v *InitiativeView) (bool, error) {
	if !b.r.compiled || !plainURL(v.Root) || !hexColour(v.Accent) || !plainURL(v.Row.Path) {
		return false, nil
	}
	for i := range v.Metrics {
		if !plainURL(v.Metrics[i].Row.Path) {
			return false, nil
		}
	}
	if v.Previous != nil && !plainURL(v.Previous.Path) {
		return false, nil
	}
	var chrome [4]string // nav, headline, quality, footer
	for i, name := range []string{"nav", "headline", "quality", "footer"} {
		h, err := v.Chrome(name)
		if err != nil {
			return false, err
		}
		chrome[i] = string(h)
	}
	nav, headline, quality, footer := chrome[0], chrome[1], chrome[2], chrome[3]
	pc := b.r.partials[kindInitiative]
	verdict, err := pc.exec("badge", v.Row.VerdictBadge)
	if err != nil {
		return false, err
	}
	checks, err := pc.checkRows(v.Row.Checks)
	if err != nil {
		return false, err
	}
	var since []byte
	if p := v.Previous; p != nil {
		var s bytes.Buffer
		s.WriteString("\n<p class=\"since-line\">In ")
		escapeTo(&s, p.Period)
		s.WriteString(": ")
		if p.New {
			s.WriteString("not yet in the register.")
		} else {
			badge, err := pc.exec("badge", p.Verdict)
			if err != nil {
				return false, err
			}
			s.WriteString(string(badge))
			s.WriteString(" · score ")
			escapeTo(&s, p.Score)
			if p.ScoreChange != "" {
				s.WriteString(" (change since: ")
				escapeTo(&s, p.ScoreChange)
				s.WriteString(")")
			}
			s.WriteString(".")
		}
		s.WriteString(" <a href=\"")
		s.WriteString(v.Root)
		s.WriteString(p.Path)
		s.WriteString("\">Board pack ")
		escapeTo(&s, p.Period)
		s.WriteString("</a></p>")
		since = s.Bytes()
	}

	// base.html, up to {{template "main" .}}
	buf.WriteString("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"opsalign ")
	escapeTo(buf, v.Version)
	buf.WriteString("\">\n<title>")
	escapeTo(buf, v.Title)
	buf.WriteString(" · ")
	escapeTo(buf, v.Site.Title)
	buf.WriteString("</title>\n<link rel=\"icon\" href=\"")
	buf.WriteString(v.Root)
	buf.WriteString("assets/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"")
	buf.WriteString(v.Root)
	buf.WriteString("assets/site.css\">")
	if v.Accent != "" {
		buf.WriteString("\n<style>:root { --accent: ")
		buf.WriteString(v.Accent)
		buf.WriteString("; }</style>")
	}
	buf.WriteString("\n</head>\n<body class=\"page-")
	escapeTo(buf, v.Section)
	buf.WriteString("\">\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
	buf.WriteString(nav)
	buf.WriteString("\n")
	buf.WriteString(headline)
	buf.WriteString("\n")
	buf.WriteString(quality)
	buf.WriteString("\n<main id=\"main\">\n<h1>")
	escapeTo(buf, v.Title)
	buf.WriteString("</h1>\n")

	// initiative.html's "main"
	buf.WriteString("\n<p class=\"summary\">")
	buf.WriteString(string(verdict))
	buf.WriteString(" · score ")
	escapeTo(buf, v.Row.ScoreText)
	buf.WriteString(" · ")
	escapeTo(buf, v.Row.CategoryText)
	buf.WriteString(" · ")
	if v.Row.Unit != "" {
		escapeTo(buf, v.Row.Unit)
	} else {
		buf.WriteString("no business unit")
	}
	buf.WriteString(" · source <code>")
	escapeTo(buf, v.Source)
	buf.WriteString("</code></p>")
	buf.Write(since)
	buf.WriteString("\n<section>\n<h2>Checks</h2>\n<table class=\"checks\">\n<thead><tr><th scope=\"col\">Principle</th><th scope=\"col\">Check</th><th scope=\"col\">Result</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>")
	buf.WriteString(string(checks))
	buf.WriteString("\n</tbody>\n</table>\n</section>\n<section>\n<h2>Metrics</h2>")
	for i := range v.Metrics {
		m := &v.Metrics[i]
		buf.WriteString("\n<h3><a href=\"")
		buf.WriteString(v.Root)
		buf.WriteString(m.Row.Path)
		buf.WriteString("\">")
		escapeTo(buf, m.Row.ID)
		buf.WriteString("</a> ")
		escapeTo(buf, m.Row.Name)
		buf.WriteString("</h3>\n<p>Baseline ")
		escapeTo(buf, m.Row.BaselineText)
		buf.WriteString(" → target ")
		escapeTo(buf, m.Row.TargetText)
		buf.WriteString("; latest ")
		escapeTo(buf, m.Row.LatestText)
		if m.Row.LatestPeriod != "" {
			buf.WriteString(" (")
			escapeTo(buf, m.Row.LatestPeriod)
			buf.WriteString(")")
		}
		buf.WriteString("; progress ")
		escapeTo(buf, m.Row.ProgressText)
		buf.WriteString(".</p>\n")
		b.writeTrendChart(buf, m)
	}
	if len(v.Metrics) == 0 {
		buf.WriteString("\n<p>No linked metric in the metrics table.</p>")
	}
	if len(v.Unknown) > 0 {
		buf.WriteString("\n<p class=\"warn\">Linked metric ids not in the metrics table: ")
		for i, id := range v.Unknown {
			if i > 0 {
				buf.WriteString(", ")
			}
			buf.WriteString("<code>")
			escapeTo(buf, id)
			buf.WriteString("</code>")
		}
		buf.WriteString("</p>")
	}
	buf.WriteString("\n</section>\n<section>\n<h2>Incidents</h2>")
	if len(v.Incidents) > 0 {
		buf.WriteString("\n<table class=\"incidents\">\n<thead><tr><th scope=\"col\">Incident</th><th scope=\"col\">Severity</th><th scope=\"col\">Opened</th><th scope=\"col\">Resolved</th><th scope=\"col\">Service</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>")
		for i := range v.Incidents {
			r := &v.Incidents[i]
			buf.WriteString("\n<tr><th scope=\"row\">")
			escapeTo(buf, r.ID)
			buf.WriteString("</th><td class=\"num\">")
			buf.WriteString(strconv.Itoa(r.Severity))
			buf.WriteString("</td><td>")
			escapeTo(buf, r.Opened)
			buf.WriteString("</td><td>")
			escapeTo(buf, r.Resolved)
			buf.WriteString("</td><td>")
			escapeTo(buf, r.Service)
			buf.WriteString("</td><td><code>")
			escapeTo(buf, r.Ref)
			buf.WriteString("</code></td></tr>")
		}
		buf.WriteString("\n</tbody>\n</table>")
	} else {
		buf.WriteString("\n<p>No incident is attributed to this initiative.</p>")
	}
	buf.WriteString("\n</section>\n<section>\n<h2>Fields and where they came from</h2>\n<table class=\"fields\">\n<thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Value</th><th scope=\"col\">Cell</th></tr></thead>\n<tbody>")
	v.writeFieldRows(buf)
	buf.WriteString("\n</tbody>\n</table>\n</section>")

	// the rest of base.html, and the newlines around the define in
	// initiative.html
	buf.WriteString("\n</main>\n")
	buf.WriteString(footer)
	buf.WriteString("\n<script src=\"")
	buf.WriteString(v.Root)
	buf.WriteString("assets/echarts.min.js\"></script>\n<script src=\"")
	buf.WriteString(v.Root)
	buf.WriteString("assets/opsalign.js\"></script>\n</body>\n</html>\n\n")
	return true, nil
}

// writeTrendChart writes the "chart" template of a metric panel: the
// parts every page showing the metric shares come from the metric's trend
// chart, built once; the go-live marks and rows are the page's own.
func (b *build) writeTrendChart(buf *bytes.Buffer, m *MetricPanel) {
	t := b.trend(m.mr)
	html := &t.html
	marks, rows := b.goLiveMarks(m.goLives)
	buf.WriteString(html.head)
	if !t.chart.Empty {
		buf.WriteString(html.canvas)
		if marks != "" {
			buf.WriteString(html.marksAttr)
		}
		buf.WriteString(html.option)
		if marks != "" {
			buf.WriteString(html.marksOpen)
			buf.WriteString(string(marks))
			buf.WriteString("</script>")
		}
	}
	buf.WriteString(html.table)
	writeTableRows(buf, rows)
	buf.WriteString(tableEnd + "\n</div>\n</div>\n</figure>")
}

// chartHTML is the markup of the "chart" template for a chart without
// marks, cut where a page's go-live marks and rows go in.
type chartHTML struct {
	head      string // figure, caption, chart body (and "no data" when empty)
	canvas    string // the canvas element up to its data-option attribute
	marksAttr string // the data-marks attribute
	option    string // the rest of the canvas and the option's script
	marksOpen string // the marks script's opening tag
	table     string // the data table up to the end of its own rows
}

func newChartHTML(c Chart) chartHTML {
	var h chartHTML
	var b bytes.Buffer
	cut := func() string { s := b.String(); b.Reset(); return s }
	b.WriteString("<figure class=\"chart\" id=\"")
	escapeTo(&b, c.ID)
	b.WriteString("\">\n<figcaption>")
	escapeTo(&b, c.Title)
	b.WriteString("</figcaption>\n<div class=\"chart-body\">")
	if c.Empty {
		b.WriteString("\n<p class=\"chart-empty\">No data to draw yet.</p>")
	}
	h.head = cut()
	b.WriteString("\n<div class=\"chart-canvas\" data-option=\"")
	escapeTo(&b, c.ID)
	b.WriteString("-option\"")
	h.canvas = cut()
	b.WriteString(" data-marks=\"")
	escapeTo(&b, c.ID)
	b.WriteString("-marks\"")
	h.marksAttr = cut()
	b.WriteString(" style=\"height: ")
	b.WriteString(strconv.Itoa(c.Height))
	b.WriteString("px\" role=\"img\" aria-label=\"")
	escapeTo(&b, c.Title)
	b.WriteString("\"></div>\n<script type=\"application/json\" id=\"")
	escapeTo(&b, c.ID)
	b.WriteString("-option\">")
	b.WriteString(string(c.Option))
	b.WriteString("</script>")
	h.option = cut()
	b.WriteString("\n<script type=\"application/json\" id=\"")
	escapeTo(&b, c.ID)
	b.WriteString("-marks\">")
	h.marksOpen = cut()
	b.WriteString("\n<div class=\"chart-data\">\n")
	full := string(c.Table.HTML())
	b.WriteString(strings.TrimSuffix(full, tableEnd))
	h.table = cut()
	return h
}

// hexColour reports whether s is empty or a hex colour such as #1f4e79,
// which html/template writes unchanged in a style element.
func hexColour(s string) bool {
	if s == "" {
		return true
	}
	if len(s) < 4 || len(s) > 9 || s[0] != '#' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
