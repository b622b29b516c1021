package commands

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/scaffold"
	"github.com/xuri/excelize/v2"
)

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCloseFreezesQuarter(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Write(ctx, dir, scaffold.Options{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	o := Options{Config: filepath.Join(dir, "opsalign.toml"), Stdout: &out, Stderr: &out, Version: "test"}

	// The new site's as_of is 2026-06-30 (its latest actual): Q3 has not ended.
	err := Close(ctx, o, "2026-Q3", false)
	if err == nil || !strings.Contains(err.Error(), "only a quarter that has ended") {
		t.Fatalf("close of an unfinished quarter: err = %v", err)
	}
	if err := Close(ctx, o, "2026-Q2", false); err != nil {
		t.Fatalf("close 2026-Q2: %v\n%s", err, out.String())
	}
	qdir := filepath.Join(dir, "history", "2026-Q2")
	frozen := readTree(t, qdir)
	for _, f := range []string{"manifest.json", "scorecard.json", "board-pack.html", "assets/site.css"} {
		if _, ok := frozen[f]; !ok {
			t.Errorf("history/2026-Q2/%s missing; have %d files", f, len(frozen))
		}
	}
	if !bytes.Contains(frozen["manifest.json"], []byte(`"file": "data/initiatives.xlsx"`)) ||
		!bytes.Contains(frozen["manifest.json"], []byte(`"file": "opsalign.toml"`)) ||
		!bytes.Contains(frozen["manifest.json"], []byte(`"file": "content/board-pack.md"`)) ||
		!bytes.Contains(frozen["manifest.json"], []byte(`"opsalign_version": "test"`)) {
		t.Errorf("manifest:\n%s", frozen["manifest.json"])
	}
	if !bytes.Contains(frozen["scorecard.json"], []byte(`"as_of":"2026-06-30"`)) {
		t.Errorf("frozen scorecard is not as of the quarter's end")
	}

	if err := Close(ctx, o, "2026-Q2", false); !errors.Is(err, history.ErrClosed) {
		t.Fatalf("second close: err = %v, want ErrClosed", err)
	}
	// Closing is deterministic: --force on unchanged inputs writes the
	// same bytes.
	if err := Close(ctx, o, "2026-Q2", true); err != nil {
		t.Fatalf("close --force: %v", err)
	}
	again := readTree(t, qdir)
	if len(again) != len(frozen) {
		t.Errorf("close --force on the same inputs wrote %d files, want %d", len(again), len(frozen))
	}
	for name, b := range frozen {
		if !bytes.Equal(again[name], b) {
			t.Errorf("close --force on the same inputs changed %s", name)
		}
	}

	// Change a spreadsheet, then build: history is copied unchanged, and
	// the site folder's history is untouched.
	p := filepath.Join(dir, "data", "initiatives.xlsx")
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Initiatives", "H2", 999999); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, _, err := Build(ctx, o); err != nil {
		t.Fatalf("build after close: %v", err)
	}
	for _, tree := range []string{qdir, filepath.Join(dir, "public", "history", "2026-Q2")} {
		got := readTree(t, tree)
		if len(got) != len(frozen) {
			t.Errorf("%s: %d files, want %d", tree, len(got), len(frozen))
		}
		for name, b := range frozen {
			if !bytes.Equal(got[name], b) {
				t.Errorf("%s/%s changed after a build", tree, name)
			}
		}
	}

	// --force replaces the quarter with the changed figures.
	if err := Close(ctx, o, "2026-Q2", true); err != nil {
		t.Fatalf("close --force: %v", err)
	}
	after := readTree(t, qdir)
	if bytes.Equal(after["scorecard.json"], frozen["scorecard.json"]) {
		t.Error("close --force kept the old scorecard")
	}
}

// fiscalSite returns a new site folder whose fiscal year starts in April,
// and its config file.
func fiscalSite(t *testing.T) (dir, cfg string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Write(context.Background(), dir, scaffold.Options{}); err != nil {
		t.Fatal(err)
	}
	cfg = filepath.Join(dir, "opsalign.toml")
	f, err := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("fiscal_year_start = 4\n"); err != nil {
		t.Fatal(err)
	}
	return dir, cfg
}

func TestCloseFiscalQuarter(t *testing.T) {
	ctx := context.Background()
	dir, cfg := fiscalSite(t)
	var out bytes.Buffer
	o := Options{Config: cfg, Stdout: &out, Stderr: &out, Version: "test"}
	tests := []struct {
		period, dir, err string
	}{
		{"2026-Q3", "", "only a quarter that has ended"}, // FY2027-Q2 ends 2026-09-30
		{"FY2026-Q4", "FY2026-Q4", ""},                   // Jan–Mar 2026
		{"2026-Q2", "FY2027-Q1", ""},                     // Apr–Jun 2026, named as the scorecard names it
		{"FY2027-Q1", "", "already closed"},
	}
	for _, tt := range tests {
		err := Close(ctx, o, tt.period, false)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("close %s: err = %v, want %q", tt.period, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("close %s: %v", tt.period, err)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, "history", tt.dir, "scorecard.json"))
		if err != nil {
			t.Errorf("close %s: %v", tt.period, err)
			continue
		}
		if !bytes.Contains(b, []byte(`"period":"`+tt.dir+`"`)) {
			t.Errorf("close %s: scorecard period is not %s", tt.period, tt.dir)
		}
	}
}

// TestCloseYearBound: a quarter closed in the last fiscal year whose name
// has four digits can be named again (fuzz: 9998-Q2 with
// fiscal_year_start = 4 is FY9999-Q1, which close used to refuse as out of
// range after writing it).
func TestCloseYearBound(t *testing.T) {
	ctx := context.Background()
	dir, cfg := fiscalSite(t)
	var out bytes.Buffer
	o := Options{Config: cfg, Stdout: &out, Stderr: &out, Version: "test", AsOf: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
	if err := Close(ctx, o, "9998-Q2", false); err != nil {
		t.Fatalf("close 9998-Q2: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "history", "FY9999-Q1", "manifest.json")); err != nil {
		t.Fatal(err)
	}
	if err := Close(ctx, o, "FY9999-Q1", false); !errors.Is(err, history.ErrClosed) {
		t.Errorf("close FY9999-Q1 after close 9998-Q2: err = %v, want ErrClosed", err)
	}
	if err := Close(ctx, o, "FY9999-Q1", true); err != nil {
		t.Errorf("close FY9999-Q1 --force: %v", err)
	}
	var ue *UsageError
	if err := Close(ctx, o, "9999-Q2", false); !errors.As(err, &ue) || !strings.Contains(err.Error(), "FY10000-Q1") {
		t.Errorf("close 9999-Q2 (FY10000-Q1): err = %v, want a usage error naming FY10000-Q1", err)
	}
}

// TestCloseAsOf: --as-of decides which quarters have ended, over the
// config's as_of and the data's latest period.
func TestCloseAsOf(t *testing.T) {
	_, o, _ := newSite(t)
	tests := []struct {
		asOf   time.Time
		period string
		err    string
	}{
		{time.Date(2026, 6, 29, 0, 0, 0, 0, time.UTC), "2026-Q2", "2026-Q2 ends 2026-06-30, after as_of 2026-06-29"},
		{time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "2026-Q1", ""},
		{time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), "2026-Q3", ""},
	}
	for _, tc := range tests {
		o.AsOf = tc.asOf
		err := Close(context.Background(), o, tc.period, false)
		if tc.err == "" && err != nil {
			t.Errorf("close %s --as-of %s: %v", tc.period, tc.asOf.Format(time.DateOnly), err)
		}
		if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("close %s --as-of %s: err = %v, want %q", tc.period, tc.asOf.Format(time.DateOnly), err, tc.err)
		}
	}
}

// TestCloseRendersWhatItFreezes closes a quarter whose board pack asks for
// a decision and checks that what is frozen is byte for byte what a whole
// build as of the quarter's end writes: the scorecard, the decisions and
// the assets the board pack refers to (close renders only those).
func TestCloseRendersWhatItFreezes(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Write(ctx, dir, scaffold.Options{}); err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "content", "board-pack.md")
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	fm, body, ok := strings.Cut(strings.TrimPrefix(string(b), "+++\n"), "+++\n")
	if !ok {
		t.Fatalf("no front matter in content/board-pack.md:\n%s", b)
	}
	fm += "\n[[decisions]]\nid = \"D-1\"\nask = \"Fund a phased rollout\"\nowner = \"COO\"\ndue = 2026-06-15\n"
	if err := os.WriteFile(md, []byte("+++\n"+fm+"+++\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	o := Options{Config: filepath.Join(dir, "opsalign.toml"), Stdout: &out, Stderr: &out, Version: "test"}
	if err := Close(ctx, o, "2026-Q2", false); err != nil {
		t.Fatalf("close 2026-Q2: %v\n%s", err, out.String())
	}
	frozen := readTree(t, filepath.Join(dir, "history", "2026-Q2"))
	o.AsOf = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	if _, _, err := Build(ctx, o); err != nil {
		t.Fatal(err)
	}
	built := readTree(t, filepath.Join(dir, "public"))
	want := map[string]string{"scorecard.json": "data/scorecard.json", "decisions.json": "data/decisions.json"}
	for name := range frozen {
		if strings.HasPrefix(name, "assets/") {
			want[name] = name
		}
	}
	for name, src := range want {
		if _, ok := frozen[name]; !ok {
			t.Errorf("%s not frozen", name)
			continue
		}
		if !bytes.Equal(frozen[name], built[src]) {
			t.Errorf("frozen %s differs from the build's %s as of the quarter's end", name, src)
		}
	}
	if got := len(frozen); got != len(want)+2 { // and the board pack and the manifest
		t.Errorf("%d files frozen, want %d", got, len(want)+2)
	}
}
