package servetest

import (
	"testing"
	"time"
)

func TestQuantile(t *testing.T) {
	ms := time.Millisecond
	ds := []time.Duration{50 * ms, 10 * ms, 40 * ms, 20 * ms, 30 * ms}
	tests := []struct {
		q    float64
		want time.Duration
	}{
		{0, 10 * ms},
		{0.2, 10 * ms},
		{0.5, 30 * ms},
		{0.95, 50 * ms},
		{1, 50 * ms},
	}
	for _, tt := range tests {
		if got := Quantile(ds, tt.q); got != tt.want {
			t.Errorf("Quantile(%v) = %v, want %v", tt.q, got, tt.want)
		}
	}
	if got := Quantile(nil, 0.5); got != 0 {
		t.Errorf("Quantile(nil) = %v, want 0", got)
	}
	if ds[0] != 50*ms {
		t.Error("Quantile sorted its argument")
	}
}
