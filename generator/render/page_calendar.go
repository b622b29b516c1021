package render

import "github.com/opsalign/opsalign/generator/model"

// CalendarView is the calendar page.
type CalendarView struct {
	Frame
	Timeline   Chart
	Windows    []WindowRow
	Collisions []Collision
}

// WindowRow is one calendar window.
type WindowRow struct {
	Name  string
	Kind  model.WindowKind
	Unit  string // "All" for every unit
	Start string
	End   string
	Ref   string
}

// Collision is a go-live inside a peak or freeze window of its unit.
type Collision struct {
	Initiative NamedLink
	GoLive     string
	Window     string
	Kind       model.WindowKind
	Category   model.Category
}

func (x *index) calendarView() *CalendarView {
	v := &CalendarView{
		Frame:      x.frame("calendar.html", "Calendar", "calendar"),
		Timeline:   x.calendarChart(),
		Collisions: x.collisions(),
	}
	for _, w := range x.ds.Calendar {
		unit := w.BusinessUnit
		if unit == "" {
			unit = "All"
		}
		v.Windows = append(v.Windows, WindowRow{Name: w.Name, Kind: w.Kind, Unit: unit, Start: x.fmt.Date(w.Start), End: x.fmt.Date(w.End), Ref: w.Source.String()})
	}
	return v
}
