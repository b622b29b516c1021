package boardpack

import (
	"slices"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

func f(v float64) *float64 { return &v }
func n(v int) *int         { return &v }

func status(s model.Status) *model.Status { return &s }

// card is a small hand-made scorecard for 2026-Q3.
func card() *model.Scorecard {
	chk := func(id string, r model.Result, reason string) model.CheckResult {
		return model.CheckResult{ID: id, Principle: principleOf(id), Result: r, Reason: reason}
	}
	return &model.Scorecard{
		Schema: 1, AsOf: "2026-09-30", Period: "2026-Q3", Currency: "USD",
		Headline: model.Headline{Answer: "no", Reasons: []string{"Aligned spend 40% is below the 60% target"}},
		Portfolio: model.Portfolio{
			BudgetTotal: 1000, SpendTotal: 800,
			Split: model.Split{
				Budget: model.Shares{Run: f(0.5), Improve: f(0.3), Transform: f(0.2)},
				Spend:  model.Shares{Run: f(0.6), Improve: f(0.25), Transform: f(0.15)},
				Bands: []model.SplitBand{{Category: model.Run, Band: model.Band{0.55, 0.75}},
					{Category: model.Improve, Band: model.Band{0.15, 0.30}, Within: true}, {Category: model.Transform, Band: model.Band{0.05, 0.20}, Within: true}},
			},
			AlignedSpendShare: f(0.4), MetricsImprovingShare: f(0.5), ChangeIncidents: n(2), MTTRHours: f(5),
			ChangeIncidentList: []model.ChangeIncident{
				{ID: "INC-1", Initiative: "INI-1", Severity: 1, Opened: time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)},
				{ID: "INC-7", Initiative: "INI-2", Severity: 2, Opened: time.Date(2026, 8, 15, 8, 0, 0, 0, time.UTC)},
			},
			Verdicts: model.VerdictCounts{Aligned: 1, NotAligned: 1, AtRisk: 1},
			Checks: []model.CheckResult{
				{ID: model.CheckSplitWithinPolicy, Result: model.Fail, Reason: "run 50% is 5 points below"},
				{ID: model.CheckAlignedSpend, Result: model.Fail, Reason: "40%"},
				{ID: model.CheckNoInstability, Result: model.Fail, Reason: "2 incidents"},
				{ID: model.CheckMetricsImproving, Result: model.Pass, Reason: "50%"},
			},
		},
		Initiatives: []model.InitiativeResult{
			{ID: "INI-1", Name: "WMS", Category: model.Transform, BusinessUnit: "Dist", Status: status(model.StatusLive), Budget: 500,
				Score: n(40), Verdict: model.NotAligned, Checks: []model.CheckResult{
					chk(model.CheckOutcomeLinked, model.Pass, "M-1"),
					chk(model.CheckBusinessOwned, model.Warn, "same person"),
					chk(model.CheckPeakClear, model.Fail, "go-live in Peak"),
					chk(model.CheckStableInOperation, model.Fail, "sev 1 INC-1"),
				}},
			{ID: "INI-2", Name: "ERP", Category: model.Run, BusinessUnit: "Fin", Budget: 300,
				Score: n(75), Verdict: model.AtRisk, Checks: []model.CheckResult{
					chk(model.CheckOutcomeLinked, model.Pass, "M-2"),
					chk(model.CheckBusinessOwned, model.Fail, "no business owner"),
					chk(model.CheckPlanFunded, model.Warn, "over budget"),
					chk(model.CheckPeakClear, model.Warn, "Run in freeze"),
				}},
			{ID: "INI-3", Name: "CRM", Category: model.Improve, BusinessUnit: "Sales", Budget: 200,
				Score: n(100), Verdict: model.Aligned, Checks: []model.CheckResult{
					chk(model.CheckOutcomeLinked, model.Pass, "M-3"),
					chk(model.CheckBusinessOwned, model.Pass, "owner"),
					chk(model.CheckImpactRealized, model.NA, "not live"),
				}},
		},
		Metrics: []model.MetricResult{
			{ID: "M-1", Name: "Pick time", Direction: model.Lower, Baseline: 10, Target: 5, Latest: f(8), LatestPeriod: "2026-09", Progress: f(0.4)},
			{ID: "M-2", Name: "Close days", Direction: model.Lower, Baseline: 8, Target: 4, Latest: f(8), LatestPeriod: "2026-09", Progress: f(0)},
		},
	}
}

func TestSections(t *testing.T) {
	p := Build(Input{Scorecard: card()})
	if len(p.Sections) != 9 {
		t.Fatalf("%d sections", len(p.Sections))
	}
	tests := []struct {
		principle  int
		checks     []string
		counts     Counts
		portfolio  []string
		chart      string
		exceptions []string // initiative:check
	}{
		{1, []string{model.CheckOutcomeLinked}, Counts{Pass: 3}, nil, "", nil},
		{2, []string{model.CheckBusinessOwned}, Counts{Pass: 1, Warn: 1, Fail: 1}, nil, "", []string{"INI-2:business_owned", "INI-1:business_owned"}},
		{5, nil, Counts{}, []string{model.CheckSplitWithinPolicy}, "split", nil},
		{6, []string{model.CheckPlanFunded, model.CheckPeakClear}, Counts{Warn: 2, Fail: 1}, nil, "calendar",
			[]string{"INI-1:peak_clear", "INI-2:peak_clear", "INI-2:plan_funded"}},
		{7, []string{model.CheckImpactRealized}, Counts{NA: 1}, []string{model.CheckMetricsImproving}, "", nil},
		{9, []string{model.CheckStableInOperation}, Counts{Fail: 1}, []string{model.CheckNoInstability}, "incidents", []string{"INI-1:stable_in_operation"}},
	}
	for _, tt := range tests {
		s := p.Sections[tt.principle-1]
		if s.Principle != tt.principle || s.Title == "" {
			t.Errorf("section %d: principle %d title %q", tt.principle, s.Principle, s.Title)
		}
		if !slices.Equal(s.Checks, tt.checks) || s.Counts != tt.counts || s.Chart != tt.chart {
			t.Errorf("section %d: checks %v counts %+v chart %q; want %v %+v %q", tt.principle, s.Checks, s.Counts, s.Chart, tt.checks, tt.counts, tt.chart)
		}
		var pf []string
		for _, c := range s.Portfolio {
			pf = append(pf, c.ID)
		}
		if !slices.Equal(pf, tt.portfolio) {
			t.Errorf("section %d: portfolio checks %v, want %v", tt.principle, pf, tt.portfolio)
		}
		var ex []string
		for _, e := range s.Exceptions {
			ex = append(ex, e.Initiative+":"+e.Check)
		}
		if !slices.Equal(ex, tt.exceptions) {
			t.Errorf("section %d: exceptions %v, want %v", tt.principle, ex, tt.exceptions)
		}
	}
	if got := p.Sections[1].Counts.PassShare(); got == nil || *got != 1.0/3 {
		t.Errorf("principle 2 pass share = %v, want 1/3", got)
	}
	if got := p.Sections[6].Counts.PassShare(); got != nil {
		t.Errorf("principle 7 pass share = %v, want nil (nothing applies)", *got)
	}
}

func TestSplitAndExceptions(t *testing.T) {
	p := Build(Input{Scorecard: card()})
	var within []bool
	for _, r := range p.Split {
		within = append(within, r.Within)
	}
	// run 50% is below 55–75%; improve 30% and transform 20% are on their
	// bands' upper bounds (inclusive).
	if !slices.Equal(within, []bool{false, true, true}) || *p.Split[1].Spend != 0.25 || p.Split[2].Band != (model.Band{0.05, 0.20}) {
		t.Errorf("split = %+v", p.Split)
	}
	ex := p.Exceptions
	if len(ex.NotAligned) != 1 || ex.NotAligned[0].Initiative != "INI-1" || len(ex.NotAligned[0].Failed) != 2 ||
		ex.NotAligned[0].Failed[0].ID != model.CheckPeakClear || ex.NotAligned[0].Failed[1].ID != model.CheckStableInOperation {
		t.Errorf("not aligned = %+v", ex.NotAligned)
	}
	if len(ex.PeakCollisions) != 2 || ex.PeakCollisions[0].Initiative != "INI-1" || ex.PeakCollisions[1].Result != model.Warn {
		t.Errorf("peak collisions = %+v", ex.PeakCollisions)
	}
	if len(ex.OwnershipGaps) != 2 || ex.OwnershipGaps[0].Initiative != "INI-1" || ex.OwnershipGaps[1].Result != model.Fail {
		t.Errorf("ownership gaps = %+v", ex.OwnershipGaps)
	}
	if p.Changes != nil {
		t.Error("changes without a previous quarter")
	}
}

// The pack lists the incidents the scorecard counts, as it lists them.
func TestChangeIncidents(t *testing.T) {
	sc := card()
	p := Build(Input{Scorecard: sc})
	if !slices.EqualFunc(p.Exceptions.ChangeIncidents, sc.Portfolio.ChangeIncidentList, func(a, b model.ChangeIncident) bool { return a.ID == b.ID }) ||
		len(p.Exceptions.ChangeIncidents) != *sc.Portfolio.ChangeIncidents {
		t.Errorf("change incidents %+v, want the scorecard's %+v", p.Exceptions.ChangeIncidents, sc.Portfolio.ChangeIncidentList)
	}
}

// The front page's initiatives and a principle's exceptions are ranked by
// spend at risk, largest first; a missing spend ranks as 0.
func TestRankedBySpend(t *testing.T) {
	sc := card()
	sc.Initiatives[0].Spend = f(100) // INI-1, not aligned
	sc.Initiatives[1].Spend = f(250) // INI-2, at risk
	p := Build(Input{Scorecard: sc})
	var top []string
	for _, a := range p.Exceptions.AtRisk {
		top = append(top, a.Initiative+":"+string(a.Verdict))
	}
	if !slices.Equal(top, []string{"INI-2:at_risk", "INI-1:not_aligned"}) {
		t.Errorf("at risk = %v, want INI-2 ($250) before INI-1 ($100)", top)
	}
	if a := p.Exceptions.AtRisk[0]; len(a.Failed) != 1 || a.Failed[0].ID != model.CheckBusinessOwned || len(a.Warned) != 2 {
		t.Errorf("INI-2 failed %v warned %v", a.Failed, a.Warned)
	}
	var ex []string
	for _, e := range p.Sections[5].Exceptions { // principle 6
		ex = append(ex, e.Initiative+":"+e.Check)
	}
	// INI-2 ($250): plan_funded warn, peak_clear warn (by check id); then INI-1 ($100).
	if want := []string{"INI-2:peak_clear", "INI-2:plan_funded", "INI-1:peak_clear"}; !slices.Equal(ex, want) {
		t.Errorf("principle 6 exceptions %v, want %v", ex, want)
	}
	if p.Sections[1].Prev != nil || p.PrevAnswer != "" {
		t.Error("previous counts without a previous quarter")
	}
	prev := card()
	prev.Headline.Answer, prev.Period = "yes", "2026-Q2"
	prev.Initiatives[2].Checks[1].Result = model.Fail // INI-3 business_owned
	p = Build(Input{Scorecard: sc, Previous: prev})
	if p.PrevAnswer != "yes" || p.PrevPeriod != "2026-Q2" {
		t.Errorf("previous answer %q %q", p.PrevAnswer, p.PrevPeriod)
	}
	if got := p.Sections[1].Prev; got == nil || *got != (Counts{Warn: 1, Fail: 2}) {
		t.Errorf("principle 2 then = %+v, want 1 warn, 2 fail", got)
	}
}
