package servetest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/serve"
	"github.com/opsalign/opsalign/generator/serve/servetest"
	"github.com/opsalign/opsalign/generator/site"
)

// snippet is the live-reload snippet serve adds to every HTML page.
var snippet = regexp.MustCompile(`<link rel="stylesheet" href="/_opsalign/serve.css">\n<script src="/_opsalign/reload.js" data-build="[0-9a-f.]+"></script>\n`)

// TestServedEqualsFreshBuild runs serve on a copy of the sample site
// (with its closed quarters), makes spreadsheet and narrative edits, and
// after each compares every file served, the reload snippet taken out,
// with a fresh build of the edited site, byte for byte.
func TestServedEqualsFreshBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample site several times")
	}
	dir := t.TempDir()
	for _, e := range []string{"opsalign.toml", "content", "sample-data", "history"} {
		if err := copyTree(filepath.Join("..", "..", "..", e), filepath.Join(dir, e)); err != nil {
			t.Fatal(err)
		}
	}
	cfgPath := filepath.Join(dir, "opsalign.toml")
	bl := pipeline.NewBuilder(cfgPath, true, time.Time{}, "test")
	cfg, err := bl.Config()
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu     sync.Mutex
		served *site.Memory // the last site built, which serve publishes
	)
	build := func(ctx context.Context, changed []string) (*site.Memory, error) {
		m := site.NewMemory()
		if _, err := bl.Build(ctx, changed, m); err != nil {
			return nil, err
		}
		mu.Lock()
		served = m
		mu.Unlock()
		return m, nil
	}
	o := serve.Options{
		Watch:  []string{cfgPath, pipeline.Path(cfg, cfg.ContentDir), pipeline.Path(cfg, cfg.DataDir)},
		Ignore: []string{pipeline.Path(cfg, cfg.OutputDir)},
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	s, err := servetest.Start(ctx, o, build)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	register := filepath.Join(dir, "sample-data", "FY26 IT initiative register.xlsx")
	incidents := filepath.Join(dir, "sample-data", "incident_export.csv")
	overview := filepath.Join(dir, "content", "_index.md")
	edits := []struct {
		name, page, want string
		edit             func() error
	}{
		{"one initiative's name", "initiatives/INI-003.html", "Dock scheduling portal (phase 2)", func() error {
			return setRegisterCell(register, "INI-003", "B", "Dock scheduling portal (phase 2)")
		}},
		{"the overview's narrative", "", "A line added in serve.", func() error {
			return appendFile(overview, "\nA line added in serve.\n")
		}},
		{"an incident of one initiative", "initiatives/INI-003.html", "INC0099999", func() error {
			return appendFile(incidents, "INC0099999,2026-08-12 10:00:00,Dock portal login loop,3 - Moderate,Closed,Dock Portal,DOCK-PORTAL-L2,2026-08-12 14:00:00,INI-003,Distribution\n")
		}},
		{"spend that moves the headline", "initiatives/INI-002.html", "9,100,000", func() error {
			return setRegisterCell(register, "INI-002", "I", 9100000)
		}},
	}
	for _, e := range edits {
		if _, err := s.Save(e.page, func() (string, error) { return e.want, e.edit() }); err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		fresh := site.NewMemory()
		if _, err := pipeline.NewBuilder(cfgPath, true, time.Time{}, "test").Build(ctx, nil, fresh); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		last := served
		mu.Unlock()
		if got, want := last.Paths(), fresh.Paths(); !slices.Equal(got, want) {
			t.Errorf("%s: serve has %d files, a fresh build %d", e.name, len(got), len(want))
		}
		differ := 0
		for _, p := range fresh.Paths() {
			want, _ := fresh.Get(p)
			got, err := s.Get(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(snippet.ReplaceAll([]byte(got), nil), want) {
				differ++
				if differ <= 5 {
					t.Errorf("%s: /%s served differs from a fresh build", e.name, p)
				}
			}
		}
		if differ > 5 {
			t.Errorf("%s: %d files differ", e.name, differ)
		}
	}
}

func appendFile(p, text string) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(b, text...), 0o644)
}

// setRegisterCell sets the cell of column col in the row of initiative id
// of the sample register's Register sheet.
func setRegisterCell(p, id, col string, v any) error {
	f, err := excelize.OpenFile(p)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := f.GetRows("Register")
	if err != nil {
		return err
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == id {
			if err := f.SetCellValue("Register", col+strconv.Itoa(i+1), v); err != nil {
				return err
			}
			return f.SaveAs(p)
		}
	}
	return os.ErrNotExist
}
