package e2e

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff):\n%s", p, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}

// TestPlainSite builds the small fixture site and checks the published
// file list and scorecard.json against golden files, and its headline
// figures against values computed by hand from the fixture's CSV rows.
func TestPlainSite(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, plain)
	mem := build(t, filepath.Join(dir, "opsalign.toml"))
	golden(t, "plain/paths.golden", []byte(strings.Join(mem.Paths(), "\n")+"\n"))
	js, ok := mem.Get("data/scorecard.json")
	if !ok {
		t.Fatal("no data/scorecard.json")
	}
	// The site's scorecard is compact, one line; the golden file holds it
	// indented, so that a change reads as a diff.
	if n := bytes.Count(js, []byte("\n")); n != 1 || !bytes.HasSuffix(js, []byte("}\n")) {
		t.Errorf("data/scorecard.json has %d newlines, want 1 (compact JSON, a newline at the end)", n)
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, js, "", "  "); err != nil {
		t.Fatal(err)
	}
	golden(t, "plain/scorecard.json.golden", indented.Bytes())

	var sc struct {
		Period    string `json:"period"`
		Headline  struct{ Answer string }
		Portfolio struct {
			BudgetTotal           float64 `json:"budget_total"`
			SpendTotal            float64 `json:"spend_total"`
			AlignedSpendShare     float64 `json:"aligned_spend_share"`
			MetricsImprovingShare float64 `json:"metrics_improving_share"`
			ChangeIncidents       int     `json:"change_incidents"`
			MTTRHours             float64 `json:"mttr_hours"`
			Split                 struct {
				Budget struct{ Run, Improve, Transform float64 }
			}
		}
	}
	if err := json.Unmarshal(js, &sc); err != nil {
		t.Fatal(err)
	}
	p := sc.Portfolio
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		// Budgets 500k + 1.2M + 2.1M + 300k + 750k; spends 420k + 900k + 1.5M + 310k.
		{"budget_total", p.BudgetTotal, 4_850_000},
		{"spend_total", p.SpendTotal, 3_130_000},
		// Run is rows 1 and 4 (800k), improve rows 2 and 5 (1.95M), transform row 3.
		{"split.budget.run", p.Split.Budget.Run, 800_000.0 / 4_850_000},
		{"split.budget.improve", p.Split.Budget.Improve, 1_950_000.0 / 4_850_000},
		{"split.budget.transform", p.Split.Budget.Transform, 2_100_000.0 / 4_850_000},
		// Only the closed Run initiative (spend 310k) is aligned.
		{"aligned_spend_share", p.AlignedSpendShare, 310_000.0 / 3_130_000},
		// M-1 went 10 → 6.8 (lower is better), the other 50 → 72.
		{"metrics_improving_share", p.MetricsImprovingShare, 1},
		// The P1 and the "2 - High" incident name initiatives: 4.5 h and 25 h.
		{"change_incidents", float64(p.ChangeIncidents), 2},
		{"mttr_hours", p.MTTRHours, (4.5 + 25) / 2},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if sc.Period != "2026-Q3" || sc.Headline.Answer != "no" {
		t.Errorf("period %q, headline %q; want 2026-Q3, no", sc.Period, sc.Headline.Answer)
	}
	index, _ := mem.Get("index.html")
	if !strings.Contains(string(index), "9.9%") {
		t.Errorf("index.html does not show the aligned spend share 9.9%%")
	}
}
