package boardpack

import (
	"cmp"
	"math"

	"github.com/opsalign/opsalign/generator/model"
)

// Changes is what changed between two scorecards: from the latest closed
// quarter (Prev) to the current report (Cur).
type Changes struct {
	PrevPeriod, PrevAsOf string
	// Figures are the portfolio figures, each with its change.
	Figures []Delta
	// New are initiatives in the register now but not then; Removed the
	// other way round (by id).
	New, Removed []Initiative
	// Closed are initiatives whose status became closed or cancelled.
	Closed []StatusChange
	// Recategorised are initiatives whose category changed.
	Recategorised []CategoryChange
	// Verdicts are initiatives whose verdict or score changed, by id.
	Verdicts []VerdictChange
	// Moves are the initiatives whose verdict changed (not only their
	// score), largest spend first.
	Moves []VerdictChange
	// Budget are initiatives whose budget changed, largest move first.
	Budget []BudgetMove
	// Metrics are the metrics whose latest value or progress changed.
	Metrics []MetricDelta
}

// Delta is one portfolio figure then and now; a value is nil when it
// could not be computed.
type Delta struct {
	ID   string // "aligned_spend_share", …: the figure names of the narrative
	Kind string // "share", "money", "count" or "hours": how to format it
	Prev *float64
	Cur  *float64
}

// Change is Cur − Prev, nil unless both are known.
func (d Delta) Change() *float64 {
	if d.Prev == nil || d.Cur == nil {
		return nil
	}
	v := *d.Cur - *d.Prev
	return &v
}

// Initiative names an initiative.
type Initiative struct {
	ID, Name, Unit string
	Category       model.Category
	Budget         float64
}

// StatusChange is an initiative whose status changed to closed or
// cancelled.
type StatusChange struct {
	Initiative
	From, To *model.Status
}

// CategoryChange is a re-categorised initiative.
type CategoryChange struct {
	Initiative
	From, To model.Category
}

// VerdictChange is an initiative whose verdict or score moved.
type VerdictChange struct {
	Initiative
	Spend              *float64
	From, To           model.Verdict
	FromScore, ToScore *int
}

// ScoreChange is ToScore − FromScore, nil unless both are scored.
func (v VerdictChange) ScoreChange() *int {
	if v.FromScore == nil || v.ToScore == nil {
		return nil
	}
	d := *v.ToScore - *v.FromScore
	return &d
}

// BudgetMove is an initiative whose budget changed.
type BudgetMove struct {
	Initiative
	From, To float64
}

// Change is To − From.
func (b BudgetMove) Change() float64 { return b.To - b.From }

// MetricDelta is a metric's latest value and progress then and now.
type MetricDelta struct {
	ID, Name, Unit           string
	Direction                model.Direction
	FromValue, ToValue       *float64
	FromPeriod, ToPeriod     string
	FromProgress, ToProgress *float64
}

// ProgressChange is ToProgress − FromProgress, nil unless both are known.
func (m MetricDelta) ProgressChange() *float64 {
	if m.FromProgress == nil || m.ToProgress == nil {
		return nil
	}
	v := *m.ToProgress - *m.FromProgress
	return &v
}

// Compare returns what changed from prev to cur.
func Compare(prev, cur *model.Scorecard) *Changes {
	c := &Changes{PrevPeriod: prev.Period, PrevAsOf: prev.AsOf, Figures: figures(prev, cur)}
	before := map[string]*model.InitiativeResult{}
	for i := range prev.Initiatives {
		before[prev.Initiatives[i].ID] = &prev.Initiatives[i]
	}
	now := map[string]bool{}
	for i := range cur.Initiatives {
		ir := &cur.Initiatives[i]
		now[ir.ID] = true
		p, ok := before[ir.ID]
		if !ok {
			c.New = append(c.New, initiative(ir))
			continue
		}
		if endStatus(ir.Status) && !endStatus(p.Status) {
			c.Closed = append(c.Closed, StatusChange{initiative(ir), p.Status, ir.Status})
		}
		if p.Category != ir.Category {
			c.Recategorised = append(c.Recategorised, CategoryChange{initiative(ir), p.Category, ir.Category})
		}
		if p.Verdict != ir.Verdict || !sameInt(p.Score, ir.Score) {
			c.Verdicts = append(c.Verdicts, VerdictChange{initiative(ir), ir.Spend, p.Verdict, ir.Verdict, p.Score, ir.Score})
		}
		if p.Budget != ir.Budget {
			c.Budget = append(c.Budget, BudgetMove{initiative(ir), p.Budget, ir.Budget})
		}
	}
	for i := range prev.Initiatives {
		if !now[prev.Initiatives[i].ID] {
			c.Removed = append(c.Removed, initiative(&prev.Initiatives[i]))
		}
	}
	c.Budget = sortedCopy(c.Budget, func(a, b BudgetMove) int {
		return cmp.Or(cmp.Compare(math.Abs(b.Change()), math.Abs(a.Change())), cmp.Compare(a.ID, b.ID))
	})
	for _, v := range c.Verdicts {
		if v.From != v.To {
			c.Moves = append(c.Moves, v)
		}
	}
	c.Moves = sortedCopy(c.Moves, func(a, b VerdictChange) int {
		return cmp.Or(cmp.Compare(spendOf(b.Spend), spendOf(a.Spend)), cmp.Compare(a.ID, b.ID))
	})
	c.Metrics = metricDeltas(prev, cur)
	return c
}

// Empty reports whether nothing but the portfolio figures changed.
func (c *Changes) Empty() bool {
	return len(c.New)+len(c.Removed)+len(c.Closed)+len(c.Recategorised)+len(c.Verdicts)+len(c.Budget)+len(c.Metrics) == 0
}

func initiative(ir *model.InitiativeResult) Initiative {
	return Initiative{ID: ir.ID, Name: ir.Name, Unit: ir.BusinessUnit, Category: ir.Category, Budget: ir.Budget}
}

func endStatus(s *model.Status) bool {
	return s != nil && (*s == model.StatusClosed || *s == model.StatusCancelled)
}

func sameInt(a, b *int) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func sameFloat(a, b *float64) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func ptr(v float64) *float64 { return &v }

func intPtr(p *int) *float64 {
	if p == nil {
		return nil
	}
	return ptr(float64(*p))
}

// figures lists the portfolio figures then and now, in report order.
func figures(prev, cur *model.Scorecard) []Delta {
	p, c := prev.Portfolio, cur.Portfolio
	return []Delta{
		{"aligned_spend_share", "share", p.AlignedSpendShare, c.AlignedSpendShare},
		{"metrics_improving_share", "share", p.MetricsImprovingShare, c.MetricsImprovingShare},
		{"change_incidents", "count", intPtr(p.ChangeIncidents), intPtr(c.ChangeIncidents)},
		{"mttr_hours", "hours", p.MTTRHours, c.MTTRHours},
		{"budget_total", "money", ptr(p.BudgetTotal), ptr(c.BudgetTotal)},
		{"spend_total", "money", ptr(p.SpendTotal), ptr(c.SpendTotal)},
		{"split.budget.run", "share", p.Split.Budget.Run, c.Split.Budget.Run},
		{"split.budget.improve", "share", p.Split.Budget.Improve, c.Split.Budget.Improve},
		{"split.budget.transform", "share", p.Split.Budget.Transform, c.Split.Budget.Transform},
		{"verdicts.aligned", "count", ptr(float64(p.Verdicts.Aligned)), ptr(float64(c.Verdicts.Aligned))},
		{"verdicts.at_risk", "count", ptr(float64(p.Verdicts.AtRisk)), ptr(float64(c.Verdicts.AtRisk))},
		{"verdicts.not_aligned", "count", ptr(float64(p.Verdicts.NotAligned)), ptr(float64(c.Verdicts.NotAligned))},
		{"verdicts.not_scored", "count", ptr(float64(p.Verdicts.NotScored)), ptr(float64(c.Verdicts.NotScored))},
	}
}

// Figure returns the delta of the figure id, or false.
func (c *Changes) Figure(id string) (Delta, bool) {
	for _, d := range c.Figures {
		if d.ID == id {
			return d, true
		}
	}
	return Delta{}, false
}

// Initiative returns the verdict change of an initiative, or false when
// its verdict and score did not move.
func (c *Changes) Initiative(id string) (VerdictChange, bool) {
	for _, v := range c.Verdicts {
		if v.ID == id {
			return v, true
		}
	}
	return VerdictChange{}, false
}

func metricDeltas(prev, cur *model.Scorecard) []MetricDelta {
	before := map[string]*model.MetricResult{}
	for i := range prev.Metrics {
		before[prev.Metrics[i].ID] = &prev.Metrics[i]
	}
	var out []MetricDelta
	for i := range cur.Metrics {
		m := &cur.Metrics[i]
		d := MetricDelta{ID: m.ID, Name: m.Name, Unit: m.Unit, Direction: m.Direction,
			ToValue: m.Latest, ToPeriod: m.LatestPeriod, ToProgress: m.Progress}
		if p, ok := before[m.ID]; ok {
			d.FromValue, d.FromPeriod, d.FromProgress = p.Latest, p.LatestPeriod, p.Progress
			if sameFloat(p.Latest, m.Latest) && p.LatestPeriod == m.LatestPeriod && sameFloat(p.Progress, m.Progress) {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}
