package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/site"
)

// copySample copies the repository's sample site (config, narrative,
// spreadsheets, theme and closed quarters) into dir.
func copySample(t *testing.T, dir string) {
	t.Helper()
	root := repoRoot(t)
	for _, name := range []string{"opsalign.toml", "content", "sample-data", "themes", "history"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join(root, name))); err != nil {
			if name == "opsalign.toml" {
				b, err := os.ReadFile(filepath.Join(root, name))
				if err != nil {
					t.Fatal(err)
				}
				write(t, filepath.Join(dir, name), string(b))
				continue
			}
			t.Fatal(err)
		}
	}
}

// TestCountsMatchLists builds the sample site with the incident behind
// INI-005's severity 1 incident attributed to "ini-005 " (lower case,
// trailing space: not an initiative id of the register, which ids match
// exactly) and checks that every count of change-caused incidents shown
// equals the length of the list beside it: the scorecard's figure, the
// board pack's list, the overview's tile, and the reliability page's tile
// and its table by initiative.
func TestCountsMatchLists(t *testing.T) {
	dir := t.TempDir()
	copySample(t, dir)
	csv := filepath.Join(dir, "sample-data", "incident_export.csv")
	b, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	edited := false
	for i, l := range lines {
		if strings.HasPrefix(l, "INC0040347,") {
			l2 := strings.Replace(l, ",INI-005,", ",ini-005 ,", 1)
			edited = l2 != l
			lines[i] = l2
		}
	}
	if !edited {
		t.Fatal("INC0040347 of INI-005 not found in the sample's incident export")
	}
	write(t, csv, strings.Join(lines, "\n"))
	mem := build(t, filepath.Join(dir, "opsalign.toml"))
	checkChangeCounts(t, mem, "INC0040347")

	// The sample as it is, where INC0040347 is INI-005's.
	checkChangeCounts(t, build(t, filepath.Join(repoRoot(t), "opsalign.toml")), "")
}

// checkChangeCounts checks the change-incident counts of a built site
// against the lists beside them; absent, when not "", is an incident that
// must not be listed as change-caused.
func checkChangeCounts(t *testing.T, mem *site.Memory, absent string) {
	t.Helper()
	page := func(p string) string {
		b, ok := mem.Get(p)
		if !ok {
			t.Fatalf("no %s", p)
		}
		return string(b)
	}
	var sc struct {
		Period    string `json:"period"`
		Portfolio struct {
			ChangeIncidents *int `json:"change_incidents"`
		} `json:"portfolio"`
	}
	if err := json.Unmarshal([]byte(page("data/scorecard.json")), &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Portfolio.ChangeIncidents == nil {
		t.Fatal("scorecard.json: change_incidents is null")
	}
	n := *sc.Portfolio.ChangeIncidents

	// The board pack lists the change-caused incidents of the quarter.
	pack := page("board-pack.html")
	head := "<h3>Change-caused incidents in " + sc.Period + "</h3>"
	_, list, ok := strings.Cut(pack, head)
	if !ok {
		t.Fatalf("board-pack.html has no %q", head)
	}
	list, _, _ = strings.Cut(list, "</table>")
	rows := regexp.MustCompile(`<tr><th scope="row">([^<]*)</th>`).FindAllStringSubmatch(list, -1)
	if len(rows) != n {
		t.Errorf("board pack lists %d change-caused incidents, scorecard.json counts %d:\n%s", len(rows), n, list)
	}
	for _, r := range rows {
		if r[1] == absent {
			t.Errorf("board pack lists %s as change-caused", absent)
		}
	}

	tile := func(p, label string) int {
		t.Helper()
		m := regexp.MustCompile(`<span class="label">` + regexp.QuoteMeta(label) + `</span><span class="value">([^<]*)</span>`).FindStringSubmatch(page(p))
		if m == nil {
			t.Fatalf("%s: no tile %q", p, label)
		}
		v, err := strconv.Atoi(m[1])
		if err != nil {
			t.Fatalf("%s: tile %q is %q", p, label, m[1])
		}
		return v
	}
	if got := tile("index.html", "Change incidents"); got != n {
		t.Errorf("overview tile says %d change incidents, scorecard.json %d", got, n)
	}
	rel := page("reliability.html")
	if got := tile("reliability.html", "Change incidents"); got != n {
		t.Errorf("reliability tile says %d change incidents, scorecard.json %d", got, n)
	}
	// The table by initiative beside it adds up to the tile.
	_, byIni, ok := strings.Cut(rel, "by initiative</h2>")
	if !ok {
		t.Fatal("reliability.html has no table of change-caused incidents by initiative")
	}
	byIni, _, _ = strings.Cut(byIni, "</table>")
	sum := 0
	for _, m := range regexp.MustCompile(`<td class="num">(\d+)</td></tr>`).FindAllStringSubmatch(byIni, -1) {
		v, _ := strconv.Atoi(m[1])
		sum += v
	}
	if sum != n {
		t.Errorf("reliability table by initiative adds up to %d change-caused incidents, the tile beside it says %d:\n%s", sum, n, byIni)
	}
}
