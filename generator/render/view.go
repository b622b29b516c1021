package render

import (
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
	// Question is the COO's question the headline answers.
	Question string
	Headline model.Headline
	Quality  Quality
	Sources  []string // data files read, relative to the site folder
	Nav      []NavItem
	Fmt      Formatter
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

// Link is a link to a page of the site.
type Link struct {
	Path string
	Text string
}

// CheckRow is one check's result.
type CheckRow struct {
	ID        string
	Title     string
	Principle int
	Result    model.Result
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
	Height int         // pixels
	Table  DataTable
	Empty  bool // no data to draw: only the table is shown
}

// DataTable is a plain table of text cells.
type DataTable struct {
	Head []string
	Rows [][]string
	// Text is how many leading columns hold text (left-aligned); the rest
	// are figures. 0 means 1.
	Text int
}

// IsText reports whether column i holds text.
func (t DataTable) IsText(i int) bool { return i < max(t.Text, 1) }

// IndexView is the overview page.
type IndexView struct {
	Frame
	Narrative  template.HTML
	Portfolio  *model.Portfolio
	Checks     []CheckRow
	Split      Chart
	Verdicts   Chart
	Scoreboard []MetricRow
}

// InitiativesView lists every initiative.
type InitiativesView struct {
	Frame
	Checks []model.CheckInfo
	Rows   []InitiativeRow
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
}

// MetricPanel is a linked metric with its trend chart.
type MetricPanel struct {
	Row   MetricRow
	Chart Chart
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
	Issues []model.Issue
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
