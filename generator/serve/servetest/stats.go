package servetest

import (
	"math"
	"slices"
	"testing"
	"time"
)

// Quantile returns the q-quantile (0 ≤ q ≤ 1) of ds by the nearest-rank
// method, or 0 for no durations.
func Quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(ds))
	rank := int(math.Ceil(q * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}

// Report reports the p50, p95 and maximum of ds in milliseconds, and the
// number of edits measured.
func Report(b *testing.B, ds []time.Duration) {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(Quantile(ds, 0.50)), "p50-ms")
	b.ReportMetric(ms(Quantile(ds, 0.95)), "p95-ms")
	b.ReportMetric(ms(Quantile(ds, 1)), "max-ms")
	b.ReportMetric(float64(len(ds)), "edits")
}
