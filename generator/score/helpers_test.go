package score

import (
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// d parses a test date.
func d(s string) time.Time {
	t, err := time.Parse(dateFormat, s)
	if err != nil {
		panic(err)
	}
	return t
}

// dt parses a test date-time in loc.
func dt(s string, loc *time.Location) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		panic(err)
	}
	return t
}

func f(v float64) *float64 { return &v }

// month returns the observation of metric m for calendar month ym ("2026-03").
func month(m, ym string, v float64) model.Observation {
	t := d(ym + "-01")
	p := model.Period{Kind: model.Month, Year: t.Year(), N: int(t.Month())}
	return model.Observation{Metric: m, Period: p, End: p.End(1), Value: v}
}

// all marks every table present.
func all() map[model.Table]bool {
	m := map[model.Table]bool{}
	for _, t := range model.Tables {
		m[t] = true
	}
	return m
}

// testOptions are the options of most tests: as_of 2026-09-30, calendar year, UTC.
var testAsOf = d("2026-09-30")

func testOptions() Options {
	return Options{AsOf: testAsOf, FiscalYearStart: 1, Currency: "USD"}
}

// baseInitiative is a live improve initiative that passes every check
// against baseDataset.
func baseInitiative() model.Initiative {
	return model.Initiative{
		ID: "INI-001", Name: "Base", Category: model.Improve, BusinessUnit: "Stores",
		BusinessOwner: "Ann Lee", ITOwner: "Bo Chen", Metrics: []string{"M-01"},
		Budget: 1000, Spend: f(900), PlanLine: "PL-1",
		Start: d("2025-06-01"), GoLive: d("2026-01-15"), Status: model.StatusLive,
		Rollout: model.RolloutPhased, Automation: true, ProcessStandardized: true, TrainingPlan: true, AdoptionOwner: "Cy Dee",
		Adoption: f(0.8), Risk: model.RiskLow,
	}
}

// baseDataset holds metric M-01 (baseline 100 → target 80, lower is
// better) with a monthly actual for 2025-01 … 2026-09 moving from 100 to 90
// in September 2026, one plan line PL-1, and four Stores reviews in the
// trailing window, all attended.
func baseDataset(ins ...model.Initiative) *model.Dataset {
	ds := &model.Dataset{
		Initiatives: ins,
		Metrics: []model.Metric{{ID: "M-01", Name: "Cycle time", Direction: model.Lower, Baseline: 100, Target: 80},
			{ID: "M-02", Name: "Throughput", Direction: model.Higher, Baseline: 50, Target: 60}},
		Plan: []model.PlanLine{{ID: "PL-1", BusinessUnit: "Stores", Category: model.Improve,
			Period: model.Period{Kind: model.Year, Year: 2026}, Amount: 5000}},
		Reviews: []model.Review{
			{Date: d("2026-04-10"), BusinessUnit: "Stores", ITAttended: true},
			{Date: d("2026-06-10"), BusinessUnit: "Stores", ITAttended: true},
			{Date: d("2026-08-10"), BusinessUnit: "Stores", ITAttended: true},
			{Date: d("2026-09-10"), BusinessUnit: "stores ", ITAttended: true},
		},
		Present: all(),
	}
	for y := 2025; y <= 2026; y++ {
		for m := 1; m <= 12; m++ {
			if y == 2026 && m > 9 {
				break
			}
			t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			ds.Actuals = append(ds.Actuals, month("M-01", t.Format("2006-01"), 100))
		}
	}
	ds.Actuals[len(ds.Actuals)-1].Value = 90
	return ds
}

// run computes one check for the first initiative of ds.
func run(t *testing.T, ds *model.Dataset, p model.Policy, o Options, id string) (model.Result, string) {
	t.Helper()
	x := newIndex(ds, p, o, AsOf(ds, o))
	return checkFor(id)(x, &x.subjects[0])
}
