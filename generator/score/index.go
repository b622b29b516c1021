package score

import (
	"slices"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// index holds the dataset rearranged for the checks, built once per Score.
type index struct {
	ds           *model.Dataset
	policy       model.Policy
	asOf         time.Time
	fyStart      int
	loc          *time.Location
	trailing     span         // as_of − 181 days … as_of
	trailingText string       // trailing as reasons write it
	period       model.Period // report period
	quarter      span         // dates of the report period

	metrics    map[string]*model.Metric              // by id, exactly as the reader matches ids
	obs        map[*model.Metric][]model.Observation // by period end, input order among equals
	peaks      []model.CalendarWindow                // peak and freeze windows in input order, dates normalised
	windows    map[string][]int                      // indexes into peaks by unit key ("" = every unit, see unitKey)
	attendance map[string]attendance                 // trailing-window reviews by folded unit
	incidents  []incident                            // severity 1–2 incidents, input order
	plan       names[*model.PlanLine]
	subjects   []subject               // the initiatives, input order
	embedded   map[string]outcome      // it_embedded by business unit as written
	stableText string                  // stable_in_operation's reason without incidents
	dates      map[time.Time]string    // dates as reasons write them, memoised
	periods    map[model.Period]string // period names, memoised

	currency     string
	spendAssumed bool // no initiative reports spend: budget stands in
}

// withOwnMemos returns a copy of x that shares everything but its memos
// (embedded, dates, periods), which start empty: for one goroutine of a
// parallel scoring, as the memos are written while scoring.
func (x *index) withOwnMemos() *index {
	c := *x
	c.embedded, c.dates, c.periods = map[string]outcome{}, map[time.Time]string{}, map[model.Period]string{}
	return &c
}

// attendance counts a unit's reviews in the trailing window.
type attendance struct{ attended, held int }

// incident is a severity 1–2 incident with its opening date in the site
// time zone, and whether it is attributed to an initiative of the register.
type incident struct {
	*model.Incident
	day   time.Time
	known bool
}

func newIndex(ds *model.Dataset, p model.Policy, o Options, asOf time.Time) *index {
	fy := o.FiscalYearStart
	if fy < 1 || fy > 12 {
		fy = 1
	}
	x := &index{
		ds: ds, policy: p, asOf: asOf, fyStart: fy, loc: location(o),
		trailing:     trailing(asOf),
		period:       model.QuarterOf(asOf, fy),
		metrics:      make(map[string]*model.Metric, len(ds.Metrics)),
		obs:          make(map[*model.Metric][]model.Observation, len(ds.Metrics)),
		windows:      map[string][]int{},
		attendance:   map[string]attendance{},
		embedded:     map[string]outcome{},
		dates:        map[time.Time]string{},
		periods:      map[model.Period]string{},
		plan:         newNames[*model.PlanLine](len(ds.Plan)),
		currency:     o.Currency,
		spendAssumed: true,
	}
	x.quarter = quarterSpan(x.period, fy)
	x.trailingText = x.trailing.String()
	x.stableText = "no severity 1–2 incident attributed to it in the trailing window (" + x.trailingText + ")"
	for i := range ds.Metrics {
		if _, dup := x.metrics[ds.Metrics[i].ID]; !dup { // the reader keeps the first of duplicate ids
			x.metrics[ds.Metrics[i].ID] = &ds.Metrics[i]
		}
	}
	x.indexActuals()
	for _, w := range ds.Calendar {
		if w.Kind != model.WindowPeak && w.Kind != model.WindowFreeze {
			continue
		}
		k := unitKey(w.BusinessUnit)
		cw := model.CalendarWindow{Name: w.Name, Kind: w.Kind, UnitKey: k,
			Start: model.DateOf(day(w.Start)), End: model.DateOf(day(w.End)), Source: w.Source}
		if k != "" {
			cw.BusinessUnit = strings.TrimSpace(w.BusinessUnit)
		}
		x.windows[k] = append(x.windows[k], len(x.peaks))
		x.peaks = append(x.peaks, cw)
	}
	for _, r := range ds.Reviews {
		if !x.trailing.contains(day(r.Date)) {
			continue
		}
		k := fold(r.BusinessUnit)
		a := x.attendance[k]
		a.held++
		if r.ITAttended {
			a.attended++
		}
		x.attendance[k] = a
	}
	for i := range ds.Plan {
		x.plan.add(ds.Plan[i].ID, &ds.Plan[i])
	}
	x.subjects = make([]subject, len(ds.Initiatives))
	ids := make(map[string]int, len(ds.Initiatives))
	units := map[string]string{}
	for i := range ds.Initiatives {
		in := &ds.Initiatives[i]
		u, ok := units[in.BusinessUnit]
		if !ok {
			u = fold(in.BusinessUnit)
			units[in.BusinessUnit] = u
		}
		x.subjects[i] = subject{Initiative: in, known: x.knownMetrics(in), unit: u,
			goLive: day(in.GoLive), live: x.live(in), grace: x.pastGrace(in)}
		if _, dup := ids[in.ID]; !dup {
			ids[in.ID] = i
		}
		if in.Spend != nil {
			x.spendAssumed = false
		}
	}
	x.indexIncidents(ids)
	return x
}

// indexActuals files the observations of known metrics by metric, sorted
// by period end (input order among equal ends).
func (x *index) indexActuals() {
	// Two passes, so that every metric's observations share one backing array.
	owner := make([]*model.Metric, len(x.ds.Actuals))
	count := make(map[*model.Metric]int, len(x.ds.Metrics))
	for i, a := range x.ds.Actuals {
		if m, ok := x.metrics[a.Metric]; ok { // the reader drops actuals of unknown metrics
			owner[i] = m
			count[m]++
		}
	}
	backing := make([]model.Observation, 0, len(x.ds.Actuals))
	for i, a := range x.ds.Actuals {
		m := owner[i]
		if m == nil {
			continue
		}
		if x.obs[m] == nil {
			n := len(backing)
			backing = backing[:n+count[m]]
			x.obs[m] = backing[n : n : n+count[m]]
		}
		a.End = day(a.End)
		x.obs[m] = append(x.obs[m], a)
	}
	for _, s := range x.obs {
		slices.SortStableFunc(s, func(a, b model.Observation) int { return a.End.Compare(b.End) })
	}
}

// indexIncidents lists the severity 1–2 incidents with their local dates
// and files them under the initiatives they are attributed to.
func (x *index) indexIncidents(ids map[string]int) {
	// Two passes, so that the incidents of all initiatives share one backing array.
	who := make([]int, len(x.ds.Incidents))
	per := make([]int, len(x.ds.Initiatives))
	n := 0
	for i := range x.ds.Incidents {
		in := &x.ds.Incidents[i]
		who[i] = -1
		if in.Severity < 1 || in.Severity > 2 || in.Opened.IsZero() {
			continue
		}
		n++
		if j, ok := ids[in.Initiative]; ok {
			who[i] = j
			per[j]++
		}
	}
	x.incidents = make([]incident, 0, n)
	shared := make([]int32, 0, n)
	for j, c := range per {
		if c > 0 {
			k := len(shared)
			shared = shared[:k+c]
			x.subjects[j].severe = shared[k : k : k+c]
		}
	}
	for i := range x.ds.Incidents {
		in := &x.ds.Incidents[i]
		if in.Severity < 1 || in.Severity > 2 || in.Opened.IsZero() {
			continue
		}
		j := who[i]
		if j >= 0 {
			x.subjects[j].severe = append(x.subjects[j].severe, int32(len(x.incidents)))
		}
		x.incidents = append(x.incidents, incident{in, localDay(in.Opened, x.loc), j >= 0})
	}
}

// present reports whether table t was found.
func (x *index) present(t model.Table) bool { return x.ds.Present[t] }

// metric returns the metric of a linked id, or nil when unknown.
func (x *index) metric(id string) *model.Metric {
	return x.metrics[id]
}

// latest returns a metric's latest observation with period end ≤ d.
func (x *index) latest(m *model.Metric, d time.Time) (model.Observation, bool) {
	s := x.obs[m]
	i, _ := slices.BinarySearchFunc(s, d, func(o model.Observation, d time.Time) int {
		if o.End.After(d) {
			return 1
		}
		return -1 // equal ends sort before d, so i lands after the last of them
	})
	if i == 0 {
		return model.Observation{}, false
	}
	return s[i-1], true
}

// between returns a metric's observations with period end in [from, to).
func (x *index) between(m *model.Metric, from, to time.Time) []model.Observation {
	s := x.obs[m]
	lo, _ := slices.BinarySearchFunc(s, from, func(o model.Observation, d time.Time) int {
		if o.End.Before(d) {
			return -1
		}
		return 1
	})
	hi, _ := slices.BinarySearchFunc(s, to, func(o model.Observation, d time.Time) int {
		if o.End.Before(d) {
			return -1
		}
		return 1
	})
	return s[lo:hi]
}

// knownMetrics returns the linked metrics of an initiative that exist, in
// the order listed, each once.
func (x *index) knownMetrics(in *model.Initiative) []*model.Metric {
	var out []*model.Metric
	for _, id := range in.Metrics {
		if m := x.metric(id); m != nil && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// live reports whether an initiative is live at as_of.
func (x *index) live(in *model.Initiative) bool {
	switch in.Status {
	case model.StatusLive, model.StatusClosed:
		return true
	case model.StatusNone:
		return !in.GoLive.IsZero() && !day(in.GoLive).After(x.asOf)
	}
	return false
}

// pastGrace reports whether an initiative is live, has a go-live date, and
// go-live + impact_grace_days ≤ as_of.
func (x *index) pastGrace(in *model.Initiative) bool {
	return x.live(in) && !in.GoLive.IsZero() &&
		!addDays(day(in.GoLive), x.policy.ImpactGraceDays).After(x.asOf)
}

// progress returns (v − baseline) / (target − baseline), false when target
// equals baseline (the reader drops such metrics; guarded all the same).
func progress(m *model.Metric, v float64) (float64, bool) {
	d := m.Target - m.Baseline
	if d == 0 {
		return 0, false
	}
	p := (v - m.Baseline) / d
	if p == 0 {
		p = 0 // at baseline with target below it: 0 / −20 is −0
	}
	return p, true
}

// spend returns the spend of an initiative as totals use it: its reported
// spend; its budget when no initiative reports spend; else 0.
func (x *index) spend(in *model.Initiative) float64 {
	switch {
	case in.Spend != nil:
		return *in.Spend
	case x.spendAssumed:
		return in.Budget
	}
	return 0
}

// date writes a date as reasons do (2026-11-20), memoised: the same few
// hundred dates recur across thousands of reasons.
func (x *index) date(t time.Time) string {
	s, ok := x.dates[t]
	if !ok {
		s = date(t)
		x.dates[t] = s
	}
	return s
}

// periodName names a period (2026-09, 2026-Q3), memoised.
func (x *index) periodName(p model.Period) string {
	s, ok := x.periods[p]
	if !ok {
		s = p.String()
		x.periods[p] = s
	}
	return s
}
