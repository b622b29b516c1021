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

	chrome *chromeCache
}

// Chrome executes a shared template (such as "nav" or "footer") for this
// page. It is executed once per folder depth and section and then reused,
// so it may use only the Site, Root and Section of the frame it is given.
func (f Frame) Chrome(name string) (template.HTML, error) {
	if f.chrome == nil {
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

// IndexView is the overview page.
type IndexView struct {
	Frame
	Narrative  template.HTML
	Portfolio  *model.Portfolio
	Counts     []VerdictCount
	Checks     []CheckRow
	Split      Chart
	Verdicts   Chart
	Scoreboard []MetricRow
}

// InitiativesView lists every initiative.
type InitiativesView struct {
	Frame
	Checks   []model.CheckInfo
	Rows     []InitiativeRow
	Units    []string       // distinct business units, sorted, for the filter
	Verdicts []VerdictCount // for the filter
}

// InitiativeView is one initiative's page.
type InitiativeView struct {
	Frame
	Row       InitiativeRow
	Fields    []FieldRow
	Source    string
	Metrics   []MetricPanel
	Unknown   []string // linked metric ids not in the metrics table
	Incidents []IncidentRow
	// Previous is the initiative in the last closed quarter; nil when none.
	Previous *InitiativeDelta
}

// MetricPanel is a linked metric with its trend chart.
type MetricPanel struct {
	Row   MetricRow
	Chart Chart

	mr      *model.MetricResult
	goLives []goLive
}

// MetricsView lists every metric.
type MetricsView struct {
	Frame
	Rows []MetricRow
}

// MetricView is one metric's page.
type MetricView struct {
	Frame
	Row          MetricRow
	Owner        string
	Unit         string
	Source       string
	Chart        Chart
	Observations []ObservationRow
}

// ObservationRow is one observed value of a metric.
type ObservationRow struct {
	Period string
	Value  float64
	Ref    string
}

// PortfolioView is the portfolio page.
type PortfolioView struct {
	Frame
	Portfolio    *model.Portfolio
	RunProtected CheckRow
	Units        []UnitRow
	ByUnit       Chart
	ByQuarter    Chart
	SpendVsPlan  Chart
}

// UnitRow is one business unit's totals.
type UnitRow struct {
	Unit     string
	Budget   float64
	Spend    float64
	Plan     float64
	Verdicts model.VerdictCounts
}

// CalendarView is the calendar page.
type CalendarView struct {
	Frame
	Timeline   Chart
	Windows    []WindowRow
	Collisions []Collision
}

// WindowRow is one calendar window.
type WindowRow struct {
	Name  string
	Kind  model.WindowKind
	Unit  string // "All" for every unit
	Start string
	End   string
	Ref   string
}

// Collision is a go-live inside a peak or freeze window of its unit.
type Collision struct {
	Initiative Link
	GoLive     string
	Window     string
	Kind       model.WindowKind
	Category   model.Category
}

// ReliabilityView is the reliability page.
type ReliabilityView struct {
	Frame
	ChangeIncidents *int
	MTTRHours       *float64
	Chart           Chart
	Quarters        []model.QuarterFigures
	ByInitiative    []InitiativeIncidents
	Incidents       []IncidentRow
}

// InitiativeIncidents counts the severity 1–2 incidents of an initiative.
type InitiativeIncidents struct {
	Initiative Link
	Count      int
}

// DataQualityView is the data-quality page.
type DataQualityView struct {
	Frame
	Groups  []IssueGroup
	Tables  []model.TableSummary
	Ignored []string
}

// IssueGroup is the issues of one file.
type IssueGroup struct {
	File   string
	Issues []IssueRow
}

// IssueRow is an issue with its cell named within its file ("Register!H43",
// or "H43" in a CSV file).
type IssueRow struct {
	model.Issue
	Cell string
}

// BoardPackView is the quarter's board pack.
type BoardPackView struct {
	Frame
	Narrative     template.HTML
	Portfolio     *model.Portfolio
	Checks        []CheckRow
	Principles    []PrincipleRow
	Split         Chart
	Scoreboard    []MetricRow
	NotAligned    []InitiativeRow
	Collisions    []Collision
	OwnershipGaps []InitiativeRow
	// Pack is the board pack's principle sections, exceptions and changes.
	Pack *PackView
}

// PrincipleRow counts one principle's check results across initiatives.
type PrincipleRow struct {
	Principle int
	Title     string
	Pass      int
	Warn      int
	Fail      int
	NA        int
}

// ContentView is a narrative page.
type ContentView struct {
	Frame
	Body template.HTML
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
