package score

import (
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// dateFormat is how reasons write dates.
const dateFormat = "2006-01-02"

// trailingDays is the length of the trailing window in days, as_of included.
const trailingDays = 182

// stableLookbackDays is how far before start process_stable looks.
const stableLookbackDays = 183

// AsOf resolves as_of as Score does: o.AsOf when given, else the end of the
// latest period that has any actual. Without any actual (the spec is
// silent) it falls back to the latest date of the initiatives (start,
// go-live, DR test), incidents (opened, in the site time zone) and reviews,
// and to the zero time when there is none. Calendar windows are left out:
// they mostly lie ahead (next year's peak) and say nothing of the data's date.
func AsOf(ds *model.Dataset, o Options) time.Time {
	if !o.AsOf.IsZero() {
		return day(o.AsOf)
	}
	var latest time.Time
	later := func(t time.Time) {
		if t.After(latest) {
			latest = t
		}
	}
	for _, a := range ds.Actuals {
		later(day(a.End))
	}
	if !latest.IsZero() {
		return latest
	}
	// No actuals: the spec is silent; the latest dated fact is the closest
	// to "the data's own date" a reader would pick.
	loc := location(o)
	for _, in := range ds.Initiatives {
		later(day(in.GoLive))
		later(day(in.Start))
		later(day(in.DRTested))
	}
	for _, i := range ds.Incidents {
		later(localDay(i.Opened, loc))
	}
	for _, r := range ds.Reviews {
		later(day(r.Date))
	}
	return latest
}

// location is the site time zone (UTC when unset).
func location(o Options) *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

// day returns midnight UTC of t's calendar date as t records it. Record
// dates already are midnight UTC; this only drops stray clock parts.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// localDay returns the calendar date of instant t in the site time zone, as
// midnight UTC, so that it compares with record dates.
func localDay(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	// Shift by the zone offset at t and cut to whole days: the same as
	// day(t.In(loc)) without the calendar arithmetic, which counts when
	// tens of thousands of incidents are dated.
	_, off := t.In(loc).Zone()
	secs := t.Unix() + int64(off)
	days := secs / secondsPerDay
	if secs%secondsPerDay < 0 {
		days--
	}
	return time.Unix(days*secondsPerDay, 0).UTC()
}

// secondsPerDay is the length of a calendar day in the shifted time line.
const secondsPerDay = 24 * 60 * 60

// addDays returns d moved by n calendar days.
func addDays(d time.Time, n int) time.Time { return d.AddDate(0, 0, n) }

// span is an inclusive range of dates.
type span struct{ from, to time.Time }

// contains reports whether date d is in the span, bounds included.
func (s span) contains(d time.Time) bool { return !d.Before(s.from) && !d.After(s.to) }

// String writes the span as "2026-04-02 – 2026-09-30".
func (s span) String() string {
	return s.from.Format(dateFormat) + " – " + s.to.Format(dateFormat)
}

// trailing is the trailing window ending at asOf: as_of − 181 days to as_of.
func trailing(asOf time.Time) span {
	return span{addDays(asOf, -(trailingDays - 1)), asOf}
}

// quarterSpan returns the dates of quarter q.
func quarterSpan(q model.Period, fyStart int) span {
	return span{q.Start(fyStart), q.End(fyStart)}
}

// inFiscalYear reports whether a plan line's period names fiscal year fy.
// An empty period counts for every year. A year (FY2026 or 2026) is matched
// by its number: finance writing "2026" in a plan means fiscal 2026. A
// fiscal quarter or month (FY2026-Q2) is matched by its fiscal year; a
// calendar quarter or month (2026-Q2) by the fiscal year its first day falls
// in, which is its year when the fiscal year is the calendar year.
func inFiscalYear(p model.Period, fy, fyStart int) bool {
	switch {
	case p.IsZero():
		return true
	case p.Kind == model.Year || p.Fiscal:
		return p.Year == fy
	default:
		return model.FiscalYearOf(p.Start(fyStart), fyStart) == fy
	}
}
