package render

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// The calendar chart has one row per business unit on a category y axis.
// ECharts places a markArea corner given as a category at the centre of
// its band (MarkAreaView's getSingleMarkerEndPoint calls dataToPoint, and
// a category axis with boundaryGap maps a category to its band's centre),
// so a window given by its unit would shade a line, or run from one
// centre to another. The windows are therefore drawn on a second, hidden
// value axis spanning 0 to the number of rows, where row i is the band
// [i, i+1]: both axes start at the bottom and divide the same height. A
// window of every unit leaves its y coordinates null, which ECharts reads
// as the ends of the axis: the full height.

// Series of the calendar chart.
const (
	clearSeries  = "Go-live"
	clashSeries  = "Go-live in a peak or freeze window"
	peakSeries   = "Peak window"
	freezeSeries = "Freeze window"
)

// Calendar defaults: the chart looks forward from as_of, with a month of
// the past for context; more go-lives than calendarHeatMapAt in that span
// are drawn as a heat map of go-lives per unit and week.
const (
	calendarMonthsBack    = 1
	calendarMonthsAhead   = 9
	calendarHeatMapAt     = 200
	calendarPeakColour    = "rgba(230,145,56,0.28)"
	calendarPeakBorder    = "#c55a11"
	calendarFreezeColour  = "rgba(64,64,64,0.22)"
	calendarFreezeBorder  = "#262626"
	calendarAsOfColour    = "#262626"
	calendarGoLiveColour  = "#595959"
	calendarClashColour   = "#c62828"
	calendarLabelFontSize = 11
)

// calendarRange returns the days the calendar chart spans: from a month
// before as_of to nine months after it, or every go-live and window when
// as_of is not a date.
func (x *index) calendarRange() (from, to, asOf time.Time) {
	asOf, err := time.Parse(time.DateOnly, x.sc.AsOf)
	if err != nil {
		first, last := x.calendarSpan()
		if first.IsZero() {
			return first, last, asOf
		}
		return first.AddDate(0, 0, -15), last.AddDate(0, 0, 15), time.Time{}
	}
	return asOf.AddDate(0, -calendarMonthsBack, 0), asOf.AddDate(0, calendarMonthsAhead, 0), asOf
}

// calendarGoLive is a go-live the calendar draws.
type calendarGoLive struct {
	ini   *model.Initiative
	clash bool
}

// calendarGoLives returns the go-lives of initiatives not cancelled, by
// date, then register order.
func (x *index) calendarGoLives() []calendarGoLive {
	hit := map[string]bool{}
	for _, c := range x.sc.Calendar.Collisions {
		hit[c.Initiative] = true
	}
	var out []calendarGoLive
	for i := range x.ds.Initiatives {
		ini := &x.ds.Initiatives[i]
		if ini.GoLive.IsZero() || ini.Status == model.StatusCancelled {
			continue
		}
		out = append(out, calendarGoLive{ini: ini, clash: hit[ini.ID]})
	}
	slices.SortStableFunc(out, func(a, b calendarGoLive) int { return a.ini.GoLive.Compare(b.ini.GoLive) })
	return out
}

// within reports whether day d is in [from, to].
func within(d, from, to time.Time) bool { return !d.Before(from) && !d.After(to) }

// calendarChart shows the go-lives of the coming months against peak and
// freeze windows, one row per business unit, with a line at as_of: each
// go-live a point named by its initiative (a diamond when it falls in a
// window; names that would overlap are left to the tooltip and the
// table), peak windows shaded, freeze windows darker with a solid border.
// A window of every unit shades the full height; a window of one unit
// only that unit's row, and a unit that has a window but no go-live gets a
// row of its own, so that its window shows. The table lists the go-lives
// and windows of the span by date. With more go-lives in the span than
// calendarHeatMapAt it is a heat map instead (calendarHeatMap).
func (x *index) calendarChart() Chart {
	from, to, asOf := x.calendarRange()
	gls := x.calendarGoLives()
	n := 0
	for _, g := range gls {
		if within(g.ini.GoLive, from, to) {
			n++
		}
	}
	if n > calendarHeatMapAt {
		return x.calendarHeatMap(gls, from, to, asOf)
	}
	labels, rowKeys := x.calendarRows()
	o := baseOption("item")
	o["legend"] = obj{"show": true, "top": 0, "type": "scroll", "data": []any{
		obj{"name": clearSeries, "icon": "circle"}, obj{"name": clashSeries, "icon": "diamond"},
		obj{"name": peakSeries, "icon": "rect"}, obj{"name": freezeSeries, "icon": "rect"}}}
	o["grid"] = obj{"left": 8, "right": 24, "bottom": 8, "top": 64, "containLabel": true}
	xa := obj{"type": "time"}
	if !from.IsZero() {
		xa["min"], xa["max"] = x.fmt.Date(from), x.fmt.Date(to)
	}
	o["xAxis"] = xa
	// The rows as numbers on a hidden axis, for the windows (see above).
	o["yAxis"] = []any{
		obj{"type": "category", "data": labels},
		obj{"type": "value", "show": false, "min": 0, "max": max(len(labels), 1)},
	}

	type row struct{ date, what, unit, in string }
	var rows []row
	var clear, clash []any
	for _, g := range gls {
		i := g.ini
		in := "no"
		if g.clash {
			in = "yes"
		}
		if !from.IsZero() && !within(i.GoLive, from, to) {
			continue
		}
		rows = append(rows, row{x.fmt.Date(i.GoLive), "Go-live: " + nameOr(i) + " (" + i.ID + ")", unitName(i.BusinessUnit), in})
		d := obj{"name": nameOr(i), "value": []any{x.fmt.Date(i.GoLive), unitName(i.BusinessUnit)}}
		if g.clash {
			clash = append(clash, d)
		} else {
			clear = append(clear, d)
		}
	}
	areas := map[model.WindowKind][]any{}
	for _, w := range x.sc.Calendar.Windows {
		start, end := w.Start.Time, w.End.Time
		unit := "All"
		name := w.Name + " (" + string(w.Kind)
		if w.UnitKey != "" {
			unit = w.BusinessUnit
			name += ", " + w.BusinessUnit
		}
		name += ")"
		if !from.IsZero() {
			if end.Before(from) || start.After(to) {
				continue
			}
		}
		rows = append(rows, row{x.fmt.Date(start) + " – " + x.fmt.Date(end), w.Name + " (" + string(w.Kind) + " window)", unit, "–"})
		if !from.IsZero() {
			start, end = maxTime(start, from), minTime(end, to)
		}
		s, e := x.fmt.Date(start), x.fmt.Date(end)
		if w.UnitKey == "" {
			areas[w.Kind] = append(areas[w.Kind], []any{obj{"name": name, "coord": []any{s, nil}}, obj{"coord": []any{e, nil}}})
			continue
		}
		for r, k := range rowKeys {
			if k == w.UnitKey {
				areas[w.Kind] = append(areas[w.Kind], []any{obj{"name": name, "coord": []any{s, r}}, obj{"coord": []any{e, r + 1}}})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int { return strings.Compare(a.date, b.date) })
	t := newTable(4, "Date", "Go-live or window", "Business unit", "In a window")
	for _, r := range rows {
		t.add(r.date, r.what, r.unit, r.in)
	}

	// A go-live's name sits above its dot, not beside it: beside, it ran
	// into the next go-live's dot on the same row, which labelLayout's
	// hideOverlap does not see (it hides labels that touch labels only).
	label := obj{"show": true, "formatter": "{b}", "position": "top", "distance": 3, "fontSize": calendarLabelFontSize, "width": 140, "overflow": "truncate"}
	points := func(name, symbol, colour string, size int, data []any) obj {
		if data == nil {
			data = []any{}
		}
		return obj{"type": "scatter", "name": name, "data": data, "symbol": symbol, "symbolSize": size,
			"itemStyle": obj{"color": colour, "decal": noDecal()}, "label": label, "labelLayout": obj{"hideOverlap": true}}
	}
	clearS := points(clearSeries, "circle", calendarGoLiveColour, 9, clear)
	if !asOf.IsZero() {
		clearS["markLine"] = obj{"silent": true, "symbol": []any{"none", "none"},
			"lineStyle": obj{"color": calendarAsOfColour, "type": "solid", "width": 2},
			"label":     obj{"show": true, "position": "end", "formatter": "as of " + x.fmt.Date(asOf), "fontSize": calendarLabelFontSize},
			"data":      []any{obj{"name": "as of " + x.fmt.Date(asOf), "xAxis": x.fmt.Date(asOf)}}}
	}
	window := func(name string, kind model.WindowKind, fill, border, dash string) obj {
		style := obj{"color": fill, "borderColor": border, "borderWidth": 1, "borderType": dash, "decal": noDecal()}
		data := areas[kind]
		if data == nil {
			data = []any{}
		}
		return obj{"type": "scatter", "name": name, "yAxisIndex": 1, "data": []any{}, "itemStyle": style,
			"markArea": obj{"itemStyle": style, "label": obj{"show": false}, "data": data}}
	}
	o["series"] = []any{
		clearS,
		points(clashSeries, "diamond", calendarClashColour, 13, clash),
		window(peakSeries, model.WindowPeak, calendarPeakColour, calendarPeakBorder, "dashed"),
		window(freezeSeries, model.WindowFreeze, calendarFreezeColour, calendarFreezeBorder, "solid"),
	}
	title := "Go-lives against peak and freeze windows"
	if !asOf.IsZero() {
		title += ", " + x.fmt.Date(from) + " to " + x.fmt.Date(to)
	}
	return x.chart(Chart{ID: chartID("calendar"), Title: title, Option: mapJSON(o), Height: max(260, 130+40*len(labels)), Table: t})
}

// nameOr returns an initiative's name, or its id when it has none.
func nameOr(i *model.Initiative) string {
	if i.Name == "" {
		return i.ID
	}
	return i.Name
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// monday returns the Monday of d's week.
func monday(d time.Time) time.Time {
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// calendarHeatMap is the calendar of a large portfolio: go-lives counted
// per business unit (rows) and week (columns, by their Monday) over the
// chart's span, darker for more, with peak and freeze windows outlined
// over the weeks they touch and a line at as_of. Its table counts the
// go-lives per week.
func (x *index) calendarHeatMap(gls []calendarGoLive, from, to, asOf time.Time) Chart {
	first := monday(from)
	nWeeks := int(monday(to).Sub(first).Hours()/24/7) + 1
	weeks := make([]string, nWeeks)
	for w := range weeks {
		weeks[w] = x.fmt.Date(first.AddDate(0, 0, 7*w))
	}
	week := func(d time.Time) int { return int(monday(d).Sub(first).Hours() / 24 / 7) }
	unitSet := map[string]bool{}
	count := map[[2]string]int{}
	perWeek := make([]int, nWeeks)
	clashWeek := make([]int, nWeeks)
	for _, g := range gls {
		d := g.ini.GoLive
		if !within(d, from, to) {
			continue
		}
		u := unitName(g.ini.BusinessUnit)
		unitSet[u] = true
		w := week(d)
		count[[2]string{weeks[w], u}]++
		perWeek[w]++
		if g.clash {
			clashWeek[w]++
		}
	}
	units := make([]string, 0, len(unitSet))
	for u := range unitSet {
		units = append(units, u)
	}
	slices.Sort(units)
	top := 1
	var cells []any
	for _, u := range units {
		for _, w := range weeks {
			if n := count[[2]string{w, u}]; n > 0 {
				cells = append(cells, []any{w, u, n})
				top = max(top, n)
			}
		}
	}
	o := baseOption("item")
	// No decals: the cells' shade is the count, which reads in greyscale
	// as it is, and a decal on each of a large portfolio's thousand cells
	// is an SVG pattern that a print rasterises one by one (at 10k it made
	// the board pack's PDF take 30 s longer and 2.8 MB larger).
	o["aria"] = obj{"enabled": true, "decal": obj{"show": false}}
	o["legend"] = obj{"show": true, "top": 0, "type": "scroll", "data": []any{
		obj{"name": peakSeries, "icon": "rect"}, obj{"name": freezeSeries, "icon": "rect"}}}
	o["grid"] = obj{"left": 8, "right": 24, "bottom": 56, "top": 64, "containLabel": true}
	o["xAxis"] = []any{
		obj{"type": "category", "data": weeks, "splitArea": obj{"show": false}},
		obj{"type": "value", "show": false, "min": 0, "max": nWeeks},
	}
	o["yAxis"] = []any{
		obj{"type": "category", "data": units, "axisLabel": obj{"interval": 0, "fontSize": 10}},
		obj{"type": "value", "show": false, "min": 0, "max": max(len(units), 1)},
	}
	o["visualMap"] = obj{"type": "continuous", "min": 1, "max": top, "calculable": false, "orient": "horizontal",
		"left": "center", "bottom": 0, "itemHeight": 160, "text": []any{strconv.Itoa(top) + " go-lives", "1"},
		"inRange": obj{"color": []any{"#fde0c5", "#a84300", "#3d1800"}}, "seriesIndex": 0}
	areas := map[model.WindowKind][]any{}
	var winNames [][]string = make([][]string, nWeeks)
	for _, w := range x.sc.Calendar.Windows {
		if w.End.Time.Before(from) || w.Start.Time.After(to) {
			continue
		}
		s, e := week(maxTime(w.Start.Time, from)), week(minTime(w.End.Time, to))
		for k := s; k <= e; k++ {
			winNames[k] = append(winNames[k], w.Name)
		}
		name := w.Name + " (" + string(w.Kind) + ")"
		c0, c1 := []any{s, nil}, []any{e + 1, nil}
		if w.UnitKey != "" {
			r := slices.IndexFunc(units, func(u string) bool { return x.sc.Calendar.UnitKeys[u] == w.UnitKey })
			if r < 0 {
				continue
			}
			c0[1], c1[1] = r, r+1
		}
		areas[w.Kind] = append(areas[w.Kind], []any{obj{"name": name, "coord": c0}, obj{"coord": c1}})
	}
	window := func(name string, kind model.WindowKind, border, dash string) obj {
		style := obj{"color": "rgba(0,0,0,0)", "borderColor": border, "borderWidth": 2, "borderType": dash}
		data := areas[kind]
		if data == nil {
			data = []any{}
		}
		return obj{"type": "scatter", "name": name, "xAxisIndex": 1, "yAxisIndex": 1, "data": []any{},
			"itemStyle": obj{"color": border, "decal": noDecal()}, "markArea": obj{"itemStyle": style, "label": obj{"show": false}, "data": data}}
	}
	heat := obj{"type": "heatmap", "name": "Go-lives", "data": cells, "itemStyle": obj{"borderColor": "#ffffff", "borderWidth": 1}}
	if !asOf.IsZero() {
		heat["markLine"] = obj{"silent": true, "symbol": []any{"none", "none"},
			"lineStyle": obj{"color": calendarAsOfColour, "type": "solid", "width": 2},
			"label":     obj{"show": true, "position": "end", "formatter": "as of " + x.fmt.Date(asOf), "fontSize": calendarLabelFontSize},
			"data":      []any{obj{"name": "as of " + x.fmt.Date(asOf), "xAxis": weeks[week(asOf)]}}}
	}
	o["series"] = []any{heat,
		window(peakSeries, model.WindowPeak, calendarPeakBorder, "dashed"),
		window(freezeSeries, model.WindowFreeze, calendarFreezeBorder, "solid")}
	t := newTable(1, "Week of", "Go-lives", "In a peak or freeze window", "Windows")
	for w, n := range perWeek {
		if n > 0 || len(winNames[w]) > 0 {
			t.add(weeks[w], strconv.Itoa(n), strconv.Itoa(clashWeek[w]), strings.Join(winNames[w], ", "))
		}
	}
	title := "Go-lives per business unit and week against peak and freeze windows, " + x.fmt.Date(from) + " to " + x.fmt.Date(to)
	return x.chart(Chart{ID: chartID("calendar"), Title: title, Option: mapJSON(o), Height: max(300, 150+22*len(units)), Table: t})
}

// calendarRows returns the calendar chart's row labels, sorted, and the
// matching key of each row's unit (as the scorer published it): one row
// for the business unit of every go-live drawn, and one for the unit of a
// window that no such row matches, labelled as the first such window
// names it.
func (x *index) calendarRows() (labels, keys []string) {
	rows := map[string]string{} // label → key
	have := map[string]bool{}   // keys of the rows
	for _, i := range x.ds.Initiatives {
		if !i.GoLive.IsZero() && i.Status != model.StatusCancelled {
			k := x.sc.Calendar.UnitKeys[i.BusinessUnit]
			rows[unitName(i.BusinessUnit)] = k
			have[k] = true
		}
	}
	for _, w := range x.sc.Calendar.Windows {
		if w.UnitKey != "" && !have[w.UnitKey] {
			rows[w.BusinessUnit] = w.UnitKey
			have[w.UnitKey] = true
		}
	}
	labels = make([]string, 0, len(rows))
	for l := range rows {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	keys = make([]string, len(labels))
	for i, l := range labels {
		keys[i] = rows[l]
	}
	return labels, keys
}

// calendarSpan returns the first and last day that the calendar chart
// shows: every go-live and every peak or freeze window drawn.
func (x *index) calendarSpan() (first, last time.Time) {
	see := func(d time.Time) {
		if d.IsZero() {
			return
		}
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	for _, i := range x.ds.Initiatives {
		if i.Status != model.StatusCancelled {
			see(i.GoLive)
		}
	}
	for _, w := range x.sc.Calendar.Windows {
		see(w.Start.Time)
		see(w.End.Time)
	}
	return first, last
}
