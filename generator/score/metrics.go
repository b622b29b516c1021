package score

import (
	"cmp"
	"slices"

	"github.com/opsalign/opsalign/generator/model"
)

// scoreMetrics returns each metric's latest value and progress at as_of,
// ordered by id, with the ids of the initiatives that claim it (sorted;
// Cancelled ones included, since they still name the metric).
func scoreMetrics(x *index) []model.MetricResult {
	claims := map[*model.Metric][]string{}
	for _, in := range x.subjects {
		for _, m := range in.known { // known holds each metric once
			claims[m] = append(claims[m], in.ID)
		}
	}
	out := make([]model.MetricResult, 0, len(x.ds.Metrics))
	for i := range x.ds.Metrics {
		m := &x.ds.Metrics[i]
		if x.metric(m.ID) != m {
			continue // a duplicate id: the first row stands
		}
		r := model.MetricResult{
			ID: m.ID, Name: m.Name, Kind: m.Kind, Unit: m.Unit, Direction: m.Direction,
			Baseline: m.Baseline, Target: m.Target, Source: m.Source,
			Initiatives: claims[m],
		}
		if r.Initiatives == nil {
			r.Initiatives = []string{}
		}
		slices.Sort(r.Initiatives)
		r.Initiatives = slices.Compact(r.Initiatives)
		if o, ok := x.latest(m, x.asOf); ok {
			v := o.Value
			r.Latest = &v
			r.LatestPeriod = o.Period.String()
			if p, ok := progress(m, v); ok {
				r.Progress = &p
			}
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b model.MetricResult) int { return cmp.Compare(a.ID, b.ID) })
	return out
}
