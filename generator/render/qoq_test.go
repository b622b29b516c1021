package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
)

func TestDeltaRow(t *testing.T) {
	b := &index{fmt: Formatter{Currency: "USD"}}
	tests := []struct {
		d                            boardpack.Delta
		label, prev, cur, chg, class string
	}{
		{boardpack.Delta{ID: "aligned_spend_share", Kind: "share", Prev: f64(0.62), Cur: f64(0.579)}, "Aligned spend", "62%", "58%", "−4 pts", "worse"},
		{boardpack.Delta{ID: "change_incidents", Kind: "count", Prev: f64(2), Cur: f64(1)}, "Change incidents", "2", "1", "−1", "better"},
		{boardpack.Delta{ID: "mttr_hours", Kind: "hours", Prev: f64(3.4), Cur: f64(6.2)}, "MTTR", "3.4 h", "6.2 h", "+2.8 h", "worse"},
		{boardpack.Delta{ID: "budget_total", Kind: "money", Prev: f64(900000), Cur: f64(1000000)}, "Budget", "$900,000", "$1,000,000", "+$100,000", "moved"},
		{boardpack.Delta{ID: "verdicts.aligned", Kind: "count", Prev: f64(3), Cur: f64(3)}, "Aligned initiatives", "3", "3", "±0", "same"},
		{boardpack.Delta{ID: "mttr_hours", Kind: "hours", Prev: nil, Cur: f64(5)}, "MTTR", "–", "5.0 h", "", ""},
		// A share change that rounds to 0 points is "same".
		{boardpack.Delta{ID: "metrics_improving_share", Kind: "share", Prev: f64(0.501), Cur: f64(0.503)}, "Metrics improving", "50%", "50%", "±0 pts", "same"},
	}
	for _, tt := range tests {
		r := b.deltaRow(tt.d)
		if r.Label != tt.label || r.Prev != tt.prev || r.Cur != tt.cur || r.Change != tt.chg || r.Class != tt.class {
			t.Errorf("deltaRow(%s %v→%v) = %+v; want %s %s %s %s %s", tt.d.ID, tt.d.Prev, tt.d.Cur, r, tt.label, tt.prev, tt.cur, tt.chg, tt.class)
		}
	}
}

// closedFixture is the fixture's previous quarter: 2026-Q2, in which
// INI-001 was at risk with score 70 and a budget of 500,000, INI-002 did
// not exist yet, and aligned spend was 62%.
func closedFixture(t testing.TB) []history.Quarter {
	t.Helper()
	_, _, sc := fixture()
	b, err := json.Marshal(sc)
	if err != nil {
		t.Fatal(err)
	}
	var prev model.Scorecard
	if err := json.Unmarshal(b, &prev); err != nil {
		t.Fatal(err)
	}
	prev.Period, prev.AsOf = "2026-Q2", "2026-06-30"
	prev.Portfolio.AlignedSpendShare = f64(0.62)
	var keep []model.InitiativeResult
	for _, ir := range prev.Initiatives {
		switch ir.ID {
		case "INI-001":
			ir.Verdict, ir.Score, ir.Budget = model.AtRisk, intp(70), 500000
		case "INI-002":
			continue
		}
		keep = append(keep, ir)
	}
	prev.Initiatives = keep
	return []history.Quarter{{Period: prev.Period, AsOf: prev.AsOf, Scorecard: &prev}}
}

func TestHistoryGolden(t *testing.T) {
	m := renderFixture(t, func(in *Input) { in.History = closedFixture(t) })
	checks := map[string][]string{
		"board-pack.html": {`What changed since 2026-Q2`, `href="history/2026-Q2/board-pack.html"`, `New initiatives`, `Budget moves`,
			`<span class="delta delta-worse"><span class="icon" aria-hidden="true">▼</span> −4 pts worse</span>`},
		"index.html": {`<h2>Since 2026-Q2</h2>`,
			// 58% against 62% closed: the tile says the change in words and colour
			`<span class="value">58%</span><span class="target">target ≥ 60%</span><span class="change"><span class="delta delta-worse"><span class="icon" aria-hidden="true">▼</span> −4 pts <span class="delta-word">worse</span></span> since 2026-Q2</span>`,
			// spend $960,000 then and now: said, with no "±$0" beside it
			`<span class="value">$960k</span><span class="target">incl. $10.0k sunk cost of 1 cancelled</span><span class="note">identical to 2026-Q2 to the dollar: was spend updated?</span>`, `<h2>Closed quarters</h2>`, `href="history/2026-Q2/board-pack.html"`},
		"initiatives/INI-001.html": {`In 2026-Q2:`, `score 70; score since then <span class="delta delta-better">&#43;30 <span class="delta-word">better</span></span>`, `href="../history/2026-Q2/board-pack.html"`},
		"initiatives/INI-002.html": {`In 2026-Q2: not yet in the register.`},
	}
	dir := filepath.Join("testdata", "golden-history")
	for p, wants := range checks {
		got, ok := m.Get(p)
		if !ok {
			t.Fatalf("%s not rendered", p)
		}
		for _, w := range wants {
			if !strings.Contains(string(got), w) {
				t.Errorf("%s does not contain %s", p, w)
			}
		}
		if p != "board-pack.html" {
			continue // the other pages' goldens are TestGolden's; here only what changes
		}
		file := filepath.Join(dir, filepath.FromSlash(p))
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		exp, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v (run go test -update)", p, err)
			continue
		}
		if !bytes.Equal(got, exp) {
			t.Errorf("%s differs from %s (run go test -update and review the diff)\n%s", p, file, firstDiff(got, exp))
		}
	}
}

func TestNoHistoryNoChanges(t *testing.T) {
	m := renderFixture(t, nil)
	for _, p := range []string{"board-pack.html", "index.html", "initiatives/INI-001.html"} {
		got, _ := m.Get(p)
		for _, s := range []string{"What changed since", "Closed quarters", "since-line", "history/"} {
			if strings.Contains(string(got), s) {
				t.Errorf("%s without history contains %q", p, s)
			}
		}
	}
}

// TestHostileHistory renders hostile spreadsheet text in both quarters:
// the changes the board pack lists stay text.
func TestHostileHistory(t *testing.T) {
	m := renderFixture(t, func(in *Input) {
		hist := closedFixture(t)
		prev := hist[0].Scorecard
		for i := range prev.Initiatives {
			prev.Initiatives[i].Name = hostileTexts[0]
			prev.Initiatives[i].ID = hostileTexts[5] // removed: shown as text
		}
		hostileInput(in)
		in.History = hist
	})
	for _, p := range []string{"board-pack.html", "index.html"} {
		b, _ := m.Get(p)
		s := string(b)
		if p == "board-pack.html" && !strings.Contains(s, "No longer in the register") {
			t.Errorf("%s: the removed hostile ids are not listed", p)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", `" onmouseover="`} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: raw %q reached the page", p, bad)
			}
		}
		for _, tag := range scriptTag.FindAllString(s, -1) {
			if !strings.HasPrefix(tag, `<script src="`) && !strings.HasPrefix(tag, `<script type="application/json" id="chart-`) {
				t.Errorf("%s: unexpected %s", p, tag)
			}
		}
	}
}
