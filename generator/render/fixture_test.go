package render

import (
	"fmt"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func f64(v float64) *float64 { return &v }
func intp(v int) *int        { return &v }
func timep(t time.Time) *time.Time {
	return &t
}
func status(s model.Status) *model.Status {
	return &s
}

func src(sheet string, row int) model.Source {
	return model.Source{File: "sample-data/register.xlsx", Sheet: sheet, Row: row,
		Columns: map[string]string{"id": "A", "name": "B", "category": "C", "business_unit": "D", "budget": "H", "spend": "I", "go_live": "L", "value": "C"}}
}

// fixture is a small site: four initiatives (aligned, at risk, not aligned,
// cancelled), two metrics with six months of actuals, a peak window, plan
// lines, two incidents and one excluded row.
func fixture() (config.Config, *model.Dataset, *model.Scorecard) {
	cfg := config.Default()
	cfg.Title = "Acme operations & IT"
	ds := &model.Dataset{
		Initiatives: []model.Initiative{
			{ID: "INI-001", Name: "Warehouse scanning", Category: model.Run, BusinessUnit: "Logistics", BusinessOwner: "Ana Ops", ITOwner: "Ben IT",
				Metrics: []string{"M-01"}, Budget: 600000, Spend: f64(550000), PlanLine: "PL-1", Start: day("2026-01-05"), GoLive: day("2026-03-15"),
				Status: model.StatusLive, Risk: model.RiskLow, Source: src("Initiatives", 2)},
			{ID: "INI-002", Name: "Claims triage", Category: model.Improve, BusinessUnit: "Claims", BusinessOwner: "Cara Claims", ITOwner: "Dev IT",
				Metrics: []string{"M-02"}, Budget: 250000, Spend: f64(260000), PlanLine: "PL-2", GoLive: day("2026-11-20"),
				Status: model.StatusInFlight, TrainingPlan: true, AdoptionOwner: "Cara Claims", Source: src("Initiatives", 3)},
			{ID: "INI-003", Name: "AI pricing", Category: model.Transform, BusinessUnit: "Claims", ITOwner: "Dev IT",
				Metrics: []string{"M-02", "M-99"}, Budget: 150000, Spend: f64(140000), GoLive: day("2026-05-01"),
				Status: model.StatusLive, Risk: model.RiskHigh, Rollout: model.RolloutBigBang, Source: src("Initiatives", 4)},
			{ID: "INI-004", Name: "Legacy portal", Category: model.Run, BusinessUnit: "Logistics", BusinessOwner: "Ana Ops", ITOwner: "Ben IT",
				Budget: 50000, Spend: f64(10000), Status: model.StatusCancelled, Source: src("Initiatives", 5)},
		},
		Metrics: []model.Metric{
			{ID: "M-01", Name: "Order cycle time", Kind: "cycle_time", Unit: "hours", Direction: model.Lower, Stated: true, Baseline: 48, Target: 24, Owner: "Ana Ops", BusinessUnit: "Logistics", Source: src("Metrics", 2)},
			{ID: "M-02", Name: "Claims handled per day", Kind: "throughput", Unit: "claims", Direction: model.Higher, Baseline: 120, Target: 160, Owner: "Cara Claims", BusinessUnit: "Claims", Source: src("Metrics", 3)},
		},
		Calendar: []model.Window{
			{Name: "Peak season", Start: day("2026-11-15"), End: day("2026-12-31"), Kind: model.WindowPeak, Source: src("Calendar", 2)},
			{Name: "Year-end freeze", Start: day("2026-12-20"), End: day("2027-01-05"), Kind: model.WindowFreeze, BusinessUnit: "Logistics", Source: src("Calendar", 3)},
		},
		Incidents: []model.Incident{
			{ID: "INC-1", Opened: day("2026-08-02").Add(9 * time.Hour), Resolved: day("2026-08-02").Add(14 * time.Hour), Severity: 1, Initiative: "INI-003", BusinessUnit: "Claims", Service: "Pricing", Source: src("Incidents", 2)},
			{ID: "INC-2", Opened: day("2026-09-10").Add(8 * time.Hour), Severity: 3, BusinessUnit: "Logistics", Service: "WMS", Source: src("Incidents", 3)},
		},
		Present: map[model.Table]bool{model.TableInitiatives: true, model.TableMetrics: true, model.TableActuals: true, model.TableCalendar: true, model.TableIncidents: true},
		Summary: model.Summary{
			Tables: []model.TableSummary{
				{Table: model.TableInitiatives, Sources: []string{"sample-data/register.xlsx:Initiatives"}, Rows: 4, Excluded: 1},
				{Table: model.TableMetrics, Sources: []string{"sample-data/register.xlsx:Metrics"}, Rows: 2},
			},
			Ignored: []string{"sample-data/register.xlsx:Notes"},
			Files:   []string{"sample-data/register.xlsx"},
		},
	}
	for i, v := range []float64{47, 45, 40, 35, 33, 30} {
		p := model.Period{Kind: model.Month, Year: 2026, N: 4 + i}
		ds.Actuals = append(ds.Actuals, model.Observation{Metric: "M-01", Period: p, End: p.End(1), Value: v, Source: src("Actuals", 2+i)})
	}
	for i, v := range []float64{118, 121, 119, 122, 125, 123} {
		p := model.Period{Kind: model.Month, Year: 2026, N: 4 + i}
		ds.Actuals = append(ds.Actuals, model.Observation{Metric: "M-02", Period: p, End: p.End(1), Value: v, Source: src("Actuals", 8+i)})
	}
	issues := []model.Issue{
		{Severity: model.SevError, File: "sample-data/register.xlsx", Sheet: "Initiatives", Row: 6, Column: "H", Field: "budget", Value: "12,5OO", Message: `cannot read "12,5OO" as money`},
		{Severity: model.SevWarning, File: "sample-data/register.xlsx", Sheet: "Initiatives", Row: 4, Column: "E", Field: "business_owner", Value: "", Message: "no business owner"},
		{Severity: model.SevWarning, File: "sample-data/register.xlsx", Sheet: "Metrics", Row: 3, Column: "F", Field: "target", Value: "160 claims", Message: "unit written in the cell; read as 160"},
	}
	ds.Issues = issues

	pass := func(id, reason string) model.CheckResult {
		return model.CheckResult{ID: id, Result: model.Pass, Reason: reason}
	}
	res := func(id string, r model.Result, reason string) model.CheckResult {
		return model.CheckResult{ID: id, Result: r, Reason: reason}
	}
	fixed := func(c model.CheckResult, fix, field string, row int) model.CheckResult {
		c.Fix, c.Cell = fix, model.CellOf(src("Initiatives", row), field)
		return c
	}
	sc := &model.Scorecard{
		Schema: model.SchemaVersion, AsOf: "2026-09-30", Period: "2026-Q3", Currency: "USD",
		Headline: model.Headline{Answer: "no", Reasons: []string{"Aligned spend 58% is below the 60% target", "1 change-caused incident in 2026-Q3"}},
		Portfolio: model.Portfolio{
			BudgetTotal: 1000000, SpendTotal: 960000,
			Split: model.Split{
				Budget: model.Shares{Run: f64(0.6), Improve: f64(0.25), Transform: f64(0.15)},
				Spend:  model.Shares{Run: f64(0.583333), Improve: f64(0.270833), Transform: f64(0.145833)},
				Bands: []model.SplitBand{{Category: model.Run, Band: model.Band{0.55, 0.75}, Within: true},
					{Category: model.Improve, Band: model.Band{0.15, 0.30}, Within: true}, {Category: model.Transform, Band: model.Band{0.05, 0.20}, Within: true}},
			},
			AlignedSpendShare: f64(0.579), MetricsImprovingShare: f64(1), AlignedSpendTarget: 0.6, MetricsImprovingTarget: 0.5,
			CancelledSpend: 10000, CancelledCount: 1, ChangeIncidents: intp(1), MTTRHours: f64(5),
			ChangeIncidentList: []model.ChangeIncident{{ID: "INC-1", Initiative: "INI-003", Severity: 1, Opened: day("2026-08-02").Add(9 * time.Hour),
				Resolved: timep(day("2026-08-02").Add(14 * time.Hour)), Service: "Pricing", Source: src("Incidents", 2)}},
			Verdicts: model.VerdictCounts{Aligned: 1, AtRisk: 1, NotAligned: 1, NotScored: 1},
			Checks: []model.CheckResult{
				pass(model.CheckSplitWithinPolicy, "run 60%, improve 25%, transform 15% are inside their bands"),
				res(model.CheckRunProtected, model.NA, "no plan table"),
				res(model.CheckAlignedSpend, model.Fail, "Aligned spend 58% is below the 60% target"),
				res(model.CheckNoInstability, model.Fail, "1 change-caused incident in 2026-Q3"),
				pass(model.CheckMetricsImproving, "2 of 2 metrics improving"),
			},
			ByUnit: []model.UnitFigures{
				{BusinessUnit: "Claims", Budget: map[model.Category]float64{model.Improve: 250000, model.Transform: 150000}, Spend: map[model.Category]float64{model.Improve: 260000, model.Transform: 140000}, Plan: map[model.Category]float64{model.Improve: 300000}, Verdicts: model.VerdictCounts{AtRisk: 1, NotAligned: 1}},
				{BusinessUnit: "Logistics", Budget: map[model.Category]float64{model.Run: 600000}, Spend: map[model.Category]float64{model.Run: 560000}, Plan: map[model.Category]float64{model.Run: 650000}, Verdicts: model.VerdictCounts{Aligned: 1, NotScored: 1}},
			},
			ByQuarter: []model.QuarterFigures{
				{Period: "2026-Q1", Budget: map[model.Category]float64{model.Run: 600000}},
				{Period: "2026-Q2", Budget: map[model.Category]float64{model.Transform: 150000}},
				{Period: "2026-Q3", Budget: map[model.Category]float64{}, Incidents: 1, ChangeIncidents: 1, MTTRHours: f64(5)},
				{Period: "2026-Q4", Budget: map[model.Category]float64{model.Improve: 250000}},
			},
		},
		Initiatives: []model.InitiativeResult{
			{ID: "INI-001", Name: "Warehouse scanning", Category: model.Run, BusinessUnit: "Logistics", Status: status(model.StatusLive), Budget: 600000, Spend: f64(550000), Score: intp(100), Verdict: model.Aligned,
				Checks: []model.CheckResult{pass(model.CheckOutcomeLinked, "linked to M-01"), pass(model.CheckBusinessOwned, "owned by Ana Ops"), pass(model.CheckImpactRealized, "M-01 progress 75% since go-live")}, Source: src("Initiatives", 2)},
			{ID: "INI-002", Name: "Claims triage", Category: model.Improve, BusinessUnit: "Claims", Status: status(model.StatusInFlight), Budget: 250000, Spend: f64(260000), Score: intp(75), Verdict: model.AtRisk,
				Checks: []model.CheckResult{pass(model.CheckOutcomeLinked, "linked to M-02"), pass(model.CheckBusinessOwned, "owned by Cara Claims"), fixed(res(model.CheckPeakClear, model.Fail, "go-live 2026-11-20 falls in Peak season (2026-11-15 – 2026-12-31)"),
					"move go-live 2026-11-20 out of Peak season: to 2026-11-14 or earlier, or 2027-01-01 or later", "go_live", 3), pass(model.CheckChangeManaged, "training plan and adoption owner")}, Source: src("Initiatives", 3),
				Explanation: &model.Explanation{Because: "Sequencing around critical periods fails (score 75) and score 75 < 80; aligned needs no failing check and score ≥ 80",
					ToAlign: []string{model.CheckPeakClear}, Blank: []string{}}},
			{ID: "INI-003", Name: "AI pricing", Category: model.Transform, BusinessUnit: "Claims", Status: status(model.StatusLive), Budget: 150000, Spend: f64(140000), Score: intp(25), Verdict: model.NotAligned,
				Checks: []model.CheckResult{pass(model.CheckOutcomeLinked, "linked to M-02"), fixed(res(model.CheckBusinessOwned, model.Fail, "no business owner"), "name a business owner", "business_owner", 4), res(model.CheckStableInOperation, model.Fail, "severity 1 incident INC-1 opened 2026-08-02")}, Source: src("Initiatives", 4),
				Explanation: &model.Explanation{Because: "Reliability over novelty fails, and a failing Operational outcomes, Measured by operational impact or Reliability over novelty check makes an initiative not aligned whatever its score",
					ToAlign: []string{model.CheckBusinessOwned, model.CheckStableInOperation}, Blank: []string{"status"}}},
			{ID: "INI-004", Name: "Legacy portal", Category: model.Run, BusinessUnit: "Logistics", Status: status(model.StatusCancelled), Budget: 50000, Spend: f64(10000), Verdict: model.NotScored, Source: src("Initiatives", 5),
				Explanation: &model.Explanation{Because: "status Cancelled: a cancelled initiative is listed but not scored", ToAlign: []string{}, Blank: []string{}}},
		},
		Metrics: []model.MetricResult{
			{ID: "M-01", Name: "Order cycle time", Kind: "cycle_time", Unit: "hours", Direction: model.Lower, Baseline: 48, Target: 24, Latest: f64(30), LatestPeriod: "2026-09", Progress: f64(0.75), Initiatives: []string{"INI-001"}, Source: src("Metrics", 2)},
			{ID: "M-02", Name: "Claims handled per day", Kind: "throughput", Unit: "claims", Direction: model.Higher, Baseline: 120, Target: 160, Latest: f64(123), LatestPeriod: "2026-09", Progress: f64(0.075), Initiatives: []string{"INI-002", "INI-003"}, Source: src("Metrics", 3)},
		},
		Issues: issues,
		IssueEffects: []model.IssueEffect{
			{Issue: 0, Fix: "correct the value in sample-data/register.xlsx:Initiatives!H6"},
			{Issue: 1, Initiative: "INI-003", Figure: "Business ownership", Fix: "check the value in sample-data/register.xlsx:Initiatives!E4"},
			{Issue: 2, Metric: "M-02", Figure: "the metric's baseline, target and progress, and the checks of initiatives that claim it", Fix: "check the value in sample-data/register.xlsx:Metrics!F3"},
		},
		VerdictRule: model.VerdictRule{AlignedMinScore: 80, NotAlignedBelow: 50, Blocking: model.BlockingChecks,
			Lines: []string{"Aligned: no check fails and score ≥ 80", "Not aligned: score < 50"}},
		Calendar: model.Calendar{
			Windows: []model.CalendarWindow{
				{Name: "Peak season", Kind: model.WindowPeak, Start: model.DateOf(day("2026-11-15")), End: model.DateOf(day("2026-12-31")), Source: src("Calendar", 2)},
				{Name: "Year-end freeze", Kind: model.WindowFreeze, BusinessUnit: "Logistics", UnitKey: "logistics",
					Start: model.DateOf(day("2026-12-20")), End: model.DateOf(day("2027-01-05")), Source: src("Calendar", 3)},
			},
			Collisions: []model.Collision{{Initiative: "INI-002", GoLive: model.DateOf(day("2026-11-20")), Category: model.Improve, Window: 0}},
			UnitKeys:   map[string]string{"Claims": "claims", "Logistics": "logistics"},
		},
	}
	return cfg, ds, sc
}

// bigFixture is a portfolio of n initiatives over 50 metrics with 12
// months of actuals each, for benchmarks.
func bigFixture(n int) (config.Config, *model.Dataset, *model.Scorecard) {
	cfg, ds, sc := fixture()
	ds.Initiatives, sc.Initiatives = nil, nil
	ds.Metrics, sc.Metrics, ds.Actuals = nil, nil, nil
	units := []string{"Claims", "Logistics", "Finance", "Retail", "HR"}
	for m := range 50 {
		id := fmt.Sprintf("M-%02d", m)
		ds.Metrics = append(ds.Metrics, model.Metric{ID: id, Name: "Metric " + id, Direction: model.Higher, Baseline: 100, Target: 150, Source: src("Metrics", m+2)})
		sc.Metrics = append(sc.Metrics, model.MetricResult{ID: id, Name: "Metric " + id, Direction: model.Higher, Baseline: 100, Target: 150, Latest: f64(120), LatestPeriod: "2026-09", Progress: f64(0.4)})
		for mo := 1; mo <= 12; mo++ {
			p := model.Period{Kind: model.Month, Year: 2026, N: mo}
			ds.Actuals = append(ds.Actuals, model.Observation{Metric: id, Period: p, End: p.End(1), Value: float64(100 + mo*3 + m%7), Source: src("Actuals", mo+1)})
		}
	}
	for i := range n {
		id := fmt.Sprintf("INI-%04d", i)
		mets := []string{fmt.Sprintf("M-%02d", i%50), fmt.Sprintf("M-%02d", (i*7+3)%50)}
		cat := model.Categories[i%3]
		ds.Initiatives = append(ds.Initiatives, model.Initiative{ID: id, Name: "Initiative " + id, Category: cat, BusinessUnit: units[i%5], BusinessOwner: "Owner", ITOwner: "IT",
			Metrics: mets, Budget: float64(10000 + i*100), GoLive: day("2026-01-01").AddDate(0, 0, i%365), Status: model.StatusLive, Source: src("Initiatives", i+2)})
		var checks []model.CheckResult
		for _, c := range model.Checks {
			checks = append(checks, model.CheckResult{ID: c.ID, Principle: c.Principle, Result: []model.Result{model.Pass, model.Warn, model.Fail, model.NA}[(i+c.Principle)%4], Reason: "reason for " + c.ID})
		}
		sc.Initiatives = append(sc.Initiatives, model.InitiativeResult{ID: id, Name: "Initiative " + id, Category: cat, BusinessUnit: units[i%5], Budget: float64(10000 + i*100),
			Score: intp(i % 101), Verdict: model.Verdicts[i%4], Checks: checks, Source: src("Initiatives", i+2)})
		sc.Metrics[i%50].Initiatives = append(sc.Metrics[i%50].Initiatives, id)
	}
	return cfg, ds, sc
}
