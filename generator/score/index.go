package score

import (
	"slices"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// index holds the dataset rearranged for the checks, built once per Score.
type index struct {
	ds       *model.Dataset
	policy   model.Policy
	asOf     time.Time
	fyStart  int
	loc      *time.Location
	trailing span         // as_of − 181 days … as_of
	trailingText string   // trailing as reasons write it
	period   model.Period // report period
	quarter  span         // dates of the report period

	metrics     map[string]*model.Metric       // by folded id
	obs         map[string][]model.Observation // by folded metric id, by period end, input order among equals
	windows     map[string][]model.Window      // peak and freeze windows by unit key ("" = every unit)
	attendance  map[string]attendance          // trailing-window reviews by unit key
	incidents   []incident                     // severity 1–2 incidents, input order
	severe      map[string][]incident          // severity 1–2 incidents by folded initiative id
	plan        map[string]*model.PlanLine     // by folded plan-line id
	initiatives map[string]bool                // folded ids of every initiative
	subjects    []subject                      // the initiatives, input order

	currency     string
	spendAssumed bool // no initiative reports spend: budget stands in
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
		obs:          make(map[string][]model.Observation, len(ds.Metrics)),
		windows:      map[string][]model.Window{},
		attendance:   map[string]attendance{},
		severe:       map[string][]incident{},
		plan:         make(map[string]*model.PlanLine, len(ds.Plan)),
		initiatives:  make(map[string]bool, len(ds.Initiatives)),
		currency:     o.Currency,
		spendAssumed: true,
	}
	x.quarter = quarterSpan(x.period, fy)
	x.trailingText = x.trailing.String()
	for i := range ds.Metrics {
		k := fold(ds.Metrics[i].ID)
		if _, dup := x.metrics[k]; !dup {
			x.metrics[k] = &ds.Metrics[i]
		}
	}
	for _, a := range ds.Actuals {
		k := fold(a.Metric)
		a.End = day(a.End)
		x.obs[k] = append(x.obs[k], a)
	}
	for _, s := range x.obs {
		slices.SortStableFunc(s, func(a, b model.Observation) int { return a.End.Compare(b.End) })
	}
	for _, w := range ds.Calendar {
		if w.Kind != model.WindowPeak && w.Kind != model.WindowFreeze {
			continue
		}
		k := unitKey(w.BusinessUnit)
		x.windows[k] = append(x.windows[k], w)
	}
	for _, r := range ds.Reviews {
		if !x.trailing.contains(day(r.Date)) {
			continue
		}
		k := unitKey(r.BusinessUnit)
		a := x.attendance[k]
		a.held++
		if r.ITAttended {
			a.attended++
		}
		x.attendance[k] = a
	}
	for i := range ds.Plan {
		k := fold(ds.Plan[i].ID)
		if _, dup := x.plan[k]; !dup {
			x.plan[k] = &ds.Plan[i]
		}
	}
	x.subjects = make([]subject, len(ds.Initiatives))
	for i := range ds.Initiatives {
		in := &ds.Initiatives[i]
		x.subjects[i] = subject{Initiative: in, known: x.knownMetrics(in), key: fold(in.ID), unit: unitKey(in.BusinessUnit)}
		x.initiatives[x.subjects[i].key] = true
		if in.Spend != nil {
			x.spendAssumed = false
		}
	}
	for i := range ds.Incidents {
		in := &ds.Incidents[i]
		if in.Severity < 1 || in.Severity > 2 || in.Opened.IsZero() {
			continue
		}
		k := fold(in.Initiative)
		inc := incident{in, localDay(in.Opened, x.loc), k != "" && x.initiatives[k]}
		x.incidents = append(x.incidents, inc)
		if k != "" {
			x.severe[k] = append(x.severe[k], inc)
		}
	}
	return x
}

// present reports whether table t was found.
func (x *index) present(t model.Table) bool { return x.ds.Present[t] }

// metric returns the metric of a linked id, or nil when unknown.
func (x *index) metric(id string) *model.Metric { return x.metrics[fold(id)] }

// latest returns a metric's latest observation with period end ≤ d.
func (x *index) latest(id string, d time.Time) (model.Observation, bool) {
	s := x.obs[fold(id)]
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
func (x *index) between(id string, from, to time.Time) []model.Observation {
	s := x.obs[fold(id)]
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
	return (v - m.Baseline) / d, true
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
