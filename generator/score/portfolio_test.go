package score

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// result is a hand-made initiative result for portfolio tests.
func result(id string, c model.Category, budget, spend float64, v model.Verdict) model.InitiativeResult {
	return model.InitiativeResult{ID: id, Category: c, Budget: budget, Spend: &spend, Verdict: v, BusinessUnit: "Stores"}
}

func near(a *float64, b float64) bool { return a != nil && math.Abs(*a-b) < 1e-12 }

func checkOf(t *testing.T, cs []model.CheckResult, id string) model.CheckResult {
	t.Helper()
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no check %s", id)
	return model.CheckResult{}
}

// Budget totals use scored initiatives, spend totals every initiative:
// budget 600 + 300 + 100 = 1000 (D is Cancelled); spend 500 + 400 + 50 + 100 = 1050.
func TestPortfolioTotalsAndSplit(t *testing.T) {
	rs := []model.InitiativeResult{
		result("A", model.Run, 600, 500, model.Aligned),
		result("B", model.Improve, 300, 400, model.AtRisk),
		result("C", model.Transform, 100, 50, model.NotAligned),
		result("D", model.Transform, 1000, 100, model.NotScored),
	}
	reported := &model.Dataset{Initiatives: []model.Initiative{{ID: "A", Spend: f(500)}}}
	x := newIndex(reported, model.DefaultPolicy(), testOptions(), testAsOf)
	p := portfolio(x, rs, nil)
	if p.BudgetTotal != 1000 || p.SpendTotal != 1050 {
		t.Errorf("totals %v / %v, want 1000 / 1050", p.BudgetTotal, p.SpendTotal)
	}
	b, s := p.Split.Budget, p.Split.Spend
	if !near(b.Run, 0.6) || !near(b.Improve, 0.3) || !near(b.Transform, 0.1) {
		t.Errorf("budget split %v %v %v, want 0.6 0.3 0.1", *b.Run, *b.Improve, *b.Transform)
	}
	if !near(s.Run, 500.0/1050) || !near(s.Improve, 400.0/1050) || !near(s.Transform, 150.0/1050) {
		t.Errorf("spend split %v %v %v, want 500/1050 400/1050 150/1050", *s.Run, *s.Improve, *s.Transform)
	}
	for _, sh := range []model.Shares{b, s} {
		if sum := *sh.Run + *sh.Improve + *sh.Transform; math.Abs(sum-1) > 1e-12 {
			t.Errorf("split sums to %v, want 1", sum)
		}
	}
	// 500 aligned / (500 + 400 + 50) scored = 0.5263 < 0.60
	if !near(p.AlignedSpendShare, 500.0/950) {
		t.Errorf("aligned spend share %v, want 500/950", p.AlignedSpendShare)
	}
	if p.Verdicts != (model.VerdictCounts{Aligned: 1, AtRisk: 1, NotAligned: 1, NotScored: 1}) {
		t.Errorf("verdicts %+v, want one each", p.Verdicts)
	}
	// improve 0.3 sits on its band's upper bound: inside.
	if c := checkOf(t, p.Checks, model.CheckSplitWithinPolicy); c.Result != model.Pass {
		t.Errorf("split_within_policy %s (%s), want pass", c.Result, c.Reason)
	}
	if c := checkOf(t, p.Checks, model.CheckAlignedSpend); c.Result != model.Fail ||
		!strings.Contains(c.Reason, "Aligned spend 52.6% (USD 500 of USD 950 on scored initiatives) is below the 60% target") {
		t.Errorf("aligned_spend %s (%s), want fail naming 52.6%%", c.Result, c.Reason)
	}
	if len(p.Checks) != len(model.PortfolioChecks) {
		t.Errorf("%d portfolio checks, want %d", len(p.Checks), len(model.PortfolioChecks))
	}
	// Without tables: n/a, null.
	if p.ChangeIncidents != nil || p.MTTRHours != nil || p.MetricsImprovingShare != nil {
		t.Errorf("change incidents %v, MTTR %v, improving %v: want nil without data", p.ChangeIncidents, p.MTTRHours, p.MetricsImprovingShare)
	}
	for _, id := range []string{model.CheckRunProtected, model.CheckNoInstability, model.CheckMetricsImproving} {
		if c := checkOf(t, p.Checks, id); c.Result != model.NA {
			t.Errorf("%s %s, want n/a", id, c.Result)
		}
	}
}

func TestSplitOutsidePolicy(t *testing.T) {
	rs := []model.InitiativeResult{
		result("A", model.Run, 800, 0, model.Aligned),
		result("B", model.Improve, 100, 0, model.Aligned),
		result("C", model.Transform, 100, 0, model.Aligned),
	}
	x := newIndex(&model.Dataset{}, model.DefaultPolicy(), testOptions(), testAsOf)
	c := checkOf(t, portfolio(x, rs, nil).Checks, model.CheckSplitWithinPolicy)
	want := "run 80% is 5 points above its 55%–75% band; improve 10% is 5 points below its 15%–30% band"
	if c.Result != model.Fail || !strings.Contains(c.Reason, want) {
		t.Errorf("split_within_policy %s (%s), want fail with %q", c.Result, c.Reason, want)
	}
	x = newIndex(&model.Dataset{}, model.DefaultPolicy(), testOptions(), testAsOf)
	p := portfolio(x, []model.InitiativeResult{result("A", model.Run, 0, 0, model.Aligned)}, nil)
	if p.Split.Budget.Run != nil || p.AlignedSpendShare != nil || checkOf(t, p.Checks, model.CheckSplitWithinPolicy).Result != model.NA {
		t.Errorf("zero budget: split %v, aligned share %v: want nil shares and n/a", p.Split.Budget.Run, p.AlignedSpendShare)
	}
}

// Two initiatives: the base one (aligned, budget 1000) and an unlinked one
// (not aligned, budget 3000), plus a Cancelled one (budget 500).
func TestAlignedSpendShare(t *testing.T) {
	cases := []struct {
		name                  string
		spends                [3]*float64
		share, total, spendOf float64 // aligned share, spend total, spend reported for the unlinked one
		assumed               bool
	}{
		// 900 / (900 + 100) = 0.9; total 900 + 100 + 50
		{"spend reported", [3]*float64{f(900), f(100), f(50)}, 0.9, 1050, 100, false},
		// budget stands in for all, Cancelled included: 1000 / 4000; total 4500
		{"no spend reported", [3]*float64{nil, nil, nil}, 0.25, 4500, 3000, true},
		// a missing spend counts 0: 900 / 900
		{"some spend reported", [3]*float64{f(900), nil, nil}, 1, 900, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := baseInitiative()
			b := baseInitiative()
			b.ID, b.Metrics, b.Budget = "INI-002", nil, 3000
			k := baseInitiative()
			k.ID, k.Status, k.Budget = "INI-003", model.StatusCancelled, 500
			a.Spend, b.Spend, k.Spend = c.spends[0], c.spends[1], c.spends[2]
			sc := Score(baseDataset(a, b, k), model.DefaultPolicy(), testOptions())
			p := sc.Portfolio
			if !near(p.AlignedSpendShare, c.share) || p.SpendTotal != c.total || p.SpendAssumed != c.assumed || p.BudgetTotal != 4000 {
				t.Errorf("share %v total %v assumed %v budget %v, want %v %v %v 4000",
					*p.AlignedSpendShare, p.SpendTotal, p.SpendAssumed, p.BudgetTotal, c.share, c.total, c.assumed)
			}
			if r := sc.Initiatives[1]; r.Verdict != model.NotAligned || r.Spend == nil || *r.Spend != c.spendOf {
				t.Errorf("INI-002 verdict %s spend %v, want not_aligned %v", r.Verdict, r.Spend, c.spendOf)
			}
			if c.assumed && !strings.Contains(checkOf(t, p.Checks, model.CheckAlignedSpend).Reason, "budget stands in") {
				t.Errorf("aligned_spend reason does not say budget stands in for spend")
			}
		})
	}
}

// Report period 2026-Q3 (2026-07-01 … 2026-09-30).
func TestIncidentsAndMTTR(t *testing.T) {
	utc := func(s string) time.Time { return dt(s, time.UTC) }
	ds := baseDataset(baseInitiative())
	ds.Incidents = []model.Incident{
		{ID: "I1", Severity: 1, Opened: utc("2026-07-01 00:00"), Resolved: utc("2026-07-01 10:00"), Initiative: "INI-001"}, // 10 h, change
		{ID: "I2", Severity: 2, Opened: utc("2026-08-01 12:00"), Resolved: utc("2026-08-03 12:00")},                        // 48 h
		{ID: "I3", Severity: 2, Opened: utc("2026-09-01 08:00"), Initiative: "INI-404"},                                    // unresolved, unknown initiative
		{ID: "I4", Severity: 3, Opened: utc("2026-09-01 08:00"), Resolved: utc("2026-09-05 08:00"), Initiative: "INI-001"}, // sev 3
		{ID: "I5", Severity: 1, Opened: utc("2026-06-30 23:00"), Resolved: utc("2026-07-01 00:00"), Initiative: "INI-001"}, // Q2, 1 h
	}
	p := Score(ds, model.DefaultPolicy(), testOptions()).Portfolio
	// (10 + 48) / 2 resolved = 29; the unresolved I3 is left out.
	if !near(p.MTTRHours, 29) {
		t.Errorf("MTTR %v, want 29", p.MTTRHours)
	}
	if p.ChangeIncidents == nil || *p.ChangeIncidents != 1 {
		t.Errorf("change incidents %v, want 1 (I1)", p.ChangeIncidents)
	}
	if c := checkOf(t, p.Checks, model.CheckNoInstability); c.Result != model.Fail ||
		!strings.Contains(c.Reason, "1 severity 1–2 incident attributed to initiatives opened in 2026-Q3: I1 (INI-001, sev 1, 2026-07-01)") {
		t.Errorf("no_instability %s (%s), want fail naming I1", c.Result, c.Reason)
	}
	if len(p.ByQuarter) != 3 {
		t.Fatalf("by quarter %+v, want 2026-Q1, 2026-Q2, 2026-Q3", p.ByQuarter)
	}
	// 2026-Q1 holds the base go-live (budget 1000) but no incident.
	q1 := p.ByQuarter[0]
	if q1.Period != "2026-Q1" || q1.Budget[model.Improve] != 1000 || q1.Incidents != 0 || q1.MTTRHours != nil {
		t.Errorf("first quarter %+v, want 2026-Q1 with improve budget 1000 and no incident", q1)
	}
	want := map[string][3]float64{"2026-Q2": {1, 1, 1}, "2026-Q3": {3, 1, 29}}
	got := map[string][3]float64{}
	for _, q := range p.ByQuarter {
		if q.MTTRHours != nil {
			got[q.Period] = [3]float64{float64(q.Incidents), float64(q.ChangeIncidents), *q.MTTRHours}
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: incidents, change incidents, MTTR = %v, want %v", k, got[k], v)
		}
	}
}

// A date-time falls in the report period by its date in the site time zone.
func TestIncidentQuarterInSiteTimeZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	ds := baseDataset(baseInitiative())
	// 2026-10-01 02:00 UTC is 2026-09-30 22:00 in New York: in 2026-Q3 there.
	ds.Incidents = []model.Incident{{ID: "I1", Severity: 1, Opened: dt("2026-10-01 02:00", time.UTC).In(ny),
		Resolved: dt("2026-10-01 05:00", time.UTC).In(ny), Initiative: "INI-001"}}
	o := testOptions()
	o.Location = ny
	p := Score(ds, model.DefaultPolicy(), o).Portfolio
	if p.ChangeIncidents == nil || *p.ChangeIncidents != 1 || !near(p.MTTRHours, 3) {
		t.Errorf("change incidents %v MTTR %v, want 1 and 3 h", p.ChangeIncidents, p.MTTRHours)
	}
	o.Location = nil
	p = Score(ds, model.DefaultPolicy(), o).Portfolio
	if p.ChangeIncidents == nil || *p.ChangeIncidents != 0 || p.MTTRHours != nil {
		t.Errorf("in UTC: change incidents %v MTTR %v, want 0 and nil", p.ChangeIncidents, p.MTTRHours)
	}
}

func TestRunProtected(t *testing.T) {
	line := func(id string, c model.Category, p model.Period, amount float64) model.PlanLine {
		return model.PlanLine{ID: id, Category: c, Period: p, Amount: amount}
	}
	y := func(n int, fiscal bool) model.Period { return model.Period{Kind: model.Year, Year: n, Fiscal: fiscal} }
	q := func(n, k int, fiscal bool) model.Period {
		return model.Period{Kind: model.Quarter, Year: n, N: k, Fiscal: fiscal}
	}
	// Calendar year: report FY 2026. Counted: FY2026 100, 2026 100, 2026-Q2 50, no period 25 = 275.
	calendarPlan := []model.PlanLine{
		line("a", model.Run, y(2026, true), 100), line("b", model.Run, y(2026, false), 100),
		line("c", model.Run, q(2026, 2, false), 50), line("d", model.Run, model.Period{}, 25),
		line("e", model.Run, y(2025, false), 1000), line("f", model.Run, y(2027, true), 1000),
		line("g", model.Improve, y(2026, false), 999), line("h", "", y(2026, false), 999),
	}
	// April fiscal year: report FY2027. Counted: FY2027 100, 2027 10, FY2027-Q1 20, 2026-Q2 (Apr–Jun 2026) 40 = 170.
	fiscalPlan := []model.PlanLine{
		line("a", model.Run, y(2027, true), 100), line("b", model.Run, y(2027, false), 10),
		line("c", model.Run, q(2027, 1, true), 20), line("d", model.Run, q(2026, 2, false), 40),
		line("e", model.Run, q(2026, 1, false), 1000), line("f", model.Run, y(2026, false), 1000),
		line("g", model.Run, q(2026, 4, true), 1000),
	}
	cases := []struct {
		name      string
		plan      []model.PlanLine
		fyStart   int
		runBudget float64
		want      model.Result
		reason    string
	}{
		{"covered", calendarPlan, 1, 275, model.Pass, "Run protected: Run budget USD 275 (scored initiatives) against the plan's Run amount USD 275 for 2026 (4 lines)"},
		{"short", calendarPlan, 1, 274, model.Fail, "Run under-funded: Run budget USD 274 (scored initiatives) against the plan's Run amount USD 275 for 2026 (4 lines), short by USD 1"},
		{"fiscal covered", fiscalPlan, 4, 170, model.Pass, "USD 170 for FY2027 (4 lines)"},
		{"fiscal short", fiscalPlan, 4, 169.5, model.Fail, "short by USD 0.50"},
		{"no run line for the year", calendarPlan[4:], 1, 0, model.NA, "No Run line in the operating plan for 2026"},
		{"no plan table", nil, 1, 0, model.NA, "No operating plan table"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds := &model.Dataset{Plan: c.plan, Present: all()}
			if c.plan == nil {
				delete(ds.Present, model.TablePlan)
			}
			o := testOptions()
			o.FiscalYearStart = c.fyStart
			rs := []model.InitiativeResult{
				result("A", model.Run, c.runBudget, 0, model.AtRisk),
				result("B", model.Run, 5000, 0, model.NotScored), // Cancelled: not in Run budget
				result("C", model.Improve, 5000, 0, model.AtRisk),
			}
			x := newIndex(ds, model.DefaultPolicy(), o, testAsOf)
			cr := checkOf(t, portfolio(x, rs, nil).Checks, model.CheckRunProtected)
			if cr.Result != c.want || !strings.Contains(cr.Reason, c.reason) {
				t.Errorf("run_protected %s (%s), want %s with %q", cr.Result, cr.Reason, c.want, c.reason)
			}
		})
	}
}

func TestMetricsImproving(t *testing.T) {
	m := func(id string, progress *float64) model.MetricResult {
		r := model.MetricResult{ID: id, Progress: progress}
		if progress != nil {
			r.Latest = f(1)
		}
		return r
	}
	cases := []struct {
		name    string
		metrics []model.MetricResult
		share   float64
		want    model.Result
	}{
		// 1 of 3 with actuals (the one without is left out)
		{"one of three", []model.MetricResult{m("a", f(0.5)), m("b", nil), m("c", f(0)), m("d", f(-0.1))}, 1.0 / 3, model.Fail},
		// 2 of 4 = exactly 0.5
		{"half", []model.MetricResult{m("a", f(0.5)), m("c", f(0)), m("d", f(-0.1)), m("e", f(0.2))}, 0.5, model.Pass},
	}
	for _, c := range cases {
		x := newIndex(&model.Dataset{}, model.DefaultPolicy(), testOptions(), testAsOf)
		p := portfolio(x, nil, c.metrics)
		if cr := checkOf(t, p.Checks, model.CheckMetricsImproving); !near(p.MetricsImprovingShare, c.share) || cr.Result != c.want {
			t.Errorf("%s: share %v %s (%s), want %v %s", c.name, p.MetricsImprovingShare, cr.Result, cr.Reason, c.share, c.want)
		}
	}
}

func TestHeadline(t *testing.T) {
	pc := func(id string, r model.Result) model.CheckResult {
		return model.CheckResult{ID: id, Result: r, Reason: id + " " + string(r)}
	}
	cases := []struct {
		name    string
		checks  []model.CheckResult
		answer  string
		reasons string
	}{
		{"all pass", []model.CheckResult{pc(model.CheckSplitWithinPolicy, F), pc(model.CheckAlignedSpend, P), pc(model.CheckNoInstability, P), pc(model.CheckMetricsImproving, P)},
			"yes", "aligned_spend pass|no_instability pass|metrics_improving pass"},
		{"no incidents table", []model.CheckResult{pc(model.CheckAlignedSpend, P), pc(model.CheckNoInstability, N), pc(model.CheckMetricsImproving, P)},
			"yes", "aligned_spend pass|metrics_improving pass"},
		{"instability", []model.CheckResult{pc(model.CheckRunProtected, F), pc(model.CheckAlignedSpend, P), pc(model.CheckNoInstability, F), pc(model.CheckMetricsImproving, P)},
			"no", "no_instability fail"},
		{"two fail", []model.CheckResult{pc(model.CheckAlignedSpend, F), pc(model.CheckNoInstability, P), pc(model.CheckMetricsImproving, F)},
			"no", "aligned_spend fail|metrics_improving fail"},
		{"nothing measured", []model.CheckResult{pc(model.CheckAlignedSpend, N), pc(model.CheckNoInstability, P), pc(model.CheckMetricsImproving, P)},
			"no", "aligned_spend n/a"},
	}
	for _, c := range cases {
		h := headline(c.checks)
		if h.Answer != c.answer || strings.Join(h.Reasons, "|") != c.reasons {
			t.Errorf("%s: %s %q, want %s %q", c.name, h.Answer, h.Reasons, c.answer, c.reasons)
		}
	}
}

// Band bounds are inclusive on both sides; the bands come from the policy.
func TestSplitBands(t *testing.T) {
	cases := []struct {
		name                  string
		run, improve, transfm float64 // budgets, total 100
		bands                 map[model.Category]model.Band
		want                  model.Result
		reason                string
	}{
		{"on the lower run and upper improve bounds", 55, 30, 15, nil, model.Pass,
			"Budget split within policy: run 55% (band 55%–75%), improve 30% (band 15%–30%), transform 15% (band 5%–20%)"},
		{"on the upper run and lower transform bounds", 75, 20, 5, nil, model.Pass, "run 75% (band 55%–75%)"},
		{"transform above", 55, 15, 30, nil, model.Fail, "Budget split outside policy: transform 30% is 10 points above its 5%–20% band"},
		{"improve below", 70, 14.5, 15.5, nil, model.Fail, "improve 14.5% is 0.5 points below its 15%–30% band"},
		// run 0.6 against a policy band of 0.8–0.9: 20 points below.
		{"policy bands", 60, 25, 15, map[model.Category]model.Band{model.Run: {0.8, 0.9}, model.Improve: {0, 1}, model.Transform: {0, 1}},
			model.Fail, "run 60% is 20 points below its 80%–90% band"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := model.DefaultPolicy()
			if c.bands != nil {
				p.Split = c.bands
			}
			rs := []model.InitiativeResult{
				result("A", model.Run, c.run, 0, model.Aligned),
				result("B", model.Improve, c.improve, 0, model.Aligned),
				result("C", model.Transform, c.transfm, 0, model.Aligned),
			}
			x := newIndex(&model.Dataset{}, p, testOptions(), testAsOf)
			cr := checkOf(t, portfolio(x, rs, nil).Checks, model.CheckSplitWithinPolicy)
			if cr.Result != c.want || !strings.Contains(cr.Reason, c.reason) {
				t.Errorf("split_within_policy %s (%s), want %s with %q", cr.Result, cr.Reason, c.want, c.reason)
			}
		})
	}
}

// aligned_spend passes at the target (inclusive), reads the target from the
// policy, and is n/a when scored initiatives spent nothing.
func TestAlignedSpendTarget(t *testing.T) {
	cases := []struct {
		name           string
		aligned, other float64 // spend of an aligned and of an at-risk initiative
		target         float64
		share          *float64
		want           model.Result
		reason         string
	}{
		// 600 / (600 + 400) = 0.6
		{"on the target", 600, 400, 0.6, f(0.6), model.Pass, "Aligned spend 60% (USD 600 of USD 1,000 on scored initiatives) meets the 60% target"},
		{"just below", 599, 401, 0.6, f(0.599), model.Fail, "Aligned spend 59.9% (USD 599 of USD 1,000 on scored initiatives) is below the 60% target"},
		{"policy target", 600, 400, 0.7, f(0.6), model.Fail, "is below the 70% target"},
		{"no spend", 0, 0, 0.6, nil, model.NA, "No spend on scored initiatives"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := model.DefaultPolicy()
			p.AlignedSpendTarget = c.target
			rs := []model.InitiativeResult{
				result("A", model.Run, 1000, c.aligned, model.Aligned),
				result("B", model.Run, 1000, c.other, model.AtRisk),
				result("C", model.Run, 1000, 5000, model.NotScored), // Cancelled: not in either spend
			}
			ds := &model.Dataset{Initiatives: []model.Initiative{{ID: "A", Spend: f(c.aligned)}}}
			x := newIndex(ds, p, testOptions(), testAsOf)
			pf := portfolio(x, rs, nil)
			cr := checkOf(t, pf.Checks, model.CheckAlignedSpend)
			if (c.share == nil) != (pf.AlignedSpendShare == nil) || (c.share != nil && !near(pf.AlignedSpendShare, *c.share)) ||
				cr.Result != c.want || !strings.Contains(cr.Reason, c.reason) {
				t.Errorf("share %v, aligned_spend %s (%s), want %v %s with %q", pf.AlignedSpendShare, cr.Result, cr.Reason, c.share, c.want, c.reason)
			}
		})
	}
}

// change_incidents counts severity 1–2 incidents attributed to any
// initiative of the register (a Cancelled one too) opened in the report
// period 2026-Q3; 0, not null, when the incidents table has none.
func TestChangeIncidents(t *testing.T) {
	utc := func(s string) time.Time { return dt(s, time.UTC) }
	cancelled := baseInitiative()
	cancelled.ID, cancelled.Status = "INI-009", model.StatusCancelled
	inc := func(id, opened, ini string) model.Incident {
		return model.Incident{ID: id, Severity: 2, Opened: utc(opened), Initiative: ini}
	}
	cases := []struct {
		name      string
		asOf      string
		incidents []model.Incident
		count     int
		want      model.Result
		reason    string
	}{
		{"none", "2026-09-30", nil, 0, model.Pass, "No severity 1–2 incident attributed to an initiative opened in 2026-Q3"},
		{"unattributed only", "2026-09-30", []model.Incident{inc("I1", "2026-08-01 10:00", "")}, 0, model.Pass, "No severity"},
		{"a Cancelled initiative's", "2026-09-30", []model.Incident{inc("I1", "2026-08-01 10:00", "INI-009")}, 1, model.Fail,
			"1 severity 1–2 incident attributed to initiatives opened in 2026-Q3: I1 (INI-009, sev 2, 2026-08-01)"},
		// The report period is the whole quarter that holds as_of.
		{"after as_of in the report period", "2026-08-15", []model.Incident{inc("I1", "2026-09-20 10:00", "INI-001")}, 1, model.Fail, "I1 (INI-001"},
		{"five are named, the rest counted", "2026-09-30", []model.Incident{
			inc("I1", "2026-07-01 10:00", "INI-001"), inc("I2", "2026-07-02 10:00", "INI-001"), inc("I3", "2026-07-03 10:00", "INI-001"),
			inc("I4", "2026-07-04 10:00", "INI-001"), inc("I5", "2026-07-05 10:00", "INI-001"), inc("I6", "2026-07-06 10:00", "INI-001"),
			inc("I7", "2026-07-07 10:00", "INI-009")}, 7, model.Fail,
			"7 severity 1–2 incidents attributed to initiatives opened in 2026-Q3: I1 (INI-001, sev 2, 2026-07-01), I2 (INI-001, sev 2, 2026-07-02), " +
				"I3 (INI-001, sev 2, 2026-07-03), I4 (INI-001, sev 2, 2026-07-04), I5 (INI-001, sev 2, 2026-07-05), and 2 more"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds := baseDataset(baseInitiative(), cancelled)
			ds.Incidents = c.incidents
			o := testOptions()
			o.AsOf = d(c.asOf)
			p := Score(ds, model.DefaultPolicy(), o).Portfolio
			cr := checkOf(t, p.Checks, model.CheckNoInstability)
			if p.ChangeIncidents == nil || *p.ChangeIncidents != c.count || cr.Result != c.want || !strings.Contains(cr.Reason, c.reason) {
				t.Errorf("change incidents %v, no_instability %s (%s), want %d %s with %q", p.ChangeIncidents, cr.Result, cr.Reason, c.count, c.want, c.reason)
			}
			if p.MTTRHours != nil {
				t.Errorf("MTTR %v, want null: no incident is resolved", *p.MTTRHours)
			}
		})
	}
}

// Under a February fiscal year, as_of 2026-09-30 falls in FY2027-Q3
// (2026-08-01 … 2026-10-31): incidents of July are in FY2027-Q2.
func TestReportPeriodFiscal(t *testing.T) {
	utc := func(s string) time.Time { return dt(s, time.UTC) }
	ds := baseDataset(baseInitiative())
	ds.Incidents = []model.Incident{
		{ID: "I1", Severity: 1, Opened: utc("2026-07-31 10:00"), Resolved: utc("2026-07-31 12:00"), Initiative: "INI-001"}, // FY2027-Q2, 2 h
		{ID: "I2", Severity: 2, Opened: utc("2026-08-01 10:00"), Resolved: utc("2026-08-01 16:00"), Initiative: "INI-001"}, // FY2027-Q3, 6 h
		{ID: "I3", Severity: 2, Opened: utc("2026-09-01 10:00"), Resolved: utc("2026-09-01 20:00")},                        // FY2027-Q3, 10 h
	}
	o := testOptions()
	o.FiscalYearStart = 2
	sc := Score(ds, model.DefaultPolicy(), o)
	p := sc.Portfolio
	// change incidents: I2 only; MTTR (6 + 10) / 2 = 8.
	if sc.Period != "FY2027-Q3" || p.ChangeIncidents == nil || *p.ChangeIncidents != 1 || !near(p.MTTRHours, 8) {
		t.Errorf("period %s change incidents %v MTTR %v, want FY2027-Q3, 1, 8", sc.Period, p.ChangeIncidents, p.MTTRHours)
	}
	if c := checkOf(t, p.Checks, model.CheckNoInstability); !strings.Contains(c.Reason, "opened in FY2027-Q3: I2 (INI-001, sev 2, 2026-08-01)") {
		t.Errorf("no_instability reason %q, want I2 in FY2027-Q3", c.Reason)
	}
}
