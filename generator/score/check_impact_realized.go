package score

import (
	"fmt"

	"github.com/opsalign/opsalign/generator/model"
)

// impactRealized is principle 7: once live past the grace period, a linked
// metric's latest value at as_of, observed after go-live, shows progress of
// at least min_progress. Progress is direction-free: a stated direction that
// contradicts baseline → target does not change it (the reader warns).
// Of equal best progress the first linked metric is named.
func impactRealized(x *index, in *subject) (model.Result, string) {
	grace := x.policy.ImpactGraceDays
	switch {
	case !in.live:
		return model.NA, "not live"
	case in.GoLive.IsZero():
		return model.NA, "no go-live date"
	case !in.grace:
		return model.NA, fmt.Sprintf("go-live %s plus %d days is after as_of %s", x.date(in.goLive), grace, x.date(x.asOf))
	}
	gl := in.goLive
	var best *model.Metric
	var bestObs model.Observation
	var bestP float64
	for _, m := range in.known {
		o, ok := x.latest(m, x.asOf)
		if !ok || !o.End.After(gl) {
			continue
		}
		p, ok := progress(m, o.Value)
		if !ok {
			continue
		}
		if best == nil || p > bestP {
			best, bestObs, bestP = m, o, p
		}
	}
	if best == nil {
		return model.Fail, fmt.Sprintf("no linked metric has an observation after go-live %s", x.date(gl))
	}
	what := best.ID + " at " + num(bestObs.Value) + " in " + x.periodName(bestObs.Period) +
		": progress " + pct(bestP) + " from baseline " + num(best.Baseline) + " to target " + num(best.Target)
	minP := x.policy.MinProgress
	switch {
	case atLeast(bestP, minP):
		return model.Pass, what + ", at least " + pct(minP)
	case positive(bestP):
		return model.Warn, fmt.Sprintf("%s, below %s", what, pct(minP))
	}
	return model.Fail, fmt.Sprintf("%s, no progress since go-live %s", what, x.date(gl))
}
