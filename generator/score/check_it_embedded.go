package score

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// itEmbedded is principle 3: IT attends the unit's operational reviews in
// the trailing window. It applies when the reviews table is present and the
// initiative has a business unit.
func itEmbedded(x *index, in *subject) (model.Result, string) {
	unit := strings.TrimSpace(in.BusinessUnit)
	switch {
	case !x.present(model.TableReviews):
		return model.NA, "no reviews table"
	case in.unit == "":
		return model.NA, "no business unit"
	}
	a := x.attendance[in.unit]
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
