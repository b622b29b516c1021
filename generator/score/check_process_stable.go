package score

import (
	"fmt"
	"math"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// minStableObs is how many observations process_stable needs per metric.
const minStableObs = 3

// processStable is principle 4: an automation starts from a standardised
// process, or from metrics that were stable (CV ≤ stability_cv_max over at
// least 3 observations) in the 183 days before start.
func processStable(x *index, in *subject) (model.Result, string) {
	switch {
	case !in.Automation:
		return model.NA, "not an automation"
	case in.ProcessStandardized:
		return model.Pass, "automation of a process marked standardised"
	case in.Start.IsZero():
		return model.Fail, "automation of a process not marked standardised, and no start date to measure stability before"
	}
	known := in.known
	if len(known) == 0 {
		return model.Fail, "automation of a process not marked standardised, and no known linked metric to measure stability"
	}
	start := day(in.Start)
	from := addDays(start, -stableLookbackDays)
	limit := x.policy.StabilityCVMax
	var parts []string
	for _, m := range known {
		obs := x.between(m, from, start)
		if len(obs) < minStableObs {
			return model.Fail, fmt.Sprintf("automation of a process not marked standardised; %s has %s in %s – %s, fewer than %d",
				m.ID, plural(len(obs), "observation", "observations"), x.date(from), x.date(addDays(start, -1)), minStableObs)
		}
		cv := coefVar(obs)
		if !atMost(cv, limit) {
			return model.Fail, fmt.Sprintf("automation of a process not marked standardised; %s varied with CV %s over %d observations in %s – %s, above %s",
				m.ID, cvText(cv), len(obs), x.date(from), x.date(addDays(start, -1)), num(limit))
		}
		parts = append(parts, fmt.Sprintf("%s CV %s over %d", m.ID, num(cv), len(obs)))
	}
	return model.Pass, fmt.Sprintf("metrics stable before start %s (%s observations, at most %s)",
		x.date(start), strings.Join(parts, ", "), num(limit))
}

// coefVar returns the population standard deviation over the absolute mean
// of the values: 0 for a constant series, +Inf for a non-constant one with
// mean 0.
func coefVar(obs []model.Observation) float64 {
	var sum float64
	for _, o := range obs {
		sum += o.Value
	}
	mean := sum / float64(len(obs))
	var ss float64
	for _, o := range obs {
		d := o.Value - mean
		ss += d * d
	}
	sd := math.Sqrt(ss / float64(len(obs)))
	if sd == 0 {
		return 0
	}
	if mean == 0 {
		return math.Inf(1)
	}
	return sd / math.Abs(mean)
}

// cvText writes a CV for a reason.
func cvText(cv float64) string {
	if math.IsInf(cv, 1) {
		return "undefined (mean 0)"
	}
	return num(cv)
}
