package read

import "github.com/opsalign/opsalign/generator/model"

// Field types, as Field.Type names them.
const (
	typeText       = "text"
	typeID         = "id" // text, unique in its table
	typeCategory   = "category"
	typeStatus     = "status"
	typeRollout    = "rollout"
	typeRisk       = "risk"
	typeKind       = "kind"
	typeDirection  = "direction"
	typeWindowKind = "window_kind"
	typeSeverity   = "severity"
	typeBool       = "bool"
	typeNumber     = "number"
	typeMoney      = "money"
	typePercent    = "percent"
	typeDate       = "date"
	typeDateTime   = "datetime"
	typeList       = "list"        // list of metric ids
	typePeriod     = "period"      // month or quarter
	typePlanPeriod = "plan_period" // period or fiscal year
	typeRef        = "initiative"  // an initiative id
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

// schema returns the fields of every table in inputs.md order.
func schema() map[model.Table][]Field {
	return map[model.Table][]Field{
		model.TableInitiatives: {
			{"id", true, typeID, []string{"ID", "Initiative ID", "Ref", "Reference", "Project ID", "Key"}},
			{"name", true, typeText, []string{"Name", "Initiative", "Initiative Name", "Title", "Project", "Project Name"}},
			{"category", true, typeCategory, []string{"Category", "RIT", "RGT", "Type", "Investment Type", "Portfolio Category"}},
			{"business_unit", false, typeText, []string{"Business Unit", "BU", "Division", "Value Stream", "Operating Unit", "Function"}},
			{"business_owner", false, typeText, []string{"Business Owner", "Business Sponsor", "Exec Sponsor", "Owner (Business)", "Sponsor"}},
			{"it_owner", false, typeText, []string{"IT Owner", "IT Lead", "Delivery Lead", "Technical Owner"}},
			{"metrics", false, typeList, []string{"Metrics", "Linked Metrics", "Metric", "KPI", "KPIs", "Target Metric", "Operational Metric", "Metric IDs", "Metric ID"}},
			{"budget", true, typeMoney, []string{"Budget", "Approved Budget", "Annual Budget", "Funding"}},
			{"spend", false, typeMoney, []string{"Spend", "Actual", "Actuals", "Actual Spend", "Spend to Date", "YTD Actual", "YTD Spend"}},
			{"plan_line", false, typeText, []string{"Plan Line", "Budget Line", "Funding Line", "Plan Ref"}},
			{"start", false, typeDate, []string{"Start", "Start Date", "Kick-off", "Kickoff Date"}},
			{"go_live", false, typeDate, []string{"Go Live", "Go-Live Date", "Launch", "Release Date", "Cutover", "Launch Date", "Cutover Date"}},
			{"status", false, typeStatus, []string{"Status", "Stage"}},
			{"rollout", false, typeRollout, []string{"Rollout", "Rollout Approach", "Deployment Approach"}},
			{"automation", false, typeBool, []string{"Automation", "Automates Process"}},
			{"process_standardized", false, typeBool, []string{"Process Standardized", "Process Standardised", "Process Stable", "SOP In Place"}},
			{"training_plan", false, typeBool, []string{"Training", "Training Plan"}},
			{"adoption_owner", false, typeText, []string{"Adoption Owner", "Change Lead", "Change Owner"}},
			{"adoption", false, typePercent, []string{"Adoption", "Adoption Rate", "Usage"}},
			{"risk", false, typeRisk, []string{"Risk", "Risk Rating", "Operational Risk"}},
			{"dr_tested", false, typeDate, []string{"DR Tested", "Last DR Test", "DR Test Date"}},
		},
		model.TableMetrics: {
			{"id", true, typeID, []string{"ID", "Metric ID", "KPI ID", "Code"}},
			{"name", true, typeText, []string{"Name", "Metric", "Metric Name", "KPI", "KPI Name"}},
			{"kind", false, typeKind, []string{"Kind", "Category", "Type"}},
			{"unit", false, typeText, []string{"Unit", "UoM", "Units"}},
			{"direction", false, typeDirection, []string{"Direction", "Better", "Polarity"}},
			{"baseline", true, typeNumber, []string{"Baseline", "Base", "Prior Year"}},
			{"target", true, typeNumber, []string{"Target", "Goal", "Plan Target"}},
			{"owner", false, typeText, []string{"Owner", "Ops Owner", "Accountable"}},
			{"business_unit", false, typeText, []string{"Business Unit", "BU", "Division"}},
		},
		model.TableActuals: {
			{"metric", true, typeText, []string{"Metric ID", "KPI ID", "Metric", "KPI"}},
			{"period", true, typePeriod, []string{"Period", "Month", "Date", "Quarter"}},
			{"value", true, typeNumber, []string{"Value", "Actual", "Result"}},
		},
		model.TableCalendar: {
			{"name", true, typeText, []string{"Name", "Window", "Event", "Description"}},
			{"start", true, typeDate, []string{"Start", "From", "Start Date"}},
			{"end", true, typeDate, []string{"End", "To", "End Date"}},
			{"kind", true, typeWindowKind, []string{"Kind", "Type", "Category"}},
			{"business_unit", false, typeText, []string{"Business Unit", "BU", "Division", "Scope"}},
		},
		model.TablePlan: {
			{"plan_line", true, typeID, []string{"Plan Line", "Line", "ID", "Budget Line"}},
			{"business_unit", false, typeText, []string{"Business Unit", "BU", "Division"}},
			{"category", false, typeCategory, []string{"Category", "RIT", "RGT"}},
			{"period", false, typePlanPeriod, []string{"Period", "Quarter", "Year", "FY"}},
			{"amount", true, typeMoney, []string{"Amount", "Planned", "Plan", "Planned Spend", "Budget"}},
		},
		model.TableIncidents: {
			{"id", true, typeText, []string{"ID", "Number", "Incident", "Incident ID"}},
			{"opened", true, typeDateTime, []string{"Opened", "Opened At", "Start", "Created", "Opened Date", "Created At"}},
			{"resolved", false, typeDateTime, []string{"Resolved", "Resolved At", "Closed", "Restored", "Resolved Date", "Closed At"}},
			{"severity", true, typeSeverity, []string{"Severity", "Priority", "Sev", "P"}},
			{"initiative", false, typeRef, []string{"Initiative", "Caused By", "Related Initiative", "Change Initiative", "Initiative ID"}},
			{"business_unit", false, typeText, []string{"Business Unit", "BU", "Division"}},
			{"service", false, typeText, []string{"Service", "System", "CI", "Business Service", "Configuration Item", "cmdb_ci"}},
		},
		model.TableReviews: {
			{"date", true, typeDate, []string{"Date", "Meeting Date", "Review Date"}},
			{"business_unit", true, typeText, []string{"Business Unit", "BU", "Division"}},
			{"it_attended", true, typeBool, []string{"IT Attended", "IT Present", "IT Attendance"}},
		},
	}
}

// Fields returns the fields of table t in inputs.md order; nil for an
// unknown table. The result is a fresh copy the caller may change.
func Fields(t model.Table) []Field {
	fs := schema()[t]
	out := make([]Field, len(fs))
	for i, f := range fs {
		f.Aliases = append([]string(nil), f.Aliases...)
		out[i] = f
	}
	return out
}

// tableNames maps folded sheet and file names to the table they hold.
func tableNames() map[string]model.Table {
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

// tableSchema is one table's fields with a folded-header lookup.
type tableSchema struct {
	table  model.Table
	fields []Field
	byName map[string]int      // field name -> index
	alias  map[string]int      // folded header -> field index
	rank   map[string]int      // folded header -> its place in the field's aliases (lower is more specific)
	enums  []map[string]string // per field: the spellings of its enumerated type, or nil
}

// schemas is the lookup built once per Read (no package-level state).
type schemas struct {
	tables []*tableSchema // in model.Tables order
	by     map[model.Table]*tableSchema
	names  map[string]model.Table
	enums  enumIndex
	// anyAlias holds every folded header of every table, for CSV
	// delimiter detection.
	anyAlias map[string]bool
}

func newSchemas() *schemas {
	sc := &schemas{by: map[model.Table]*tableSchema{}, names: tableNames(), enums: newEnumIndex(), anyAlias: map[string]bool{}}
	all := schema()
	for _, t := range model.Tables {
		ts := &tableSchema{table: t, fields: all[t], byName: map[string]int{}, alias: map[string]int{}, rank: map[string]int{}}
		ts.enums = make([]map[string]string, len(ts.fields))
		for i, f := range ts.fields {
			ts.enums[i] = sc.enums[f.Type]
			ts.byName[f.Name] = i
			for r, a := range append(append([]string(nil), f.Aliases...), f.Name) {
				k := foldHeader(a)
				if _, dup := ts.alias[k]; !dup {
					ts.alias[k] = i
					ts.rank[k] = r
				}
				sc.anyAlias[k] = true
			}
		}
		sc.tables = append(sc.tables, ts)
		sc.by[t] = ts
	}
	return sc
}
