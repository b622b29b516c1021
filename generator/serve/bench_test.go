package serve_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/serve"
	"github.com/opsalign/opsalign/generator/serve/servetest"
)

// BenchmarkSaveToServed measures save → the served page shows the change,
// with the fake builder: one iteration is one saved markdown file. It
// reports the p50 and p95 latency; run it over at least 50 edits:
//
//	go test ./generator/serve -run '^$' -bench SaveToServed -benchtime 100x
func BenchmarkSaveToServed(b *testing.B) {
	write, o, build := serve.NewFakeSite(b)
	ctx, cancel := context.WithTimeout(b.Context(), 10*time.Minute)
	defer cancel()
	s, err := servetest.Start(ctx, o, build)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		i++
		d, err := s.Save("", func() (string, error) {
			want := "edit " + strconv.Itoa(i)
			write("content/_index.md", want)
			return "<p>" + want + "</p>", nil
		})
		if err != nil {
			b.Fatal(err)
		}
		lat = append(lat, d)
	}
	servetest.Report(b, lat)
}
