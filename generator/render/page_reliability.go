package render

import (
	"cmp"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// ReliabilityView is the reliability page.
type ReliabilityView struct {
	Frame
	ChangeIncidents *int
	MTTRHours       *float64
	Chart           Chart
	MTTR            Chart
	Quarters        []model.QuarterFigures
	ByInitiative    []InitiativeIncidents
	Incidents       []IncidentRow
}

// InitiativeIncidents counts the severity 1–2 incidents of an initiative.
type InitiativeIncidents struct {
	Initiative Link
	Count      int
}

func (x *index) reliabilityView() *ReliabilityView {
	v := &ReliabilityView{
		Frame:           x.frame("reliability.html", "Reliability", "reliability"),
		ChangeIncidents: x.sc.Portfolio.ChangeIncidents,
		MTTRHours:       x.sc.Portfolio.MTTRHours,
		Chart:           x.incidentsChart(),
		MTTR:            x.mttrChart(),
		Quarters:        x.pastQuarters(),
	}
	for _, inc := range x.ds.Incidents {
		v.Incidents = append(v.Incidents, x.incidentRow(inc))
	}
	// The change-caused incidents of the period by initiative: the list
	// behind the change incidents figure, grouped.
	counts := map[string]int{}
	for _, inc := range x.sc.Portfolio.ChangeIncidentList {
		counts[inc.Initiative]++
	}
	for id, n := range counts {
		l := x.initiativeLink(id)
		if rec := x.iniRecs[id]; rec != nil && rec.Name != "" {
			l.Text += " " + rec.Name
		}
		v.ByInitiative = append(v.ByInitiative, InitiativeIncidents{Initiative: l, Count: n})
	}
	slices.SortFunc(v.ByInitiative, func(x, y InitiativeIncidents) int {
		return cmp.Or(y.Count-x.Count, strings.Compare(x.Initiative.Text, y.Initiative.Text))
	})
	return v
}
