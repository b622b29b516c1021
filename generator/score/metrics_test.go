package score

import (
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

func TestScoreMetrics(t *testing.T) {
	a := baseInitiative()
	b := baseInitiative()
	b.ID, b.Metrics = "INI-000", []string{"m-01", "M-03", "M-01"}
	ds := baseDataset(a, b)
	// M-03: target = baseline (the reader drops such rows; guarded anyway).
	ds.Metrics = append(ds.Metrics, model.Metric{ID: "M-03", Baseline: 5, Target: 5},
		model.Metric{ID: "M-00", Baseline: 1, Target: 2}, model.Metric{ID: "M-00", Baseline: 9, Target: 10})
	ds.Actuals = append(ds.Actuals, month("M-03", "2026-09", 7), month("M-00", "2026-10", 2))
	ms := Score(ds, model.DefaultPolicy(), testOptions()).Metrics

	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	// Ordered by id; the duplicate M-00 is left out (the reader reports it
	// and keeps the first; guarded all the same).
	if got := strings.Join(ids, ","); got != "M-00,M-01,M-02,M-03" {
		t.Fatalf("metrics %s, want M-00,M-01,M-02,M-03", got)
	}
	m00, m01, m02, m03 := ms[0], ms[1], ms[2], ms[3]
	// M-00's only actual is after as_of: no latest value at as_of.
	if m00.Latest != nil || m00.Progress != nil || m00.LatestPeriod != "" {
		t.Errorf("M-00 latest %v progress %v period %q, want none", m00.Latest, m00.Progress, m00.LatestPeriod)
	}
	// M-01 at 90 in 2026-09: (90 − 100) / (80 − 100) = 0.5; claimed by both, sorted.
	if !near(m01.Latest, 90) || !near(m01.Progress, 0.5) || m01.LatestPeriod != "2026-09" ||
		strings.Join(m01.Initiatives, ",") != "INI-000,INI-001" {
		t.Errorf("M-01 %v %v %q %v, want 90 0.5 2026-09 [INI-000 INI-001]", m01.Latest, m01.Progress, m01.LatestPeriod, m01.Initiatives)
	}
	if m02.Latest != nil || m02.Initiatives == nil || len(m02.Initiatives) != 0 {
		t.Errorf("M-02 latest %v initiatives %v, want nil and []", m02.Latest, m02.Initiatives)
	}
	if !near(m03.Latest, 7) || m03.Progress != nil {
		t.Errorf("M-03 latest %v progress %v, want 7 and nil", m03.Latest, m03.Progress)
	}
}
