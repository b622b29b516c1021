package scaffold

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
)

// Excel number formats of the templates' columns, by field type.
var numFmts = map[string]string{
	"money":    "#,##0",
	"number":   "#,##0.##",
	"percent":  "0%",
	"date":     "yyyy-mm-dd",
	"datetime": "yyyy-mm-dd hh:mm",
}

// typeHelp says in a finance user's words what a field type takes.
func typeHelp(typ, currency string) string {
	switch typ {
	case "id":
		return "Text; must be unique in this table."
	case "text":
		return "Text."
	case "money":
		return fmt.Sprintf("An amount in %s, e.g. 250000 or 250k. No conversion is done.", currency)
	case "number":
		return "A number, e.g. 48 or 12.5."
	case "percent":
		return "A percentage, e.g. 80% or 0.8."
	case "date":
		return "A date, e.g. 2026-03-15 (or a date cell)."
	case "datetime":
		return "A date and time, e.g. 2026-03-15 09:30 (or a date cell)."
	case "bool":
		return "Yes or No (empty means No)."
	case "list":
		return "Metric ids from the metrics table, separated by commas."
	case "period":
		return "A month (2026-03) or a quarter (2026-Q1)."
	case "plan_period":
		return "A year (2026 or FY2026), a quarter (2026-Q1) or a month; empty = every period."
	case "initiative":
		return "An initiative id from the initiatives table."
	}
	if c := choices(typ); c != nil {
		s := "One of: " + strings.Join(c, ", ") + "."
		if more := alsoAccepted(typ); len(more) > 0 {
			s += " Also accepted: " + strings.Join(more, ", ") + "."
		}
		return s
	}
	return ""
}

// fieldHelp is what each field means, beyond its type.
var fieldHelp = map[model.Table]map[string]string{
	model.TableInitiatives: {
		"id":                   "The initiative's reference, e.g. INI-001.",
		"name":                 "What the initiative is called.",
		"category":             "Run (keep the lights on), Improve or Transform.",
		"business_unit":        "The business unit whose operations it serves.",
		"business_owner":       "The business executive accountable for the outcome (not the IT owner).",
		"it_owner":             "The IT lead delivering it.",
		"metrics":              "The operational metrics it should move.",
		"budget":               "Approved budget for the year.",
		"spend":                "Actual spend to date.",
		"plan_line":            "The operating plan line that funds it (plan table).",
		"start":                "When work started.",
		"go_live":              "When it went (or goes) live.",
		"status":               "Delivery status.",
		"rollout":              "How it is deployed.",
		"automation":           "Does it automate an operational process?",
		"process_standardized": "Is that process standardised (SOP in place) before automating?",
		"training_plan":        "Is there a training plan for the people who use it?",
		"adoption_owner":       "Who owns adoption in the business (change lead).",
		"adoption":             "Share of intended users who use it.",
		"risk":                 "Operational risk rating.",
		"dr_tested":            "Date of the last disaster-recovery test.",
	},
	model.TableMetrics: {
		"id":            "The metric's code, e.g. M-01; initiatives link to it.",
		"name":          "What the metric measures.",
		"kind":          "What kind of operational metric it is.",
		"unit":          "Unit of measure, e.g. hours, %, USD.",
		"direction":     "Which way is better; empty = implied by target vs baseline.",
		"baseline":      "The value before the initiatives (e.g. prior year).",
		"target":        "The value the operating plan aims for; must differ from the baseline.",
		"owner":         "Who in operations is accountable for it.",
		"business_unit": "The business unit it belongs to.",
	},
	model.TableActuals: {
		"metric": "The metric's id from the metrics table.",
		"period": "The month or quarter observed.",
		"value":  "The observed value.",
	},
	model.TableCalendar: {
		"name":          "The window's name, e.g. Peak season.",
		"start":         "First day of the window.",
		"end":           "Last day of the window (not before the start).",
		"kind":          "Peak and freeze windows block go-lives; close windows are only shown.",
		"business_unit": "The unit it applies to; All or empty = every unit.",
	},
	model.TablePlan: {
		"plan_line":     "The plan line's reference; initiatives name it.",
		"business_unit": "The business unit it funds.",
		"category":      "Run, Improve or Transform.",
		"period":        "The year or quarter it funds.",
		"amount":        "The planned amount.",
	},
	model.TableIncidents: {
		"id":            "The incident number.",
		"opened":        "When it was opened.",
		"resolved":      "When service was restored; empty while open.",
		"severity":      "Severity 1 (critical) to 4 (low).",
		"initiative":    "The initiative whose change caused it, if any.",
		"business_unit": "The business unit affected.",
		"service":       "The service or system affected.",
	},
	model.TableReviews: {
		"date":          "The date of the operational review meeting.",
		"business_unit": "The business unit that held it.",
		"it_attended":   "Did IT attend?",
	},
}

// Column is one column of a template: the reader's field, its header and
// the help shown in its comment and on the Instructions sheet.
type Column struct {
	Field  schema.Field
	Header string // the header cell: the field's first accepted header
	Help   string
}

// Columns returns the columns of table t's template, in inputs.md order.
func Columns(t model.Table, currency string) []Column {
	fs := schema.Fields(t)
	out := make([]Column, 0, len(fs))
	for _, f := range fs {
		h := f.Name
		if len(f.Aliases) > 0 {
			h = f.Aliases[0]
		}
		req := "Optional."
		if f.Required {
			req = "Required."
		}
		help := strings.TrimSpace(strings.Join([]string{fieldHelp[t][f.Name], req, typeHelp(f.Type, currency)}, " "))
		out = append(out, Column{Field: f, Header: h, Help: help})
	}
	return out
}
