package score

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// benchDataset generates a large portfolio: 10k initiatives over 20 units,
// 200 metrics with 36 months of actuals, 50k incidents, 2k reviews, 40
// calendar windows and 60 plan lines. Values come from a fixed arithmetic
// sequence, so every run scores the same data.
func benchDataset() *model.Dataset {
	ds := &model.Dataset{Present: all()}
	unit := func(i int) string { return fmt.Sprintf("Unit %02d", i%20) }
	for i := range 200 {
		ds.Metrics = append(ds.Metrics, model.Metric{ID: fmt.Sprintf("M-%03d", i), Name: "m",
			Direction: model.Lower, Baseline: 100, Target: 80})
		for mo := range 36 {
			p := model.Period{Kind: model.Month, Year: 2023 + mo/12, N: mo%12 + 1}
			ds.Actuals = append(ds.Actuals, model.Observation{Metric: ds.Metrics[i].ID, Period: p, End: p.End(1),
				Value: 100 - float64((i*7+mo*3)%25)})
		}
	}
	cats := []model.Category{model.Run, model.Improve, model.Transform}
	sts := []model.Status{model.StatusLive, model.StatusInFlight, model.StatusNone, model.StatusClosed, model.StatusCancelled, model.StatusProposed}
	base := d("2024-01-01")
	for i := range 10000 {
		spend := float64(500 + i%700)
		ds.Initiatives = append(ds.Initiatives, model.Initiative{
			ID: fmt.Sprintf("INI-%05d", i), Name: "x", Category: cats[i%3], BusinessUnit: unit(i),
			BusinessOwner: "Owner " + fmt.Sprint(i%13), ITOwner: "IT " + fmt.Sprint(i%11),
			Metrics: []string{ds.Metrics[i%200].ID, ds.Metrics[(i*7)%200].ID}, Budget: float64(1000 + i%500), Spend: &spend,
			PlanLine: fmt.Sprintf("PL-%02d", i%70), Start: base.AddDate(0, 0, i%600), GoLive: base.AddDate(0, 0, 200+i%900),
			Status: sts[i%len(sts)], Automation: i%4 == 0, ProcessStandardized: i%8 == 0, TrainingPlan: i%5 != 0,
			AdoptionOwner: "A", Adoption: f(float64(i%100) / 100), Risk: model.Risks[i%3], Rollout: model.Rollouts[i%3],
			DRTested: base.AddDate(0, 0, i%1000),
		})
	}
	for i := range 50000 {
		opened := base.Add(time.Duration(i) * 30 * time.Minute)
		ds.Incidents = append(ds.Incidents, model.Incident{ID: fmt.Sprintf("INC%06d", i), Opened: opened,
			Resolved: opened.Add(time.Duration(i%72) * time.Hour), Severity: i%4 + 1,
			Initiative: ds.Initiatives[(i*37)%10000].ID, BusinessUnit: unit(i)})
	}
	for i := range 2000 {
		ds.Reviews = append(ds.Reviews, model.Review{Date: base.AddDate(0, 0, i%1000), BusinessUnit: unit(i), ITAttended: i%3 != 0})
	}
	for i := range 40 {
		s := base.AddDate(0, 0, i*27)
		ds.Calendar = append(ds.Calendar, model.Window{Name: "w", Start: s, End: s.AddDate(0, 0, 10),
			Kind: model.WindowKinds[i%3], BusinessUnit: unit(i * 3)})
	}
	for i := range 60 {
		ds.Plan = append(ds.Plan, model.PlanLine{ID: fmt.Sprintf("PL-%02d", i), BusinessUnit: unit(i), Category: cats[i%3],
			Period: model.Period{Kind: model.Year, Year: 2025}, Amount: 100000})
	}
	return ds
}

// BenchmarkScore scores the generated portfolio; the issue asks for at most
// 50 ms per Score on the team's 2-core machine:
//
//	go test -bench Score -benchtime=10x -count=5 ./generator/score
//
// Besides wall time it reports cpu-ns/op, the process's CPU time (all
// threads, garbage collector included) per Score, which stays meaningful
// when other work shares the machine.
func BenchmarkScore(b *testing.B) {
	ds := benchDataset()
	o := Options{AsOf: d("2025-12-31"), FiscalYearStart: 1, Currency: "USD"}
	p := model.DefaultPolicy()
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		Score(ds, p, o)
	}
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// Scoring the initiatives in parallel runs gives the results of one run
// over all, whatever the number of runs (even or not).
func TestScoreInitiativesRuns(t *testing.T) {
	ds := benchDataset()
	o := Options{AsOf: d("2025-12-31"), FiscalYearStart: 1, Currency: "USD"}
	p := model.DefaultPolicy()
	asOf := AsOf(ds, o)
	want := scoreInitiativesIn(newIndex(ds, p, o, asOf), 1)
	if len(want) != 10000 || want[0].Explanation == nil || want[0].Score == nil && want[1].Score == nil {
		t.Fatalf("serial scoring: %d results", len(want))
	}
	for _, runs := range []int{2, 3, 7} {
		if got := scoreInitiativesIn(newIndex(ds, p, o, asOf), runs); !reflect.DeepEqual(got, want) {
			t.Errorf("%d runs: other results than one run", runs)
		}
	}
}
