package score

import (
	"cmp"
	"slices"

	"github.com/opsalign/opsalign/generator/model"
)

// totals are the money sums the portfolio figures divide.
type totals struct {
	budget, spend         map[model.Category]float64 // budget of scored, spend of all initiatives
	budgetAll, spendAll   float64
	scoredSpend           float64 // spend of scored initiatives
	alignedSpend          float64 // spend of aligned initiatives
	runBudget             float64 // budget of scored run initiatives
	improving, withActual int     // metrics with progress > 0, metrics with a latest value
}

// sumUp adds up budget and spend: budget over scored (not Cancelled)
// initiatives, spend over every initiative.
func sumUp(results []model.InitiativeResult, metrics []model.MetricResult) totals {
	t := totals{budget: map[model.Category]float64{}, spend: map[model.Category]float64{}}
	for _, r := range results {
		sp := *r.Spend
		t.spend[r.Category] += sp
		t.spendAll += sp
		if r.Verdict == model.NotScored {
			continue
		}
		t.budget[r.Category] += r.Budget
		t.budgetAll += r.Budget
		t.scoredSpend += sp
		if r.Verdict == model.Aligned {
			t.alignedSpend += sp
		}
		if r.Category == model.Run {
			t.runBudget += r.Budget
		}
	}
	for _, m := range metrics {
		if m.Latest == nil || m.Progress == nil {
			continue
		}
		t.withActual++
		if positive(*m.Progress) {
			t.improving++
		}
	}
	return t
}

// shares divides per-category amounts by their total; nil shares when the
// total is 0.
func shares(by map[model.Category]float64, total float64) model.Shares {
	if total == 0 {
		return model.Shares{}
	}
	f := func(c model.Category) *float64 { v := by[c] / total; return &v }
	return model.Shares{Run: f(model.Run), Improve: f(model.Improve), Transform: f(model.Transform)}
}

// ratio returns a/b, nil when b is 0.
func ratio(a, b float64) *float64 {
	if b == 0 {
		return nil
	}
	v := a / b
	return &v
}

// severeInQuarter returns the severity 1–2 incidents opened in the report
// period, in input order. The report period is the whole quarter that holds
// as_of, as scorecard.md defines it, so an incident opened after as_of but
// in that quarter counts.
func severeInQuarter(x *index) []incident {
	var out []incident
	for _, i := range x.incidents {
		if x.quarter.contains(i.day) {
			out = append(out, i)
		}
	}
	return out
}

// mttr returns the mean hours from opened to resolved of the resolved
// incidents among them; nil when none is resolved. Unresolved incidents are
// left out, as the spec says, rather than counted to as_of.
func mttr(incs []incident) *float64 {
	var sum float64
	n := 0
	for _, i := range incs {
		if i.Resolved.IsZero() {
			continue
		}
		sum += i.Resolved.Sub(i.Opened).Hours()
		n++
	}
	return ratio(sum, float64(n))
}

// portfolio computes the portfolio figures, checks and breakdowns.
func portfolio(x *index, results []model.InitiativeResult, metrics []model.MetricResult) model.Portfolio {
	t := sumUp(results, metrics)
	p := model.Portfolio{
		BudgetTotal:            t.budgetAll,
		SpendTotal:             t.spendAll,
		SpendAssumed:           x.spendAssumed,
		Split:                  model.Split{Budget: shares(t.budget, t.budgetAll), Spend: shares(t.spend, t.spendAll)},
		AlignedSpendShare:      ratio(t.alignedSpend, t.scoredSpend),
		MetricsImprovingShare:  ratio(float64(t.improving), float64(t.withActual)),
		AlignedSpendTarget:     x.policy.AlignedSpendTarget,
		MetricsImprovingTarget: improvingMin,
	}
	for _, r := range results {
		count(&p.Verdicts, r.Verdict)
		if r.Status != nil && *r.Status == model.StatusCancelled {
			p.CancelledCount++
			p.CancelledSpend += *r.Spend
		}
	}
	var change []incident
	incs := severeInQuarter(x)
	if x.present(model.TableIncidents) {
		for _, i := range incs {
			if i.known {
				change = append(change, i)
			}
		}
		n := len(change)
		p.ChangeIncidents = &n
		p.ChangeIncidentList = changeIncidentList(change)
	}
	p.MTTRHours = mttr(incs)
	p.Split.Bands = splitBands(x, p.Split.Budget)
	p.Checks = portfolioChecks(x, &p, t, change)
	p.ByUnit = byUnit(x, results)
	p.ByQuarter = byQuarter(x)
	return p
}

// count adds one initiative with verdict v.
func count(c *model.VerdictCounts, v model.Verdict) {
	switch v {
	case model.Aligned:
		c.Aligned++
	case model.AtRisk:
		c.AtRisk++
	case model.NotAligned:
		c.NotAligned++
	case model.NotScored:
		c.NotScored++
	}
}

// changeIncidentList publishes the change-caused incidents of the report
// period, oldest first (then by id): the list change_incidents counts.
// Ids match exactly, so the incident names the initiative as the register
// spells it.
func changeIncidentList(change []incident) []model.ChangeIncident {
	out := make([]model.ChangeIncident, 0, len(change))
	for _, i := range change {
		ci := model.ChangeIncident{ID: i.ID, Initiative: i.Initiative, Severity: i.Severity,
			Opened: i.Opened, Service: i.Service, Source: i.Source}
		if !i.Resolved.IsZero() {
			r := i.Resolved
			ci.Resolved = &r
		}
		out = append(out, ci)
	}
	slices.SortStableFunc(out, func(a, b model.ChangeIncident) int {
		return cmp.Or(a.Opened.Compare(b.Opened), cmp.Compare(a.ID, b.ID))
	})
	return out
}
