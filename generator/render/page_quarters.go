package render

import (
	"math"
	"path"
	"slices"
	"strconv"

	"github.com/opsalign/opsalign/generator/decisions"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
)

// QuartersView is the quarters page: the answer of each closed quarter and
// of the report, the key figures over time, and the initiatives that came
// and went. Every figure of a closed quarter is read from its frozen
// scorecard.json, never computed again.
type QuartersView struct {
	Frame
	Quarters []QuarterRow // oldest first, the report last
	Charts   []Chart
	Changes  []RegisterChange // between each quarter and the next
}

// QuarterRow is one closed quarter, or the report.
type QuarterRow struct {
	Period string
	AsOf   string
	Path   string // its board pack
	// Current is true for the report (not closed).
	Current bool
	// Answer is "yes" or "no"; Unreadable says why there is none.
	Answer     string
	Unreadable string
	Reasons    []string
	Decisions  string // "3 asked" (closed quarters that froze decisions)
}

// RegisterChange lists the initiatives that are new in a quarter and those
// gone since the one before.
type RegisterChange struct {
	From, To string
	New      []Link
	Gone     []Link
	MoreNew  int // left out of New
	MoreGone int
}

// Same reports whether no initiative came or went.
func (c RegisterChange) Same() bool { return len(c.New) == 0 && len(c.Gone) == 0 }

// maxChangeRows caps each list of new and gone initiatives.
const maxChangeRows = 50

// quarterPoint is one column of the figures over time.
type quarterPoint struct {
	period string
	sc     *model.Scorecard // nil: unreadable
}

// quarterPoints are the readable and unreadable closed quarters before
// the report, oldest first, and the report.
func (x *index) quarterPoints() []quarterPoint {
	var out []quarterPoint
	for i := range x.in.History {
		q := &x.in.History[i]
		if q.Period == x.sc.Period || q.AsOf >= x.sc.AsOf {
			continue
		}
		out = append(out, quarterPoint{period: q.Period, sc: q.Scorecard})
	}
	return append(out, quarterPoint{period: x.sc.Period, sc: x.sc})
}

func (x *index) quartersView() *QuartersView {
	v := &QuartersView{Frame: x.frame("quarters.html", "Quarters", "quarters")}
	for i := range x.in.History {
		q := &x.in.History[i]
		if q.Period == x.sc.Period || q.AsOf >= x.sc.AsOf {
			continue
		}
		row := QuarterRow{Period: q.Period, AsOf: q.AsOf, Path: path.Join(history.Dir, q.Period, history.BoardPackFile), Unreadable: q.Unreadable}
		if q.Scorecard != nil {
			row.Answer, row.Reasons = q.Scorecard.Headline.Answer, q.Scorecard.Headline.Reasons
		}
		if n := x.frozenDecisions(q); n > 0 {
			row.Decisions = strconv.Itoa(n) + " asked"
		}
		v.Quarters = append(v.Quarters, row)
	}
	cur := QuarterRow{Period: x.sc.Period, AsOf: x.sc.AsOf, Path: "board-pack.html", Current: true, Answer: x.sc.Headline.Answer, Reasons: x.sc.Headline.Reasons}
	if r := x.in.Decisions; r != nil && len(r.Decisions) > 0 {
		cur.Decisions = strconv.Itoa(len(r.Decisions)) + " asked"
	}
	v.Quarters = append(v.Quarters, cur)

	pts := x.quarterPoints()
	v.Charts = []Chart{x.alignedOverTime(pts), x.sharesOverTime(pts), x.incidentsOverTime(pts), x.mttrOverTime(pts), x.verdictsOverTime(pts)}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if a.sc == nil || b.sc == nil {
			continue // an unreadable quarter: its register is unknown
		}
		v.Changes = append(v.Changes, x.registerChange(a, b))
	}
	return v
}

// frozenDecisions counts the decisions a closed quarter froze.
func (x *index) frozenDecisions(q *history.Quarter) int {
	b, ok := q.File(history.DecisionsFile)
	if !ok {
		return 0
	}
	r, err := decisions.Decode(b)
	if err != nil {
		return 0
	}
	return len(r.Decisions)
}

// registerChange lists the initiatives of b not in a, and of a not in b.
func (x *index) registerChange(a, b quarterPoint) RegisterChange {
	c := RegisterChange{From: a.period, To: b.period}
	in := func(sc *model.Scorecard) map[string]string {
		m := make(map[string]string, len(sc.Initiatives))
		for i := range sc.Initiatives {
			m[sc.Initiatives[i].ID] = sc.Initiatives[i].Name
		}
		return m
	}
	ma, mb := in(a.sc), in(b.sc)
	list := func(from, not map[string]string, link bool) ([]Link, int) {
		var ids []string
		for id := range from {
			if _, ok := not[id]; !ok {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		more := max(0, len(ids)-maxChangeRows)
		ids = ids[:len(ids)-more]
		out := make([]Link, len(ids))
		for i, id := range ids {
			out[i] = Link{Text: id + " " + from[id]}
			if link {
				if f, ok := x.iniFiles[id]; ok {
					out[i].Path = "initiatives/" + f
				}
			}
		}
		return out, more
	}
	// A new initiative links to its page when it is in the report still.
	c.New, c.MoreNew = list(mb, ma, true)
	c.Gone, c.MoreGone = list(ma, mb, false)
	return c
}

// lineSeries is one series of figures over time: a value per quarter
// (nil for none), in a colour of its own.
type lineSeries struct {
	name   string
	colour string
}

// overTime is a line chart of figures by quarter with its data table: one
// series per entry of series, values (nil for none) per point. A quarter
// whose scorecard cannot be read has no point and reads "unreadable" in
// the table. mark, when set, is a horizontal line on the first series
// (the target).
func (x *index) overTime(id, title, unit string, pts []quarterPoint, series []lineSeries, values func(sc *model.Scorecard) []*float64, text func(*float64) string, mark obj) Chart {
	labels := make([]string, len(pts))
	for i, p := range pts {
		labels[i] = p.period
	}
	head := []string{"Quarter"}
	for _, s := range series {
		head = append(head, s.name)
	}
	t := newTable(1, head...)
	data := make([][]any, len(series))
	drawn := false
	hi := 0.0
	if mark != nil {
		if y, ok := mark["yAxis"].(float64); ok {
			hi = y
		}
	}
	for _, p := range pts {
		row := []string{p.period}
		var vs []*float64
		if p.sc != nil {
			vs = values(p.sc)
		}
		for j := range series {
			var v *float64
			if j < len(vs) {
				v = vs[j]
			}
			var d any
			if v != nil {
				d, drawn = roundTo(*v, 1), true
				hi = max(hi, *v)
			}
			data[j] = append(data[j], d)
			if p.sc == nil {
				row = append(row, "unreadable")
			} else {
				row = append(row, text(v))
			}
		}
		t.add(row...)
	}
	o := baseOption("axis")
	lo, top, step := niceScale(0, hi)
	if unit == "incidents" || unit == "initiatives" { // counts: whole steps
		step = max(step, 1)
		top = max(math.Ceil(top/step)*step, step)
	}
	o["xAxis"] = obj{"type": "category", "data": labels, "axisLabel": obj{"interval": 0}, "boundaryGap": true}
	y := obj{"type": "value", "name": unit, "min": lo, "max": top, "interval": step}
	o["yAxis"] = y
	var ss []any
	for j, s := range series {
		so := obj{"type": "line", "name": s.name, "data": data[j], "connectNulls": false, "symbol": "circle", "symbolSize": 7,
			"itemStyle": obj{"color": s.colour}, "lineStyle": obj{"color": s.colour, "width": 2}}
		if j == 0 && mark != nil {
			so["markLine"] = obj{"silent": true, "symbol": []any{"none", "none"},
				"label":     obj{"show": true, "formatter": "{b}", "position": "insideEndTop"},
				"lineStyle": obj{"type": "dashed", "color": planBorder}, "data": []any{mark}}
		}
		ss = append(ss, so)
	}
	o["series"] = ss
	return x.chart(Chart{ID: chartID("quarters", id), Title: title, Option: mapJSON(o), Height: 280, Table: t, Empty: !drawn})
}

// pct is a share as percent points, for charts.
func pct(v *float64) *float64 {
	if v == nil {
		return nil
	}
	p := *v * 100
	return &p
}

// pctText writes percent points as a share.
func (x *index) pctText(v *float64) string {
	if v == nil {
		return "–"
	}
	return x.fmt.Share(*v / 100)
}

func (x *index) alignedOverTime(pts []quarterPoint) Chart {
	target := x.in.Config.Policy.AlignedSpendTarget
	mark := obj{"name": "Target " + x.fmt.Share(target), "yAxis": roundTo(target*100, 1)}
	c := x.overTime("aligned", "Aligned spend and metrics improving by quarter", "%", pts,
		[]lineSeries{{"Aligned spend share", categoryColour(model.Run)}, {"Metrics improving", categoryColour(model.Transform)}},
		func(sc *model.Scorecard) []*float64 {
			return []*float64{pct(sc.Portfolio.AlignedSpendShare), pct(sc.Portfolio.MetricsImprovingShare)}
		}, x.pctText, mark)
	c.Table.add("Target", x.fmt.Share(target), "–")
	return c
}

func (x *index) sharesOverTime(pts []quarterPoint) Chart {
	var series []lineSeries
	for _, c := range model.Categories {
		series = append(series, lineSeries{categoryName(c), categoryColour(c)})
	}
	c := x.overTime("split", "Run, improve and transform shares of budget by quarter", "%", pts, series,
		func(sc *model.Scorecard) []*float64 {
			s := sc.Portfolio.Split.Budget
			return []*float64{pct(s.Run), pct(s.Improve), pct(s.Transform)}
		}, x.pctText, nil)
	row := []string{"Policy band"}
	for _, cat := range model.Categories {
		band, ok := x.in.Config.Policy.Split[cat]
		if !ok {
			row = append(row, "–")
			continue
		}
		row = append(row, x.fmt.Share(band[0])+"–"+x.fmt.Share(band[1]))
	}
	c.Table.add(row...)
	return c
}

// count writes a whole number, or "–".
func count(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(roundTo(*v, 0), 'f', 0, 64)
}

func (x *index) incidentsOverTime(pts []quarterPoint) Chart {
	return x.overTime("change-incidents", "Change-caused severity 1–2 incidents by quarter", "incidents", pts,
		[]lineSeries{{"Change incidents", changeIncidentColour}},
		func(sc *model.Scorecard) []*float64 {
			if sc.Portfolio.ChangeIncidents == nil {
				return nil
			}
			f := float64(*sc.Portfolio.ChangeIncidents)
			return []*float64{&f}
		}, count, nil)
}

func (x *index) mttrOverTime(pts []quarterPoint) Chart {
	return x.overTime("mttr", "MTTR, sev 1–2 (h), by quarter", "h", pts,
		[]lineSeries{{"MTTR (h)", mttrColour}},
		func(sc *model.Scorecard) []*float64 { return []*float64{sc.Portfolio.MTTRHours} },
		func(v *float64) string { return x.fmt.Hours(v) }, nil)
}

func (x *index) verdictsOverTime(pts []quarterPoint) Chart {
	var series []lineSeries
	for i, v := range model.Verdicts {
		series = append(series, lineSeries{verdictLabel(v), verdictColours()[i]})
	}
	return x.overTime("verdicts", "Initiatives by verdict by quarter", "initiatives", pts, series,
		func(sc *model.Scorecard) []*float64 {
			v := sc.Portfolio.Verdicts
			var out []*float64
			for _, n := range []int{v.Aligned, v.AtRisk, v.NotAligned, v.NotScored} {
				f := float64(n)
				out = append(out, &f)
			}
			return out
		}, count, nil)
}
