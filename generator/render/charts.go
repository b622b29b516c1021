package render

import (
	"html/template"
	"slices"
	"sync"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// Chart options are written as maps (chartopts.go) and never rendered in
// Go: the option JSON goes into the theme's chart partial as a data block,
// read by the theme's script. Every label that comes from data is a JSON
// string, and the script's tooltip formatter escapes it.

// chartID returns the stable element id of a chart: "chart-" followed by
// the parts, each made safe by FileStem.
func chartID(parts ...string) string {
	id := "chart"
	for _, p := range parts {
		id += "-" + FileStem(p)
	}
	return id
}

func pctValue(v *float64) any {
	if v == nil {
		return nil
	}
	return roundTo(*v*100, 1)
}

// goLive is an initiative's go-live date to mark on a trend chart.
type goLive struct {
	ID   string
	Date time.Time
}

// mark is a go-live as the theme's script adds it to a trend chart's
// markLine.
type mark struct {
	Name  string `json:"name"` // the initiative's name, or its id when it has none
	ID    string `json:"id"`
	XAxis string `json:"xAxis"`
}

// metricChart is a metric's trend with the given go-lives marked: the
// chart is built once per metric and render (trendChart), with its
// markup; the go-lives are the page's own, as Marks and MarkRows.
func (x *index) metricChart(mr *model.MetricResult, gls []goLive) Chart {
	c := x.trendChart(mr)
	c.Marks, c.MarkRows = x.goLiveMarks(gls)
	return c
}

// goLiveMarks returns the go-lives with a date, by date, as the JSON of
// a trend chart's Marks and as its MarkRows.
func (x *index) goLiveMarks(gls []goLive) (template.JS, []MarkRow) {
	if len(gls) > 1 {
		gls = slices.Clone(gls)
		slices.SortStableFunc(gls, func(a, b goLive) int { return a.Date.Compare(b.Date) })
	}
	var rows []MarkRow
	js := make([]byte, 0, 64)
	js = append(js, '[')
	for _, g := range gls {
		if g.Date.IsZero() {
			continue
		}
		d := x.fmt.Date(g.Date)
		name := g.ID
		if rec := x.iniRecs[g.ID]; rec != nil && rec.Name != "" {
			name = rec.Name
		}
		// json.Marshal of a mark, by hand (a page of each of 10,000
		// initiatives; TestGoLiveMarksJSON).
		if len(rows) > 0 {
			js = append(js, ',')
		}
		js = append(js, `{"name":`...)
		js = appendJSONString(js, name)
		js = append(js, `,"id":`...)
		js = appendJSONString(js, g.ID)
		js = append(js, `,"xAxis":`...)
		js = appendJSONString(js, d)
		js = append(js, '}')
		rows = append(rows, MarkRow{Label: "Go-live: " + name + " (" + g.ID + ")", Date: d})
	}
	if len(rows) == 0 {
		return "", nil
	}
	js = append(js, ']')
	return template.JS(js), rows
}

// trendChart returns a metric's trend chart without go-lives, built once
// per build: a line on a time axis (each value at its period's end) with
// baseline and target lines.
func (x *index) trendChart(mr *model.MetricResult) Chart { return x.trend(mr).chart }

// trend returns a metric's trend chart, built on first use.
func (x *index) trend(mr *model.MetricResult) *trendOnce {
	x.trendMu.Lock()
	once, ok := x.trends[mr.ID]
	if !ok {
		once = &trendOnce{}
		x.trends[mr.ID] = once
	}
	x.trendMu.Unlock()
	once.Do(func() {
		once.chart = x.newTrendChart(mr)
	})
	return once
}

// trendOnce builds one metric's trend chart once.
type trendOnce struct {
	sync.Once
	chart Chart
}

func (x *index) newTrendChart(mr *model.MetricResult) Chart {
	obs := x.obs[mr.ID]
	data := make([]any, 0, len(obs))
	valueHead := "Value"
	if mr.Unit != "" {
		valueHead += " (" + mr.Unit + ")"
	}
	t := newTable(1, "Period", valueHead)
	for _, o := range obs {
		data = append(data, obj{"name": o.Period.String(), "value": []any{x.fmt.Date(o.End), roundTo(o.Value, 4)}})
		t.add(o.Period.String(), x.fmt.Num(o.Value))
	}
	t.add("Baseline", x.fmt.Num(mr.Baseline))
	t.add("Target", x.fmt.Num(mr.Target))
	xa := obj{"type": "time"}
	if len(obs) > 0 {
		xa["min"], xa["max"] = x.fmt.Date(obs[0].End.AddDate(0, 0, -15)), x.fmt.Date(obs[len(obs)-1].End.AddDate(0, 0, 15))
	}
	lo, hi := min(mr.Baseline, mr.Target), max(mr.Baseline, mr.Target)
	for _, o := range obs {
		lo, hi = min(lo, o.Value), max(hi, o.Value)
	}
	lo, hi, step := niceScale(lo, hi)
	o := baseOption("axis")
	o["xAxis"] = xa
	// The unit is in the series' name: an axis name above the plot would
	// meet the go-live labels there.
	o["yAxis"] = obj{"type": "value", "min": lo, "max": hi, "interval": step}
	series := mr.Name
	if mr.Unit != "" {
		series += " (" + mr.Unit + ")"
	}
	// Baseline and target are named in the legend, not on the plot, where
	// their labels would meet each other, the data and the go-lives.
	level := func(name string, v float64, colour, dash string) obj {
		style := obj{"color": colour, "type": dash, "width": 1.5}
		return obj{"type": "line", "name": name, "data": []any{}, "symbol": "none",
			"itemStyle": obj{"color": colour}, "lineStyle": style,
			"markLine": obj{"silent": true, "symbol": []any{"none", "none"}, "label": obj{"show": false},
				"lineStyle": style, "data": []any{obj{"name": name, "yAxis": roundTo(v, 4)}}}}
	}
	o["series"] = []any{
		obj{"type": "line", "name": series, "data": data, "symbol": "circle", "symbolSize": 5,
			"itemStyle": obj{"color": metricColour}, "lineStyle": obj{"color": metricColour, "width": 2}},
		level("Target "+x.fmt.Num(mr.Target), mr.Target, targetColour, "solid"),
		level("Baseline "+x.fmt.Num(mr.Baseline), mr.Baseline, baselineColour, "dashed"),
	}
	return x.chart(Chart{ID: chartID("metric", mr.ID), Title: metricName(mr) + ": trend", Option: mapJSON(o), Height: 300, Table: t, Empty: len(obs) == 0})
}

// pastQuarters returns the quarters of the breakdown up to the report
// period: incidents are history, and quarters after as_of (which the
// breakdown holds for planned go-lives) would show as empty bars.
func (x *index) pastQuarters() []model.QuarterFigures {
	qs := x.sc.Portfolio.ByQuarter
	if x.sc.Period == "" {
		return qs
	}
	for i, q := range qs {
		if q.Period > x.sc.Period { // same naming scheme, so the text order is the time order
			return qs[:i]
		}
	}
	return qs
}

// metricName is a metric's name, its id when it has none: ids stay out
// of chart titles (the page names the metric with its id muted).
func metricName(mr *model.MetricResult) string {
	if mr.Name == "" {
		return mr.ID
	}
	return mr.Name
}
