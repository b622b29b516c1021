package render

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/opsalign/opsalign/generator/model"
)

// The view models below are what templates see. Every page's model embeds
// Frame; rows hold site-relative paths (Path) that templates prefix with
// .Root, so the same row can be shown on pages of any depth.

// Site is what every page of one build shares.
type Site struct {
	Title    string
	Version  string
	AsOf     string
	Period   string
	Currency string
	Accent   string
	Logo     string // site path of the logo, "" for none
	// Question is the COO's question the headline answers.
	Question string
	Headline model.Headline
	Quality  Quality
	Sources  []string // data files read, relative to the site folder
	Nav      []NavItem
	Fmt      Formatter
	// Closed lists the closed quarters, newest first; Since compares with
	// the latest one before the report period (nil when none).
	Closed []ClosedQuarter
	Since  *Since

	chrome *chromeCache // the shared blocks of this build's pages
}

// Quality sums up the data-quality issues for the banner.
type Quality struct {
	Excluded int // rows left out because of an error
	Errors   int
	Warnings int
}

// NavItem is one entry of the navigation.
type NavItem struct {
	Key   string // the Section a page is in
	Path  string
	Label string
}

// Frame is what every page shows around its content.
type Frame struct {
	*Site
	Root    string // "" or "../": the prefix that makes a site path relative to this page
	Path    string // this page's site path
	Title   string
	Section string // the NavItem.Key of this page
}

// Chrome executes a shared template (such as "nav" or "footer") for this
// page. It is executed once per folder depth and section and then reused,
// so it may use only the Site, Root and Section of the frame it is given.
func (f Frame) Chrome(name string) (template.HTML, error) {
	if f.Site == nil || f.chrome == nil {
		return "", fmt.Errorf("no template %q", name)
	}
	return f.chrome.get(name, f)
}

// Link is a link to a page of the site.
type Link struct {
	Path string
	Text string
}

// Badge is a check result or verdict as shown: its CSS classes, an icon
// that tells it apart without colour, and a label.
type Badge struct {
	Class string
	Icon  string
	Label string
}

// CheckRow is one check's result.
type CheckRow struct {
	ID        string
	Title     string
	Principle int
	Result    model.Result
	Badge     Badge
	Reason    string
}

// InitiativeRow is an initiative in a list.
type InitiativeRow struct {
	ID       string
	Path     string
	Name     string
	Unit     string
	Category model.Category
	Status   string
	Owners   string // "business / IT"
	Budget   float64
	Spend    *float64
	Score    *int
	Verdict  model.Verdict
	Checks   []CheckRow // one per model.Checks entry, n/a when absent

	// Formatted for display.
	CategoryText string
	BudgetText   string
	SpendText    string
	ScoreText    string
	VerdictBadge Badge
}

// MetricRow is a metric in a list.
type MetricRow struct {
	ID           string
	Path         string
	Name         string
	Kind         model.Kind
	Unit         string
	Direction    model.Direction
	Baseline     float64
	Target       float64
	Latest       *float64
	LatestPeriod string
	Progress     *float64
	Initiatives  []Link

	// Formatted for display.
	BaselineText string
	TargetText   string
	LatestText   string
	ProgressText string
}

// FieldRow is one field of a record with where it came from.
type FieldRow struct {
	Label string
	Value string
	Ref   string // file:Sheet!F12
}

// IncidentRow is one incident.
type IncidentRow struct {
	ID         string
	Opened     string
	Resolved   string
	Severity   int
	Initiative Link // Path empty when unknown
	Unit       string
	Service    string
	Ref        string
}

// Chart is a chart block: the container, the ECharts option and the data
// table shown beside it.
type Chart struct {
	ID     string      // stable element id, such as "chart-metric-M-01"
	Title  string      // caption and accessible name
	Option template.JS // option JSON with <, >, & escaped
	// Marks is JSON of the go-lives to mark on a trend chart, added to the
	// option by the theme's script, so that one option serves every page
	// that shows a metric; empty for other charts.
	Marks  template.JS
	Height int // pixels
	Table  DataTable
	Empty  bool // no data to draw: only the table is shown
}

// DataTable is a plain table of text cells; the first cell of a row heads it.
type DataTable struct {
	Head []Cell
	Rows [][]Cell
	text int // leading columns that hold text
}

// Cell is one cell of a DataTable.
type Cell struct {
	Text string
	Num  bool // a figure: aligned right
}

// newTable returns a table with the given head whose first text columns
// hold text and the others figures.
func newTable(text int, head ...string) DataTable {
	t := DataTable{text: text}
	t.Head = t.cells(head)
	return t
}

// add appends a row.
func (t *DataTable) add(cells ...string) { t.Rows = append(t.Rows, t.cells(cells)) }

// HTML returns the table as HTML, every cell escaped. Writing it in Go
// rather than ranging over it in a template saves an escaper call per
// cell: a chart's table can have hundreds.
func (t DataTable) HTML() template.HTML {
	var b bytes.Buffer
	b.WriteString(`<table class="data">` + "\n<thead><tr>")
	for _, c := range t.Head {
		b.WriteString(`<th scope="col"`)
		if c.Num {
			b.WriteString(` class="num"`)
		}
		b.WriteString(">")
		tableEscapeTo(&b, c.Text)
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	writeTableRows(&b, t.Rows)
	b.WriteString(tableEnd)
	return template.HTML(b.String())
}

// tableEnd is how DataTable.HTML ends.
const tableEnd = "</tbody>\n</table>"

// writeTableRows writes the body rows of a DataTable, each on a line of
// its own; the first cell of a row heads it.
func writeTableRows(b *bytes.Buffer, rows [][]Cell) {
	for _, r := range rows {
		b.WriteString("<tr>")
		for i, c := range r {
			switch {
			case i == 0:
				b.WriteString(`<th scope="row">`)
			case c.Num:
				b.WriteString(`<td class="num">`)
			default:
				b.WriteString("<td>")
			}
			tableEscapeTo(b, c.Text)
			if i == 0 {
				b.WriteString("</th>")
			} else {
				b.WriteString("</td>")
			}
		}
		b.WriteString("</tr>\n")
	}
}

func (t *DataTable) cells(texts []string) []Cell {
	out := make([]Cell, len(texts))
	for i, s := range texts {
		out[i] = Cell{Text: s, Num: i >= t.text}
	}
	return out
}

// RowsView is what the initiative-list partial is given.
type RowsView struct {
	Root string
	Fmt  Formatter
	Rows []InitiativeRow
}

// LinkView is what the link partial is given.
type LinkView struct {
	Root string
	Link Link
}

// VerdictCount is how many initiatives have a verdict.
type VerdictCount struct {
	Verdict model.Verdict
	Badge   Badge
	N       int
}
