package render

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/pagekey"
	"github.com/opsalign/opsalign/generator/site"
)

// A metric's trend chart is on its own page, with every value in the
// table beside it, and on the page of every initiative that claims it.
// On those pages its option is a script of the site (trendScriptPath),
// loaded by a script element: written once per metric instead of once
// per initiative, and loadable from file://, where a page may load a
// script but not fetch JSON. The script sets the option, by the chart's
// id + "-option" (what a canvas names in data-option, or, without it, its
// figure's id + "-option"), in window.opsalignCharts, where the theme's
// script looks when the page holds no such data block.

// trendScriptPath is the site path of a metric's trend chart script.
func (x *index) trendScriptPath(id string) string {
	return "data/charts/metric-" + strings.TrimSuffix(x.metFiles[id], ".html") + ".js"
}

// trendScriptJobs write the trend chart script of every metric with
// values.
func (x *index) trendScriptJobs() []site.Job {
	var js []site.Job
	seen := map[string]bool{}
	for i := range x.sc.Metrics {
		mr := &x.sc.Metrics[i]
		if seen[mr.ID] || len(x.obs[mr.ID]) == 0 {
			continue // a duplicate id: the first one has the page
		}
		seen[mr.ID] = true
		p := x.trendScriptPath(mr.ID)
		js = append(js, site.Job{Path: p, Make: func(buf *bytes.Buffer) error {
			return writeChartScript(buf, x.trendChart(mr))
		}, Input: func() (pagekey.Key, bool) {
			// The chart is made of the metric's result and values and the
			// theme's chart markup: all the context's.
			return x.contextInput(p)
		}})
	}
	return js
}

// writeChartScript writes the script that gives a chart's option to the
// theme's script. The option is JSON with <, > and & escaped (and U+2028
// and U+2029, which end a line of JavaScript), so it is a JavaScript
// expression that cannot close or open markup.
func writeChartScript(buf *bytes.Buffer, c Chart) error {
	if c.Option == "" {
		return fmt.Errorf("render: chart %s has no option", c.ID)
	}
	fmt.Fprintf(buf, "(window.opsalignCharts=window.opsalignCharts||{})[%q]=", c.ID+"-option")
	buf.WriteString(string(c.Option))
	buf.WriteString(";\n")
	return nil
}

// trendGist says in words what a metric's trend chart on an initiative's
// page shows: "36 values from 2023-10 to 2026-09: 6.29 at go-live
// (2026-01), lowest 6.17 (2024-01), highest 6.34 (2026-05)." The value at
// go-live is the one of the period holding the go-live date ("go-live
// 2026-03-15 before the first" when the values start later); the lowest
// and the highest are the earliest of their value.
func (x *index) trendGist(mr *model.MetricResult, goLive time.Time) string {
	obs := x.obs[mr.ID]
	if len(obs) == 0 {
		return ""
	}
	g := x.gistOf(mr.ID, obs)
	var parts []string
	if !goLive.IsZero() {
		// The first value whose period holds the go-live: obs are by
		// end, so none before the first that ends on or after it.
		first, _ := slices.BinarySearchFunc(obs, goLive, func(o model.Observation, t time.Time) int { return o.End.Compare(t) })
		for i := first; i < len(obs); i++ {
			if !goLive.After(obs[i].End) && !goLive.Before(g.starts[i]) {
				return g.withAt[i] // the value at go-live: the common case, made once
			}
		}
		at := ""
		switch d := x.fmt.Date(goLive); {
		case goLive.Before(g.starts[0]):
			at = "go-live " + d + " before the first"
		case goLive.After(obs[len(obs)-1].End):
			at = "go-live " + d + " after the last"
		default:
			at = "no value at go-live " + d
		}
		parts = append(parts, at)
	}
	if g.lohi != "" {
		parts = append(parts, g.lohi)
	}
	if len(parts) > 0 {
		return g.head + ": " + strings.Join(parts, ", ") + "."
	}
	return g.head + "."
}

// gist is what trendGist says of a metric whatever the go-live: made once
// per metric and render, as 10,000 initiative pages show 200 metrics.
type gist struct {
	head     string      // "36 values from 2023-10 to 2026-09"
	lohi     string      // "lowest 6.17 (2024-01), highest 6.34 (2026-05)", "" for one value
	starts   []time.Time // each value's period start (periodStart)
	atGoLive []string    // each value as the value at go-live: "6.29 at go-live (2026-01)"
	// withAt is the whole gist of each value as the value at go-live.
	withAt []string
}

// gistOf returns the gist of the metric id with the values obs.
func (x *index) gistOf(id string, obs []model.Observation) *gist {
	x.gistMu.Lock()
	defer x.gistMu.Unlock()
	if g, ok := x.gists[id]; ok {
		return g
	}
	f := x.fmt
	g := &gist{starts: make([]time.Time, len(obs)), atGoLive: make([]string, len(obs))}
	if len(obs) == 1 {
		g.head = fmt.Sprintf("1 value, %s in %s", f.Num(obs[0].Value), obs[0].Period)
	} else {
		g.head = fmt.Sprintf("%d values from %s to %s", len(obs), obs[0].Period, obs[len(obs)-1].Period)
	}
	for i, o := range obs {
		g.starts[i] = periodStart(o)
		g.atGoLive[i] = fmt.Sprintf("%s at go-live (%s)", f.Num(o.Value), o.Period)
	}
	if len(obs) > 1 {
		lo, hi := obs[0], obs[0]
		for _, o := range obs[1:] {
			if o.Value < lo.Value {
				lo = o
			}
			if o.Value > hi.Value {
				hi = o
			}
		}
		g.lohi = fmt.Sprintf("lowest %s (%s)", f.Num(lo.Value), lo.Period) + ", " + fmt.Sprintf("highest %s (%s)", f.Num(hi.Value), hi.Period)
	}
	g.withAt = make([]string, len(obs))
	for i, at := range g.atGoLive {
		if g.lohi != "" {
			g.withAt[i] = g.head + ": " + at + ", " + g.lohi + "."
		} else {
			g.withAt[i] = g.head + ": " + at + "."
		}
	}
	if x.gists == nil {
		x.gists = map[string]*gist{}
	}
	x.gists[id] = g
	return g
}

// periodStart is the first day of an observation's period, by its kind
// and end date.
func periodStart(o model.Observation) time.Time {
	first := time.Date(o.End.Year(), o.End.Month(), 1, 0, 0, 0, 0, o.End.Location())
	switch o.Period.Kind {
	case model.Month:
		return first
	case model.Quarter:
		return first.AddDate(0, -2, 0)
	default:
		return first.AddDate(0, -11, 0)
	}
}
