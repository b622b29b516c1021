package sampledata

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestScaleFor(t *testing.T) {
	tests := []struct {
		n    int
		want Scale
	}{
		{10_000, Scale{Seed: 7, Initiatives: 10_000, BusinessUnits: 40, Metrics: 200, Months: 36, Incidents: 50_000, Reviews: 2_000, PlanLines: 300}},
		{1_000, Scale{Seed: 7, Initiatives: 1_000, BusinessUnits: 4, Metrics: 100, Months: 36, Incidents: 5_000, Reviews: 200, PlanLines: 30}},
		{100, Scale{Seed: 7, Initiatives: 100, BusinessUnits: 4, Metrics: 12, Months: 36, Incidents: 500, Reviews: 24, PlanLines: 12}},
		{100_000, Scale{Seed: 7, Initiatives: 100_000, BusinessUnits: 40, Metrics: 300, Months: 36, Incidents: 500_000, Reviews: 20_000, PlanLines: 3_000}},
	}
	for _, tt := range tests {
		if got := ScaleFor(tt.n, 7); got != tt.want {
			t.Errorf("ScaleFor(%d) = %+v, want %+v", tt.n, got, tt.want)
		}
	}
}

func TestUnitName(t *testing.T) {
	tests := []struct {
		i    int
		want string
	}{{0, "North Distribution"}, {4, "North Manufacturing"}, {5, "South Distribution"}, {39, "Lakes Manufacturing"}, {40, "North Distribution 2"}}
	for _, tt := range tests {
		if got := unitName(tt.i); got != tt.want {
			t.Errorf("unitName(%d) = %q, want %q", tt.i, got, tt.want)
		}
	}
}

// readSite reads every file WriteSynthetic writes.
func readSite(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range SyntheticFiles() {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	return out
}

func writeSynthTo(t *testing.T, s Scale) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if err := WriteSynthetic(context.Background(), dir, s); err != nil {
		t.Fatal(err)
	}
	return readSite(t, dir)
}

func TestWriteSyntheticDeterministic(t *testing.T) {
	s := ScaleFor(200, 3)
	a, b := writeSynthTo(t, s), writeSynthTo(t, s)
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	s.Seed = 4
	c := writeSynthTo(t, s)
	for _, name := range []string{"data/" + synthRegister, "data/" + synthIncidents, "data/" + synthActuals} {
		if bytes.Equal(a[name], c[name]) {
			t.Errorf("%s is the same for seeds 3 and 4", name)
		}
	}
}

func TestWriteSyntheticEmpty(t *testing.T) {
	s := ScaleFor(10, 1)
	s.Metrics = 0
	if err := WriteSynthetic(context.Background(), t.TempDir(), s); err == nil {
		t.Fatal("WriteSynthetic with no metrics: no error")
	}
}

// TestSyntheticMetrics checks every drawn metric can be scored: target
// differs from baseline, and percentages stay below 100.
func TestSyntheticMetrics(t *testing.T) {
	c := newCompany(ScaleFor(2_000, 11))
	for _, m := range c.metrics {
		if m.target == m.baseline {
			t.Errorf("%s: target = baseline = %v", m.id, m.target)
		}
		if m.unit == "%" && (m.baseline > 100 || m.target > 100) {
			t.Errorf("%s: baseline %v, target %v above 100%%", m.id, m.baseline, m.target)
		}
		if (m.direction == "Higher is better") != (m.target > m.baseline) {
			t.Errorf("%s: direction %q contradicts baseline %v, target %v", m.id, m.direction, m.baseline, m.target)
		}
	}
}

func BenchmarkWriteSynthetic1k(b *testing.B) {
	s := ScaleFor(1_000, 1)
	dir := b.TempDir()
	for b.Loop() {
		if err := WriteSynthetic(context.Background(), dir, s); err != nil {
			b.Fatal(err)
		}
	}
}
