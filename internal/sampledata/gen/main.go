// Command gen writes finance drops: the repository's sample company, or a
// synthetic large company for benchmarks.
//
//	go run ./internal/sampledata/gen -out sample-data
//	go run ./internal/sampledata/gen -initiatives 10000 -seed 1 -out bench-data/10k
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
	n := flag.Int("initiatives", 0, "write a synthetic company with this many initiatives (0: the sample company)")
	seed := flag.Uint64("seed", 1, "seed of the synthetic company")
	flag.Parse()
	if err := run(context.Background(), *out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out string, n int, seed uint64) error {
	if n <= 0 {
		if err := sampledata.WriteSample(ctx, out); err != nil {
			return err
		}
		slog.Info("wrote the sample company", "dir", out)
		return nil
	}
	_ = seed
	return fmt.Errorf("synthetic mode not written yet")
}
