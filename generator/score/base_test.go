package score

import (
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// The base fixture passes every check: a sanity check of the fixture the
// check tables vary.
func TestBaseInitiativePassesEverything(t *testing.T) {
	sc := Score(baseDataset(baseInitiative()), model.DefaultPolicy(), testOptions())
	r := sc.Initiatives[0]
	for _, c := range r.Checks {
		if c.Result != model.Pass {
			t.Errorf("%s = %s (%s), want pass", c.ID, c.Result, c.Reason)
		}
	}
	if r.Score == nil || *r.Score != 100 || r.Verdict != model.Aligned {
		t.Errorf("score %v verdict %s, want 100 aligned", r.Score, r.Verdict)
	}
}
