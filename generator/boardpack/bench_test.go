package boardpack

import (
	"fmt"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// bigCard is a scorecard of n initiatives, each with every check.
func bigCard(n int, shift int) *model.Scorecard {
	sc := card()
	sc.Initiatives = make([]model.InitiativeResult, n)
	results := []model.Result{model.Pass, model.Warn, model.Fail, model.NA}
	for i := range sc.Initiatives {
		ir := &sc.Initiatives[i]
		ir.ID, ir.Name, ir.Budget = fmt.Sprintf("INI-%05d", i+shift), "x", float64(i%97)*1000
		ir.Category = model.Categories[(i+shift)%3]
		ir.Verdict = model.Verdicts[(i+shift)%4]
		ir.Score = n2(i % 101)
		for j, c := range model.Checks {
			ir.Checks = append(ir.Checks, model.CheckResult{ID: c.ID, Principle: c.Principle, Result: results[(i+j+shift)%4], Reason: "r"})
		}
	}
	return sc
}

func n2(v int) *int { return &v }

func BenchmarkBuild10k(b *testing.B) {
	prev, cur := bigCard(10000, 0), bigCard(10000, 7)
	b.ResetTimer()
	for b.Loop() {
		Build(Input{Scorecard: cur, Previous: prev})
	}
}
