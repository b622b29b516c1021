package score

import (
	"github.com/opsalign/opsalign/generator/model"
)

// value is the worth of a result in the score; n/a has none.
func value(r model.Result) (float64, bool) {
	switch r {
	case model.Pass:
		return 1, true
	case model.Warn:
		return 0.5, true
	case model.Fail:
		return 0, true
	}
	return 0, false
}

// scoreOf returns round(100 × Σ wᵢ·valueᵢ / Σ wᵢ) over the applicable checks,
// halves away from zero; false when the applicable checks weigh nothing.
func scoreOf(checks []model.CheckResult, p model.Policy) (int, bool) {
	var num, den float64
	for _, c := range checks {
		v, ok := value(c.Result)
		if !ok {
			continue
		}
		w := p.Weight(c.ID)
		num += w * v
		den += w
	}
	if den == 0 {
		return 0, false
	}
	return roundHalfAway(100 * num / den), true
}

// blocking lists the checks whose failure makes an initiative not aligned
// whatever its score.
func blocking(id string) bool {
	return isBlocking(id)
}

// verdictOf applies the verdict rules: not_aligned when a blocking check
// fails or the score is below 50; aligned when nothing fails and the score
// is at least 80; at_risk otherwise. A failing check weighted 0 still fails
// ("no check fails" does not look at weights). Without a score (every
// applicable check weighted 0) only the fail rules decide: aligned needs a
// score, so such an initiative is at_risk at best.
func verdictOf(checks []model.CheckResult, score *int) model.Verdict {
	anyFail := false
	for _, c := range checks {
		if c.Result != model.Fail {
			continue
		}
		if blocking(c.ID) {
			return model.NotAligned
		}
		anyFail = true
	}
	switch {
	case score != nil && *score < model.NotAlignedBelow:
		return model.NotAligned
	case !anyFail && score != nil && *score >= model.AlignedMinScore:
		return model.Aligned
	}
	return model.AtRisk
}
