package score

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// changeManaged is principle 8: improve and transform initiatives past
// Proposed have a training plan and an adoption owner, avoid a Big Bang
// rollout when risk is High, and once live past the grace period reach
// adoption_target. An initiative live by status but without a go-live date
// is not "past the grace period", so its adoption is not judged.
func changeManaged(x *index, in *subject) (model.Result, string) {
	switch {
	case in.Category != model.Improve && in.Category != model.Transform:
		return model.NA, fmt.Sprintf("category %s", in.Category)
	case in.Status == model.StatusProposed:
		return model.NA, "still proposed"
	}
	var gaps []string
	if !in.TrainingPlan {
		gaps = append(gaps, "no training plan")
	}
	owner := strings.TrimSpace(in.AdoptionOwner)
	if owner == "" {
		gaps = append(gaps, "no adoption owner")
	}
	if in.Risk == model.RiskHigh && in.Rollout == model.RolloutBigBang {
		gaps = append(gaps, "High risk with a Big Bang rollout")
	}
	if len(gaps) > 0 {
		return model.Fail, strings.Join(gaps, "; ")
	}
	what := "training plan and adoption owner " + owner
	if !in.grace {
		return model.Pass, what
	}
	target := x.policy.AdoptionTarget
	if in.Adoption == nil {
		return model.Warn, fmt.Sprintf("%s, but adoption not reported %d days after go-live (target %s)",
			what, x.policy.ImpactGraceDays, pct(target))
	}
	if !atLeast(*in.Adoption, target) {
		return model.Warn, fmt.Sprintf("%s, but adoption %s is below the %s target", what, pct(*in.Adoption), pct(target))
	}
	return model.Pass, fmt.Sprintf("%s; adoption %s, at least %s", what, pct(*in.Adoption), pct(target))
}
