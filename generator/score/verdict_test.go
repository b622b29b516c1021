package score

import (
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// results builds check results from id=result pairs.
func results(pairs ...string) []model.CheckResult {
	var out []model.CheckResult
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, model.CheckResult{ID: pairs[i], Result: model.Result(pairs[i+1])})
	}
	return out
}

// nine returns the nine checks with the given results in model.Checks order.
func nine(rs ...model.Result) []model.CheckResult {
	out := make([]model.CheckResult, len(rs))
	for i, r := range rs {
		out[i] = model.CheckResult{ID: model.Checks[i].ID, Result: r}
	}
	return out
}

const (
	P = model.Pass
	W = model.Warn
	F = model.Fail
	N = model.NA
)

func TestScoreOf(t *testing.T) {
	cases := []struct {
		name    string
		checks  []model.CheckResult
		weights map[string]float64
		want    int // -1: nil
	}{
		{"all pass", nine(P, P, P, P, P, P, P, P, P), nil, 100},
		{"n/a left out", nine(P, P, N, N, N, N, N, N, N), nil, 100},
		// (1 + 0.5 + 0) / 3 = 0.5
		{"one of each", nine(P, W, F, N, N, N, N, N, N), nil, 50},
		// 7 / 8 = 87.5 → 88, half away from zero
		{"half rounds up", nine(P, P, P, P, P, P, P, F, N), nil, 88},
		// (0.5 + 0.5) / 8 = 12.5 → 13
		{"12.5 rounds up", nine(F, F, W, F, F, W, F, N, F), nil, 13},
		// 2 / 3 = 66.67 → 67
		{"two thirds", nine(P, P, F, N, N, N, N, N, N), nil, 67},
		// 5 / 6 = 83.33 → 83
		{"five sixths", nine(P, P, P, P, P, F, N, N, N), nil, 83},
		// (3·1 + 1·0) / 4 = 75
		{"weights", nine(P, F, N, N, N, N, N, N, N), map[string]float64{model.CheckOutcomeLinked: 3}, 75},
		// (0·1 + 1·0.5) / 1 = 50: a zero weight leaves the check out
		{"zero weight", nine(F, W, N, N, N, N, N, N, N), map[string]float64{model.CheckOutcomeLinked: 0}, 50},
		{"nothing weighs", nine(F, W, N, N, N, N, N, N, N),
			map[string]float64{model.CheckOutcomeLinked: 0, model.CheckBusinessOwned: 0}, -1},
		// (0.1·1 + 0.2·0.5) / 0.3 = 0.6667 → 67; weights that are not exact in binary
		{"fractional weights", nine(P, W, N, N, N, N, N, N, N),
			map[string]float64{model.CheckOutcomeLinked: 0.1, model.CheckBusinessOwned: 0.2}, 67},
		// (0.1·1 + 0.1·0 ) / 0.2 = 0.5 exactly by hand → 50
		{"fractional weights at a half", nine(P, F, N, N, N, N, N, N, N),
			map[string]float64{model.CheckOutcomeLinked: 0.1, model.CheckBusinessOwned: 0.1}, 50},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := model.DefaultPolicy()
			if c.weights != nil {
				p.Weights = c.weights
			}
			got, ok := scoreOf(c.checks, p)
			switch {
			case c.want < 0 && ok:
				t.Errorf("score %d, want none", got)
			case c.want >= 0 && (!ok || got != c.want):
				t.Errorf("score %d (%v), want %d", got, ok, c.want)
			}
		})
	}
}

func TestRoundHalfAway(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want int
	}{{12.5, 13}, {-12.5, -13}, {12.49, 12}, {12.4999999999, 13}, {87.5, 88}, {0, 0}, {99.5, 100}, {0.4, 0}} {
		if got := roundHalfAway(c.x); got != c.want {
			t.Errorf("roundHalfAway(%v) = %d, want %d", c.x, got, c.want)
		}
	}
}

func TestVerdictOf(t *testing.T) {
	s := func(v int) *int { return &v }
	cases := []struct {
		name   string
		checks []model.CheckResult
		score  *int
		want   model.Verdict
	}{
		{"aligned at 80", nine(P, P, P, P, P, P, P, P, P), s(80), model.Aligned},
		{"79 is at risk", nine(P, P, P, P, P, P, P, P, P), s(79), model.AtRisk},
		{"outcome_linked fails", results(model.CheckOutcomeLinked, "fail"), s(89), model.NotAligned},
		{"impact_realized fails", results(model.CheckImpactRealized, "fail"), s(89), model.NotAligned},
		{"stable_in_operation fails", results(model.CheckStableInOperation, "fail"), s(86), model.NotAligned},
		{"another check fails at 89", results(model.CheckPlanFunded, "fail", model.CheckPeakClear, "pass"), s(89), model.AtRisk},
		{"score 49", results(model.CheckPlanFunded, "warn"), s(49), model.NotAligned},
		{"score 50", results(model.CheckPlanFunded, "warn"), s(50), model.AtRisk},
		{"warns only, 90", results(model.CheckPlanFunded, "warn"), s(90), model.Aligned},
		{"no score", results(model.CheckPlanFunded, "pass"), nil, model.AtRisk},
		{"no score, blocking fail", results(model.CheckOutcomeLinked, "fail"), nil, model.NotAligned},
	}
	for _, c := range cases {
		if got := verdictOf(c.checks, c.score); got != c.want {
			t.Errorf("%s: verdict %s, want %s", c.name, got, c.want)
		}
	}
}

// A Cancelled initiative is listed, with its spend, but not scored.
func TestCancelledNotScored(t *testing.T) {
	in := baseInitiative()
	in.Status = model.StatusCancelled
	sc := Score(baseDataset(in), model.DefaultPolicy(), testOptions())
	r := sc.Initiatives[0]
	if r.Verdict != model.NotScored || r.Score != nil || r.Checks != nil {
		t.Errorf("cancelled: verdict %s score %v checks %v, want not_scored, nil, nil", r.Verdict, r.Score, r.Checks)
	}
	if r.Status == nil || *r.Status != model.StatusCancelled || r.Spend == nil || *r.Spend != 900 {
		t.Errorf("cancelled: status %v spend %v, want cancelled, 900", r.Status, r.Spend)
	}
}

// Every scored initiative lists the nine checks in order, with principles.
func TestChecksListedInOrder(t *testing.T) {
	in := baseInitiative()
	in.Status = model.StatusNone
	sc := Score(baseDataset(in), model.DefaultPolicy(), testOptions())
	cs := sc.Initiatives[0].Checks
	if len(cs) != len(model.Checks) {
		t.Fatalf("%d checks, want %d", len(cs), len(model.Checks))
	}
	for i, c := range cs {
		if c.ID != model.Checks[i].ID || c.Principle != model.Checks[i].Principle || c.Reason == "" {
			t.Errorf("check %d = %+v, want id %s principle %d with a reason", i, c, model.Checks[i].ID, model.Checks[i].Principle)
		}
	}
	if sc.Initiatives[0].Status != nil {
		t.Errorf("status %v, want nil", *sc.Initiatives[0].Status)
	}
}

// Score and verdict from the checks of whole initiatives, policy weights
// included. The base initiative passes all nine checks (score 100).
func TestScoreAndVerdict(t *testing.T) {
	type edit = func(ds *model.Dataset, in *model.Initiative, p *model.Policy)
	impactWarn := func(ds *model.Dataset, in *model.Initiative, p *model.Policy) { setActual(ds, "M-01", "2026-09", 96) } // progress 0.2
	// five leaves five checks applicable: outcome, business, impact, change, stable.
	five := func(ds *model.Dataset, in *model.Initiative, p *model.Policy) {
		delete(ds.Present, model.TableReviews)
		delete(ds.Present, model.TableCalendar)
		delete(ds.Present, model.TablePlan)
		in.Automation = false
	}
	both := func(es ...edit) edit {
		return func(ds *model.Dataset, in *model.Initiative, p *model.Policy) {
			for _, e := range es {
				e(ds, in, p)
			}
		}
	}
	cases := []struct {
		name    string
		edit    edit
		score   int
		verdict model.Verdict
	}{
		{"all pass", nil, 100, model.Aligned},
		// (8 + 0.5) / 9 = 94.4 → 94; a warning alone does not stop aligned.
		{"one warning", impactWarn, 94, model.Aligned},
		// weights: impact_realized 2 → (8·1 + 2·0.5) / (8 + 2) = 90.
		{"weighted warning", both(impactWarn, func(_ *model.Dataset, _ *model.Initiative, p *model.Policy) {
			p.Weights = map[string]float64{model.CheckImpactRealized: 2}
		}), 90, model.Aligned},
		// 8 / 9 = 88.9 → 89, but a check fails: at risk.
		{"a non-blocking fail", func(_ *model.Dataset, in *model.Initiative, _ *model.Policy) { in.PlanLine = "" }, 89, model.AtRisk},
		// 8 / 9 → 89; impact_realized fails: not aligned whatever the score.
		{"a blocking fail", func(ds *model.Dataset, _ *model.Initiative, _ *model.Policy) { setActual(ds, "M-01", "2026-09", 100) }, 89, model.NotAligned},
		// A failing check weighted 0 leaves the score at 100 but still fails.
		{"a fail weighted 0", func(_ *model.Dataset, in *model.Initiative, p *model.Policy) {
			in.PlanLine = ""
			p.Weights = map[string]float64{model.CheckPlanFunded: 0}
		}, 100, model.AtRisk},
		// n/a left out: 5 applicable, business owned warns → 4.5 / 5 = 90.
		{"n/a left out", both(five, func(_ *model.Dataset, in *model.Initiative, _ *model.Policy) { in.ITOwner = "ann lee" }), 90, model.Aligned},
		// 5 applicable, two warnings: (3 + 2·0.5) / 5 = 80, on the bound.
		{"exactly 80", both(five, impactWarn, func(_ *model.Dataset, in *model.Initiative, _ *model.Policy) { in.ITOwner = "Ann Lee" }), 80, model.Aligned},
		// 5 applicable: 2 pass, 1 warn, 2 fail (not blocking) → 2.5 / 5 = 50: at risk.
		{"exactly 50", both(five, impactWarn, func(_ *model.Dataset, in *model.Initiative, _ *model.Policy) {
			in.BusinessOwner, in.TrainingPlan = "", false
		}), 50, model.AtRisk},
		// 4 pass, 5 fail (none blocking): 4 / 9 = 44.4 → 44, below 50.
		{"below 50", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy) {
			in.BusinessOwner, in.PlanLine, in.TrainingPlan, in.ProcessStandardized, in.Start = "", "", false, false, time.Time{}
			ds.Calendar = []model.Window{window("Peak", "2026-01-01", "2026-01-31", model.WindowPeak, "")}
		}, 44, model.NotAligned},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, ds, p := baseInitiative(), baseDataset(), model.DefaultPolicy()
			if c.edit != nil {
				c.edit(ds, &in, &p)
			}
			ds.Initiatives = []model.Initiative{in}
			r := Score(ds, p, testOptions()).Initiatives[0]
			if r.Score == nil || *r.Score != c.score || r.Verdict != c.verdict {
				t.Errorf("score %v verdict %s, want %d %s; checks %+v", r.Score, r.Verdict, c.score, c.verdict, r.Checks)
			}
		})
	}
}
