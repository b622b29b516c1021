package scaffold

import (
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// ExamplePrefix starts the id (or name) of every example row, so that the
// rows are easy to find and `opsalign check` can tell the user to replace
// them.
const ExamplePrefix = "EXAMPLE"

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// examples returns the example rows of a table, by field name. The rows
// are real rows that read without any issue and link to each other
// (initiative EXAMPLE-1 claims metric EXAMPLE-M1, is funded by plan line
// EXAMPLE-PL1 and caused incident EXAMPLE-INC1), so a fresh site checks
// and builds cleanly before anything is filled in.
func examples(t model.Table) []map[string]any {
	const unit = "Example unit"
	switch t {
	case model.TableInitiatives:
		return []map[string]any{{
			"id": "EXAMPLE-1", "name": "Example: route optimisation (replace this row)", "category": "Improve",
			"business_unit": unit, "business_owner": "Example Ops Director", "it_owner": "Example IT Lead",
			"metrics": "EXAMPLE-M1", "budget": 250000.0, "spend": 120000.0, "plan_line": "EXAMPLE-PL1",
			"start": day(2026, 1, 5), "go_live": day(2026, 4, 15), "status": "Live", "rollout": "Phased",
			"automation": "No", "process_standardized": "Yes", "training_plan": "Yes",
			"adoption_owner": "Example Change Lead", "adoption": 0.8, "risk": "Medium", "dr_tested": day(2026, 3, 1),
		}}
	case model.TableMetrics:
		return []map[string]any{{
			"id": "EXAMPLE-M1", "name": "Example: order cycle time (replace this row)", "kind": "cycle_time",
			"unit": "hours", "direction": "lower", "baseline": 48.0, "target": 36.0,
			"owner": "Example Ops Director", "business_unit": unit,
		}}
	case model.TableActuals:
		return []map[string]any{
			{"metric": "EXAMPLE-M1", "period": "2026-05", "value": 46.0},
			{"metric": "EXAMPLE-M1", "period": "2026-06", "value": 42.5},
		}
	case model.TableCalendar:
		return []map[string]any{{
			"name": "Example: peak season (replace this row)", "start": day(2026, 11, 15), "end": day(2026, 12, 31),
			"kind": "Peak", "business_unit": "All",
		}}
	case model.TablePlan:
		return []map[string]any{{
			"plan_line": "EXAMPLE-PL1", "business_unit": unit, "category": "Improve", "period": "2026", "amount": 250000.0,
		}}
	case model.TableIncidents:
		return []map[string]any{{
			"id": "EXAMPLE-INC1", "opened": time.Date(2026, 5, 3, 9, 30, 0, 0, time.UTC),
			"resolved": time.Date(2026, 5, 3, 13, 0, 0, 0, time.UTC), "severity": "3 - Moderate",
			"initiative": "EXAMPLE-1", "business_unit": unit, "service": "Example service",
		}}
	case model.TableReviews:
		return []map[string]any{{"date": day(2026, 6, 10), "business_unit": unit, "it_attended": "Yes"}}
	}
	return nil
}
