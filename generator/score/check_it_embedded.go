package score

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// itEmbedded is principle 3: IT attends the unit's operational reviews in
// the trailing window. It applies when the reviews table is present and the
// initiative has a business unit.
//
// Every initiative of a unit gets the same outcome, so it is computed once
// per unit as written.
func itEmbedded(x *index, in *subject) (model.Result, string) {
	switch {
	case !x.present(model.TableReviews):
		return model.NA, "no reviews table"
	case in.unit == "":
		return model.NA, "no business unit"
	}
	o, ok := x.embedded[in.BusinessUnit]
	if !ok {
		o.result, o.reason = attendanceOf(x, in.unit, strings.TrimSpace(in.BusinessUnit))
		x.embedded[in.BusinessUnit] = o
	}
	return o.result, o.reason
}

// outcome is a check's result with its reason.
type outcome struct {
	result model.Result
	reason string
}

// attendanceOf judges the attendance of unit (key k) in the trailing window.
func attendanceOf(x *index, k, unit string) (model.Result, string) {
	a := x.attendance[k]
	if a.held == 0 {
		return model.Warn, fmt.Sprintf("%s held no operational review in the trailing window (%s)", unit, x.trailingText)
	}
	share := float64(a.attended) / float64(a.held)
	what := fmt.Sprintf("IT attended %d of %d %s %s (%s) in the trailing window (%s)",
		a.attended, a.held, unit, noun(a.held, "review", "reviews"), pct(share), x.trailingText)
	p := x.policy
	switch {
	case atLeast(share, p.ReviewAttendancePass):
		return model.Pass, fmt.Sprintf("%s, at least %s", what, pct(p.ReviewAttendancePass))
	case atLeast(share, p.ReviewAttendanceWarn):
		return model.Warn, fmt.Sprintf("%s, below %s", what, pct(p.ReviewAttendancePass))
	}
	return model.Fail, fmt.Sprintf("%s, below %s", what, pct(p.ReviewAttendanceWarn))
}
