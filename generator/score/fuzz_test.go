package score

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// fuzzDataset builds a small dataset from fuzz bytes: every byte picks a
// field value from a short list, so that ids collide, dates land on window
// bounds and values repeat, which is where the edges are.
func fuzzDataset(data []byte) *model.Dataset {
	i := 0
	next := func(n int) int {
		if i >= len(data) || n <= 0 {
			return 0
		}
		i++
		return int(data[i-1]) % n
	}
	ids := []string{"A", "a", "B", " b ", "C"}
	units := []string{"", "Stores", "stores", "All", "Plant B"}
	day0 := d("2026-01-01")
	date := func() time.Time {
		if next(5) == 0 {
			return time.Time{}
		}
		return day0.AddDate(0, 0, next(300)-30)
	}
	money := []float64{0, 100, 250, 1000, 1100}
	ds := &model.Dataset{Present: map[model.Table]bool{}}
	for _, t := range model.Tables {
		ds.Present[t] = next(4) != 0
	}
	for range next(4) {
		ds.Metrics = append(ds.Metrics, model.Metric{ID: ids[next(len(ids))], Baseline: float64(next(5)), Target: float64(5 + next(5))})
	}
	for range next(30) {
		p := model.Period{Kind: model.Month, Year: 2025 + next(2), N: 1 + next(12)}
		ds.Actuals = append(ds.Actuals, model.Observation{Metric: ids[next(len(ids))], Period: p, End: p.End(1), Value: float64(next(12))})
	}
	for range next(6) {
		in := model.Initiative{ID: ids[next(len(ids))], Category: model.Categories[next(3)], BusinessUnit: units[next(len(units))],
			BusinessOwner: ids[next(len(ids))], ITOwner: ids[next(len(ids))], Metrics: []string{ids[next(len(ids))]},
			Budget: money[next(len(money))], PlanLine: ids[next(len(ids))], Start: date(), GoLive: date(),
			Automation: next(2) == 0, ProcessStandardized: next(2) == 0, TrainingPlan: next(2) == 0,
			AdoptionOwner: ids[next(len(ids))], Risk: model.Risks[next(3)], Rollout: model.Rollouts[next(3)], DRTested: date()}
		if next(3) > 0 {
			in.Status = model.Statuses[next(len(model.Statuses))]
		}
		if next(2) == 0 {
			s := money[next(len(money))]
			in.Spend = &s
		}
		if next(2) == 0 {
			a := float64(next(11)) / 10
			in.Adoption = &a
		}
		ds.Initiatives = append(ds.Initiatives, in)
	}
	for range next(4) {
		ds.Calendar = append(ds.Calendar, model.Window{Name: "w", Start: day0.AddDate(0, 0, next(200)), End: day0.AddDate(0, 0, 200+next(50)),
			Kind: model.WindowKinds[next(3)], BusinessUnit: units[next(len(units))]})
	}
	for range next(4) {
		ds.Plan = append(ds.Plan, model.PlanLine{ID: ids[next(len(ids))], Category: model.Categories[next(3)],
			Period: model.Period{Kind: model.Year, Year: 2025 + next(3)}, Amount: money[next(len(money))]})
	}
	for range next(8) {
		o := day0.Add(time.Duration(next(250)) * 24 * time.Hour)
		in := model.Incident{ID: "I", Opened: o, Severity: 1 + next(4), Initiative: ids[next(len(ids))]}
		if next(2) == 0 {
			in.Resolved = o.Add(time.Duration(next(100)) * time.Hour)
		}
		ds.Incidents = append(ds.Incidents, in)
	}
	for range next(8) {
		ds.Reviews = append(ds.Reviews, model.Review{Date: date(), BusinessUnit: units[next(len(units))], ITAttended: next(2) == 0})
	}
	return ds
}

// FuzzScore checks the invariants of any scorecard: it never panics,
// marshals to JSON (no NaN or Inf), lists nine checks per scored
// initiative, keeps scores in 0–100 and splits summing to 1, and never
// calls an initiative aligned with a failing check.
func FuzzScore(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("the quick brown fox jumps over the lazy dog 0123456789"))
	f.Add([]byte{1, 1, 1, 1, 1, 1, 1, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Fuzz(func(t *testing.T, data []byte) {
		ds := fuzzDataset(data)
		sc := Score(ds, model.DefaultPolicy(), Options{AsOf: d("2026-09-30"), FiscalYearStart: 1 + len(data)%12})
		if _, err := json.Marshal(sc); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if len(sc.Initiatives) != len(ds.Initiatives) || sc.Issues == nil {
			t.Fatalf("%d initiatives, want %d; issues %v", len(sc.Initiatives), len(ds.Initiatives), sc.Issues)
		}
		for _, r := range sc.Initiatives {
			if r.Verdict == model.NotScored {
				continue
			}
			if len(r.Checks) != len(model.Checks) || r.Score == nil || *r.Score < 0 || *r.Score > 100 {
				t.Fatalf("%s: %d checks, score %v", r.ID, len(r.Checks), r.Score)
			}
			for _, c := range r.Checks {
				if c.Result == model.Fail && r.Verdict == model.Aligned {
					t.Fatalf("%s aligned with %s failing", r.ID, c.ID)
				}
			}
		}
		for _, s := range []model.Shares{sc.Portfolio.Split.Budget, sc.Portfolio.Split.Spend} {
			if s.Run != nil && math.Abs(*s.Run+*s.Improve+*s.Transform-1) > 1e-9 {
				t.Fatalf("split %v %v %v does not sum to 1", *s.Run, *s.Improve, *s.Transform)
			}
		}
		if len(sc.Portfolio.Checks) != len(model.PortfolioChecks) {
			t.Fatalf("%d portfolio checks", len(sc.Portfolio.Checks))
		}
	})
}
