package score

import (
	"github.com/opsalign/opsalign/generator/model"
)

// calendar publishes the calendar as peak_clear reads it: the peak and
// freeze windows with their unit keys, every go-live of a scored
// initiative that falls in one, and the key of each business unit of the
// register.
func calendar(x *index) model.Calendar {
	c := model.Calendar{Windows: x.peaks, UnitKeys: map[string]string{}}
	if c.Windows == nil {
		c.Windows = []model.CalendarWindow{}
	}
	for i := range x.subjects {
		s := &x.subjects[i]
		if s.BusinessUnit != "" {
			c.UnitKeys[s.BusinessUnit] = s.unit
		}
		if s.Status == model.StatusCancelled || !x.present(model.TableCalendar) {
			continue
		}
		for _, w := range x.collisions(s) {
			c.Collisions = append(c.Collisions, model.Collision{Initiative: s.ID, GoLive: model.DateOf(s.goLive), Category: s.Category, Window: w})
		}
	}
	if c.Collisions == nil {
		c.Collisions = []model.Collision{}
	}
	return c
}
