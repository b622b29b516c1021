package score

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/money"
)

// planFunded is principle 6, funding: the initiative names a line of the
// operating plan, and its spend stays within budget × (1 + budget_tolerance).
// It applies when the plan table is present. The spend compared is the one
// used in totals (budget when no initiative reports spend, so it never warns
// then; 0 when this one reports none).
func planFunded(x *index, in *subject) (model.Result, string) {
	if !x.present(model.TablePlan) {
		return model.NA, "no operating plan table"
	}
	line := strings.TrimSpace(in.PlanLine)
	if line == "" {
		return model.Fail, "no plan line given"
	}
	if _, ok := x.plan.get(line); !ok {
		return model.Fail, fmt.Sprintf("plan line %s is not in the operating plan", line)
	}
	tol := x.policy.BudgetTolerance
	limit := in.Budget * (1 + tol)
	spend := x.spend(in.Initiative)
	if moneyAbove(spend, limit) {
		return model.Warn, fmt.Sprintf("plan line %s; spend %s exceeds budget %s by more than %s (limit %s)",
			line, money.Exact(spend, x.currency), money.Exact(in.Budget, x.currency), pct(tol), money.Exact(limit, x.currency))
	}
	return model.Pass, "plan line " + line + "; spend " + money.Exact(spend, x.currency) +
		" within budget " + money.Exact(in.Budget, x.currency) + " + " + pct(tol)
}
