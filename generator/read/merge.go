package read

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/value"
)

// merge joins the files' results in path order, drops duplicate ids,
// checks references between tables and sorts the issues.
func merge(cfg config.Config, sc *schemas, results []*fileResult, owned bool, lim limits) *model.Dataset {
	ds := &model.Dataset{Present: map[model.Table]bool{}}
	sums := map[model.Table]*model.TableSummary{}
	sum := func(t model.Table) *model.TableSummary {
		if sums[t] == nil {
			sums[t] = &model.TableSummary{Table: t}
		}
		return sums[t]
	}
	issues := newIssueList(lim)
	dup := func(src model.Source, field, id string, first model.Source) {
		issues.add(model.Issue{Severity: model.SevError, File: src.File, Sheet: src.Sheet, Row: src.Row, Column: src.Columns[field], Field: field, Value: id,
			Message: fmt.Sprintf("duplicate id %s (first used at %s); this row is not used", quote(id), first.String())})
	}
	ds.Initiatives = target(owned, results, func(r *fileResult) *chunks[model.Initiative] { return &r.initiatives })
	ds.Metrics = target(owned, results, func(r *fileResult) *chunks[model.Metric] { return &r.metrics })
	ds.Actuals = target(owned, results, func(r *fileResult) *chunks[model.Observation] { return &r.actuals })
	ds.Calendar = target(owned, results, func(r *fileResult) *chunks[model.Window] { return &r.calendar })
	ds.Plan = target(owned, results, func(r *fileResult) *chunks[model.PlanLine] { return &r.plan })
	ds.Incidents = target(owned, results, func(r *fileResult) *chunks[model.Incident] { return &r.incidents })
	ds.Reviews = target(owned, results, func(r *fileResult) *chunks[model.Review] { return &r.reviews })
	// the index of the first record with each id
	seenInit := make(map[string]int, cap(ds.Initiatives))
	seenMetric := make(map[string]int, cap(ds.Metrics))
	seenPlan := make(map[string]int, cap(ds.Plan))
	for _, r := range results {
		ds.Summary.Files = append(ds.Summary.Files, r.file)
		ds.Summary.Ignored = append(ds.Summary.Ignored, r.ignored...)
		issues.absorb(r.issues)
		for t, p := range r.present {
			ds.Present[t] = ds.Present[t] || p
		}
		for t, s := range r.sums {
			m := sum(t)
			m.Sources = append(m.Sources, s.Sources...)
			m.Excluded += s.Excluded
			m.Skipped += s.Skipped
		}
		for in := range r.initiatives.all {
			if first, ok := seenInit[in.ID]; ok {
				first := ds.Initiatives[first].Source
				dup(in.Source, "id", in.ID, first)
				sum(model.TableInitiatives).Excluded++
				continue
			}
			seenInit[in.ID] = len(ds.Initiatives)
			ds.Initiatives = appendRecord(ds.Initiatives, in)
		}
		for m := range r.metrics.all {
			if first, ok := seenMetric[m.ID]; ok {
				first := ds.Metrics[first].Source
				dup(m.Source, "id", m.ID, first)
				sum(model.TableMetrics).Excluded++
				continue
			}
			seenMetric[m.ID] = len(ds.Metrics)
			ds.Metrics = appendRecord(ds.Metrics, m)
		}
		for l := range r.plan.all {
			if first, ok := seenPlan[l.ID]; ok {
				first := ds.Plan[first].Source
				dup(l.Source, "plan_line", l.ID, first)
				sum(model.TablePlan).Excluded++
				continue
			}
			seenPlan[l.ID] = len(ds.Plan)
			ds.Plan = appendRecord(ds.Plan, l)
		}
		for w := range r.calendar.all {
			ds.Calendar = appendRecord(ds.Calendar, w)
		}
		for i := range r.incidents.all {
			ds.Incidents = appendRecord(ds.Incidents, i)
		}
		for v := range r.reviews.all {
			ds.Reviews = appendRecord(ds.Reviews, v)
		}
		for o := range r.actuals.all {
			ds.Actuals = appendRecord(ds.Actuals, o)
		}
	}

	// references between tables
	for _, in := range ds.Initiatives {
		for _, id := range in.Metrics {
			if !hasKey(seenMetric, id) {
				issues.add(model.Issue{Severity: model.SevWarning, File: in.Source.File, Sheet: in.Source.Sheet, Row: in.Source.Row,
					Column: in.Source.Columns["metrics"], Field: "metrics", Value: id,
					Message: fmt.Sprintf("metric %s is not in the metrics table; the other metrics of %s are kept", quote(id), value.Shorten(in.ID, value.MaxQuoted))})
			}
		}
	}
	kept := ds.Actuals[:0]
	type rowKey struct {
		file, sheet string
		row         int
	}
	warned := map[rowKey]bool{}
	for _, o := range ds.Actuals {
		if hasKey(seenMetric, o.Metric) {
			kept = append(kept, o)
			continue
		}
		row := rowKey{o.Source.File, o.Source.Sheet, o.Source.Row}
		if !warned[row] {
			warned[row] = true
			sum(model.TableActuals).Excluded++
			issues.add(model.Issue{Severity: model.SevWarning, File: row.file, Sheet: row.sheet, Row: row.row,
				Column: o.Source.Columns["metric"], Field: "metric", Value: o.Metric,
				Message: fmt.Sprintf("metric %s is not in the metrics table; its actuals are not used", quote(o.Metric))})
		}
	}
	ds.Actuals = kept
	// Two values of one metric for one period: the later row's is used
	// (as the score takes it), and said so at its cell.
	type obsKey struct {
		metric string
		period model.Period
	}
	firstObs := make(map[obsKey]model.Source, len(ds.Actuals))
	for _, o := range ds.Actuals {
		k := obsKey{o.Metric, o.Period}
		first, dup := firstObs[k]
		if !dup {
			firstObs[k] = o.Source
			continue
		}
		issues.add(model.Issue{Severity: model.SevWarning, File: o.Source.File, Sheet: o.Source.Sheet, Row: o.Source.Row,
			Column: o.Source.Columns["value"], Field: "value", Value: strconv.FormatFloat(o.Value, 'g', -1, 64),
			Message: fmt.Sprintf("a second value of %s for %s (the first is at %s); this later one is used", quote(o.Metric), o.Period, first.Cell("value"))})
	}
	for _, inc := range ds.Incidents {
		if inc.Initiative == "" {
			continue
		}
		if !hasKey(seenInit, inc.Initiative) {
			issues.add(model.Issue{Severity: model.SevWarning, File: inc.Source.File, Sheet: inc.Source.Sheet, Row: inc.Source.Row,
				Column: inc.Source.Columns["initiative"], Field: "initiative", Value: inc.Initiative,
				Message: fmt.Sprintf("initiative %s is not in the initiatives table", quote(inc.Initiative))})
		}
	}

	counts := map[model.Table]int{
		model.TableInitiatives: len(ds.Initiatives), model.TableMetrics: len(ds.Metrics), model.TableActuals: len(ds.Actuals),
		model.TableCalendar: len(ds.Calendar), model.TablePlan: len(ds.Plan), model.TableIncidents: len(ds.Incidents), model.TableReviews: len(ds.Reviews),
	}
	for _, t := range model.Tables {
		if s, ok := sums[t]; ok && ds.Present[t] {
			s.Rows = counts[t]
			ds.Summary.Tables = append(ds.Summary.Tables, *s)
		}
	}
	ds.Issues = issues.issues()
	sortIssues(ds.Issues, results)
	return ds
}

// sortIssues orders issues by file (path order), sheet (workbook order),
// row and column.
func sortIssues(issues []model.Issue, results []*fileResult) {
	fileIdx := map[string]int{}
	sheetIdx := map[[2]string]int{}
	for i, r := range results {
		fileIdx[r.file] = i
		for j, s := range r.sheets {
			sheetIdx[[2]string{r.file, s}] = j
		}
	}
	sort.SliceStable(issues, func(a, b int) bool {
		x, y := issues[a], issues[b]
		if fx, fy := fileIdx[x.File], fileIdx[y.File]; fx != fy {
			return fx < fy
		}
		if sx, sy := sheetIdx[[2]string{x.File, x.Sheet}], sheetIdx[[2]string{y.File, y.Sheet}]; sx != sy {
			return sx < sy
		}
		if x.Row != y.Row {
			return x.Row < y.Row
		}
		return colIndex(x.Column) < colIndex(y.Column)
	})
}

// target returns the slice a table's records are gathered into: a new one
// of the exact size, or, when the results are not shared with a Cache
// (owned) and one file holds the whole table in one block, that block
// itself, filled again in place (records are only ever dropped, so the
// write position never passes the read position).
func target[T any](owned bool, results []*fileResult, get func(*fileResult) *chunks[T]) []T {
	n, from := 0, -1
	for i, r := range results {
		if c := get(r); c.len() > 0 {
			n += c.len()
			if from == -1 {
				from = i
			} else {
				from = -2
			}
		}
	}
	if owned && from >= 0 {
		if b, ok := get(results[from]).single(); ok {
			return b[:0]
		}
	}
	return make([]T, 0, n)
}

// appendRecord appends *r to s. When s is the block r lives in and r is
// the next slot (see target), the record is already in place and is not
// copied onto itself.
func appendRecord[T any](s []T, r *T) []T {
	if n := len(s); n < cap(s) && &s[:n+1][n] == r {
		return s[:n+1]
	}
	return append(s, *r)
}

// hasKey reports whether m has key k.
func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}
