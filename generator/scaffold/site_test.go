package scaffold

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read"
	"github.com/opsalign/opsalign/generator/score"
)

// newSite writes a new site into a fresh temporary folder.
func newSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Write(context.Background(), dir, Options{}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readSite loads the config of dir and reads its data.
func readSite(t *testing.T, dir string) (config.Config, *model.Dataset) {
	t.Helper()
	cfg, err := config.Load(filepath.Join(dir, "opsalign.toml"), false)
	if err != nil {
		t.Fatalf("config of a new site: %v", err)
	}
	ds, err := read.Read(context.Background(), cfg, nil)
	if err != nil {
		t.Fatalf("reading a new site: %v", err)
	}
	return cfg, ds
}

func TestNewSiteReadsCleanly(t *testing.T) {
	dir := newSite(t)
	cfg, ds := readSite(t, dir)
	if cfg.DataDir != DataDir {
		t.Errorf("data_dir = %q, want %q", cfg.DataDir, DataDir)
	}
	ignored := 0
	for _, i := range ds.Issues {
		if i.Severity != model.SevInfo {
			t.Errorf("issue in a fresh site: %s", i)
			continue
		}
		ignored++
	}
	if ignored != len(model.Tables) {
		t.Errorf("%d info notes, want %d (one ignored Instructions sheet per workbook): %v", ignored, len(model.Tables), ds.Issues)
	}
	for _, ts := range ds.Summary.Tables {
		want := len(examples(ts.Table))
		if ts.Rows != want || ts.Excluded != 0 {
			t.Errorf("table %s: %d rows used, %d excluded; want %d, 0", ts.Table, ts.Rows, ts.Excluded, want)
		}
	}
	for _, tb := range model.Tables {
		if !ds.Present[tb] {
			t.Errorf("table %s not recognised", tb)
		}
	}
	sc := score.Score(ds, cfg.Policy, score.Options{AsOf: cfg.AsOf, FiscalYearStart: cfg.FiscalYearStart, Location: cfg.Location, Currency: cfg.Currency})
	if sc.AsOf != "2026-06-30" || sc.Period != "2026-Q2" {
		t.Errorf("as_of %s period %s, want 2026-06-30 2026-Q2", sc.AsOf, sc.Period)
	}
	if len(sc.Initiatives) != 1 || sc.Initiatives[0].ID != "EXAMPLE-1" {
		t.Fatalf("initiatives = %+v", sc.Initiatives)
	}
	// The example initiative passes what it can: it is no automation, and
	// at as_of it has been live for less than the 90-day grace period.
	want := map[string]model.Result{
		model.CheckOutcomeLinked: model.Pass, model.CheckBusinessOwned: model.Pass, model.CheckITEmbedded: model.Pass,
		model.CheckProcessStable: model.NA, model.CheckPlanFunded: model.Pass, model.CheckPeakClear: model.Pass,
		model.CheckImpactRealized: model.NA, model.CheckChangeManaged: model.Pass, model.CheckStableInOperation: model.Pass,
	}
	for _, c := range sc.Initiatives[0].Checks {
		if c.Result != want[c.ID] {
			t.Errorf("example %s = %s (%s), want %s", c.ID, c.Result, c.Reason, want[c.ID])
		}
	}
	steps := NextSteps(ds)
	if len(steps) != 2+len(model.Tables) || !strings.Contains(steps[1], "1. data/initiatives.xlsx") || !strings.Contains(steps[2], "2. data/metrics.xlsx") {
		t.Errorf("NextSteps of a fresh site:\n%s", strings.Join(steps, "\n"))
	}
}

func TestWriteRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Write(context.Background(), dir, Options{})
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Write into a non-empty folder: err = %v, want ErrNotEmpty", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("Write wrote into a refused folder: %d entries", len(entries))
	}
}
