package score

import (
	"fmt"

	"github.com/opsalign/opsalign/generator/model"
)

// peakClear is principle 6, sequencing: the go-live avoids every peak and
// freeze window of the initiative's unit, and those for every unit (empty or
// All). An initiative without a unit is held only to the every-unit windows.
// Of several colliding windows the reason names the earliest-starting one.
func peakClear(x *index, in *subject) (model.Result, string) {
	switch {
	case !x.present(model.TableCalendar):
		return model.NA, "no calendar table"
	case in.GoLive.IsZero():
		return model.NA, "no go-live date"
	}
	gl := in.goLive
	var hit *model.Window
	consider := func(ws []model.Window) {
		for i := range ws {
			w := &ws[i]
			if !(span{w.Start, w.End}).contains(gl) { // dates normalised by the index
				continue
			}
			if hit == nil || w.Start.Before(hit.Start) || (w.Start.Equal(hit.Start) && w.Name < hit.Name) {
				hit = w
			}
		}
	}
	consider(x.windows[""])
	if in.unit != "" {
		consider(x.windows[in.unit])
	}
	if hit == nil {
		return model.Pass, "go-live " + x.date(gl) + " falls outside every peak and freeze window"
	}
	what := fmt.Sprintf("go-live %s falls in %s (%s)", x.date(gl), hit.Name, span{hit.Start, hit.End})
	if in.Category == model.Run {
		return model.Warn, what + "; category run"
	}
	return model.Fail, fmt.Sprintf("%s; category %s", what, in.Category)
}
