package render

import "github.com/opsalign/opsalign/generator/model"

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
		Frame:  x.frame(p, mr.ID+" "+mr.Name, "metrics"),
		Row:    x.metricRow(mr),
		Unit:   mr.Unit,
		Source: mr.Source.String(),
		Notes:  x.metricNotes(mr.ID),
	}
	if rec := x.metRecs[mr.ID]; rec != nil {
		v.Owner = rec.Owner
	}
	var gl []goLive
	for _, id := range mr.Initiatives {
		if rec := x.iniRecs[id]; rec != nil {
			gl = append(gl, goLive{ID: id, Date: rec.GoLive})
		}
	}
	v.Chart = x.metricChart(mr, gl)
	for _, o := range x.obs[mr.ID] {
		v.Observations = append(v.Observations, ObservationRow{Period: o.Period.String(), Value: o.Value, Ref: o.Source.Cell("value")})
	}
	return v
}
