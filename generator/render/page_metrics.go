package render

import (
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// MetricsView lists every metric.
type MetricsView struct {
	Frame
	Rows []MetricRow
}

// MetricView is one metric's page.
type MetricView struct {
	Frame
	Row          MetricRow
	Owner        string
	Unit         string
	Source       string
	Chart        Chart
	Observations []ObservationRow
	// Notes are the issues of the input on the metric's row.
	Notes []Note
	// Claimed are the initiatives that claim the metric, by name, each
	// with its go-live: the go-lives the chart marks, which its data table
	// does not repeat on this page.
	Claimed []Claim
	// Kind is the metric's kind in words ("forecast accuracy"); UnitSuffix
	// its unit after a figure: "%" or " hours" ("" for none).
	Kind, UnitSuffix string
	// Away is true when the latest value is further from the target than
	// the baseline (progress below zero).
	Away bool
}

// Claim is an initiative that claims a metric, as its page lists it.
type Claim struct {
	NamedLink
	GoLive string // the initiative's go-live date, "" when it has none
}

// ObservationRow is one observed value of a metric.
type ObservationRow struct {
	Period string
	Value  float64
	Ref    string
}

func (x *index) metricsView() *MetricsView {
	return &MetricsView{Frame: x.frame("metrics/index.html", "Metrics", "metrics"), Rows: x.scoreboard()}
}

func (x *index) metricView(mr *model.MetricResult, p string) *MetricView {
	v := &MetricView{
		Frame:  x.frame(p, mr.Name, "metrics"),
		Row:    x.metricRow(mr),
		Unit:   mr.Unit,
		Source: mr.Source.String(),
		Notes:  x.metricNotes(mr.ID),
		Kind:   strings.ReplaceAll(string(mr.Kind), "_", " "),
	}
	if v.Title == "" {
		v.Title = mr.ID
	} else {
		v.TitleID = mr.ID
	}
	switch {
	case mr.Unit == "%":
		v.UnitSuffix = "%"
	case mr.Unit != "":
		v.UnitSuffix = " " + mr.Unit
	}
	v.Away = mr.Progress != nil && *mr.Progress < 0
	var gl []goLive
	for _, id := range mr.Initiatives {
		c := Claim{NamedLink: x.namedInitiative(id)}
		if rec := x.iniRecs[id]; rec != nil {
			gl = append(gl, goLive{ID: id, Date: rec.GoLive})
			if !rec.GoLive.IsZero() {
				c.GoLive = x.fmt.Date(rec.GoLive)
			}
		}
		v.Claimed = append(v.Claimed, c)
	}
	if rec := x.metRecs[mr.ID]; rec != nil {
		v.Owner = rec.Owner
	}
	// The chart marks the go-lives; the claims list below it says them, so
	// the data table keeps the metric's own rows (a metric claimed by 75
	// initiatives: 10 KB a page less).
	v.Chart = x.metricChart(mr, gl)
	v.Chart.MarkRows = nil
	for _, o := range x.obs[mr.ID] {
		v.Observations = append(v.Observations, ObservationRow{Period: o.Period.String(), Value: o.Value, Ref: o.Source.Cell("value")})
	}
	return v
}
