package boardpack_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/internal/sampledata"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// sampleConfig is the sample company's site config (as the repository's
// own opsalign.toml).
const sampleConfig = `title = "Northwind Distribution — Operations & IT alignment"
data_dir = "sample-data"
as_of = "2026-09-30"

[policy.weights]
impact_realized = 2
`

// sampleSite writes the sample company's site into a temporary folder and
// returns its config path.
func sampleSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := sampledata.WriteSample(context.Background(), filepath.Join(dir, "sample-data")); err != nil {
		t.Fatal(err)
	}
	narrative, err := os.ReadFile(filepath.Join("testdata", "board-pack.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "board-pack.md"), narrative, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "opsalign.toml")
	if err := os.WriteFile(cfg, []byte(sampleConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking the change); got:\n%.3000s", p, got)
	}
}

// TestSamplePackGolden builds the sample company's board pack for 2026-Q3
// with 2026-Q2 as the last closed quarter.
func TestSamplePackGolden(t *testing.T) {
	ctx := context.Background()
	cfgPath := sampleSite(t)
	score := func(asOf string) *pipeline.Result {
		d, _ := time.Parse("2006-01-02", asOf)
		cfg, err := pipeline.LoadConfig(cfgPath, true, d)
		if err != nil {
			t.Fatal(err)
		}
		res, err := pipeline.Check(ctx, cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	prev, cur := score("2026-06-30"), score("2026-09-30")
	p := boardpack.Build(boardpack.Input{Scorecard: cur.Scorecard, Previous: prev.Scorecard})
	if p.Period != "2026-Q3" || p.Changes == nil || p.Changes.PrevPeriod != "2026-Q2" {
		t.Fatalf("pack of %s against %v", p.Period, p.Changes)
	}
	// The sample's story (README): INI-005's big-bang go-live caused a
	// severity 1 incident in the quarter.
	found := false
	for _, i := range p.Exceptions.ChangeIncidents {
		found = found || i.Initiative == "INI-005"
	}
	if !found || len(p.Exceptions.ChangeIncidents) != *cur.Scorecard.Portfolio.ChangeIncidents {
		t.Errorf("change incidents %+v, scorecard counts %d", p.Exceptions.ChangeIncidents, *cur.Scorecard.Portfolio.ChangeIncidents)
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "sample-pack.json", append(b, '\n'))
}
