package score

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/money"
)

// improvingMin is the share of improving metrics metrics_improving needs
// (fixed by the spec, not in the policy).
const improvingMin = 0.5

// portfolioChecks runs the five portfolio checks in model.PortfolioChecks order.
func portfolioChecks(x *index, p *model.Portfolio, t totals, change []incident) []model.CheckResult {
	out := make([]model.CheckResult, 0, len(model.PortfolioChecks))
	for _, c := range model.PortfolioChecks {
		var res model.Result
		var reason string
		switch c.ID {
		case model.CheckSplitWithinPolicy:
			res, reason = splitWithinPolicy(x, p.Split.Budget)
		case model.CheckRunProtected:
			res, reason = runProtected(x, t.runBudget)
		case model.CheckAlignedSpend:
			res, reason = alignedSpend(x, p.AlignedSpendShare, t)
		case model.CheckNoInstability:
			res, reason = noInstability(x, change)
		case model.CheckMetricsImproving:
			res, reason = metricsImproving(x, t)
		}
		out = append(out, model.CheckResult{ID: c.ID, Principle: c.Principle, Result: res, Reason: oneLine(reason)})
	}
	return out
}

// share returns the share of a category.
func share(s model.Shares, c model.Category) *float64 {
	switch c {
	case model.Run:
		return s.Run
	case model.Improve:
		return s.Improve
	}
	return s.Transform
}

// splitWithinPolicy checks each category's budget share against its band
// (bounds inclusive); n/a without any budget. A category without a band in
// the policy is not constrained.
func splitWithinPolicy(x *index, s model.Shares) (model.Result, string) {
	if s.Run == nil {
		return model.NA, "No budget to split"
	}
	var in, out []string
	for _, c := range model.Categories {
		v := *share(s, c)
		band, ok := x.policy.Split[c]
		if !ok {
			in = append(in, fmt.Sprintf("%s %s", c, pct(v)))
			continue
		}
		bounds := fmt.Sprintf("%s–%s", pct(band[0]), pct(band[1]))
		switch {
		case !atLeast(v, band[0]):
			out = append(out, fmt.Sprintf("%s %s is %s points below its %s band", c, pct(v), points(band[0]-v), bounds))
		case !atMost(v, band[1]):
			out = append(out, fmt.Sprintf("%s %s is %s points above its %s band", c, pct(v), points(v-band[1]), bounds))
		default:
			in = append(in, fmt.Sprintf("%s %s (band %s)", c, pct(v), bounds))
		}
	}
	if len(out) > 0 {
		return model.Fail, "Budget split outside policy: " + strings.Join(out, "; ")
	}
	return model.Pass, "Budget split within policy: " + strings.Join(in, ", ")
}

// fyName names a fiscal year as the report does: 2026, or FY2027 when the
// fiscal year does not start in January.
func (x *index) fyName(fy int) string {
	if x.fyStart == 1 {
		return fmt.Sprint(fy)
	}
	return fmt.Sprintf("FY%d", fy)
}

// runProtected compares the Run budget of scored initiatives with the Run
// amount of the plan: lines of category run (lines without a category are
// not Run) whose period is empty or falls in the report's fiscal year, all
// business units together. "n/a without Run plan lines" is read as without
// Run lines for that year: a plan that only funds other years sets no
// amount to protect, which is not the same as a pass.
func runProtected(x *index, runBudget float64) (model.Result, string) {
	if !x.present(model.TablePlan) {
		return model.NA, "No operating plan table"
	}
	fy := model.FiscalYearOf(x.asOf, x.fyStart)
	var plan float64
	n := 0
	for _, l := range x.ds.Plan {
		if l.Category == model.Run && inFiscalYear(l.Period, fy, x.fyStart) {
			plan += l.Amount
			n++
		}
	}
	if n == 0 {
		return model.NA, fmt.Sprintf("No Run line in the operating plan for %s", x.fyName(fy))
	}
	what := fmt.Sprintf("Run budget %s (scored initiatives) against the plan's Run amount %s for %s (%s)",
		money.Exact(runBudget, x.currency), money.Exact(plan, x.currency), x.fyName(fy), plural(n, "line", "lines"))
	if moneyAbove(plan, runBudget) {
		return model.Fail, fmt.Sprintf("Run under-funded: %s, short by %s", what, money.Exact(plan-runBudget, x.currency))
	}
	return model.Pass, "Run protected: " + what
}

// alignedSpend checks the aligned-spend share against aligned_spend_target;
// n/a when scored initiatives have no spend.
func alignedSpend(x *index, s *float64, t totals) (model.Result, string) {
	target := x.policy.AlignedSpendTarget
	if s == nil {
		return model.NA, "No spend on scored initiatives to measure aligned spend"
	}
	what := fmt.Sprintf("Aligned spend %s (%s of %s on scored initiatives", pct(*s),
		money.Exact(t.alignedSpend, x.currency), money.Exact(t.scoredSpend, x.currency))
	if x.spendAssumed {
		what += "; no spend reported, budget stands in"
	}
	what += ")"
	if atLeast(*s, target) {
		return model.Pass, fmt.Sprintf("%s meets the %s target", what, pct(target))
	}
	return model.Fail, fmt.Sprintf("%s is below the %s target", what, pct(target))
}

// maxNamed is how many incidents a reason names before "and N more".
const maxNamed = 5

// noInstability checks that no severity 1–2 incident attributed to a known
// initiative was opened in the report period; n/a without incidents table.
func noInstability(x *index, change []incident) (model.Result, string) {
	if !x.present(model.TableIncidents) {
		return model.NA, "No incidents table"
	}
	if len(change) == 0 {
		return model.Pass, fmt.Sprintf("No severity 1–2 incident attributed to an initiative opened in %s", x.period)
	}
	var names []string
	for i, c := range change {
		if i == maxNamed {
			names = append(names, fmt.Sprintf("and %d more", len(change)-maxNamed))
			break
		}
		names = append(names, fmt.Sprintf("%s (%s, sev %d, %s)", c.ID, strings.TrimSpace(c.Initiative), c.Severity, date(c.day)))
	}
	return model.Fail, fmt.Sprintf("%s attributed to initiatives opened in %s: %s",
		plural(len(change), "severity 1–2 incident", "severity 1–2 incidents"), x.period, list(names))
}

// metricsImproving checks that at least half of the metrics with a latest
// value at as_of show progress above 0; n/a when no metric has one.
func metricsImproving(x *index, t totals) (model.Result, string) {
	if t.withActual == 0 {
		return model.NA, fmt.Sprintf("No metric has an actual by %s", date(x.asOf))
	}
	s := float64(t.improving) / float64(t.withActual)
	what := fmt.Sprintf("%d of %d metrics with actuals (%s) show progress above baseline at %s",
		t.improving, t.withActual, pct(s), date(x.asOf))
	if atLeast(s, improvingMin) {
		return model.Pass, fmt.Sprintf("%s, at least %s", what, pct(improvingMin))
	}
	return model.Fail, fmt.Sprintf("%s, below %s", what, pct(improvingMin))
}

// splitBands publishes each category's policy band with whether its budget
// share lies inside it, as splitWithinPolicy decides; a category without a
// band is left out.
func splitBands(x *index, s model.Shares) []model.SplitBand {
	out := []model.SplitBand{}
	for _, c := range model.Categories {
		band, ok := x.policy.Split[c]
		if !ok {
			continue
		}
		b := model.SplitBand{Category: c, Band: band}
		if v := share(s, c); v != nil {
			b.Within = atLeast(*v, band[0]) && atMost(*v, band[1])
		}
		out = append(out, b)
	}
	return out
}
