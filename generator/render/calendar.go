package render

import (
	"slices"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

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

// windowsSeries names the series that carries the shaded windows.
const windowsSeries = "Peak or freeze window"

// calendarChart shows go-lives (points, one row per business unit; a
// diamond when the go-live falls in a peak or freeze window) against peak
// and freeze windows (shaded) on a time axis. A window of every unit
// shades the full height; a window of one unit shades only that unit's
// row, and a unit that has a window but no go-live gets a row of its own,
// so that its window shows.
func (x *index) calendarChart() Chart {
	wins := x.sc.Calendar.Windows
	labels, rowKeys := x.calendarRows()

	sc := charts.NewScatter()
	baseOpts(sc)
	xa := opts.XAxis{Type: "time"}
	if first, last := x.calendarSpan(); !first.IsZero() {
		xa.Min, xa.Max = x.fmt.Date(first.AddDate(0, 0, -15)), x.fmt.Date(last.AddDate(0, 0, 15))
	}
	sc.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(xa),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: labels}),
		// The windows' legend entry is a shaded square, as they are drawn.
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Data: []map[string]string{
			{"name": "Go-live"}, {"name": "Go-live in a peak or freeze window"}, {"name": windowsSeries, "icon": "rect"}}}),
	)
	// Room above the plot for the legend's three entries, which wrap on a
	// narrow page: the one grid, not a second one beside baseOpts' (the
	// axes would keep to the first).
	sc.GridList = []opts.Grid{{Left: "3%", Right: "4%", Bottom: "3%", Top: "70", ContainLabel: opts.Bool(true)}}
	// The rows as numbers, for the windows (see above). An empty chart
	// still gets a span, so that the axis is valid.
	sc.ExtendYAxis(opts.YAxis{Type: "value", Show: opts.Bool(false), Min: 0, Max: max(len(labels), 1)})

	hit := map[string]bool{}
	for _, c := range x.sc.Calendar.Collisions {
		hit[c.Initiative] = true
	}
	var clear, clash []opts.ScatterData
	t := newTable(4, "Date", "Go-live or window", "Business unit", "In a window")
	for _, i := range x.ds.Initiatives {
		if i.GoLive.IsZero() || i.Status == model.StatusCancelled {
			continue
		}
		d := opts.ScatterData{Name: i.ID + " " + i.Name, Value: []any{x.fmt.Date(i.GoLive), unitName(i.BusinessUnit)}, SymbolSize: 10}
		in := "no"
		if hit[i.ID] {
			d.Symbol, d.SymbolSize, in = "diamond", 14, "yes"
			clash = append(clash, d)
		} else {
			clear = append(clear, d)
		}
		t.add(x.fmt.Date(i.GoLive), i.ID+" "+i.Name, unitName(i.BusinessUnit), in)
	}
	var areas []opts.MarkAreaNameCoordItem
	for _, w := range wins {
		name := w.Name + " (" + string(w.Kind)
		unit := "All"
		if w.UnitKey != "" {
			name += ", " + w.BusinessUnit
			unit = w.BusinessUnit
		}
		name += ")"
		start, end := x.fmt.Date(w.Start.Time), x.fmt.Date(w.End.Time)
		t.add(start+" – "+end, w.Name+" ("+string(w.Kind)+" window)", unit, "–")
		if w.UnitKey == "" {
			areas = append(areas, opts.MarkAreaNameCoordItem{
				Name:        name,
				Coordinate0: []any{start, nil},
				Coordinate1: []any{end, nil},
			})
			continue
		}
		for row, k := range rowKeys {
			if k == w.UnitKey {
				areas = append(areas, opts.MarkAreaNameCoordItem{
					Name:        name,
					Coordinate0: []any{start, row},
					Coordinate1: []any{end, row + 1},
				})
			}
		}
	}
	shade := opts.ItemStyle{Color: "rgba(197,90,17,0.15)", BorderColor: "#c55a11", BorderWidth: 1}
	sc.AddSeries("Go-live", clear)
	sc.AddSeries("Go-live in a peak or freeze window", clash)
	sc.AddSeries(windowsSeries, []opts.ScatterData{},
		charts.WithScatterChartOpts(opts.ScatterChart{YAxisIndex: 1}),
		charts.WithItemStyleOpts(shade),
		charts.WithMarkAreaNameCoordItemOpts(areas...),
		charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{ItemStyle: &shade, Label: &opts.Label{Show: opts.Bool(false)}}))
	return x.chart(Chart{ID: chartID("calendar"), Title: "Go-lives against peak and freeze windows", Option: optionJSON(sc), Height: max(240, 120+40*len(labels)), Table: t})
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
