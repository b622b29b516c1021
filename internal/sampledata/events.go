package sampledata

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// incidentDef is one incident of an export.
type incidentDef struct {
	opened, resolved time.Time // resolved zero when still open
	severity         int       // 1–5, ServiceNow priority
	unit, service    string
	initiative       string
	summary          string
}

// priorities are ServiceNow's priority display values.
var priorities = []string{"", "1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"}

// servicesByUnit are the business services incidents are raised against.
var servicesByUnit = map[string][]string{
	buDistribution: {"Warehouse Management", "Transport Management", "Route Planner", "RF Scanners", "DC Network"},
	buField:        {"Field Mobile", "Service Scheduling", "Fleet Telematics", "Depot Network"},
	buCustomer:     {"Contact Centre Platform", "CRM", "IVR", "Service Desk"},
	buShared:       {"SAP ECC", "AP Automation", "Supplier Portal", "Payroll"},
}

// summaries are short descriptions, one picked per incident.
var summaries = []string{
	"Users unable to log in",
	"Slow response, timeouts reported",
	"Batch job failed overnight",
	"Interface queue backed up",
	"Printer mapping lost after patch",
	"Intermittent connectivity, site reports drops",
	"Report shows wrong totals",
	"Certificate expired on integration endpoint",
	"Data not refreshing since 06:00",
	"Error \"record locked\" on save",
}

// sampleIncidentsPlaced are the incidents the story needs, placed by hand.
var sampleIncidentsPlaced = []incidentDef{
	{opened: at("2026-08-17 06:12:44"), resolved: at("2026-08-17 15:41:02"), severity: 1, unit: buDistribution,
		service: "Route Planner", initiative: "INI-005",
		summary: "Route optimisation engine failed to publish driver manifests, 14 DCs dispatching by hand"},
	{opened: at("2026-03-10 09:03:10"), resolved: at("2026-03-10 13:30:00"), severity: 2, unit: buCustomer,
		service: "Contact Centre Platform", initiative: "INI-018",
		summary: "Call routing to overflow queue lost after migration wave 2"},
	{opened: at("2026-05-04 14:22:51"), resolved: at("2026-05-05 10:05:00"), severity: 3, unit: buField,
		service: "Service Scheduling", initiative: "INI-012",
		summary: "Optimiser proposes overlapping visits for part-time technicians"},
	{opened: at("2026-07-22 11:40:16"), resolved: at("2026-07-22 16:02:45"), severity: 3, unit: buShared,
		service: "Supplier Portal", initiative: "INI-104",
		summary: "Supplier upload rejects PDF invoices over 5 MB"},
}

// at parses a ServiceNow date-time; it is only used on literals.
func at(s string) time.Time {
	t, err := time.Parse(time.DateTime, s)
	if err != nil {
		panic(err)
	}
	return t
}

// sampleIncidents returns the sample's incidents, ordered by opening time:
// the placed ones and n random ones. Random severity 1–2 incidents are never
// attributed to an initiative, so only the placed ones drive the checks.
func sampleIncidents(r *rand.Rand, n int) []incidentDef {
	from := sampleFirstMonth
	span := sampleAsOf.AddDate(0, 0, 1).Sub(from)
	live := map[string][]initiativeDef{}
	for _, in := range sampleInitiatives {
		if in.goLive != "" && in.unit != "" && day(in.goLive).Before(sampleAsOf) && in.status != "Cancelled" {
			live[in.unit] = append(live[in.unit], in)
		}
	}
	out := slices.Clone(sampleIncidentsPlaced)
	for range n {
		inc := incidentDef{opened: from.Add(time.Duration(r.Int64N(int64(span/time.Second))) * time.Second)}
		inc.severity = pickSeverity(r)
		inc.unit = sampleUnits[r.IntN(len(sampleUnits))]
		svcs := servicesByUnit[inc.unit]
		inc.service = svcs[r.IntN(len(svcs))]
		inc.summary = summaries[r.IntN(len(summaries))]
		inc.resolved = inc.opened.Add(restoreTime(r, inc.severity))
		if inc.resolved.After(sampleAsOf.AddDate(0, 0, 1)) {
			inc.resolved = time.Time{}
		}
		if inc.severity >= 3 && r.IntN(5) == 0 {
			var cands []string
			for _, in := range live[inc.unit] {
				if day(in.goLive).Before(inc.opened) {
					cands = append(cands, in.id)
				}
			}
			if len(cands) > 0 {
				inc.initiative = cands[r.IntN(len(cands))]
			}
		}
		out = append(out, inc)
	}
	slices.SortStableFunc(out, func(a, b incidentDef) int { return a.opened.Compare(b.opened) })
	return out
}

// pickSeverity draws a ServiceNow priority: mostly moderate and low.
func pickSeverity(r *rand.Rand) int {
	switch x := r.IntN(100); {
	case x < 3:
		return 1
	case x < 15:
		return 2
	case x < 60:
		return 3
	case x < 95:
		return 4
	default:
		return 5
	}
}

// restoreTime draws how long an incident of priority p stays open.
func restoreTime(r *rand.Rand, p int) time.Duration {
	hours := []float64{0, 2, 4, 16, 48, 120}[p]
	return time.Duration((0.5 + 1.5*r.Float64()) * hours * float64(time.Hour)).Round(time.Second)
}

// incidentRows renders incidents as a ServiceNow list export, numbered from
// first in order.
func incidentRows(incs []incidentDef, first int) [][]string {
	rows := [][]string{{"Number", "Opened", "Short description", "Priority", "State", "Business service",
		"Assignment group", "Resolved", "Related Initiative", "Business Unit"}}
	for i, inc := range incs {
		state, resolved := "Closed", ""
		if inc.resolved.IsZero() {
			state = "In Progress"
		} else {
			resolved = inc.resolved.Format(time.DateTime)
		}
		group := strings.ToUpper(strings.ReplaceAll(inc.service, " ", "-")) + "-L2"
		rows = append(rows, []string{
			fmt.Sprintf("INC%07d", first+i), inc.opened.Format(time.DateTime), inc.summary,
			priorities[inc.severity], state, inc.service, group, resolved, inc.initiative, inc.unit,
		})
	}
	return rows
}

// sampleIncidentFile is the sample's incident export: 150 incidents.
func sampleIncidentFile(r *rand.Rand) csvFile {
	incs := sampleIncidents(r, 150-len(sampleIncidentsPlaced))
	return csvFile{comma: ',', crlf: true, rows: incidentRows(incs, 40_211)}
}

// reviewPlan says, per unit, which weekday of the month its operational
// review falls on and whether IT attended in each month (0 = 2024-10).
type reviewPlan struct {
	unit     string
	nth      int
	weekday  time.Weekday
	attended string // one letter per month: Y or N
}

// sampleReviewPlans are tuned for the trailing window 2026-04-02 …
// 2026-09-30 (the last six months): Distribution 6/6, Field Services 4/6,
// Customer Operations 2/6, Shared Services 5/6.
var sampleReviewPlans = []reviewPlan{
	{buDistribution, 2, time.Tuesday, "YYNYYYYYNYYYYYYYYY" + "YYYYYY"},
	{buField, 2, time.Wednesday, "YNYYYNYYYNYYYYNYYY" + "YNYYNY"},
	{buCustomer, 3, time.Thursday, "YYYNYYNYYNYNYNNYNY" + "NNYNNY"},
	{buShared, 3, time.Tuesday, "YYYYNYYYYYNYYYYNYY" + "YYNYYY"},
}

// nthWeekday returns the nth given weekday of the month starting at m.
func nthWeekday(m time.Time, nth int, wd time.Weekday) time.Time {
	d := m.AddDate(0, 0, (int(wd)-int(m.Weekday())+7)%7)
	return d.AddDate(0, 0, 7*(nth-1))
}

// chairs chair each unit's review.
var chairs = map[string]string{buDistribution: dana, buField: tomas, buCustomer: aisha, buShared: gwen}

// reviewDef is one operational review meeting.
type reviewDef struct {
	date     time.Time
	unit     string
	attended bool
	chair    string
}

// reviewFile renders reviews, in date order, as a `;` CSV with day-first
// dates, the way a European team's review log is exported.
func reviewFile(all []reviewDef) csvFile {
	slices.SortStableFunc(all, func(a, b reviewDef) int { return a.date.Compare(b.date) })
	rows := [][]string{{"Meeting Date", "Business Unit", "IT Attended", "Chair", "Actions raised"}}
	for i, rv := range all {
		att, actions := "Yes", fmt.Sprintf("%d", 2+i%4)
		if !rv.attended {
			att, actions = "No", fmt.Sprintf("%d; IT actions carried over", 2+i%4)
		}
		rows = append(rows, []string{rv.date.Format("02/01/2006"), rv.unit, att, rv.chair, actions})
	}
	return csvFile{comma: ';', rows: rows}
}

// sampleReviewFile is the sample's review log: one review per unit a month.
func sampleReviewFile() csvFile {
	var all []reviewDef
	for _, p := range sampleReviewPlans {
		for i := range sampleMonths {
			all = append(all, reviewDef{nthWeekday(monthStart(i), p.nth, p.weekday), p.unit, p.attended[i] == 'Y', chairs[p.unit]})
		}
	}
	return reviewFile(all)
}
