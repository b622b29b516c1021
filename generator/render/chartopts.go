package render

import (
	"encoding/json"
	"html/template"
	"slices"
	"strconv"

	"github.com/opsalign/opsalign/generator/model"
)

// obj is a JSON object of an ECharts option.
type obj = map[string]any

// mapJSON returns an option written as maps as JSON safe inside a <script>
// element; map keys are sorted, so the bytes are deterministic.
func mapJSON(o obj) template.JS {
	b, err := json.Marshal(o)
	if err != nil {
		panic("render: chart option: " + err.Error()) // strings, numbers, maps and slices only
	}
	return template.JS(b)
}

// baseOption is what every chart shares: no animation (prints and
// screenshots show the final state), ARIA descriptions and decal patterns
// on, a tooltip (the theme's script installs an escaping formatter), a
// one-line legend above the plot that pages rather than wraps (so it never
// covers the plot on a phone), and a grid that keeps its axis labels
// inside the chart.
func baseOption(trigger string) obj {
	return obj{
		"animation": false,
		"aria":      obj{"enabled": true, "decal": obj{"show": true}},
		"tooltip":   obj{"show": true, "trigger": trigger},
		"legend":    obj{"show": true, "top": 0, "type": "scroll"},
		"grid":      obj{"left": 8, "right": 24, "bottom": 8, "top": 44, "containLabel": true},
	}
}

// barSeries is one series of a bar chart.
type barSeries struct {
	Name   string
	Values []any
	Style  obj    // itemStyle
	Stack  string // stack name, or none
	Decal  obj    // a decal of its own, or ECharts' default
}

// barOption returns a bar chart of the labelled values: columns, or
// horizontal bars when sideways, in the order given from the top (callers
// sort them by size), each label on a line of its own.
func barOption(labels []string, series []barSeries, sideways bool) obj {
	o := baseOption("axis")
	cat := obj{"type": "category", "data": labels, "axisLabel": obj{"interval": 0}, "axisTick": obj{"alignWithLabel": true}}
	val := obj{"type": "value"}
	if sideways {
		cat["inverse"] = true // the first label at the top
		o["xAxis"], o["yAxis"] = val, cat
		o["tooltip"].(obj)["axisPointer"] = obj{"type": "shadow"}
	} else {
		o["xAxis"], o["yAxis"] = cat, val
	}
	var ss []any
	for _, s := range series {
		so := obj{"type": "bar", "name": s.Name, "data": s.Values}
		if s.Style != nil {
			so["itemStyle"] = s.Style
		}
		if s.Stack != "" {
			so["stack"] = s.Stack
		}
		if s.Decal != nil {
			st, _ := so["itemStyle"].(obj)
			if st == nil {
				st = obj{}
			}
			st["decal"] = s.Decal
			so["itemStyle"] = st
		}
		ss = append(ss, so)
	}
	o["series"] = ss
	return o
}

// horizontal reports whether a bar chart of n labels without an order of
// their own (business units, not quarters) is drawn sideways.
func horizontal(n int) bool { return n > maxColumns }

// barHeight is the height of a bar chart of n labels: fixed for columns,
// a line per label for horizontal bars.
func barHeight(n int, sideways bool) int {
	if sideways {
		return 80 + 28*n
	}
	return 320
}

// planStyles are the item styles of plan, budget and spend bars.
func planStyles() (plan, budget, spend obj) {
	return obj{"color": planFill, "borderColor": planBorder, "borderWidth": 1.5},
		obj{"color": budgetFill},
		obj{"color": spendFill}
}

// noDecal is the decal of a series told apart by its fill alone (an
// outline, light or dark bar).
func noDecal() obj { return obj{"symbol": "none"} }

// splitChart is the run/improve/transform split of budget and spend with
// the policy bands shaded behind the bars. The band of a category is
// named in its axis label and its table row, never on the plot, where it
// would sit on the bars it exists to show. The bands are drawn on a
// second, hidden value x axis from 0 to 3, where category i is [i, i+1]
// (a category coordinate would put a corner at the band's centre).
func (x *index) splitChart() Chart {
	sp := x.sc.Portfolio.Split
	band := map[model.Category]model.Band{}
	for _, bd := range sp.Bands {
		band[bd.Category] = bd.Band
	}
	budget := []*float64{sp.Budget.Run, sp.Budget.Improve, sp.Budget.Transform}
	spend := []*float64{sp.Spend.Run, sp.Spend.Improve, sp.Spend.Transform}
	var labels []string
	var bd, sd []any
	var areas []any
	t := newTable(1, "Category", "Budget", "Spend", "Policy band")
	for i, c := range model.Categories {
		name := categoryName(c)
		label := name
		bandText := "–"
		if bnd, ok := band[c]; ok {
			bandText = x.fmt.Share(bnd[0]) + "–" + x.fmt.Share(bnd[1])
			label += "\nband " + bandText
			areas = append(areas, []any{
				obj{"name": name + " policy band " + bandText, "coord": []any{float64(i) + 0.1, roundTo(bnd[0]*100, 1)}},
				obj{"coord": []any{float64(i) + 0.9, roundTo(bnd[1]*100, 1)}},
			})
		}
		labels = append(labels, label)
		bd = append(bd, pctValue(budget[i]))
		sd = append(sd, pctValue(spend[i]))
		t.add(name, x.fmt.Pct(budget[i]), x.fmt.Pct(spend[i]), bandText)
	}
	_, budgetStyle, spendStyle := planStyles()
	o := barOption(labels, []barSeries{
		{Name: "Budget", Values: bd, Style: budgetStyle, Decal: noDecal()},
		{Name: "Spend", Values: sd, Style: spendStyle, Decal: noDecal()},
	}, false)
	o["yAxis"].(obj)["axisLabel"] = obj{"formatter": "{value}%"}
	o["yAxis"].(obj)["min"] = 0
	o["yAxis"].(obj)["max"] = 100
	o["yAxis"].(obj)["interval"] = 20
	o["xAxis"].(obj)["axisLabel"] = obj{"interval": 0, "lineHeight": 16}
	o["xAxis"] = []any{o["xAxis"], obj{"type": "value", "show": false, "min": 0, "max": len(labels)}}
	o["series"] = append(o["series"].([]any), obj{
		"type": "bar", "name": "Policy band", "xAxisIndex": 1, "data": []any{},
		"itemStyle": obj{"color": policyShade, "borderColor": planBorder, "borderWidth": 1, "borderType": "dashed", "decal": noDecal()},
		"markArea": obj{"silent": true, "label": obj{"show": false},
			"itemStyle": obj{"color": policyShade, "borderColor": planBorder, "borderWidth": 1, "borderType": "dashed"},
			"data":      areas},
	})
	return x.chart(Chart{ID: chartID("split"), Title: "Run, improve, transform: share of budget and spend against the policy bands", Option: mapJSON(o), Height: 340, Table: t})
}

// stackedCategories is a stacked bar of run/improve/transform amounts per
// label, each category in its own colour. More than maxColumns labels are
// sorted by total, largest first, when sorted is true (units; quarters
// keep their time order).
func (x *index) stackedCategories(id, title string, labels []string, amounts []map[model.Category]float64, first string, sorted bool) Chart {
	order := make([]int, len(labels))
	for i := range order {
		order[i] = i
	}
	if sorted && horizontal(len(labels)) {
		slices.SortStableFunc(order, func(a, b int) int { return cmpDesc(sum(amounts[a]), sum(amounts[b])) })
	}
	sideways := sorted && horizontal(len(labels))
	var ls []string
	for _, i := range order {
		ls = append(ls, labels[i])
	}
	var series []barSeries
	for _, c := range model.Categories {
		var d []any
		for _, i := range order {
			d = append(d, roundTo(amounts[i][c], 2))
		}
		series = append(series, barSeries{Name: categoryName(c), Values: d, Stack: "total", Style: obj{"color": categoryColour(c)}})
	}
	t := newTable(1, first, "Run", "Improve", "Transform", "Total")
	for _, i := range order {
		m := amounts[i]
		t.add(labels[i], x.fmt.Money(m[model.Run]), x.fmt.Money(m[model.Improve]), x.fmt.Money(m[model.Transform]), x.fmt.Money(sum(m)))
	}
	return x.chart(Chart{ID: chartID(id), Title: title, Option: mapJSON(barOption(ls, series, sideways)), Height: barHeight(len(ls), sideways), Table: t})
}

// cmpDesc orders larger values first.
func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
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
	return x.stackedCategories("split-by-unit", "Budget by business unit and category ("+x.fmt.Currency+")", labels, amounts, "Business unit", true)
}

// byQuarterChart is the budget split by go-live quarter.
func (x *index) byQuarterChart() Chart {
	var labels []string
	var amounts []map[model.Category]float64
	for _, q := range x.sc.Portfolio.ByQuarter {
		labels = append(labels, q.Period)
		amounts = append(amounts, q.Budget)
	}
	return x.stackedCategories("split-by-quarter", "Budget by go-live quarter and category ("+x.fmt.Currency+")", labels, amounts, "Quarter", false)
}

func unitName(u string) string {
	if u == "" {
		return "(no unit)"
	}
	return u
}

// spendVsPlanChart compares each unit's budget and spend with its plan:
// plan an outline, budget light, spend dark.
func (x *index) spendVsPlanChart() Chart {
	rows := x.unitRows()
	if horizontal(len(rows)) {
		rows = slices.Clone(rows)
		slices.SortStableFunc(rows, func(a, b UnitRow) int { return cmpDesc(max(a.Plan, a.Budget), max(b.Plan, b.Budget)) })
	}
	var labels []string
	var bd, sd, pd []any
	t := newTable(1, "Business unit", "Plan", "Budget", "Spend")
	for _, u := range rows {
		labels = append(labels, unitName(u.Unit))
		pd = append(pd, roundTo(u.Plan, 2))
		bd = append(bd, roundTo(u.Budget, 2))
		sd = append(sd, roundTo(u.Spend, 2))
		t.add(unitName(u.Unit), x.fmt.Money(u.Plan), x.fmt.Money(u.Budget), x.fmt.Money(u.Spend))
	}
	plan, budget, spend := planStyles()
	sideways := horizontal(len(labels))
	o := barOption(labels, []barSeries{
		{Name: "Plan", Values: pd, Style: plan, Decal: noDecal()},
		{Name: "Budget", Values: bd, Style: budget, Decal: noDecal()},
		{Name: "Spend", Values: sd, Style: spend, Decal: noDecal()},
	}, sideways)
	return x.chart(Chart{ID: chartID("spend-vs-plan"), Title: "Budget and spend against the operating plan (" + x.fmt.Currency + ")", Option: mapJSON(o), Height: barHeight(len(labels), sideways), Table: t})
}

// verdictsByUnitChart counts verdicts per business unit.
func (x *index) verdictsByUnitChart() Chart {
	units := slices.Clone(x.sc.Portfolio.ByUnit)
	total := func(v model.VerdictCounts) int { return v.Aligned + v.AtRisk + v.NotAligned + v.NotScored }
	if horizontal(len(units)) {
		slices.SortStableFunc(units, func(a, b model.UnitFigures) int { return total(b.Verdicts) - total(a.Verdicts) })
	}
	var labels []string
	t := newTable(1, "Business unit", "Aligned", "At risk", "Not aligned", "Not scored")
	values := make([][]any, 4)
	for _, u := range units {
		labels = append(labels, unitName(u.BusinessUnit))
		v := u.Verdicts
		for i, n := range []int{v.Aligned, v.AtRisk, v.NotAligned, v.NotScored} {
			values[i] = append(values[i], n)
		}
		t.add(unitName(u.BusinessUnit), strconv.Itoa(v.Aligned), strconv.Itoa(v.AtRisk), strconv.Itoa(v.NotAligned), strconv.Itoa(v.NotScored))
	}
	var series []barSeries
	for i, v := range model.Verdicts {
		series = append(series, barSeries{Name: verdictLabel(v), Values: values[i], Stack: "verdicts", Style: obj{"color": verdictColours()[i]}})
	}
	sideways := horizontal(len(labels))
	o := barOption(labels, series, sideways)
	valueAxis(o)["minInterval"] = 1
	return x.chart(Chart{ID: chartID("verdicts-by-unit"), Title: "Verdicts by business unit", Option: mapJSON(o), Height: barHeight(len(labels), sideways), Table: t})
}

// valueAxis returns the value axis of a bar option.
func valueAxis(o obj) obj {
	if y, ok := o["yAxis"].(obj); ok && y["type"] == "value" {
		return y
	}
	return o["xAxis"].(obj)
}

// incidentsChart counts severity 1–2 incidents by quarter as one stacked
// bar: the change-caused part (attributed to an initiative) and the rest,
// which add up to the severity 1–2 count.
func (x *index) incidentsChart() Chart {
	var labels []string
	var change, other []any
	t := newTable(1, "Quarter", "Sev 1–2 incidents", "Change-caused", "Other causes")
	for _, q := range x.pastQuarters() {
		labels = append(labels, q.Period)
		change = append(change, q.ChangeIncidents)
		other = append(other, q.Incidents-q.ChangeIncidents)
		t.add(q.Period, strconv.Itoa(q.Incidents), strconv.Itoa(q.ChangeIncidents), strconv.Itoa(q.Incidents-q.ChangeIncidents))
	}
	o := barOption(labels, []barSeries{
		{Name: "Change-caused", Values: change, Stack: "sev12", Style: obj{"color": changeIncidentColour}},
		{Name: "Other causes", Values: other, Stack: "sev12", Style: obj{"color": otherIncidentColour}},
	}, false)
	v := valueAxis(o)
	v["minInterval"] = 1
	return x.chart(Chart{ID: chartID("incidents"), Title: "Severity 1–2 incidents by quarter, change-caused and other", Option: mapJSON(o), Height: barHeight(len(labels), false), Table: t})
}

// mttrChart is the mean time to restore severity 1–2 incidents by
// quarter, on an axis of its own.
func (x *index) mttrChart() Chart {
	var labels []string
	var mttr []any
	hi := 0.0
	t := newTable(1, "Quarter", "MTTR, sev 1–2 (h)")
	for _, q := range x.pastQuarters() {
		labels = append(labels, q.Period)
		var m any
		if q.MTTRHours != nil {
			m = roundTo(*q.MTTRHours, 1)
			hi = max(hi, *q.MTTRHours)
		}
		mttr = append(mttr, m)
		t.add(q.Period, x.fmt.Hours(q.MTTRHours))
	}
	o := baseOption("axis")
	lo, top, step := niceScale(0, hi)
	o["xAxis"] = obj{"type": "category", "data": labels, "axisLabel": obj{"interval": 0}, "boundaryGap": true}
	o["yAxis"] = obj{"type": "value", "min": lo, "max": top, "interval": step, "axisLabel": obj{"formatter": "{value} h"}}
	o["series"] = []any{obj{"type": "line", "name": "MTTR, sev 1–2 (h)", "data": mttr, "connectNulls": false,
		"symbol": "circle", "symbolSize": 7, "itemStyle": obj{"color": mttrColour}, "lineStyle": obj{"color": mttrColour, "width": 2}}}
	return x.chart(Chart{ID: chartID("mttr"), Title: "MTTR, sev 1–2 (h), by quarter", Option: mapJSON(o), Height: 260, Table: t})
}
