package score

import (
	"cmp"
	"slices"

	"github.com/opsalign/opsalign/generator/model"
)

// byCategory returns a map with every category at 0, so that the JSON of
// every breakdown has the same keys.
func byCategory() map[model.Category]float64 {
	return map[model.Category]float64{model.Run: 0, model.Improve: 0, model.Transform: 0}
}

// byUnit breaks the portfolio down by business unit, sorted by unit name:
// budget of scored initiatives, spend of all, the plan's amounts for the
// report's fiscal year (lines with a category), and verdict counts. Units
// are matched case-folded and named as first written (initiatives in id
// order, then plan lines); no unit is the empty name.
func byUnit(x *index, results []model.InitiativeResult) []model.UnitFigures {
	units := map[string]*model.UnitFigures{}
	get := func(name string) *model.UnitFigures {
		k := fold(name)
		u := units[k]
		if u == nil {
			if k == "" {
				name = ""
			}
			u = &model.UnitFigures{BusinessUnit: name, Budget: byCategory(), Spend: byCategory(), Plan: byCategory()}
			units[k] = u
		}
		return u
	}
	for _, r := range results {
		u := get(r.BusinessUnit)
		u.Spend[r.Category] += *r.Spend
		if r.Verdict != model.NotScored {
			u.Budget[r.Category] += r.Budget
		}
		count(&u.Verdicts, r.Verdict)
	}
	fy := model.FiscalYearOf(x.asOf, x.fyStart)
	for _, l := range x.ds.Plan {
		if l.Category == "" || !inFiscalYear(l.Period, fy, x.fyStart) {
			continue
		}
		get(l.BusinessUnit).Plan[l.Category] += l.Amount
	}
	out := make([]model.UnitFigures, 0, len(units))
	for _, u := range units {
		out = append(out, *u)
	}
	slices.SortFunc(out, func(a, b model.UnitFigures) int { return cmp.Compare(a.BusinessUnit, b.BusinessUnit) })
	return out
}

// byQuarter breaks figures down by quarter, in time order: budget of scored
// initiatives by go-live quarter, and severity 1–2 incidents, change
// incidents and MTTR by the quarter they were opened in.
func byQuarter(x *index) []model.QuarterFigures {
	// acc is one quarter's figures with its time-to-resolve sums.
	type acc struct {
		model.QuarterFigures
		hours    float64 // sum of hours to resolve
		resolved int
		within   span // dates of the quarter
	}
	qs := map[model.Period]*acc{}
	get := func(p model.Period) *acc {
		q := qs[p]
		if q == nil {
			q = &acc{QuarterFigures: model.QuarterFigures{Period: p.String(), Budget: byCategory()}, within: quarterSpan(p, x.fyStart)}
			qs[p] = q
		}
		return q
	}
	for _, in := range x.subjects {
		if in.Status == model.StatusCancelled || in.goLive.IsZero() {
			continue
		}
		get(model.QuarterOf(in.goLive, x.fyStart)).Budget[in.Category] += in.Budget
	}
	var q *acc
	for _, i := range x.incidents {
		if q == nil || !q.within.contains(i.day) { // incidents come mostly in time order
			q = get(model.QuarterOf(i.day, x.fyStart))
		}
		q.Incidents++
		if i.known {
			q.ChangeIncidents++
		}
		if !i.Resolved.IsZero() {
			q.hours += i.Resolved.Sub(i.Opened).Hours()
			q.resolved++
		}
	}
	all := make([]*acc, 0, len(qs))
	for _, q := range qs {
		q.MTTRHours = ratio(q.hours, float64(q.resolved))
		all = append(all, q)
	}
	slices.SortFunc(all, func(a, b *acc) int { return a.within.from.Compare(b.within.from) })
	out := make([]model.QuarterFigures, len(all))
	for i, q := range all {
		out[i] = q.QuarterFigures
	}
	return out
}
