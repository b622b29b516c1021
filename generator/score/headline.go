package score

import (
	"github.com/opsalign/opsalign/generator/model"
)

// headline answers the COO's question: yes when aligned_spend and
// metrics_improving pass and no_instability passes or is n/a. An n/a
// aligned_spend or metrics_improving (nothing to measure) cannot show
// improvement, so it answers no. The reasons are the failing (or
// unmeasurable) checks' reasons for no, the passing ones' for yes.
func headline(checks []model.CheckResult) model.Headline {
	var pass, bad []string
	for _, c := range checks {
		switch c.ID {
		case model.CheckAlignedSpend, model.CheckMetricsImproving, model.CheckNoInstability:
		default:
			continue
		}
		switch {
		case c.Result == model.Pass:
			pass = append(pass, c.Reason)
		case c.Result == model.NA && c.ID == model.CheckNoInstability:
		default:
			bad = append(bad, c.Reason)
		}
	}
	if len(bad) > 0 {
		return model.Headline{Answer: "no", Reasons: bad}
	}
	if pass == nil {
		pass = []string{}
	}
	return model.Headline{Answer: "yes", Reasons: pass}
}
