package model

// Table names one of the seven kinds of input table.
type Table string

// The seven tables of inputs.md.
const (
	TableInitiatives Table = "initiatives"
	TableMetrics     Table = "metrics"
	TableActuals     Table = "actuals"
	TableCalendar    Table = "calendar"
	TablePlan        Table = "plan"
	TableIncidents   Table = "incidents"
	TableReviews     Table = "reviews"
)

// Tables lists every table in the order reports show them.
var Tables = []Table{TableInitiatives, TableMetrics, TableActuals, TableCalendar, TablePlan, TableIncidents, TableReviews}

// Category is an initiative's run/improve/transform category.
type Category string

// Categories.
const (
	Run       Category = "run"
	Improve   Category = "improve"
	Transform Category = "transform"
)

// Categories lists the categories in report order.
var Categories = []Category{Run, Improve, Transform}

// Status is an initiative's delivery status; the empty Status means none was given.
type Status string

// Statuses.
const (
	StatusNone      Status = ""
	StatusProposed  Status = "proposed"
	StatusApproved  Status = "approved"
	StatusInFlight  Status = "in_flight"
	StatusLive      Status = "live"
	StatusClosed    Status = "closed"
	StatusOnHold    Status = "on_hold"
	StatusCancelled Status = "cancelled"
)

// Statuses lists every status in lifecycle order.
var Statuses = []Status{StatusProposed, StatusApproved, StatusInFlight, StatusLive, StatusClosed, StatusOnHold, StatusCancelled}

// Rollout is how an initiative is deployed; empty when not given.
type Rollout string

// Rollouts.
const (
	RolloutPhased  Rollout = "phased"
	RolloutPilot   Rollout = "pilot"
	RolloutBigBang Rollout = "big_bang"
)

// Rollouts lists every rollout approach.
var Rollouts = []Rollout{RolloutPhased, RolloutPilot, RolloutBigBang}

// Risk is an initiative's operational risk rating; empty when not given.
type Risk string

// Risks.
const (
	RiskLow    Risk = "low"
	RiskMedium Risk = "medium"
	RiskHigh   Risk = "high"
)

// Risks lists every risk rating, lowest first.
var Risks = []Risk{RiskLow, RiskMedium, RiskHigh}

// Kind is the kind of an operational metric.
type Kind string

// Kinds lists every metric kind of inputs.md.
var Kinds = []Kind{"cycle_time", "throughput", "cost_per_transaction", "on_time_delivery", "reliability",
	"error_rate", "manual_effort", "recovery_time", "forecast_accuracy", "operating_cost", "other"}

// KindOther is the kind an unknown or absent kind becomes.
const KindOther Kind = "other"

// Direction says which way a metric gets better.
type Direction string

// Directions.
const (
	Higher Direction = "higher"
	Lower  Direction = "lower"
)

// WindowKind is the kind of a calendar window.
type WindowKind string

// Window kinds. Peak and freeze windows block go-lives; close windows are only shown.
const (
	WindowPeak   WindowKind = "peak"
	WindowFreeze WindowKind = "freeze"
	WindowClose  WindowKind = "close"
)

// WindowKinds lists every window kind.
var WindowKinds = []WindowKind{WindowPeak, WindowFreeze, WindowClose}
