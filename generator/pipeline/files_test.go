package pipeline

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

// TestFilesMakesOnlyAsked checks that Files makes the files asked for and
// no other, each byte for byte what a whole build as of the same day
// writes, and that Rescore scores the data as read as Check does as of
// that day.
func TestFilesMakesOnlyAsked(t *testing.T) {
	ctx := context.Background()
	dir := sampleSite(t)
	path := filepath.Join(dir, "opsalign.toml")
	end := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)

	whole := site.NewMemory()
	if _, err := NewBuilder(path, true, end, "test").Build(ctx, nil, whole); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path, true, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Check(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	res = Rescore(res, end)
	if res.Scorecard.AsOf != "2026-06-30" {
		t.Fatalf("rescored as of %s", res.Scorecard.AsOf)
	}
	files, err := NewFiles(res, "test")
	if err != nil {
		t.Fatal(err)
	}
	if n, w := len(files.Paths()), len(whole.Paths()); n != w {
		t.Errorf("Files has %d paths, the whole build %d", n, w)
	}
	asked := []string{"board-pack.html", "data/scorecard.json", "assets/site.css"}
	got := site.NewMemory()
	if err := files.Make(ctx, got, asked...); err != nil {
		t.Fatal(err)
	}
	if p := got.Paths(); !slices.Equal(p, []string{"assets/site.css", "board-pack.html", "data/scorecard.json"}) {
		t.Errorf("made %q, want only the three asked for", p)
	}
	for _, p := range asked {
		a, _ := got.Get(p)
		b, _ := whole.Get(p)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from the whole build's", p)
		}
	}
	if err := files.Make(ctx, got, "nowhere.html"); err == nil {
		t.Error("a path the site has no file for made no error")
	}
}
