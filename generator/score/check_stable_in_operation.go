package score

import (
	"fmt"

	"github.com/opsalign/opsalign/generator/model"
)

// stableInOperation is principle 9: a live initiative caused no severity 1–2
// incident opened in the trailing window, and a High-risk one had a DR test
// within dr_max_age_days before as_of. The warning is for a DR test
// "missing or older than 365 days": a test dated after as_of (a register
// pulled after the as_of date) is neither, so it passes.
func stableInOperation(x *index, in *subject) (model.Result, string) {
	switch {
	case !in.live:
		return model.NA, "not live"
	case !x.present(model.TableIncidents):
		return model.NA, "no incidents table"
	}
	var ids []string
	for _, k := range in.severe {
		i := &x.incidents[k]
		if x.trailing.contains(i.day) {
			ids = append(ids, fmt.Sprintf("%s (sev %d, %s)", i.ID, i.Severity, x.date(i.day)))
		}
	}
	if len(ids) > 0 {
		return model.Fail, fmt.Sprintf("%s attributed to it opened in the trailing window (%s): %s",
			plural(len(ids), "severity 1–2 incident", "severity 1–2 incidents"), x.trailingText, list(ids))
	}
	ok := x.stableText
	if in.Risk != model.RiskHigh {
		return model.Pass, ok
	}
	maxAge := x.policy.DRMaxAgeDays
	dr := day(in.DRTested)
	switch {
	case dr.IsZero():
		return model.Warn, fmt.Sprintf("%s, but High risk and no DR test recorded", ok)
	case dr.Before(addDays(x.asOf, -maxAge)):
		return model.Warn, fmt.Sprintf("%s, but High risk and the last DR test %s is more than %d days before as_of %s",
			ok, x.date(dr), maxAge, x.date(x.asOf))
	}
	return model.Pass, fmt.Sprintf("%s; High risk with DR test %s, within %d days", ok, x.date(dr), maxAge)
}
