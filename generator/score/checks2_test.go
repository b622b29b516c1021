package score

import (
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

func TestPlanFunded(t *testing.T) {
	runCases(t, model.CheckPlanFunded, []checkCase{
		{"line found, within budget", nil, model.Pass, "plan line PL-1; spend USD 900 within budget USD 1,000 + 10%"},
		{"no plan table", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			delete(ds.Present, model.TablePlan)
		}, model.NA, "no operating plan table"},
		{"no plan line", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.PlanLine = " "
		}, model.Fail, "no plan line given"},
		{"unknown plan line", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.PlanLine = "PL-9"
		}, model.Fail, "plan line PL-9 is not in the operating plan"},
		{"unknown plan line outranks overspend", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.PlanLine, in.Spend = "PL-9", f(5000)
		}, model.Fail, "PL-9"},
		{"plan line case-folded", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.PlanLine = "pl-1"
		}, model.Pass, "plan line pl-1"},
		// 1000 × 1.1 is 1100.0000000000002 in float64; 1100 is not above it by hand.
		{"spend exactly at budget + 10%", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Spend = f(1100)
		}, model.Pass, "spend USD 1,100 within"},
		{"spend a cent above", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Spend = f(1100.01)
		}, model.Warn, "spend USD 1,100.01 exceeds budget USD 1,000 by more than 10% (limit USD 1,100)"},
		{"policy tolerance", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			in.Spend, p.BudgetTolerance = f(1060), 0.05
		}, model.Warn, "by more than 5% (limit USD 1,050)"},
		{"no spend reported anywhere: budget stands in", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Spend = nil
		}, model.Pass, "spend USD 1,000 within budget USD 1,000"},
		// Another initiative reports spend, this one does not: its spend counts 0.
		{"no spend while others report one", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			other := baseInitiative()
			other.ID, other.Spend = "INI-002", f(5000)
			in.Spend = nil
			ds.Initiatives = []model.Initiative{other}
		}, model.Pass, "spend USD 0 within budget USD 1,000"},
		// Budget 0: any spend is above 0 × 1.1.
		{"spend on a zero budget", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Budget, in.Spend = 0, f(1)
		}, model.Warn, "spend USD 1 exceeds budget USD 0"},
		// A Run initiative on a plan line is judged the same way.
		{"run category", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Category, in.Spend = model.Run, f(2000)
		}, model.Warn, "spend USD 2,000 exceeds budget USD 1,000 by more than 10% (limit USD 1,100)"},
	})
}

// window returns a calendar window.
func window(name, from, to string, k model.WindowKind, unit string) model.Window {
	return model.Window{Name: name, Start: d(from), End: d(to), Kind: k, BusinessUnit: unit}
}

func TestPeakClear(t *testing.T) {
	cal := func(ws ...model.Window) func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
		return func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) { ds.Calendar = ws }
	}
	runCases(t, model.CheckPeakClear, []checkCase{
		{"empty calendar", nil, model.Pass, "go-live 2026-01-15 falls outside every peak and freeze window"},
		{"no calendar table", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			delete(ds.Present, model.TableCalendar)
		}, model.NA, "no calendar table"},
		{"no go-live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.GoLive = time.Time{}
		}, model.NA, "no go-live date"},
		{"go-live on a window's first day", cal(window("Peak season", "2026-01-15", "2026-01-31", model.WindowPeak, "")),
			model.Fail, "go-live 2026-01-15 falls in Peak season (2026-01-15 – 2026-01-31); category improve"},
		{"go-live on a window's last day", cal(window("Year-end freeze", "2025-12-20", "2026-01-15", model.WindowFreeze, "")),
			model.Fail, "falls in Year-end freeze (2025-12-20 – 2026-01-15)"},
		{"the day after a window", cal(window("Freeze", "2025-12-20", "2026-01-14", model.WindowFreeze, "")),
			model.Pass, "outside"},
		{"the day before a window", cal(window("Peak", "2026-01-16", "2026-01-31", model.WindowPeak, "")),
			model.Pass, "outside"},
		{"close windows do not block", cal(window("Quarter close", "2026-01-01", "2026-01-31", model.WindowClose, "")),
			model.Pass, "outside"},
		{"another unit's window", cal(window("Plant peak", "2026-01-01", "2026-01-31", model.WindowPeak, "Plant B")),
			model.Pass, "outside"},
		{"own unit's window, case-folded", cal(window("Stores peak", "2026-01-01", "2026-01-31", model.WindowPeak, " STORES")),
			model.Fail, "Stores peak"},
		{"All applies to every unit", cal(window("Group freeze", "2026-01-01", "2026-01-31", model.WindowFreeze, "All")),
			model.Fail, "Group freeze"},
		{"the earliest colliding window is named", cal(
			window("B later", "2026-01-10", "2026-01-31", model.WindowPeak, "Stores"),
			window("A earlier", "2026-01-01", "2026-01-20", model.WindowFreeze, "")),
			model.Fail, "A earlier"},
		{"run category warns", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Category = model.Run
			ds.Calendar = []model.Window{window("Peak", "2026-01-01", "2026-01-31", model.WindowPeak, "")}
		}, model.Warn, "category run"},
		{"transform category fails", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Category = model.Transform
			ds.Calendar = []model.Window{window("Peak", "2026-01-01", "2026-01-31", model.WindowPeak, "")}
		}, model.Fail, "category transform"},
		{"no unit: unit windows do not apply", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.BusinessUnit = ""
			ds.Calendar = []model.Window{window("Stores peak", "2026-01-01", "2026-01-31", model.WindowPeak, "Stores")}
		}, model.Pass, "outside"},
		{"no unit: every-unit windows apply", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.BusinessUnit = ""
			ds.Calendar = []model.Window{window("Freeze", "2026-01-01", "2026-01-31", model.WindowFreeze, "")}
		}, model.Fail, "Freeze"},
	})
}

// M-01: baseline 100, target 80. Its September 2026 value v gives progress
// (v − 100) / (80 − 100): 90 → 0.5, 95 → 0.25, 96 → 0.2, 100 → 0, 105 → −0.25.
func TestImpactRealized(t *testing.T) {
	sep := func(v float64) func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
		return func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			setActual(ds, "M-01", "2026-09", v)
		}
	}
	runCases(t, model.CheckImpactRealized, []checkCase{
		{"progress 0.5", nil, model.Pass, "M-01 at 90 in 2026-09: progress 50% from baseline 100 to target 80, at least 25%"},
		{"not live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status = model.StatusInFlight
		}, model.NA, "not live"},
		{"closed is live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status = model.StatusClosed
		}, model.Pass, "progress 50%"},
		{"no status, go-live before as_of: live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status = model.StatusNone
		}, model.Pass, "progress 50%"},
		{"no status, go-live after as_of: not live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status, in.GoLive = model.StatusNone, d("2026-10-01")
		}, model.NA, "not live"},
		{"live without go-live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.GoLive = time.Time{}
		}, model.NA, "no go-live date"},
		// 2026-07-02 + 90 days = 2026-09-30 = as_of: applies.
		{"exactly 90 days after go-live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.GoLive = d("2026-07-02")
		}, model.Pass, "progress 50%"},
		{"89 days after go-live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.GoLive = d("2026-07-03")
		}, model.NA, "go-live 2026-07-03 plus 90 days is after as_of 2026-09-30"},
		{"policy grace", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			in.GoLive, p.ImpactGraceDays = d("2026-07-03"), 89
		}, model.Pass, "progress 50%"},
		{"progress exactly 0.25", sep(95), model.Pass, "progress 25%"},
		{"progress 0.2", sep(96), model.Warn, "progress 20% from baseline 100 to target 80, below 25%"},
		{"progress 0", sep(100), model.Fail, "no progress since go-live 2026-01-15"},
		{"worse than baseline", sep(105), model.Fail, "progress -25%"},
		{"no actual after go-live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.GoLive = d("2026-02-15")
			keepActualsUntil(ds, "2026-01")
		}, model.Fail, "no linked metric has an observation after go-live 2026-02-15"},
		{"period ending on the go-live day is not after it", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.GoLive = d("2026-01-31")
			keepActualsUntil(ds, "2026-01")
		}, model.Fail, "no linked metric has an observation after go-live 2026-01-31"},
		{"actuals after as_of are not the latest at as_of", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			setActual(ds, "M-01", "2026-09", 100)
			setActual(ds, "M-01", "2026-10", 80)
		}, model.Fail, "M-01 at 100 in 2026-09"},
		// Stated "higher" contradicts 100 → 80; progress is direction-free.
		{"direction contradicting baseline to target", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			ds.Metrics[0].Direction, ds.Metrics[0].Stated = model.Higher, true
		}, model.Pass, "progress 50%"},
		// M-01 at 100 (0), M-02: (53 − 50) / (60 − 50) = 0.3.
		{"best linked metric counts", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = []string{"M-01", "M-02"}
			setActual(ds, "M-01", "2026-09", 100)
			setActual(ds, "M-02", "2026-08", 53)
		}, model.Pass, "M-02 at 53 in 2026-08: progress 30%"},
		{"a metric without actuals after go-live is skipped", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = []string{"M-02", "M-01"}
			setActual(ds, "M-02", "2025-12", 60)
		}, model.Pass, "M-01 at 90"},
		{"a quarter's actual", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = []string{"M-02"}
			q := model.Period{Kind: model.Quarter, Year: 2026, N: 2}
			ds.Actuals = append(ds.Actuals, model.Observation{Metric: "M-02", Period: q, End: q.End(1), Value: 52})
		}, model.Warn, "M-02 at 52 in 2026-Q2: progress 20%"},
		// Progress 0.5 is below a policy minimum of 0.6: warn.
		{"policy minimum progress", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			p.MinProgress = 0.6
		}, model.Warn, "progress 50% from baseline 100 to target 80, below 60%"},
		// 99.9: (99.9 − 100) / (80 − 100) = 0.005 > 0, below 0.25: warn.
		{"small progress above 0", sep(99.9), model.Warn, "progress 0.5%"},
		// Beyond the target: (70 − 100) / (80 − 100) = 1.5.
		{"beyond the target", sep(70), model.Pass, "progress 150%"},
		// A higher-is-better metric: (55 − 50) / (60 − 50) = 0.5.
		{"higher is better", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = []string{"M-02"}
			setActual(ds, "M-02", "2026-09", 55)
		}, model.Pass, "M-02 at 55 in 2026-09: progress 50% from baseline 50 to target 60"},
		// The latest value at as_of (2026-09, back at 100) decides, not the
		// best value after go-live (2026-08 at 80).
		{"the latest value decides, not the best", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			setActual(ds, "M-01", "2026-08", 80)
			setActual(ds, "M-01", "2026-09", 100)
		}, model.Fail, "M-01 at 100 in 2026-09: progress 0%"},
		// Live by status with go-live after as_of: go-live + 90 > as_of, n/a.
		{"live status, go-live after as_of", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.GoLive = d("2026-10-15")
		}, model.NA, "go-live 2026-10-15 plus 90 days is after as_of 2026-09-30"},
		// On Hold with a past go-live is not live.
		{"on hold is not live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status = model.StatusOnHold
		}, model.NA, "not live"},
		{"no linked metric", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = nil
		}, model.Fail, "no linked metric has an observation after go-live 2026-01-15"},
	})
}

func TestChangeManaged(t *testing.T) {
	runCases(t, model.CheckChangeManaged, []checkCase{
		{"adoption above target", nil, model.Pass, "training plan and adoption owner Cy Dee; adoption 80%, at least 70%"},
		{"run is not judged", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Category = model.Run
		}, model.NA, "category run"},
		{"proposed is not judged", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status = model.StatusProposed
		}, model.NA, "still proposed"},
		{"no training plan", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.TrainingPlan = false
		}, model.Fail, "no training plan"},
		{"no adoption owner", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.AdoptionOwner = " "
		}, model.Fail, "no adoption owner"},
		{"High risk Big Bang", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk, in.Rollout = model.RiskHigh, model.RolloutBigBang
		}, model.Fail, "High risk with a Big Bang rollout"},
		{"High risk phased", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk = model.RiskHigh
		}, model.Pass, "adoption 80%"},
		{"Medium risk Big Bang", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk, in.Rollout = model.RiskMedium, model.RolloutBigBang
		}, model.Pass, "adoption 80%"},
		{"adoption exactly at target", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Adoption = f(0.7)
		}, model.Pass, "adoption 70%, at least 70%"},
		{"adoption below target", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Adoption = f(0.69)
		}, model.Warn, "adoption 69% is below the 70% target"},
		{"adoption not reported", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Adoption = nil
		}, model.Warn, "adoption not reported"},
		{"within the grace period adoption is not judged", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Adoption, in.GoLive = nil, d("2026-07-03")
		}, model.Pass, "training plan and adoption owner Cy Dee"},
		{"in flight adoption is not judged", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Adoption, in.Status = nil, model.StatusInFlight
		}, model.Pass, "training plan"},
		{"no status, past grace", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Adoption, in.Status = f(0.5), model.StatusNone
		}, model.Warn, "adoption 50%"},
		{"transform is judged", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Category, in.TrainingPlan = model.Transform, false
		}, model.Fail, "no training plan"},
		// Every gap is named.
		{"all gaps", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.TrainingPlan, in.AdoptionOwner, in.Risk, in.Rollout = false, "", model.RiskHigh, model.RolloutBigBang
		}, model.Fail, "no training plan; no adoption owner; High risk with a Big Bang rollout"},
		// Fail outranks the adoption warning.
		{"a gap outranks low adoption", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.TrainingPlan, in.Adoption = false, f(0.1)
		}, model.Fail, "no training plan"},
		{"approved is judged", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status, in.AdoptionOwner = model.StatusApproved, ""
		}, model.Fail, "no adoption owner"},
		{"no status, not yet live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status, in.GoLive, in.Adoption = model.StatusNone, d("2026-12-01"), nil
		}, model.Pass, "training plan and adoption owner Cy Dee"},
		// 0.8 is below a policy target of 0.85.
		{"policy adoption target", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			p.AdoptionTarget = 0.85
		}, model.Warn, "adoption 80% is below the 85% target"},
		// 2026-07-02 + 90 days = as_of: past the grace period, adoption judged.
		{"exactly at the end of the grace period", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.GoLive, in.Adoption = d("2026-07-02"), f(0.5)
		}, model.Warn, "adoption 50% is below the 70% target"},
	})
}

func TestStableInOperation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	inc := func(id string, sev int, opened time.Time, ini string) model.Incident {
		return model.Incident{ID: id, Severity: sev, Opened: opened, Initiative: ini}
	}
	incs := func(is ...model.Incident) func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
		return func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) { ds.Incidents = is }
	}
	runCases(t, model.CheckStableInOperation, []checkCase{
		{"no incidents", nil, model.Pass, "no severity 1–2 incident attributed to it in the trailing window (2026-04-02 – 2026-09-30)"},
		{"not live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status = model.StatusOnHold
		}, model.NA, "not live"},
		{"no incidents table", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			delete(ds.Present, model.TableIncidents)
		}, model.NA, "no incidents table"},
		{"sev 2 on the window's first day", incs(inc("INC1", 2, dt("2026-04-02 00:30", time.UTC), "INI-001")),
			model.Fail, "1 severity 1–2 incident attributed to it opened in the trailing window (2026-04-02 – 2026-09-30): INC1 (sev 2, 2026-04-02)"},
		{"sev 1 on as_of", incs(inc("INC1", 1, dt("2026-09-30 23:59", time.UTC), "INI-001")),
			model.Fail, "INC1 (sev 1, 2026-09-30)"},
		// The reader warns that ini-001 is not an initiative: not attributed.
		{"an id differing in case only", incs(inc("INC1", 1, dt("2026-09-30 23:59", time.UTC), "ini-001")),
			model.Pass, "no severity 1–2"},
		{"the day before the window", incs(inc("INC1", 1, dt("2026-04-01 23:59", time.UTC), "INI-001")),
			model.Pass, "no severity 1–2"},
		{"after as_of", incs(inc("INC1", 1, dt("2026-10-01 00:00", time.UTC), "INI-001")),
			model.Pass, "no severity 1–2"},
		{"sev 3 does not count", incs(inc("INC1", 3, dt("2026-06-01 00:00", time.UTC), "INI-001")),
			model.Pass, "no severity 1–2"},
		{"another initiative's incident", incs(inc("INC1", 1, dt("2026-06-01 00:00", time.UTC), "INI-002")),
			model.Pass, "no severity 1–2"},
		// 2026-04-01 22:00 in New York is 2026-04-02 02:00 UTC: by its local date it is outside.
		{"date in the site time zone", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, o *Options) {
			o.Location = ny
			ds.Incidents = []model.Incident{inc("INC1", 1, dt("2026-04-01 22:00", ny).UTC(), "INI-001")}
		}, model.Pass, "no severity 1–2"},
		{"High risk without DR test", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk = model.RiskHigh
		}, model.Warn, "High risk and no DR test recorded"},
		{"High risk, DR test exactly 365 days before", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk, in.DRTested = model.RiskHigh, d("2025-09-30")
		}, model.Pass, "High risk with DR test 2025-09-30, within 365 days"},
		{"High risk, DR test 366 days before", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk, in.DRTested = model.RiskHigh, d("2025-09-29")
		}, model.Warn, "the last DR test 2025-09-29 is more than 365 days before as_of 2026-09-30"},
		{"High risk, DR test after as_of", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk, in.DRTested = model.RiskHigh, d("2026-10-02")
		}, model.Pass, "High risk with DR test 2026-10-02"},
		{"an incident outranks the DR warning", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk = model.RiskHigh
			ds.Incidents = []model.Incident{inc("INC1", 2, dt("2026-06-01 10:00", time.UTC), "INI-001")}
		}, model.Fail, "INC1"},
		// 2026-09-30 − 30 days = 2026-08-31: a test on 2026-08-30 is too old.
		{"policy DR age", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			in.Risk, in.DRTested, p.DRMaxAgeDays = model.RiskHigh, d("2026-08-30"), 30
		}, model.Warn, "the last DR test 2026-08-30 is more than 30 days before as_of 2026-09-30"},
		{"policy DR age, on the bound", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			in.Risk, in.DRTested, p.DRMaxAgeDays = model.RiskHigh, d("2026-08-31"), 30
		}, model.Pass, "within 30 days"},
		{"Medium risk needs no DR test", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Risk = model.RiskMedium
		}, model.Pass, "no severity 1–2"},
		// Opened before the window counts by its opening date, even if resolved in it.
		{"opened before the window, resolved in it", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			i := inc("INC1", 1, dt("2026-03-30 10:00", time.UTC), "INI-001")
			i.Resolved = dt("2026-04-10 10:00", time.UTC)
			ds.Incidents = []model.Incident{i}
		}, model.Pass, "no severity 1–2"},
		{"two incidents are named", incs(inc("INC1", 1, dt("2026-05-01 10:00", time.UTC), "INI-001"),
			inc("INC2", 2, dt("2026-06-01 10:00", time.UTC), "INI-001")),
			model.Fail, "2 severity 1–2 incidents attributed to it opened in the trailing window (2026-04-02 – 2026-09-30): INC1 (sev 1, 2026-05-01), INC2 (sev 2, 2026-06-01)"},
		{"closed is live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status = model.StatusClosed
			ds.Incidents = []model.Incident{inc("INC1", 1, dt("2026-05-01 10:00", time.UTC), "INI-001")}
		}, model.Fail, "INC1"},
		{"no status, go-live after as_of: not live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status, in.GoLive = model.StatusNone, d("2026-10-01")
		}, model.NA, "not live"},
		// No status, go-live on as_of: live (go-live ≤ as_of), though not past grace.
		{"no status, go-live on as_of: live", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Status, in.GoLive = model.StatusNone, d("2026-09-30")
			ds.Incidents = []model.Incident{inc("INC1", 2, dt("2026-09-30 10:00", time.UTC), "INI-001")}
		}, model.Fail, "INC1 (sev 2, 2026-09-30)"},
	})
}
