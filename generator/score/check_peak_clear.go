package score

import (
	"fmt"
	"slices"

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
	var hit *model.CalendarWindow
	for _, i := range x.collisions(in) {
		w := &x.peaks[i]
		if hit == nil || w.Start.Before(hit.Start.Time) || (w.Start.Equal(hit.Start.Time) && w.Name < hit.Name) {
			hit = w
		}
	}
	if hit == nil {
		return model.Pass, "go-live " + x.date(gl) + " falls outside every peak and freeze window"
	}
	what := fmt.Sprintf("go-live %s falls in %s (%s)", x.date(gl), hit.Name, span{hit.Start.Time, hit.End.Time})
	if in.Category == model.Run {
		return model.Warn, what + "; category run"
	}
	return model.Fail, fmt.Sprintf("%s; category %s", what, in.Category)
}

// collisions returns the peak and freeze windows an initiative's go-live
// falls in, as indexes into x.peaks in input order: the windows of every
// unit and those of its own unit, bounds inclusive. An initiative without
// a go-live date has none.
func (x *index) collisions(in *subject) []int {
	if in.goLive.IsZero() {
		return nil
	}
	var out []int
	consider := func(ws []int) {
		for _, i := range ws {
			w := &x.peaks[i]
			if (span{w.Start.Time, w.End.Time}).contains(in.goLive) {
				out = append(out, i)
			}
		}
	}
	consider(x.windows[""])
	if in.unit != "" {
		n := len(out)
		consider(x.windows[in.unit])
		if n > 0 && len(out) > n {
			slices.Sort(out)
		}
	}
	return out
}
