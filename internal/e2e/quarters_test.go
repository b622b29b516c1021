package e2e

import (
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/commands"
	"github.com/opsalign/opsalign/generator/feed"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/site"
)

// TestSampleDecisionsAndQuarters builds the sample site (2026-Q1 and
// 2026-Q2 closed with decisions) and checks what the board reads: the
// follow-up of 2026-Q2's four decisions, one in each state, the quarters
// page, an initiative's row of quarters and the feed.
func TestSampleDecisionsAndQuarters(t *testing.T) {
	mem := build(t, filepath.Join(repoRoot(t), "opsalign.toml"))
	get := func(p string) string {
		b, ok := mem.Get(p)
		if !ok {
			t.Fatalf("no %s in the site", p)
		}
		return string(b)
	}

	pack := get("board-pack.html")
	for _, want := range []string{
		`<h3 id="decisions-from-h">Decisions from 2026-Q2</h3>`,
		`<p>1 met, 1 open, 1 overdue, 1 dropped.</p>`,
		`<tr class="decision-met"><th scope="row">D-2026Q2-1</th>`,
		`<tr class="decision-open"><th scope="row">D-2026Q2-2</th>`,
		`<tr class="decision-overdue"><th scope="row">D-2026Q2-3</th>`,
		`<tr class="decision-dropped"><th scope="row">D-2026Q2-4</th>`,
		`Due 2026-09-15. Budget split outside policy: transform 22.8% is 2.8 points above its 5%–20% band.`,
		`data-mark="✎">Dropped (set by hand)`,
		`<h2 id="decisions-h">Decisions asked of the board</h2>`,
		`<tr><th scope="row">D-2026Q3-1</th><td>Move the warehouse management cutover (INI-001) out of the peak window<br><span class="until">Met when the P6 Peak check of Warehouse management system replatform (INI-001) passes.</span></td><td>COO</td><td class="date">2026-10-31</td></tr>`,
	} {
		if !strings.Contains(pack, want) {
			t.Errorf("board pack lacks %s", want)
		}
	}
	// The decisions asked come before the contents, on the front page.
	if strings.Index(pack, `id="decisions-h"`) > strings.Index(pack, `class="contents"`) {
		t.Error("the decisions asked are not on the front page")
	}

	q := get("quarters.html")
	answers := regexp.MustCompile(`<td class="answer-(\w+)">`).FindAllStringSubmatch(q, -1)
	var got []string
	for _, a := range answers {
		got = append(got, a[1])
	}
	if strings.Join(got, " ") != "no yes no" {
		t.Errorf("quarters page answers %q, want no yes no (2026-Q1, 2026-Q2, now)", got)
	}
	for _, want := range []string{`id="chart-quarters-aligned"`, `id="chart-quarters-split"`, `id="chart-quarters-change-incidents"`, `id="chart-quarters-mttr"`, `id="chart-quarters-verdicts"`,
		`<tr><th scope="row">2026-Q2<td class="num">62%<td class="num">75%` + "\n", // frozen: 62.1% and 9 of 12 (a chart's table: rows without end tags)
		`<tr><th scope="row">2026-Q3<td class="num">57%<td class="num">75%` + "\n",
		`<a href="quarters.html" aria-current="page">Quarters</a>`} {
		if !strings.Contains(q, want) {
			t.Errorf("quarters page lacks %s", want)
		}
	}
	ini := get("initiatives/INI-018.html")
	row := regexp.MustCompile(`(?s)<table class="quarter-row">.*?</table>`).FindString(ini)
	for _, want := range []string{">2026-Q1</a>", ">2026-Q2</a>", ">2026-Q3</a> (now)"} {
		if !strings.Contains(row, want) {
			t.Errorf("INI-018's row of quarters lacks %s:\n%s", want, row)
		}
	}
	if strings.Index(row, "2026-Q1") > strings.Index(row, "2026-Q2") {
		t.Error("the row of quarters is not oldest first (newest right)")
	}

	var f feed.Feed
	if err := xml.Unmarshal([]byte(get("feed.xml")), &f); err != nil {
		t.Fatalf("feed.xml does not parse: %v", err)
	}
	want := []struct{ title, updated, href string }{
		{"2026-Q3: No", "2026-09-30T00:00:00Z", "board-pack.html"},
		{"2026-Q2: Yes", "2026-06-30T00:00:00Z", "history/2026-Q2/board-pack.html"},
		{"2026-Q1: No", "2026-03-31T00:00:00Z", "history/2026-Q1/board-pack.html"},
	}
	if f.XMLName.Space != feed.NS || f.Updated != "2026-09-30T00:00:00Z" || len(f.Entries) != len(want) {
		t.Fatalf("feed %s updated %s with %d entries", f.XMLName.Space, f.Updated, len(f.Entries))
	}
	// Links are absolute under the sample's base_url.
	if len(f.Links) == 0 || !strings.HasSuffix(f.Links[0].Href, "/feed.xml") {
		t.Fatalf("feed links %+v", f.Links)
	}
	base := strings.TrimSuffix(f.Links[0].Href, "feed.xml")
	ids := map[string]bool{}
	for i, w := range want {
		e := f.Entries[i]
		if e.Title != w.title || e.Updated != w.updated || e.Link.Href != base+w.href || e.Summary == "" || ids[e.ID] {
			t.Errorf("entry %d = %+v, want %+v under %s", i, e, w, base)
		}
		ids[e.ID] = true
		if _, ok := mem.Get(strings.TrimPrefix(e.Link.Href, base)); !ok {
			t.Errorf("entry %s links to %s, which the site does not have", e.Title, e.Link.Href)
		}
	}
	if !strings.HasPrefix(f.Entries[0].Summary, "Aligned spend 56.7% (USD 27,175,800 of USD 47,927,800 on scored initiatives) is below the 60% target.") {
		t.Errorf("current entry's summary = %q", f.Entries[0].Summary)
	}
}

// copySite copies the sample site's inputs (config, data, content, history)
// into a temporary folder and returns its config path.
func copySite(t *testing.T) string {
	t.Helper()
	root, dir := repoRoot(t), t.TempDir()
	for _, p := range []string{"opsalign.toml", "sample-data", "content", "history"} {
		err := filepath.WalkDir(filepath.Join(root, p), func(src string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, src)
			dst := filepath.Join(dir, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(src)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "opsalign.toml")
}

// TestQuarterOfOlderSchema: 2026-Q1 closed by an opsalign whose scorecard
// had schema 0 is named as unreadable on the quarters page and in the
// feed, its figures left out, never guessed; the build does not fail.
func TestQuarterOfOlderSchema(t *testing.T) {
	cfg := copySite(t)
	dir := filepath.Dir(cfg)
	files := map[string][]byte{
		history.ScorecardFile: []byte(`{"schema":0,"period":"2026-Q1","as_of":"2026-03-31","answer":"no","aligned_spend":0.61}` + "\n"),
		history.BoardPackFile: []byte("<!doctype html><title>2026-Q1</title><body><h1>Board pack 2026-Q1</h1></body>\n"),
	}
	m := history.Manifest{Period: "2026-Q1", AsOf: "2026-03-31", Version: "v0.1.0"}
	for _, n := range []string{history.BoardPackFile, history.ScorecardFile} {
		m.Files = append(m.Files, history.Sum(n, files[n]))
	}
	if err := history.Replace(context.Background(), dir, history.Snapshot{Manifest: m, Files: files}); err != nil {
		t.Fatal(err)
	}
	mem := build(t, cfg)
	q, _ := mem.Get("quarters.html")
	for _, want := range []string{
		`<td class="answer-unreadable"><span class="result result-na">Unreadable</span></td>`,
		`2026-Q1 cannot be read: scorecard.json has schema 0; this opsalign reads schema 1. Its figures are left out, never guessed;`,
		`<tr><th scope="row">2026-Q1<td class="num">unreadable<td class="num">unreadable` + "\n",
		`<p>2026-Q3 against 2026-Q2: no initiative came or went.</p>`,
	} {
		if !strings.Contains(string(q), want) {
			t.Errorf("quarters page lacks %s", want)
		}
	}
	if strings.Contains(string(q), "2026-Q2 against 2026-Q1") {
		t.Error("the register of an unreadable quarter is compared")
	}
	var f feed.Feed
	b, _ := mem.Get("feed.xml")
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Entries); n != 3 || f.Entries[2].Title != "2026-Q1: unreadable" ||
		f.Entries[2].Summary != "Closed by another opsalign: scorecard.json has schema 0; this opsalign reads schema 1." {
		t.Errorf("feed entries: %+v", f.Entries)
	}
	ini, _ := mem.Get("initiatives/INI-018.html")
	if strings.Contains(string(ini), ">2026-Q1</a>") {
		t.Error("an initiative's row shows the unreadable quarter")
	}
	// The frozen files are copied byte for byte all the same.
	if got, _ := mem.Get("history/2026-Q1/scorecard.json"); string(got) != string(files[history.ScorecardFile]) {
		t.Error("the unreadable quarter's scorecard is not published as frozen")
	}
}

// TestBadUntil: an `until` entry naming no initiative of the register
// fails the build with the file and the entry's line.
func TestBadUntil(t *testing.T) {
	cfg := copySite(t)
	p := filepath.Join(filepath.Dir(cfg), "content", "board-pack.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(b), `until = [["INI-005", "change_managed"], ["INI-005", "stable_in_operation"]]`,
		"until = [\n  [\"INI-005\", \"change_managed\"],\n  [\"INI-950\", \"stable_in_operation\"],\n]", 1)
	if src == string(b) {
		t.Fatal("the sample board pack no longer has D-2026Q3-3's until")
	}
	line := strings.Count(src[:strings.Index(src, `"INI-950"`)], "\n") + 1
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = pipeline.NewBuilder(cfg, true, time.Time{}, "test").Build(t.Context(), nil, site.NewMemory())
	want := "content/board-pack.md:" + strconv.Itoa(line) + `: decision D-2026Q3-3: until: no initiative "INI-950" in the register`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("build: err = %v\nwant %s…", err, want)
	}
	// opsalign check reports the same error at the same line, after what
	// it read, with or without --json.
	for _, asJSON := range []bool{false, true} {
		var out strings.Builder
		err = commands.Check(t.Context(), commands.Options{Config: cfg, Stdout: &out, Stderr: &out, Quiet: true}, asJSON)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("check json=%v: err = %v\nwant %s…", asJSON, err, want)
		}
		if !strings.Contains(out.String(), "Does technology execution measurably improve") && !asJSON {
			t.Errorf("check printed no headline before the error:\n%s", out.String())
		}
	}
}

// TestCheckDecisions: opsalign check follows up the sample's 2026-Q2
// decisions as the build does, and refuses decisions in a page other
// than the board pack, naming the file and line.
func TestCheckDecisions(t *testing.T) {
	cfg := copySite(t)
	var out strings.Builder
	if err := commands.Check(t.Context(), commands.Options{Config: cfg, Stdout: &out, Stderr: &out}, false); err != nil {
		t.Fatal(err)
	}
	if want := "Decisions: 3 asked in the board pack; 2026-Q2's: 1 met, 1 open, 1 overdue, 1 dropped.\n"; !strings.Contains(out.String(), want) {
		t.Errorf("check does not say %q:\n%s", want, out.String())
	}
	page := filepath.Join(filepath.Dir(cfg), "content", "notes.md")
	if err := os.WriteFile(page, []byte("+++\ntitle = \"Notes\"\n\n[[decisions]]\nid = \"D-X\"\n+++\n# Notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err := commands.Check(t.Context(), commands.Options{Config: cfg, Stdout: &out, Stderr: &out}, false)
	want := "content/notes.md:4: front matter: decisions belong in the board pack's front matter (content/board-pack.md), not in this page"
	if err == nil || err.Error() != want {
		t.Errorf("check with decisions in notes.md: err = %v\nwant %s", err, want)
	}
}
