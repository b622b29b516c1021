package score

import (
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// Metric and initiative ids are matched exactly, as the reader matches them
// when it warns that an id is unknown: an id the reader warns about is never
// used, and two ids the reader keeps apart (M-01 and m-01) stay apart, so
// no metric row is silently dropped from the scorecard.
func TestIDsMatchedAsTheReaderDoes(t *testing.T) {
	in := baseInitiative() // INI-001 links M-01
	other := baseInitiative()
	other.ID, other.Metrics = "INI-002", []string{"m-01"}
	ds := baseDataset(in, other)
	ds.Metrics = append(ds.Metrics, model.Metric{ID: "m-01", Name: "Other", Direction: model.Higher, Baseline: 0, Target: 10})
	ds.Actuals = append(ds.Actuals, month("m-01", "2026-09", 1)) // progress 0.1
	// The reader warns that ini-001 is not in the initiatives table.
	ds.Incidents = []model.Incident{{ID: "INC1", Severity: 1, Opened: dt("2026-08-01 10:00", time.UTC), Initiative: "ini-001"}}
	sc := Score(ds, model.DefaultPolicy(), testOptions())

	var ids []string
	for _, m := range sc.Metrics {
		ids = append(ids, m.ID)
	}
	if len(ids) != 3 || ids[0] != "M-01" || ids[1] != "M-02" || ids[2] != "m-01" {
		t.Errorf("metrics %v, want [M-01 M-02 m-01]", ids)
	}
	for _, m := range sc.Metrics {
		if m.ID == "m-01" && (!near(m.Progress, 0.1) || len(m.Initiatives) != 1 || m.Initiatives[0] != "INI-002") {
			t.Errorf("m-01 progress %v claimed by %v, want 0.1 by [INI-002]", m.Progress, m.Initiatives)
		}
	}
	got := map[string]model.CheckResult{}
	for _, r := range sc.Initiatives {
		for _, c := range r.Checks {
			got[r.ID+" "+c.ID] = c
		}
	}
	// INI-002's impact is measured on m-01 (progress 0.1: warn), not on M-01 (0.5).
	if c := got["INI-002 "+model.CheckImpactRealized]; c.Result != model.Warn {
		t.Errorf("INI-002 impact_realized %s (%s), want warn on m-01", c.Result, c.Reason)
	}
	if c := got["INI-001 "+model.CheckStableInOperation]; c.Result != model.Pass {
		t.Errorf("INI-001 stable_in_operation %s (%s), want pass: ini-001 is not INI-001", c.Result, c.Reason)
	}
	if n := sc.Portfolio.ChangeIncidents; n == nil || *n != 0 {
		t.Errorf("change incidents %v, want 0", n)
	}
}
