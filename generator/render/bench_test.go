package render

import (
	"bytes"
	"context"
	"testing"

	"github.com/opsalign/opsalign/themes"
)

// BenchmarkRender1k renders a site of 1,000 initiatives and 50 metrics
// (about 1,060 pages and 2,000 charts) into a discarding sink.
func BenchmarkRender1k(b *testing.B) {
	cfg, ds, sc := bigFixture(1000)
	r, err := Parse(themes.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Version: "bench"}
	b.ReportAllocs()
	for b.Loop() {
		d := newDiscard()
		if err := r.Render(context.Background(), in, d); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(d.n.Load())
	}
}

// BenchmarkChart builds one metric trend chart's option JSON from scratch
// (12 points, baseline and target lines): the per-chart cost.
func BenchmarkChart(b *testing.B) {
	cfg, ds, sc := bigFixture(10)
	r, err := Parse(themes.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	bd := newIndex(Input{Config: cfg, Dataset: ds, Scorecard: sc}, r)
	mr := &sc.Metrics[0]
	b.ReportAllocs()
	for b.Loop() {
		_ = bd.newTrendChart(mr)
	}
}

// BenchmarkChartMarks is what each further page showing a metric pays: its
// go-lives as marks over the trend option built once.
func BenchmarkChartMarks(b *testing.B) {
	cfg, ds, sc := bigFixture(10)
	r, err := Parse(themes.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	bd := newIndex(Input{Config: cfg, Dataset: ds, Scorecard: sc}, r)
	mr := &sc.Metrics[0]
	gl := []goLive{{ID: "INI-0000", Date: day("2026-05-01")}}
	b.ReportAllocs()
	for b.Loop() {
		_ = bd.metricChart(mr, gl)
	}
}

// BenchmarkChartSplit builds the run/improve/transform split chart.
func BenchmarkChartSplit(b *testing.B) {
	cfg, ds, sc := fixture()
	r, err := Parse(themes.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	bd := newIndex(Input{Config: cfg, Dataset: ds, Scorecard: sc}, r)
	b.ReportAllocs()
	for b.Loop() {
		_ = bd.splitChart()
	}
}

// BenchmarkInitiativePage renders one initiative page (two trend charts,
// nine checks, 21 fields) of the 1k site: the bulk of a big site's work.
func BenchmarkInitiativePage(b *testing.B) {
	cfg, ds, sc := bigFixture(1000)
	r, err := Parse(themes.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	bd := newIndex(Input{Config: cfg, Dataset: ds, Scorecard: sc}, r)
	job := r.layouts.initiative.page("initiatives/INI-0007.html", false, func() (*InitiativeView, error) {
		return bd.initiativeView(7, "initiatives/INI-0007.html"), nil
	})
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := job.Make(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkInitiativesData1k makes the initiatives list data of 1,000
// initiatives: "fresh" as a build without keys does, "row-edit" as a
// keyed build (serve) does after one initiative's name changed — its
// rows kept from the build before but the edited one; the input keys,
// which its initiative pages' jobs make anyway, made before the timer.
func BenchmarkInitiativesData1k(b *testing.B) {
	cfg, ds, sc := bigFixture(1000)
	e, err := Parse(themes.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, keyed := range []bool{false, true} {
		name := "fresh"
		if keyed {
			name = "row-edit"
		}
		b.Run(name, func(b *testing.B) {
			var buf bytes.Buffer
			names := [2]string{sc.Initiatives[500].Name, sc.Initiatives[500].Name + " (renamed)"}
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				n++
				sc.Initiatives[500].Name = names[n%2]
				x := newIndex(Input{Config: cfg, Dataset: ds, Scorecard: sc, Version: "bench", Keyed: keyed}, e)
				if keyed {
					for i := range sc.Initiatives {
						x.initiativeInputAt(i)
					}
				}
				buf.Reset()
				b.StartTimer()
				if err := x.initiativesData(&buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
