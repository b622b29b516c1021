package history

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/site"
)

func TestParseQuarter(t *testing.T) {
	tests := []struct {
		in      string
		fyStart int
		want    string
		end     string
		wantErr bool
	}{
		{"2026-Q3", 1, "2026-Q3", "2026-09-30", false},
		{"2026-Q1", 1, "2026-Q1", "2026-03-31", false},
		{"FY2027-Q2", 4, "FY2027-Q2", "2026-09-30", false},
		{"FY2027-Q4", 4, "FY2027-Q4", "2027-03-31", false},
		{"2026-Q3", 4, "FY2027-Q2", "2026-09-30", false}, // the same three months
		{"FY2026-Q1", 2, "FY2026-Q1", "2025-04-30", false},
		{"2026-Q3", 2, "", "", true}, // Jul–Sep is no quarter of a February year
		{"FY2027-Q2", 1, "", "", true},
		{"2026-Q5", 1, "", "", true},
		{"2026-09", 1, "", "", true},
		{"Q3 2026", 1, "", "", true},
		{"", 1, "", "", true},
		// The year bound holds for the name given and the name returned.
		{"9998-Q2", 4, "FY9999-Q1", "9998-06-30", false},
		{"FY9999-Q1", 4, "FY9999-Q1", "9998-06-30", false},
		{"9999-Q1", 4, "FY9999-Q4", "9999-03-31", false},
		{"9999-Q2", 4, "", "", true}, // FY10000-Q1
		{"9999-Q4", 1, "9999-Q4", "9999-12-31", false},
		{"FY9999-Q4", 2, "FY9999-Q4", "9999-01-31", false},
		{"10000-Q1", 1, "", "", true},
		{"1899-Q4", 1, "", "", true},
		{"1900-Q1", 1, "1900-Q1", "1900-03-31", false},
	}
	for _, tt := range tests {
		p, err := ParseQuarter(tt.in, tt.fyStart)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseQuarter(%q, %d) error = %v, wantErr %v", tt.in, tt.fyStart, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if p.String() != tt.want || p.End(tt.fyStart).Format("2006-01-02") != tt.end {
			t.Errorf("ParseQuarter(%q, %d) = %s ending %s, want %s ending %s", tt.in, tt.fyStart, p, p.End(tt.fyStart).Format("2006-01-02"), tt.want, tt.end)
		}
	}
}

func TestReferenced(t *testing.T) {
	page := []byte(`<link rel="stylesheet" href="assets/site.css"><script src="assets/echarts.min.js"></script>
<a href="index.html">x</a><img src="assets/logo.png?v=2"><a href="#top">t</a><script src="assets/site.css"></script>
<a href="https://example.com/assets/x.js">e</a><a href="assets/../secret.txt">s</a>`)
	want := []string{"assets/echarts.min.js", "assets/logo.png", "assets/site.css"}
	if got := Referenced(page); !slices.Equal(got, want) {
		t.Errorf("Referenced = %q, want %q", got, want)
	}
}

// builtSite is a rendered site as Freeze expects it.
func builtSite(t *testing.T, period, asOf string) *site.Memory {
	t.Helper()
	m := site.NewMemory()
	sc, _ := json.Marshal(model.Scorecard{Schema: 1, Period: period, AsOf: asOf, Headline: model.Headline{Answer: "no"}})
	for p, b := range map[string][]byte{
		"data/scorecard.json": sc,
		"board-pack.html":     []byte(`<link href="assets/site.css"><h1>` + period + `</h1>`),
		"assets/site.css":     []byte("body{}"),
		"assets/echarts.js":   []byte("unused"),
		"index.html":          []byte("<h1>overview</h1>"),
	} {
		if err := m.Put(p, b); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func TestFreezeWriteLoad(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	for _, q := range [][2]string{{"2026-Q2", "2026-06-30"}, {"2026-Q1", "2026-03-31"}} {
		s, err := Freeze(builtSite(t, q[0], q[1]), Manifest{Period: q[0], AsOf: q[1], Version: "v1"})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(s.Files); got != 3 {
			t.Errorf("%s: froze %d files, want 3 (scorecard, board pack, its one asset)", q[0], got)
		}
		if err := Write(ctx, dir, s); err != nil {
			t.Fatal(err)
		}
	}
	man, err := os.ReadFile(filepath.Join(dir, "history", "2026-Q2", ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(man, &m); err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{"assets/site.css", "board-pack.html", "scorecard.json"}
	var got []string
	for _, f := range m.Files {
		got = append(got, f.File)
	}
	if !slices.Equal(got, wantFiles) || m.Schema != 1 || m.AsOf != "2026-06-30" || m.Version != "v1" {
		t.Errorf("manifest = %+v", m)
	}
	// sha256("body{}")
	if m.Files[0].SHA256 != "7c98040a541657584690ae2a1cc3b42a8b53b159cc60c5d3abbfecbaeac6c94a" || m.Files[0].Bytes != 6 {
		t.Errorf("asset sum %+v", m.Files[0])
	}

	s, _ := Freeze(builtSite(t, "2026-Q2", "2026-06-30"), Manifest{Period: "2026-Q2", AsOf: "2026-06-30", Version: "v2"})
	if err := Write(ctx, dir, s); !errors.Is(err, ErrClosed) {
		t.Fatalf("second Write: err = %v, want ErrClosed", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "history", "2026-Q2", ManifestFile))
	if string(after) != string(man) {
		t.Error("a refused close changed the manifest")
	}
	if err := Replace(ctx, dir, s); err != nil {
		t.Fatal(err)
	}

	qs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[0].Period != "2026-Q1" || qs[1].Period != "2026-Q2" || qs[1].Manifest.Version != "v2" {
		t.Fatalf("Load = %+v", qs)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "history"))
	if len(entries) != 2 {
		t.Errorf("history holds %d entries after a replace, want 2 (no leftovers)", len(entries))
	}

	tests := []struct {
		period, asOf, want string
	}{
		{"2026-Q3", "2026-09-30", "2026-Q2"},
		{"2026-Q2", "2026-06-30", "2026-Q1"}, // its own close is not "previous"
		{"2026-Q2", "2026-05-15", "2026-Q1"},
		{"2026-Q1", "2026-03-31", ""},
	}
	for _, tt := range tests {
		p := Previous(qs, &model.Scorecard{Period: tt.period, AsOf: tt.asOf})
		got := ""
		if p != nil {
			got = p.Period
		}
		if got != tt.want {
			t.Errorf("Previous(%s, %s) = %q, want %q", tt.period, tt.asOf, got, tt.want)
		}
	}

	// A close in progress is neither loaded nor copied.
	if err := os.MkdirAll(filepath.Join(dir, "history", ".2026-Q3.closing-1"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "history", ".2026-Q3.closing-1", "x"), []byte("x"), 0o644)
	mem := site.NewMemory()
	qs, err = Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := Copy(qs, mem); err != nil {
		t.Fatal(err)
	}
	wantPaths := []string{
		"history/2026-Q1/assets/site.css", "history/2026-Q1/board-pack.html", "history/2026-Q1/manifest.json", "history/2026-Q1/scorecard.json",
		"history/2026-Q2/assets/site.css", "history/2026-Q2/board-pack.html", "history/2026-Q2/manifest.json", "history/2026-Q2/scorecard.json",
	}
	if got := mem.Paths(); !slices.Equal(got, wantPaths) {
		t.Errorf("Copy paths = %q", got)
	}
	for _, p := range wantPaths {
		b, _ := mem.Get(p)
		disk, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if string(b) != string(disk) {
			t.Errorf("%s copied with other bytes", p)
		}
	}
	if qs, err := Load(dir); err != nil || len(qs) != 2 {
		t.Errorf("Load with a close in progress = %d, %v", len(qs), err)
	}
}

func TestLoadEmptyAndBroken(t *testing.T) {
	dir := t.TempDir()
	if qs, err := Load(dir); err != nil || qs != nil {
		t.Errorf("Load without history = %v, %v", qs, err)
	}
	if err := Copy(nil, site.NewMemory()); err != nil {
		t.Errorf("Copy without history: %v", err)
	}
	os.MkdirAll(filepath.Join(dir, "history", "2026-Q1"), 0o755)
	os.WriteFile(filepath.Join(dir, "history", "2026-Q1", ManifestFile), []byte(`{"period":"2026-Q1"`), 0o644)
	if _, err := Load(dir); err == nil {
		t.Error("Load of a broken manifest: no error")
	}
}

func TestFreezeMissingAsset(t *testing.T) {
	m := site.NewMemory()
	m.Put("data/scorecard.json", []byte("{}"))
	m.Put("board-pack.html", []byte(`<script src="assets/gone.js"></script>`))
	if _, err := Freeze(m, Manifest{Period: "2026-Q1"}); err == nil {
		t.Error("Freeze with a missing asset: no error")
	}
}

func FuzzParseQuarter(f *testing.F) {
	for _, s := range []string{"2026-Q3", "FY2027-Q2", "2026-Q5", "FY0000-Q1", "9999-Q4", ""} {
		f.Add(s, 1)
		f.Add(s, 4)
	}
	f.Fuzz(func(t *testing.T, s string, fyStart int) {
		if fyStart < 1 || fyStart > 12 {
			return
		}
		p, err := ParseQuarter(s, fyStart)
		if err != nil {
			return
		}
		// A parsed quarter names itself: parsing its name gives it back,
		// and it is the quarter that contains its own last day.
		q, err := ParseQuarter(p.String(), fyStart)
		if err != nil || q != p {
			t.Fatalf("ParseQuarter(%q) = %v; again = %v, %v", s, p, q, err)
		}
		if got := model.QuarterOf(p.End(fyStart), fyStart); got != p {
			t.Fatalf("%v ends %s, in quarter %v", p, p.End(fyStart).Format("2006-01-02"), got)
		}
	})
}

func TestFrozenNote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<html>\n<body class=\"board-pack\">\n<h1>x</h1>", "<html>\n<body class=\"board-pack\">\n<aside class=\"frozen-note\" aria-label=\"Frozen quarter\">Board pack of 2026-Q2, frozen when the quarter was closed: figures as of 2026-06-30. Links to other pages open the live site, which shows the latest figures.</aside>\n<h1>x</h1>"},
		{"<p>no body</p>", "<p>no body</p>"},
	}
	for _, tt := range tests {
		if got := string(FrozenNote([]byte(tt.in), "2026-Q2", "2026-06-30")); got != tt.want {
			t.Errorf("FrozenNote(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
		}
	}
	if got := string(FrozenNote([]byte("<body>"), "<b>", "&")); !strings.Contains(got, "of &lt;b&gt;, ") || !strings.Contains(got, "as of &amp;.") {
		t.Errorf("FrozenNote does not escape: %q", got)
	}
}

func TestRelink(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<a href="index.html">`, `<a href="../../index.html">`},
		{`<a href="initiatives/INI-001.html">`, `<a href="../../initiatives/INI-001.html">`},
		{`<link href="assets/site.css">`, `<link href="assets/site.css">`},
		{`<a href="#principle-1">`, `<a href="#principle-1">`},
		{`<a href="https://example.com/x">`, `<a href="https://example.com/x">`},
		{`<a href="mailto:coo@example.com">`, `<a href="mailto:coo@example.com">`},
		{`<a href="/abs.html">`, `<a href="/abs.html">`},
		{`<a href="methodology.html#fn:1">`, `<a href="../../methodology.html#fn:1">`},
		{`<script type="application/json">{"a":"href=\"x.html\""}</script>`, `<script type="application/json">{"a":"href=\"x.html\""}</script>`},
	}
	for _, tt := range tests {
		if got := string(Relink([]byte(tt.in))); got != tt.want {
			t.Errorf("Relink(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
