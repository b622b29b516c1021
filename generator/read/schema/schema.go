// Package schema describes the seven tables a data folder holds, as the
// inputs specification lists them: each table's fields in order, whether a
// row needs them, their value types, the header spellings accepted for
// them, the sheet and file names that name a table, and the spellings of
// every enumerated value.
//
// It is data only: the reader (generator/read) matches headers and parses
// cells with it, and the spreadsheet templates of opsalign new
// (generator/scaffold) are built from it, so a template offers exactly what
// the reader accepts.
package schema

import "github.com/opsalign/opsalign/generator/model"

// Field types, as Field.Type names them.
const (
	TypeText       = "text"
	TypeID         = "id" // text, unique in its table
	TypeCategory   = "category"
	TypeStatus     = "status"
	TypeRollout    = "rollout"
	TypeRisk       = "risk"
	TypeKind       = "kind"
	TypeDirection  = "direction"
	TypeWindowKind = "window_kind"
	TypeSeverity   = "severity"
	TypeBool       = "bool"
	TypeNumber     = "number"
	TypeMoney      = "money"
	TypePercent    = "percent"
	TypeDate       = "date"
	TypeDateTime   = "datetime"
	TypeList       = "list"        // list of metric ids
	TypePeriod     = "period"      // month or quarter
	TypePlanPeriod = "plan_period" // period or fiscal year
	TypeRef        = "initiative"  // an initiative id
)

// Field describes one column of a table: its field name, whether a row
// needs it, its value type and the header spellings accepted for it.
type Field struct {
	Name     string
	Required bool
	// Type is one of text, id, category, status, rollout, risk, kind,
	// direction, window_kind, severity, bool, number, money, percent,
	// date, datetime, list, period, plan_period, initiative.
	Type    string
	Aliases []string
}

// tables returns the fields of every table in inputs.md order.
func tables() map[model.Table][]Field {
	return map[model.Table][]Field{
		model.TableInitiatives: {
			{"id", true, TypeID, []string{"ID", "Initiative ID", "Ref", "Reference", "Project ID", "Key"}},
			{"name", true, TypeText, []string{"Name", "Initiative", "Initiative Name", "Title", "Project", "Project Name"}},
			{"category", true, TypeCategory, []string{"Category", "RIT", "RGT", "Type", "Investment Type", "Portfolio Category"}},
			{"business_unit", false, TypeText, []string{"Business Unit", "BU", "Division", "Value Stream", "Operating Unit", "Function"}},
			{"business_owner", false, TypeText, []string{"Business Owner", "Business Sponsor", "Exec Sponsor", "Owner (Business)", "Sponsor"}},
			{"it_owner", false, TypeText, []string{"IT Owner", "IT Lead", "Delivery Lead", "Technical Owner"}},
			{"metrics", false, TypeList, []string{"Metrics", "Linked Metrics", "Metric", "KPI", "KPIs", "Target Metric", "Operational Metric", "Metric IDs", "Metric ID"}},
			{"budget", true, TypeMoney, []string{"Budget", "Approved Budget", "Annual Budget", "Funding"}},
			{"spend", false, TypeMoney, []string{"Spend", "Actual", "Actuals", "Actual Spend", "Spend to Date", "YTD Actual", "YTD Spend"}},
			{"plan_line", false, TypeText, []string{"Plan Line", "Budget Line", "Funding Line", "Plan Ref"}},
			{"start", false, TypeDate, []string{"Start", "Start Date", "Kick-off", "Kickoff Date"}},
			{"go_live", false, TypeDate, []string{"Go Live", "Go-Live Date", "Launch", "Release Date", "Cutover", "Launch Date", "Cutover Date"}},
			{"status", false, TypeStatus, []string{"Status", "Stage"}},
			{"rollout", false, TypeRollout, []string{"Rollout", "Rollout Approach", "Deployment Approach"}},
			{"automation", false, TypeBool, []string{"Automation", "Automates Process"}},
			{"process_standardized", false, TypeBool, []string{"Process Standardized", "Process Standardised", "Process Stable", "SOP In Place"}},
			{"training_plan", false, TypeBool, []string{"Training", "Training Plan"}},
			{"adoption_owner", false, TypeText, []string{"Adoption Owner", "Change Lead", "Change Owner"}},
			{"adoption", false, TypePercent, []string{"Adoption", "Adoption Rate", "Usage"}},
			{"risk", false, TypeRisk, []string{"Risk", "Risk Rating", "Operational Risk"}},
			{"dr_tested", false, TypeDate, []string{"DR Tested", "Last DR Test", "DR Test Date"}},
		},
		model.TableMetrics: {
			{"id", true, TypeID, []string{"ID", "Metric ID", "KPI ID", "Code"}},
			{"name", true, TypeText, []string{"Name", "Metric", "Metric Name", "KPI", "KPI Name"}},
			{"kind", false, TypeKind, []string{"Kind", "Category", "Type"}},
			{"unit", false, TypeText, []string{"Unit", "UoM", "Units"}},
			{"direction", false, TypeDirection, []string{"Direction", "Better", "Polarity"}},
			{"baseline", true, TypeNumber, []string{"Baseline", "Base", "Prior Year"}},
			{"target", true, TypeNumber, []string{"Target", "Goal", "Plan Target"}},
			{"owner", false, TypeText, []string{"Owner", "Ops Owner", "Accountable"}},
			{"business_unit", false, TypeText, []string{"Business Unit", "BU", "Division"}},
		},
		model.TableActuals: {
			{"metric", true, TypeText, []string{"Metric ID", "KPI ID", "Metric", "KPI"}},
			{"period", true, TypePeriod, []string{"Period", "Month", "Date", "Quarter"}},
			{"value", true, TypeNumber, []string{"Value", "Actual", "Result"}},
		},
		model.TableCalendar: {
			{"name", true, TypeText, []string{"Name", "Window", "Event", "Description"}},
			{"start", true, TypeDate, []string{"Start", "From", "Start Date"}},
			{"end", true, TypeDate, []string{"End", "To", "End Date"}},
			{"kind", true, TypeWindowKind, []string{"Kind", "Type", "Category"}},
			{"business_unit", false, TypeText, []string{"Business Unit", "BU", "Division", "Scope"}},
		},
		model.TablePlan: {
			{"plan_line", true, TypeID, []string{"Plan Line", "Line", "ID", "Budget Line"}},
			{"business_unit", false, TypeText, []string{"Business Unit", "BU", "Division"}},
			{"category", false, TypeCategory, []string{"Category", "RIT", "RGT"}},
			{"period", false, TypePlanPeriod, []string{"Period", "Quarter", "Year", "FY"}},
			{"amount", true, TypeMoney, []string{"Amount", "Planned", "Plan", "Planned Spend", "Budget"}},
		},
		model.TableIncidents: {
			{"id", true, TypeText, []string{"ID", "Number", "Incident", "Incident ID"}},
			{"opened", true, TypeDateTime, []string{"Opened", "Opened At", "Start", "Created", "Opened Date", "Created At"}},
			{"resolved", false, TypeDateTime, []string{"Resolved", "Resolved At", "Closed", "Restored", "Resolved Date", "Closed At"}},
			{"severity", true, TypeSeverity, []string{"Severity", "Priority", "Sev", "P"}},
			{"initiative", false, TypeRef, []string{"Initiative", "Caused By", "Related Initiative", "Change Initiative", "Initiative ID"}},
			{"business_unit", false, TypeText, []string{"Business Unit", "BU", "Division"}},
			{"service", false, TypeText, []string{"Service", "System", "CI", "Business Service", "Configuration Item", "cmdb_ci"}},
		},
		model.TableReviews: {
			{"date", true, TypeDate, []string{"Date", "Meeting Date", "Review Date"}},
			{"business_unit", true, TypeText, []string{"Business Unit", "BU", "Division"}},
			{"it_attended", true, TypeBool, []string{"IT Attended", "IT Present", "IT Attendance"}},
		},
	}
}

// Fields returns the fields of table t in inputs.md order; nil for an
// unknown table. The result is a fresh copy the caller may change.
func Fields(t model.Table) []Field {
	fs := tables()[t]
	out := make([]Field, len(fs))
	for i, f := range fs {
		f.Aliases = append([]string(nil), f.Aliases...)
		out[i] = f
	}
	return out
}

// TableNames maps folded sheet and file names (lower case, without spaces,
// "-" and "_") to the table they hold: "kpis" → metrics. The result is a
// fresh map the caller may change.
func TableNames() map[string]model.Table {
	return map[string]model.Table{
		"initiative": model.TableInitiatives, "initiatives": model.TableInitiatives, "register": model.TableInitiatives, "registers": model.TableInitiatives,
		"metric": model.TableMetrics, "metrics": model.TableMetrics, "kpi": model.TableMetrics, "kpis": model.TableMetrics,
		"actual": model.TableActuals, "actuals": model.TableActuals, "observation": model.TableActuals, "observations": model.TableActuals,
		"calendar": model.TableCalendar, "calendars": model.TableCalendar, "window": model.TableCalendar, "windows": model.TableCalendar,
		"plan": model.TablePlan, "plans": model.TablePlan, "operatingplan": model.TablePlan, "operatingplans": model.TablePlan,
		"incident": model.TableIncidents, "incidents": model.TableIncidents,
		"review": model.TableReviews, "reviews": model.TableReviews,
	}
}
