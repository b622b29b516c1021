package score

import (
	"fmt"

	"github.com/opsalign/opsalign/generator/model"
)

// outcomeLinked is principle 1: the initiative names at least one metric of
// the metrics table.
func outcomeLinked(x *index, in *subject) (model.Result, string) {
	known := in.known
	if len(known) > 0 {
		ids := make([]string, len(known))
		for i, m := range known {
			ids[i] = m.ID
		}
		return model.Pass, "linked to " + noun(len(ids), "metric ", "metrics ") + list(ids)
	}
	if len(in.Metrics) == 0 {
		return model.Fail, "no operational metric linked"
	}
	return model.Fail, fmt.Sprintf("linked %s %s not in the metrics table",
		noun(len(in.Metrics), "metric", "metrics"), list(in.Metrics))
}
