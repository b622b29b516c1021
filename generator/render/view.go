package render

import (
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
	// Reasons are the headline's reasons with their ids linked.
	Reasons [][]Segment
	Quality Quality
	Sources []string // data files read, relative to the site folder
	Nav     []NavItem
	Fmt     Formatter
	// Closed lists the closed quarters, newest first; Since compares with
	// the latest one before the report period (nil when none).
	Closed []ClosedQuarter
	Since  *Since

	chrome *chromeCache `pagekey:"-"` // the shared blocks of this build's pages (of the fields above)
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
	Root  string // "" or "../": the prefix that makes a site path relative to this page
	Path  string // this page's site path
	Title string
	// TitleID is a code id shown muted after the title ("INI-001"), ""
	// for none: names come first.
	TitleID string
	Section string // the NavItem.Key of this page
	// Brief marks a page of which a site has thousands (an initiative's):
	// its chrome is brief (the default theme: the headline's reasons one
	// link away on the overview, no list script, no list of sources).
	Brief bool
}

// Chrome executes a shared template (such as "nav" or "footer") for this
// page. It is executed once per folder depth, section and Brief and then
// reused, so it may use only the Site, Root, Section and Brief of the frame
// it is given.
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

// NamedLink links a record by its name, with its id to show muted after
// it (ID "" when the record has no name and Text is the id).
type NamedLink struct {
	Link
	ID string
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
	// Fix is the smallest change that lifts a failing or warning check;
	// Cell the register cell it turns on (for an n/a check, the blank
	// cell that makes it n/a). Per-initiative checks only.
	Fix  string
	Cell *CellLink
	// Parts are the reason with its ids linked (nil: the reason as plain
	// text), relative to Root.
	Parts []Segment
	Root  string
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

	// Chip marks a row of the initiatives list whose data has a note: an
	// issue of the input on its row or a blank field it is judged
	// without; nil for none (and on other pages' rows).
	Chip *RowChip
}

// RowChip is the chip on a list row: its severity ("warning", "error")
// and what it is about, the chip's tooltip.
type RowChip struct {
	Severity string
	Title    string
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
	// ClaimedPath is the site path of the initiatives list showing the
	// initiatives that claim the metric.
	ClaimedPath string
	// Chip marks a metric whose row has an issue of the input; nil for
	// none.
	Chip *RowChip

	// Formatted for display.
	BaselineText string
	TargetText   string
	LatestText   string
	ProgressText string
}

// FieldRow is one field of a record with where it came from.
type FieldRow struct {
	Field string // the field's name, for the row's anchor ("go_live")
	Label string
	Value string
	Ref   string // file:Sheet!F12
	Cell  string // the cell in its row: "F12", "–" when no column holds the field
	// Notes are the issues of the input on this cell.
	Notes []Note
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
