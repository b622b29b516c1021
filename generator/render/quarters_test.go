package render

import (
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/decisions"
)

// TestQuartersPage renders the fixture with 2026-Q2 closed (INI-002 not
// in its register) and decisions: the quarters page lists INI-002 as new,
// the pages of this issue keep the content security policy, and the
// board pack shows the decisions.
func TestQuartersPage(t *testing.T) {
	m := renderFixture(t, func(in *Input) {
		in.History = closedFixture(t)
		in.Decisions = &decisions.Report{Schema: decisions.Schema, Period: in.Scorecard.Period, AsOf: in.Scorecard.AsOf,
			Decisions: []decisions.Decision{{ID: "D-1", Ask: "Ask <b>one</b>", Owner: "COO", Due: "2026-12-31", Until: []decisions.Check{{Initiative: "INI-001", Check: "peak_clear"}, {Initiative: decisions.Portfolio, Check: "run_protected"}}}},
			From:      "2026-Q2",
			Followed:  []decisions.Status{{Decision: decisions.Decision{ID: "D-0", Ask: "Ask zero"}, Status: decisions.Overdue, Reason: "Due 2026-06-01."}},
		}
	})
	want := map[string][]string{
		"quarters.html": {
			`<h4>New since 2026-Q2</h4>`,
			`<li><a href="initiatives/INI-002.html">INI-002 `,
			`<td class="answer-`,
			`id="chart-quarters-aligned"`,
		},
		"board-pack.html": {
			`<tr><th scope="row">D-1</th><td>Ask &lt;b&gt;one&lt;/b&gt;<br><span class="until">Met when the P6 Peak check of Warehouse scanning (INI-001) and the portfolio check “Run protected” pass.</span></td><td>COO</td><td class="date">2026-12-31</td></tr>`,
			`<tr class="decision-overdue"><th scope="row">D-0</th><td>Ask zero</td><td>–</td><td class="date">–</td><td class="status"><span class="result result-fail decision-overdue" data-mark="✗">Overdue</span></td><td>Due 2026-06-01.</td></tr>`,
		},
		"initiatives/INI-001.html": {`<caption>Verdict and score by quarter</caption>`, `<td class="num">70</td>`},
	}
	for p, ws := range want {
		b, ok := m.Get(p)
		if !ok {
			t.Fatalf("no %s", p)
		}
		for _, w := range ws {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s lacks %s\n%s\n%s", p, w, grep(string(b), "D-0"), grep(string(b), "D-1"))
			}
		}
		for _, problem := range policyProblems(b) {
			t.Errorf("%s: %s", p, problem)
		}
	}
	if _, ok := m.Get("feed.xml"); !ok {
		t.Error("no feed.xml with a closed quarter")
	}
	if m := renderFixture(t, nil); m.Has("quarters.html") || m.Has("feed.xml") {
		t.Error("quarters.html or feed.xml without a closed quarter")
	}
}

// grep returns the lines of s that hold sub.
func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
