package model

// SchemaVersion is the version of scorecard.json this package writes.
const SchemaVersion = 1

// Result is the outcome of a check.
type Result string

// Results.
const (
	Pass Result = "pass"
	Warn Result = "warn"
	Fail Result = "fail"
	NA   Result = "n/a"
)

// Verdict sums up an initiative.
type Verdict string

// Verdicts.
const (
	Aligned    Verdict = "aligned"
	AtRisk     Verdict = "at_risk"
	NotAligned Verdict = "not_aligned"
	NotScored  Verdict = "not_scored"
)

// Verdicts lists the verdicts, best first.
var Verdicts = []Verdict{Aligned, AtRisk, NotAligned, NotScored}

// Check ids of the nine per-initiative checks, in principle order.
const (
	CheckOutcomeLinked     = "outcome_linked"
	CheckBusinessOwned     = "business_owned"
	CheckITEmbedded        = "it_embedded"
	CheckProcessStable     = "process_stable"
	CheckPlanFunded        = "plan_funded"
	CheckPeakClear         = "peak_clear"
	CheckImpactRealized    = "impact_realized"
	CheckChangeManaged     = "change_managed"
	CheckStableInOperation = "stable_in_operation"
)

// CheckInfo describes one per-initiative check.
type CheckInfo struct {
	ID        string
	Principle int
	Title     string
}

// Checks lists the per-initiative checks in the order they are reported.
var Checks = []CheckInfo{
	{CheckOutcomeLinked, 1, "Operational outcomes"},
	{CheckBusinessOwned, 2, "Business ownership"},
	{CheckITEmbedded, 3, "IT embedded in operations"},
	{CheckProcessStable, 4, "Stabilise before automating"},
	{CheckPlanFunded, 6, "Funding follows the operating plan"},
	{CheckPeakClear, 6, "Sequencing around critical periods"},
	{CheckImpactRealized, 7, "Measured by operational impact"},
	{CheckChangeManaged, 8, "Change management"},
	{CheckStableInOperation, 9, "Reliability over novelty"},
}

// Portfolio check ids.
const (
	CheckSplitWithinPolicy = "split_within_policy"
	CheckRunProtected      = "run_protected"
	CheckAlignedSpend      = "aligned_spend"
	CheckNoInstability     = "no_instability"
	CheckMetricsImproving  = "metrics_improving"
)

// PortfolioChecks lists the portfolio checks in report order.
var PortfolioChecks = []CheckInfo{
	{CheckSplitWithinPolicy, 5, "Run, improve, transform split within policy"},
	{CheckRunProtected, 5, "Run protected"},
	{CheckAlignedSpend, 0, "Spend on aligned work"},
	{CheckNoInstability, 9, "No change-caused instability"},
	{CheckMetricsImproving, 7, "Operational metrics improving"},
}

// CheckResult is one check's outcome with its human reason.
type CheckResult struct {
	ID        string `json:"id"`
	Principle int    `json:"principle,omitempty"`
	Result    Result `json:"result"`
	Reason    string `json:"reason"`
	// Fix is the smallest change to the data that would lift a failing
	// or warning check ("move go-live out of Peak season 2026: to
	// 2026-11-14 or earlier, or 2027-01-01 or later"); "" for pass and
	// n/a. Per-initiative checks only.
	Fix string `json:"fix,omitempty"`
	// Cell is the register cell the result turns on: the cell to edit
	// for the fix, or the blank cell that makes the check n/a; nil when
	// no single cell of the initiative decides it (another table does).
	Cell *Cell `json:"cell,omitempty"`
}

// Scorecard is the complete result of scoring (scorecard.json, schema 1).
type Scorecard struct {
	Schema      int                `json:"schema"`
	AsOf        string             `json:"as_of"`
	Period      string             `json:"period"`
	Currency    string             `json:"currency"`
	Headline    Headline           `json:"headline"`
	Portfolio   Portfolio          `json:"portfolio"`
	Initiatives []InitiativeResult `json:"initiatives"`
	Metrics     []MetricResult     `json:"metrics"`
	Issues      []Issue            `json:"issues"`
	// IssueEffects say, for each issue that touches a record or has a
	// fix, what it affects and how to fix it (by index into Issues).
	IssueEffects []IssueEffect `json:"issue_effects"`
	// VerdictRule is the rule the verdicts were decided by.
	VerdictRule VerdictRule `json:"verdict_rule"`
	// Calendar is the peak and freeze windows with the go-lives inside
	// them.
	Calendar Calendar `json:"calendar"`
}

// Headline is the answer to the COO's question.
type Headline struct {
	Answer  string   `json:"answer"` // "yes" or "no"
	Reasons []string `json:"reasons"`
}

// Shares is a run/improve/transform split; a share is nil when the total is 0.
type Shares struct {
	Run       *float64 `json:"run"`
	Improve   *float64 `json:"improve"`
	Transform *float64 `json:"transform"`
}

// Split is the category split of budget and of spend.
type Split struct {
	Budget Shares `json:"budget"`
	Spend  Shares `json:"spend"`
	// Bands are the policy bands of the categories that have one, in
	// category order.
	Bands []SplitBand `json:"bands"`
}

// VerdictCounts counts initiatives per verdict.
type VerdictCounts struct {
	Aligned    int `json:"aligned"`
	AtRisk     int `json:"at_risk"`
	NotAligned int `json:"not_aligned"`
	NotScored  int `json:"not_scored"`
}

// Portfolio holds the portfolio figures and checks.
type Portfolio struct {
	BudgetTotal float64 `json:"budget_total"`
	SpendTotal  float64 `json:"spend_total"`
	// SpendAssumed is true when no initiative reported spend and budget
	// stands in for it.
	SpendAssumed          bool     `json:"spend_assumed"`
	Split                 Split    `json:"split"`
	AlignedSpendShare     *float64 `json:"aligned_spend_share"`
	MetricsImprovingShare *float64 `json:"metrics_improving_share"`
	// Targets are the thresholds the aligned_spend and metrics_improving
	// checks hold those shares to (at least).
	AlignedSpendTarget     float64 `json:"aligned_spend_target"`
	MetricsImprovingTarget float64 `json:"metrics_improving_target"`
	ChangeIncidents        *int    `json:"change_incidents"`
	// ChangeIncidentList holds the incidents ChangeIncidents counts,
	// oldest first (null without incidents table).
	ChangeIncidentList []ChangeIncident `json:"change_incident_list"`
	MTTRHours          *float64         `json:"mttr_hours"`
	Verdicts           VerdictCounts    `json:"verdicts"`
	// CancelledSpend is the spend of Cancelled initiatives, the sunk
	// cost: part of SpendTotal, outside the scored spend AlignedSpendShare
	// divides. CancelledCount counts them.
	CancelledSpend float64       `json:"cancelled_spend"`
	CancelledCount int           `json:"cancelled_count"`
	Checks         []CheckResult `json:"checks"`

	// Breakdowns for charts and tables.
	ByUnit    []UnitFigures    `json:"by_unit"`
	ByQuarter []QuarterFigures `json:"by_quarter"`
}

// UnitFigures are the portfolio figures of one business unit.
type UnitFigures struct {
	BusinessUnit string               `json:"business_unit"`
	Budget       map[Category]float64 `json:"budget"`
	Spend        map[Category]float64 `json:"spend"`
	Plan         map[Category]float64 `json:"plan"`
	Verdicts     VerdictCounts        `json:"verdicts"`
}

// QuarterFigures are the figures of one quarter (by go-live for budget, by
// opening date for incidents).
type QuarterFigures struct {
	Period          string               `json:"period"`
	Budget          map[Category]float64 `json:"budget"`
	Incidents       int                  `json:"incidents"`        // severity 1–2 opened in the quarter
	ChangeIncidents int                  `json:"change_incidents"` // of those, attributed to a known initiative
	MTTRHours       *float64             `json:"mttr_hours"`
}

// InitiativeResult is one initiative's score, verdict and checks.
type InitiativeResult struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Category     Category      `json:"category"`
	BusinessUnit string        `json:"business_unit"`
	Status       *Status       `json:"status"`
	Budget       float64       `json:"budget"`
	Spend        *float64      `json:"spend"`
	Score        *int          `json:"score"`
	Verdict      Verdict       `json:"verdict"`
	Checks       []CheckResult `json:"checks"`
	Source       Source        `json:"source"`
	// Explanation says why the verdict is what it is; nil in scorecards
	// written before it was published.
	Explanation *Explanation `json:"explanation"`
}

// MetricResult is one metric's latest value and progress at as_of.
type MetricResult struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Kind         Kind      `json:"kind"`
	Unit         string    `json:"unit"`
	Direction    Direction `json:"direction"`
	Baseline     float64   `json:"baseline"`
	Target       float64   `json:"target"`
	Latest       *float64  `json:"latest"`
	LatestPeriod string    `json:"latest_period"`
	Progress     *float64  `json:"progress"`
	Initiatives  []string  `json:"initiatives"` // ids of initiatives that claim it
	Source       Source    `json:"source"`
}
