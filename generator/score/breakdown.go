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
		k := unitKey(name)
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
	qs := map[model.Period]*model.QuarterFigures{}
	type hours struct {
		sum float64
		n   int
	}
	ttr := map[model.Period]hours{}
	get := func(p model.Period) *model.QuarterFigures {
		q := qs[p]
		if q == nil {
			q = &model.QuarterFigures{Period: p.String(), Budget: byCategory()}
			qs[p] = q
		}
		return q
	}
	for _, in := range x.subjects {
		if in.Status == model.StatusCancelled || in.GoLive.IsZero() {
			continue
		}
		get(model.QuarterOf(day(in.GoLive), x.fyStart)).Budget[in.Category] += in.Budget
	}
	for _, i := range x.incidents {
		p := model.QuarterOf(i.day, x.fyStart)
		q := get(p)
		q.Incidents++
		if i.known {
			q.ChangeIncidents++
		}
		if !i.Resolved.IsZero() {
			h := ttr[p]
			h.sum += i.Resolved.Sub(i.Opened).Hours()
			h.n++
			ttr[p] = h
		}
	}
	periods := make([]model.Period, 0, len(qs))
	for p, q := range qs {
		q.MTTRHours = ratio(ttr[p].sum, float64(ttr[p].n))
		periods = append(periods, p)
	}
	slices.SortFunc(periods, func(a, b model.Period) int { return a.Start(x.fyStart).Compare(b.Start(x.fyStart)) })
	out := make([]model.QuarterFigures, len(periods))
	for i, p := range periods {
		out[i] = *qs[p]
	}
	return out
}
