package render

import (
	"encoding/json"
	"html/template"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/opsalign/opsalign/generator/model"
)

// Chart options are built with go-echarts but never rendered by it: the
// option JSON goes into the theme's chart partial, read by the theme's
// bootstrap script. Every label that comes from data is a JSON string, and
// the bootstrap's tooltip formatter escapes it.

// optioner is a go-echarts chart.
type optioner interface {
	Validate()
	JSON() map[string]interface{}
}

// optionJSON returns a chart's option as JSON safe inside a <script>
// element: json.Marshal escapes <, >, & and U+2028/U+2029.
func optionJSON(c optioner) template.JS {
	c.Validate()
	obj := c.JSON()
	// go-echarts always emits a toolbox and a title; keep the page's own.
	delete(obj, "toolbox")
	b, err := json.Marshal(obj)
	if err != nil {
		// Options hold only strings, numbers and nested maps and slices of them.
		panic("render: chart option: " + err.Error())
	}
	return template.JS(b)
}

// palette is the categorical colours, chosen to stay apart in greyscale.
func palette() []string {
	return []string{"#1f4e79", "#c55a11", "#7f7f7f", "#70ad47", "#ffc000", "#5b9bd5"}
}

// verdictColours colour verdicts best to worst, light to dark in greyscale
// order so they read without colour as well.
func verdictColours() []string {
	return []string{"#2e7d32", "#f9a825", "#c62828", "#9e9e9e"}
}

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

// baseOpts are the options every chart shares: the tooltip (the bootstrap
// script installs an escaping formatter), no animation (prints and
// screenshots show the final state), the legend at the top, and ARIA decal
// patterns so that series tell apart in greyscale and for colour-blind
// readers.
func baseOpts(c interface {
	SetGlobalOptions(...charts.GlobalOpts) *charts.RectChart
}) {
	c.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithAnimation(false),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Decal: &opts.AriaDecal{Show: opts.Bool(true)}}),
		charts.WithColorsOpts(opts.Colors(palette())),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Bottom: "3%", Top: "40", ContainLabel: opts.Bool(true)}),
	)
}

// labelAxis shows every label of a category x axis, turned when they are
// many or long so that none is dropped or overlaps.
func labelAxis(c interface {
	SetGlobalOptions(...charts.GlobalOpts) *charts.RectChart
}, labels []string) {
	long := 0
	for _, l := range labels {
		long = max(long, len([]rune(l)))
	}
	var rotate float64
	if len(labels)*max(long, 6) > 60 {
		rotate = 30
	}
	c.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: rotate}}))
}

// splitChart is the run/improve/transform split of budget and spend with
// the policy bands as shaded areas.
func (x *index) splitChart() Chart {
	sp := x.sc.Portfolio.Split
	band := map[model.Category]model.Band{}
	for _, bd := range sp.Bands {
		band[bd.Category] = bd.Band
	}
	cats := []string{"Run", "Improve", "Transform"}
	budget := []*float64{sp.Budget.Run, sp.Budget.Improve, sp.Budget.Transform}
	spend := []*float64{sp.Spend.Run, sp.Spend.Improve, sp.Spend.Transform}
	bar := charts.NewBar()
	baseOpts(bar)
	bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Name: "%", Min: 0, Max: 100}))
	bar.SetXAxis(cats)
	var bd, sd []opts.BarData
	for i := range cats {
		bd = append(bd, opts.BarData{Value: pctValue(budget[i])})
		sd = append(sd, opts.BarData{Value: pctValue(spend[i])})
	}
	var areas []opts.MarkAreaNameCoordItem
	t := newTable(1, "Category", "Budget", "Spend", "Policy band")
	for i, c := range model.Categories {
		bnd, ok := band[c]
		bandText := "–"
		if ok {
			bandText = x.fmt.Share(bnd[0]) + "–" + x.fmt.Share(bnd[1])
			areas = append(areas, opts.MarkAreaNameCoordItem{
				Name:        "Policy " + bandText,
				Coordinate0: []interface{}{cats[i], roundTo(bnd[0]*100, 1)},
				Coordinate1: []interface{}{cats[i], roundTo(bnd[1]*100, 1)},
			})
		}
		t.add(cats[i], x.fmt.Pct(budget[i]), x.fmt.Pct(spend[i]), bandText)
	}
	bar.AddSeries("Budget", bd, charts.WithMarkAreaNameCoordItemOpts(areas...),
		charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: "rgba(31,78,121,0.12)", BorderColor: "#1f4e79", BorderWidth: 1}}))
	bar.AddSeries("Spend", sd)
	return x.chart(Chart{ID: chartID("split"), Title: "Run, improve, transform: share of budget and spend against the policy bands", Option: optionJSON(bar), Height: 320, Table: t})
}

// stackedCategories is a stacked bar of run/improve/transform amounts per label.
func (x *index) stackedCategories(id, title string, labels []string, amounts []map[model.Category]float64, first string) Chart {
	bar := charts.NewBar()
	baseOpts(bar)
	labelAxis(bar, labels)
	bar.SetXAxis(labels)
	t := newTable(1, first, "Run", "Improve", "Transform", "Total")
	for _, c := range model.Categories {
		var d []opts.BarData
		for _, m := range amounts {
			d = append(d, opts.BarData{Value: roundTo(m[c], 2)})
		}
		bar.AddSeries(categoryName(c), d, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
	}
	for i, l := range labels {
		m := amounts[i]
		t.add(l, x.fmt.Money(m[model.Run]), x.fmt.Money(m[model.Improve]), x.fmt.Money(m[model.Transform]), x.fmt.Money(sum(m)))
	}
	return x.chart(Chart{ID: chartID(id), Title: title, Option: optionJSON(bar), Height: 320, Table: t})
}

func categoryName(c model.Category) string {
	switch c {
	case model.Run:
		return "Run"
	case model.Improve:
		return "Improve"
	}
	return "Transform"
}

// byUnitChart is the budget split by business unit.
func (x *index) byUnitChart() Chart {
	var labels []string
	var amounts []map[model.Category]float64
	for _, u := range x.sc.Portfolio.ByUnit {
		labels = append(labels, unitName(u.BusinessUnit))
		amounts = append(amounts, u.Budget)
	}
	return x.stackedCategories("split-by-unit", "Budget by business unit and category ("+x.fmt.Currency+")", labels, amounts, "Business unit")
}

// byQuarterChart is the budget split by go-live quarter.
func (x *index) byQuarterChart() Chart {
	var labels []string
	var amounts []map[model.Category]float64
	for _, q := range x.sc.Portfolio.ByQuarter {
		labels = append(labels, q.Period)
		amounts = append(amounts, q.Budget)
	}
	return x.stackedCategories("split-by-quarter", "Budget by go-live quarter and category ("+x.fmt.Currency+")", labels, amounts, "Quarter")
}

func unitName(u string) string {
	if u == "" {
		return "(no unit)"
	}
	return u
}

// spendVsPlanChart compares each unit's budget and spend with its plan.
func (x *index) spendVsPlanChart() Chart {
	bar := charts.NewBar()
	baseOpts(bar)
	var labels []string
	var bd, sd, pd []opts.BarData
	t := newTable(1, "Business unit", "Plan", "Budget", "Spend")
	for _, u := range x.unitRows() {
		labels = append(labels, unitName(u.Unit))
		pd = append(pd, opts.BarData{Value: roundTo(u.Plan, 2)})
		bd = append(bd, opts.BarData{Value: roundTo(u.Budget, 2)})
		sd = append(sd, opts.BarData{Value: roundTo(u.Spend, 2)})
		t.add(unitName(u.Unit), x.fmt.Money(u.Plan), x.fmt.Money(u.Budget), x.fmt.Money(u.Spend))
	}
	labelAxis(bar, labels)
	bar.SetXAxis(labels)
	bar.AddSeries("Plan", pd)
	bar.AddSeries("Budget", bd)
	bar.AddSeries("Spend", sd)
	return x.chart(Chart{ID: chartID("spend-vs-plan"), Title: "Budget and spend against the operating plan (" + x.fmt.Currency + ")", Option: optionJSON(bar), Height: 320, Table: t})
}

// verdictsByUnitChart counts verdicts per business unit.
func (x *index) verdictsByUnitChart() Chart {
	bar := charts.NewBar()
	baseOpts(bar)
	bar.SetGlobalOptions(charts.WithColorsOpts(opts.Colors(verdictColours())))
	var labels []string
	t := newTable(1, "Business unit", "Aligned", "At risk", "Not aligned", "Not scored")
	series := make([][]opts.BarData, 4)
	for _, u := range x.sc.Portfolio.ByUnit {
		labels = append(labels, unitName(u.BusinessUnit))
		v := u.Verdicts
		for i, n := range []int{v.Aligned, v.AtRisk, v.NotAligned, v.NotScored} {
			series[i] = append(series[i], opts.BarData{Value: n})
		}
		t.add(unitName(u.BusinessUnit), strconv.Itoa(v.Aligned), strconv.Itoa(v.AtRisk), strconv.Itoa(v.NotAligned), strconv.Itoa(v.NotScored))
	}
	labelAxis(bar, labels)
	bar.SetXAxis(labels)
	for i, v := range model.Verdicts {
		bar.AddSeries(verdictLabel(v), series[i], charts.WithBarChartOpts(opts.BarChart{Stack: "verdicts"}))
	}
	return x.chart(Chart{ID: chartID("verdicts-by-unit"), Title: "Verdicts by business unit", Option: optionJSON(bar), Height: 300, Table: t})
}

// goLive is an initiative's go-live date to mark on a trend chart.
type goLive struct {
	ID   string
	Date time.Time
}

// mark is a go-live as the theme's script adds it to a trend chart's
// markLine.
type mark struct {
	Name  string `json:"name"`
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
	var marks []mark
	var rows []MarkRow
	for _, g := range gls {
		if g.Date.IsZero() {
			continue
		}
		d := x.fmt.Date(g.Date)
		marks = append(marks, mark{Name: "Go-live " + g.ID, XAxis: d})
		rows = append(rows, MarkRow{Label: "Go-live " + g.ID, Date: d})
	}
	if len(marks) == 0 {
		return "", nil
	}
	js, err := json.Marshal(marks)
	if err != nil {
		panic("render: marks: " + err.Error()) // unreachable: strings only
	}
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
	line := charts.NewLine()
	baseOpts(line)
	data := make([]opts.LineData, 0, len(obs))
	t := newTable(1, "Period", "Value")
	for _, o := range obs {
		data = append(data, opts.LineData{Name: o.Period.String(), Value: []any{x.fmt.Date(o.End), roundTo(o.Value, 4)}})
		t.add(o.Period.String(), x.fmt.Num(o.Value))
	}
	t.add("Baseline", x.fmt.Num(mr.Baseline))
	t.add("Target", x.fmt.Num(mr.Target))
	xa := opts.XAxis{Type: "time"}
	if len(obs) > 0 {
		xa.Min, xa.Max = x.fmt.Date(obs[0].End.AddDate(0, 0, -15)), x.fmt.Date(obs[len(obs)-1].End.AddDate(0, 0, 15))
	}
	lo, hi := min(mr.Baseline, mr.Target), max(mr.Baseline, mr.Target)
	for _, o := range obs {
		lo, hi = min(lo, o.Value), max(hi, o.Value)
	}
	lo, hi = niceRange(lo, hi)
	line.SetGlobalOptions(
		charts.WithXAxisOpts(xa),
		charts.WithYAxisOpts(opts.YAxis{Name: mr.Unit, Min: lo, Max: hi}),
	)
	line.AddSeries(mr.Name, data,
		charts.WithMarkLineNameYAxisItemOpts(
			opts.MarkLineNameYAxisItem{Name: "Baseline " + x.fmt.Num(mr.Baseline), YAxis: roundTo(mr.Baseline, 4)},
			opts.MarkLineNameYAxisItem{Name: "Target " + x.fmt.Num(mr.Target), YAxis: roundTo(mr.Target, 4)},
		),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"}, Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop"}}),
	)
	return x.chart(Chart{ID: chartID("metric", mr.ID), Title: mr.ID + " " + mr.Name + ": trend", Option: optionJSON(line), Height: 280, Table: t, Empty: len(obs) == 0})
}

// incidentsChart shows severity 1–2 incidents (bars) and MTTR (line, right
// axis) by quarter.
func (x *index) incidentsChart() Chart {
	bar := charts.NewBar()
	baseOpts(bar)
	bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Name: "incidents", MinInterval: 1}))
	bar.ExtendYAxis(opts.YAxis{Name: "MTTR h", Position: "right"})
	var labels []string
	var all, change []opts.BarData
	var mttr []opts.LineData
	t := newTable(1, "Quarter", "Sev 1–2 incidents", "Change-caused", "MTTR")
	for _, q := range x.pastQuarters() {
		labels = append(labels, q.Period)
		all = append(all, opts.BarData{Value: q.Incidents})
		change = append(change, opts.BarData{Value: q.ChangeIncidents})
		var m any
		if q.MTTRHours != nil {
			m = roundTo(*q.MTTRHours, 1)
		}
		mttr = append(mttr, opts.LineData{Value: m, YAxisIndex: 1})
		t.add(q.Period, strconv.Itoa(q.Incidents), strconv.Itoa(q.ChangeIncidents), x.fmt.Hours(q.MTTRHours))
	}
	labelAxis(bar, labels)
	bar.SetXAxis(labels)
	bar.AddSeries("Sev 1–2 incidents", all)
	bar.AddSeries("Change-caused", change)
	line := charts.NewLine()
	line.SetXAxis(labels)
	line.AddSeries("MTTR (hours)", mttr, charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1}))
	bar.Overlap(line)
	return x.chart(Chart{ID: chartID("incidents"), Title: "Incidents and MTTR by quarter", Option: optionJSON(bar), Height: 300, Table: t})
}

// niceRange widens [lo, hi] a little and rounds it out to a step of 1, 2
// or 5 times a power of ten, so that baseline and target lines and every
// value show on a value axis.
func niceRange(lo, hi float64) (float64, float64) {
	if lo > hi {
		lo, hi = hi, lo
	}
	span := hi - lo
	if span == 0 {
		span = math.Max(math.Abs(hi), 1)
	}
	raw := span / 5
	step := math.Pow(10, math.Floor(math.Log10(raw)))
	switch {
	case raw/step > 5:
		step *= 10
	case raw/step > 2:
		step *= 5
	case raw/step > 1:
		step *= 2
	}
	nlo := math.Floor((lo-span*0.05)/step) * step
	nhi := math.Ceil((hi+span*0.05)/step) * step
	if lo >= 0 && nlo < 0 {
		nlo = 0
	}
	return roundTo(nlo, 6), roundTo(nhi, 6)
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
