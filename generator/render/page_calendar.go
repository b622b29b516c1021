package render

import (
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/listview"
	"github.com/opsalign/opsalign/generator/model"
)

// CalendarView is the calendar page.
type CalendarView struct {
	Frame
	Timeline   Chart
	Windows    []WindowRow
	Collisions []Collision
	// More is set when Collisions holds only the collisions nearest to
	// as_of (calendarRows of them): how many there are in all and where
	// every one is.
	More *MoreCollisions
}

// MoreCollisions says that the calendar shows some of the collisions.
type MoreCollisions struct {
	ListStatus
	AsOf string
	// Peak is the initiatives list sorted by the peak_clear check, which
	// lists the initiatives of every collision first.
	Peak string
}

// calendarRows is how many collisions the calendar writes when there are
// more: at 10,000 initiatives, 1,860 rows were 15,000 elements (issue 14's
// budget is 10,000 a page). Every collision is in the downloads.
const calendarRows = 100

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
		Frame:    x.frame("calendar.html", "Calendar", "calendar"),
		Timeline: x.calendarChart(),
	}
	v.Collisions, v.More = x.calendarCollisions(v.Root)
	for _, w := range x.ds.Calendar {
		unit := w.BusinessUnit
		if unit == "" {
			unit = "All"
		}
		v.Windows = append(v.Windows, WindowRow{Name: w.Name, Kind: w.Kind, Unit: unit, Start: x.fmt.Date(w.Start), End: x.fmt.Date(w.End), Ref: w.Source.String()})
	}
	return v
}

// calendarCollisions returns the collisions the calendar writes: every
// one, or when there are more than calendarRows, that many nearest to
// as_of and what the page says of the others.
func (x *index) calendarCollisions(root string) ([]Collision, *MoreCollisions) {
	cs := x.collisions()
	n := len(cs)
	if n <= calendarRows {
		return cs, nil
	}
	return nearest(cs, x.sc.AsOf)[:calendarRows], &MoreCollisions{ListStatus: ListStatus{Shown: calendarRows, Total: n}, AsOf: x.sc.AsOf,
		Peak: listview.InitiativesHref(root, listview.Initiatives{Sort: model.CheckPeakClear})}
}

// nearest orders collisions by how near their go-live is to asOf, the
// upcoming first (soonest first), then the past (latest first); go-lives
// are ISO dates, which order as text.
func nearest(cs []Collision, asOf string) []Collision {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b Collision) int {
		au, bu := a.GoLive >= asOf, b.GoLive >= asOf
		switch {
		case au != bu:
			if au {
				return -1
			}
			return 1
		case au:
			return strings.Compare(a.GoLive, b.GoLive)
		default:
			return strings.Compare(b.GoLive, a.GoLive)
		}
	})
	return out
}
