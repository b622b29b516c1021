// Command gen writes finance drops: the repository's sample company, or a
// synthetic company of any size for benchmarks, as a site folder.
//
//	go run ./internal/sampledata/gen -out sample-data
//	go run ./internal/sampledata/gen -bench -initiatives 10000 -seed 1 -out bench-data/10k
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/opsalign/opsalign/internal/sampledata"
)

func main() {
	out := flag.String("out", "sample-data", "folder to write")
	bench := flag.Bool("bench", false, "write a synthetic company (a site folder) instead of the sample company")
	n := flag.Int("initiatives", 0, "initiatives of the synthetic company (implies -bench; default 10000)")
	seed := flag.Uint64("seed", 1, "seed of the synthetic company")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "gen: unexpected arguments:", flag.Args())
		os.Exit(2)
	}
	if err := run(context.Background(), *out, *bench, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out string, bench bool, n int, seed uint64) error {
	if !bench && n <= 0 {
		if err := sampledata.WriteSample(ctx, out); err != nil {
			return err
		}
		slog.Info("wrote the sample company", "dir", out)
		return nil
	}
	if n <= 0 {
		n = 10_000
	}
	s := sampledata.ScaleFor(n, seed)
	if err := sampledata.WriteSynthetic(ctx, out, s); err != nil {
		return err
	}
	slog.Info("wrote a synthetic company", "dir", out, "initiatives", s.Initiatives, "units", s.BusinessUnits,
		"metrics", s.Metrics, "incidents", s.Incidents, "reviews", s.Reviews, "plan_lines", s.PlanLines)
	return nil
}
