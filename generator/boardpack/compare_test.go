package boardpack

import (
	"slices"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

func TestCompare(t *testing.T) {
	prev := card()
	prev.Period, prev.AsOf = "2026-Q2", "2026-06-30"
	cur := card()
	// INI-1: closed, budget 500 → 450, verdict not_aligned 40 → at_risk 60.
	cur.Initiatives[0].Status = status(model.StatusClosed)
	cur.Initiatives[0].Budget = 450
	cur.Initiatives[0].Verdict, cur.Initiatives[0].Score = model.AtRisk, n(60)
	// INI-2: Run → Improve, budget 300 → 420 (the larger move).
	cur.Initiatives[1].Category = model.Improve
	cur.Initiatives[1].Budget = 420
	// INI-3 removed, INI-4 new.
	cur.Initiatives = append(cur.Initiatives[:2], model.InitiativeResult{ID: "INI-4", Name: "New", Category: model.Run, Budget: 10, Verdict: model.NotScored})
	// M-1 improves; M-2 unchanged; M-3 new.
	cur.Metrics[0].Latest, cur.Metrics[0].Progress = f(7), f(0.6)
	cur.Metrics = append(cur.Metrics, model.MetricResult{ID: "M-3", Name: "New metric"})
	cur.Portfolio.AlignedSpendShare = f(0.55)
	cur.Portfolio.MTTRHours = nil

	c := Compare(prev, cur)
	if c.PrevPeriod != "2026-Q2" || c.PrevAsOf != "2026-06-30" {
		t.Errorf("prev = %s %s", c.PrevPeriod, c.PrevAsOf)
	}
	ids := func(xs []Initiative) []string {
		var out []string
		for _, x := range xs {
			out = append(out, x.ID)
		}
		return out
	}
	if got := ids(c.New); !slices.Equal(got, []string{"INI-4"}) {
		t.Errorf("new = %v", got)
	}
	if got := ids(c.Removed); !slices.Equal(got, []string{"INI-3"}) {
		t.Errorf("removed = %v", got)
	}
	if len(c.Closed) != 1 || c.Closed[0].ID != "INI-1" || *c.Closed[0].From != model.StatusLive || *c.Closed[0].To != model.StatusClosed {
		t.Errorf("closed = %+v", c.Closed)
	}
	if len(c.Recategorised) != 1 || c.Recategorised[0].ID != "INI-2" || c.Recategorised[0].From != model.Run || c.Recategorised[0].To != model.Improve {
		t.Errorf("recategorised = %+v", c.Recategorised)
	}
	if len(c.Verdicts) != 1 || c.Verdicts[0].From != model.NotAligned || c.Verdicts[0].To != model.AtRisk || *c.Verdicts[0].ScoreChange() != 20 {
		t.Errorf("verdicts = %+v", c.Verdicts)
	}
	if len(c.Moves) != 1 || c.Moves[0].ID != "INI-1" {
		t.Errorf("moves = %+v, want INI-1 only", c.Moves)
	}
	if len(c.Budget) != 2 || c.Budget[0].ID != "INI-2" || c.Budget[0].Change() != 120 || c.Budget[1].Change() != -50 {
		t.Errorf("budget moves = %+v", c.Budget)
	}
	if len(c.Metrics) != 2 || c.Metrics[0].ID != "M-1" || c.Metrics[1].ID != "M-3" || c.Metrics[1].FromValue != nil {
		t.Errorf("metric deltas = %+v", c.Metrics)
	}
	if d := c.Metrics[0].ProgressChange(); d == nil || *d < 0.2-1e-9 || *d > 0.2+1e-9 {
		t.Errorf("M-1 progress change = %v, want 0.2", d)
	}
	if d, ok := c.Figure("aligned_spend_share"); !ok || *d.Change() < 0.15-1e-9 || *d.Change() > 0.15+1e-9 {
		t.Errorf("aligned spend delta = %+v", d)
	}
	if d, _ := c.Figure("mttr_hours"); d.Change() != nil || d.Prev == nil {
		t.Errorf("mttr delta = %+v, want no change figure (now unknown)", d)
	}
	if _, ok := c.Figure("nonsense"); ok {
		t.Error("Figure of an unknown id")
	}
	if v, ok := c.Initiative("INI-1"); !ok || v.To != model.AtRisk {
		t.Errorf("Initiative(INI-1) = %+v, %v", v, ok)
	}
	if _, ok := c.Initiative("INI-2"); ok {
		t.Error("INI-2's verdict did not change")
	}
	if c.Empty() {
		t.Error("Empty with changes")
	}
	if same := Compare(card(), card()); !same.Empty() {
		t.Errorf("Compare of equal scorecards: %+v", same)
	}
	p := Build(Input{Scorecard: cur, Previous: prev})
	if p.Changes == nil || len(p.Changes.New) != 1 {
		t.Error("Build with a previous quarter has no changes")
	}
}
