package history

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/sitefs"
)

// closedSite returns a site folder with 2026-Q2 closed.
func closedSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := Freeze(builtSite(t, "2026-Q2", "2026-06-30"), Manifest{Period: "2026-Q2", AsOf: "2026-06-30", Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(context.Background(), dir, s); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestLoadChecksManifest: every change to a frozen file after the close
// fails the build naming the file; an intact quarter loads.
func TestLoadChecksManifest(t *testing.T) {
	q := func(dir string, p ...string) string {
		return filepath.Join(append([]string{dir, "history", "2026-Q2"}, p...)...)
	}
	tests := []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   string
	}{
		{"intact", func(*testing.T, string) {}, ""},
		{"0-byte board pack", func(t *testing.T, dir string) {
			must(t, os.WriteFile(q(dir, "board-pack.html"), nil, 0o644))
		}, "history/2026-Q2/board-pack.html: 0 bytes (sha256 e3b0c44298fc…), but manifest.json lists "},
		{"truncated asset", func(t *testing.T, dir string) {
			must(t, os.Truncate(q(dir, "assets", "site.css"), 3))
		}, "history/2026-Q2/assets/site.css: 3 bytes (sha256 "},
		{"same size, other bytes", func(t *testing.T, dir string) {
			must(t, os.WriteFile(q(dir, "assets", "site.css"), []byte("body[]"), 0o644))
		}, "history/2026-Q2/assets/site.css: 6 bytes (sha256 "},
		{"missing file", func(t *testing.T, dir string) {
			must(t, os.Remove(q(dir, "assets", "site.css")))
		}, "history/2026-Q2/assets/site.css: listed in manifest.json but missing"},
		{"file added", func(t *testing.T, dir string) {
			must(t, os.WriteFile(q(dir, "shadow.html"), []byte("root:x:0:0"), 0o644))
		}, "history/2026-Q2/shadow.html: not listed in manifest.json"},
		{"truncated scorecard", func(t *testing.T, dir string) {
			must(t, os.Truncate(q(dir, "scorecard.json"), 10))
		}, "history/2026-Q2/scorecard.json: 10 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := closedSite(t)
			tt.tamper(t, dir)
			qs, err := Load(dir)
			if tt.want == "" {
				if err != nil || len(qs) != 1 || len(qs[0].files) != 4 {
					t.Fatalf("Load = %d quarters, %v", len(qs), err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Load err = %v, want %q…", err, tt.want)
			}
			if !errors.Is(err, ErrTampered) {
				t.Errorf("err does not wrap ErrTampered: %v", err)
			}
		})
	}
}

// TestLoadRefusesLinks: a link in history/ that leads out of it is an
// error naming the link; nothing outside is read.
func TestLoadRefusesLinks(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "shadow")
	must(t, os.WriteFile(secret, []byte("root:x:0:0"), 0o600))

	dir := closedSite(t)
	must(t, os.Symlink(secret, filepath.Join(dir, "history", "2026-Q2", "shadow.html")))
	_, err := Load(dir)
	var le *sitefs.LinkError
	if !errors.As(err, &le) || le.Link != "history/2026-Q2/shadow.html" {
		t.Errorf("a linked file: err = %v, want a LinkError naming history/2026-Q2/shadow.html", err)
	}

	// history/ itself a link out of the site.
	dir = t.TempDir()
	must(t, os.Symlink(filepath.Dir(secret), filepath.Join(dir, "history")))
	if _, err := Load(dir); !errors.As(err, &le) || le.Link != "history" {
		t.Errorf("history a link: err = %v, want a LinkError naming history", err)
	}

	// A quarter folder that is a link out of history/.
	dir = closedSite(t)
	other := closedSite(t)
	must(t, os.Symlink(filepath.Join(other, "history", "2026-Q2"), filepath.Join(dir, "history", "2026-Q1")))
	if _, err := Load(dir); !errors.As(err, &le) || le.Link != "history/2026-Q1" {
		t.Errorf("a quarter folder linked: err = %v, want a LinkError naming history/2026-Q1", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestLoadOlderSchema: a quarter whose scorecard.json has another schema
// (closed by an older opsalign) is loaded and named as unreadable, its
// figures never guessed, and is not compared with; its frozen files are
// still copied.
func TestLoadOlderSchema(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	for _, q := range []struct{ period, asOf, sc string }{
		{"2026-Q1", "2026-03-31", `{"schema":0,"period":"2026-Q1","as_of":"2026-03-31","headline":"no"}`},
		{"2026-Q2", "2026-06-30", `{"schema":1,"period":"2026-Q2","as_of":"2026-06-30","headline":{"answer":"yes"}}`},
	} {
		files := map[string][]byte{ScorecardFile: []byte(q.sc), BoardPackFile: []byte("<h1>" + q.period + "</h1>")}
		m := Manifest{Schema: ManifestSchema, Period: q.period, AsOf: q.asOf, Version: "old"}
		for _, n := range []string{BoardPackFile, ScorecardFile} {
			m.Files = append(m.Files, Sum(n, files[n]))
		}
		must(t, Write(ctx, dir, Snapshot{Manifest: m, Files: files}))
	}
	qs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 {
		t.Fatalf("Load = %d quarters", len(qs))
	}
	q1 := qs[0]
	if q1.Period != "2026-Q1" || q1.Scorecard != nil || q1.AsOf != "2026-03-31" ||
		q1.Unreadable != "scorecard.json has schema 0; this opsalign reads schema 1" {
		t.Errorf("2026-Q1 = %q as of %q, scorecard %v, unreadable %q", q1.Period, q1.AsOf, q1.Scorecard, q1.Unreadable)
	}
	if qs[1].Unreadable != "" || qs[1].Scorecard == nil || qs[1].Scorecard.Headline.Answer != "yes" {
		t.Errorf("2026-Q2 = %+v", qs[1])
	}
	sc := &model.Scorecard{Period: "2026-Q3", AsOf: "2026-09-30"}
	if p := Previous(qs, sc); p == nil || p.Period != "2026-Q2" {
		t.Errorf("Previous = %v, want 2026-Q2", p)
	}
	if p := Previous(qs[:1], sc); p != nil {
		t.Errorf("Previous with only an unreadable quarter = %s, want none", p.Period)
	}
	if b, ok := q1.File(ScorecardFile); !ok || !strings.Contains(string(b), `"schema":0`) {
		t.Errorf("the unreadable scorecard is not kept: %q", b)
	}
}
