package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/money"
)

// ReliabilityView is the reliability page.
type ReliabilityView struct {
	Frame
	ChangeIncidents *int
	MTTRHours       *float64
	// Tiles are the overview's change-incident and MTTR tiles: value,
	// target, change since the last closed quarter.
	Tiles        []Tile
	Chart        Chart
	MTTR         Chart
	Quarters     []model.QuarterFigures
	ByInitiative []InitiativeIncidents
	// Incidents are the first severity 1–2 incidents of the report
	// period, newest first; Status counts them all. The list's data file
	// holds every incident of the period (the downloads, every incident).
	Incidents []IncidentRow
	Status    ListStatus
	Units     []string // units of the period's incidents, for the filter
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
	for _, t := range x.tiles() {
		if t.Label == "Change incidents" || t.Label == "MTTR" {
			v.Tiles = append(v.Tiles, t)
		}
	}
	units := map[string]bool{}
	severeN := 0
	for _, inc := range x.periodIncidents() {
		v.Status.Total++
		if u := inc.BusinessUnit; u != "" && !units[u] {
			units[u] = true
			v.Units = append(v.Units, u)
		}
		if !severe(inc) {
			continue
		}
		if severeN < listPageRows {
			v.Incidents = append(v.Incidents, x.incidentRow(inc))
		}
		severeN++
	}
	v.Status.Shown = len(v.Incidents)
	if v.Status.Shown < severeN {
		v.Status.Note = fmt.Sprintf("the newest %d of the %s of severity 1–2", v.Status.Shown, money.Group(strconv.Itoa(severeN)))
	}
	v.Status.Data = incidentsData
	slices.Sort(v.Units)
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
