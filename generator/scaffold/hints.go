package scaffold

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// isExample reports whether a cell value marks an example row.
func isExample(s string) bool {
	return strings.HasPrefix(strings.ToUpper(strings.TrimSpace(s)), ExamplePrefix)
}

// NextSteps says what to fill in next while a site still holds the example
// rows of a new site: one line per table that has them, in the order to
// fill the tables (initiatives and metrics first, then actuals, then the
// optional tables). It returns nil when no example row is left.
func NextSteps(ds *model.Dataset) []string {
	found := map[model.Table]model.Source{}
	note := func(t model.Table, s string, src model.Source) {
		if _, ok := found[t]; !ok && isExample(s) {
			found[t] = src
		}
	}
	for _, r := range ds.Initiatives {
		note(model.TableInitiatives, r.ID, r.Source)
	}
	for _, r := range ds.Metrics {
		note(model.TableMetrics, r.ID, r.Source)
	}
	for _, r := range ds.Actuals {
		note(model.TableActuals, r.Metric, r.Source)
	}
	for _, r := range ds.Calendar {
		note(model.TableCalendar, r.Name, r.Source)
	}
	for _, r := range ds.Plan {
		note(model.TablePlan, r.ID, r.Source)
	}
	for _, r := range ds.Incidents {
		note(model.TableIncidents, r.ID, r.Source)
	}
	for _, r := range ds.Reviews {
		note(model.TableReviews, r.BusinessUnit, r.Source)
	}
	if len(found) == 0 {
		return nil
	}
	out := []string{"This site still holds the example rows of `opsalign new`. Fill in, in this order:"}
	for _, t := range model.Tables {
		src, ok := found[t]
		if !ok {
			continue
		}
		out = append(out, fmt.Sprintf("  %d. %s — %s (example rows from %s)", len(out), src.File, whatFor[t], src.String()))
	}
	out = append(out, "Replace each row whose id or name starts with "+ExamplePrefix+", then run opsalign check again.")
	return out
}

// whatFor says in a line what each table is for.
var whatFor = map[model.Table]string{
	model.TableInitiatives: "the initiative register (required)",
	model.TableMetrics:     "the operating plan's metrics (required)",
	model.TableActuals:     "the metrics' monthly actuals (needed to show impact)",
	model.TableCalendar:    "peak periods and change freezes",
	model.TablePlan:        "the operating plan's funding lines",
	model.TableIncidents:   "the incident export",
	model.TableReviews:     "the operational review log",
}
