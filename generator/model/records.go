package model

import "time"

// Dates in records are midnight UTC of the calendar day; the zero time.Time
// means "not given". Date-times (incident opened/resolved) are instants in
// the site time zone.

// Initiative is one row of the IT initiative register.
type Initiative struct {
	ID                  string
	Name                string
	Category            Category
	BusinessUnit        string
	BusinessOwner       string
	ITOwner             string
	Metrics             []string // linked metric ids, as listed (unknown ones included)
	Budget              float64
	Spend               *float64 // nil when not given
	PlanLine            string
	Start               time.Time
	GoLive              time.Time
	Status              Status
	Rollout             Rollout
	Automation          bool
	ProcessStandardized bool
	TrainingPlan        bool
	AdoptionOwner       string
	Adoption            *float64 // fraction 0–1; nil when not given
	Risk                Risk
	DRTested            time.Time
	Source              Source
}

// Metric is one operational metric of the operating plan.
type Metric struct {
	ID           string
	Name         string
	Kind         Kind
	Unit         string
	Direction    Direction // stated, or implied by the sign of target − baseline
	Stated       bool      // Direction was given in the sheet
	Baseline     float64
	Target       float64
	Owner        string
	BusinessUnit string
	Source       Source
}

// Observation is one observed value of a metric for one period.
type Observation struct {
	Metric string
	Period Period
	End    time.Time // last day of Period under the site's fiscal_year_start
	Value  float64
	Source Source
}

// Window is a peak period, change freeze or close window of the calendar.
type Window struct {
	Name         string
	Start, End   time.Time // inclusive
	Kind         WindowKind
	BusinessUnit string // empty means every unit ("All" is read as empty)
	Source       Source
}

// PlanLine is one funding line of the annual operating plan.
type PlanLine struct {
	ID           string
	BusinessUnit string
	Category     Category // empty when not given
	Period       Period   // zero when not given
	Amount       float64
	Source       Source
}

// Incident is one operational incident.
type Incident struct {
	ID           string
	Opened       time.Time
	Resolved     time.Time // zero when unresolved
	Severity     int       // 1–4
	Initiative   string
	BusinessUnit string
	Service      string
	Source       Source
}

// Review is one operational review meeting of a business unit.
type Review struct {
	Date         time.Time
	BusinessUnit string
	ITAttended   bool
	Source       Source
}

// Dataset is everything read from a site's data folder.
type Dataset struct {
	Initiatives []Initiative
	Metrics     []Metric
	Actuals     []Observation
	Calendar    []Window
	Plan        []PlanLine
	Incidents   []Incident
	Reviews     []Review

	// Present records which tables were found (a recognised sheet or file,
	// even one with no usable rows). Checks that need a table apply only
	// when it is present.
	Present map[Table]bool
	// Issues found while reading, in file, sheet and row order.
	Issues []Issue
	// Summary counts what was read, for `opsalign check`.
	Summary Summary
}

// Summary counts what reading found.
type Summary struct {
	Tables  []TableSummary
	Ignored []string // sheets or files that matched no table, as "file:Sheet"
	Files   []string // every data file read, relative to the site folder
}

// TableSummary counts the rows of one table.
type TableSummary struct {
	Table    Table
	Sources  []string // "file:Sheet" that fed the table
	Rows     int      // rows used
	Excluded int      // rows not used because of an error
	Skipped  int      // totals rows skipped
}
