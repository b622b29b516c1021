package decisions

import (
	"errors"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// scorecard is a report as of asOf in which INI-001's peak_clear fails,
// INI-002's it_embedded passes and the split check fails.
func scorecard(asOf string) *model.Scorecard {
	return &model.Scorecard{
		Schema: 1, Period: "2026-Q3", AsOf: asOf,
		Portfolio: model.Portfolio{Checks: []model.CheckResult{
			{ID: model.CheckSplitWithinPolicy, Result: model.Fail, Reason: "Budget split outside policy: transform 22.8% is 2.8 points above its 5%–20% band"},
		}},
		Initiatives: []model.InitiativeResult{
			{ID: "INI-001", Checks: []model.CheckResult{{ID: model.CheckPeakClear, Result: model.Fail, Reason: "go-live 2026-11-20 falls in Peak season 2026"}}},
			{ID: "INI-002", Checks: []model.CheckResult{
				{ID: model.CheckITEmbedded, Result: model.Pass, Reason: "IT attended 5 of 6 operational reviews"},
				{ID: model.CheckPeakClear, Result: model.Warn, Reason: "go-live 2026-10-30 is 2 weeks before peak"},
			}},
		},
	}
}

const sample = `title = "Board pack"
weight = 2

[[decisions]]
id = "D-1"
ask = "Embed IT in Transport's reviews"
owner = "CIO"
due = 2026-09-15
until = [["INI-002", "it_embedded"]]

[[decisions]]
id = "D-2"
ask = "Move the warehouse cutover out of peak"
owner = "COO"
due = 2026-10-31
until = [
  ["INI-001", "peak_clear"],
]

[[decisions]]
id = "D-3"
ask = "Bring transform back inside its band"
owner = "CFO"
due = "2026-09-15"
until = [["portfolio", "split_within_policy"], ["INI-002", "peak_clear"]]

[[decisions]]
id = "D-4"
ask = "Fund a phased rollout"
owner = "COO"
due = 2026-08-31

[[decisions]]
id = "D-5"
ask = "Review the vendor contract"
owner = "CFO"
`

func TestParse(t *testing.T) {
	fm, err := Parse("content/board-pack.md", sample, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(fm.Decisions) != 5 {
		t.Fatalf("%d decisions, want 5", len(fm.Decisions))
	}
	d := fm.Decisions[2]
	if d.ID != "D-3" || d.Owner != "CFO" || d.Due != "2026-09-15" || len(d.Until) != 2 || d.Until[0] != (Check{"portfolio", "split_within_policy"}) {
		t.Errorf("D-3 = %+v", d)
	}
	// Lines of the file: the front matter starts on line 2.
	if d.line != 21 || d.untilLine != 26 || fm.Decisions[1].checkLine[0] != 18 {
		t.Errorf("lines: D-3 at %d, until at %d; D-2's entry at %d", d.line, d.untilLine, fm.Decisions[1].checkLine[0])
	}
}

func TestStates(t *testing.T) {
	fm, err := Parse("content/board-pack.md", sample, 1)
	if err != nil {
		t.Fatal(err)
	}
	prev := &Report{Schema: Schema, Period: "2026-Q2", Decisions: fm.Decisions}
	next, err := Parse("content/board-pack.md", `
[[decisions.followup]]
id = "D-4"
status = "dropped"
note = "The board chose a big-bang cutover."
`, 1)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(next, scorecard("2026-09-30"), prev)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id, status string
		manual     bool
		reason     string
	}{
		{"D-1", Met, false, "INI-002: IT attended 5 of 6 operational reviews."},
		{"D-2", Open, false, "INI-001: go-live 2026-11-20 falls in Peak season 2026."},
		{"D-3", Overdue, false, "Due 2026-09-15. Budget split outside policy: transform 22.8% is 2.8 points above its 5%–20% band. INI-002: go-live 2026-10-30 is 2 weeks before peak."},
		{"D-4", Dropped, true, "The board chose a big-bang cutover."},
		{"D-5", Open, false, `No check can judge this decision: set its status by hand ([[decisions.followup]] id = "D-5").`},
	}
	if r.From != "2026-Q2" || len(r.Followed) != len(want) {
		t.Fatalf("report from %q with %d followed", r.From, len(r.Followed))
	}
	for i, w := range want {
		s := r.Followed[i]
		if s.ID != w.id || s.Status != w.status || s.Manual != w.manual || s.Reason != w.reason {
			t.Errorf("followed[%d] = %s %s manual=%v %q\nwant %s %s manual=%v %q", i, s.ID, s.Status, s.Manual, s.Reason, w.id, w.status, w.manual, w.reason)
		}
	}
	if got := r.Counts(); got != "1 met, 2 open, 1 overdue, 1 dropped" {
		t.Errorf("Counts = %q", got)
	}
	// On its due day a decision is not yet overdue.
	if s := Follow(fm.Decisions[2], Followup{}, scorecard("2026-09-15")); s.Status != Open {
		t.Errorf("on the due day: %s, want open", s.Status)
	}
	// An initiative that left the register does not meet a decision.
	sc := scorecard("2026-09-01")
	sc.Initiatives = sc.Initiatives[1:]
	if s := Follow(fm.Decisions[1], Followup{}, sc); s.Status != Open || s.Reason != "INI-001 is no longer in the register." {
		t.Errorf("initiative gone: %s %q", s.Status, s.Reason)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the error, file:line first
	}{
		{"unknown initiative", "[[decisions]]\nid = \"D-1\"\nask = \"x\"\nuntil = [\n  [\"INI-001\", \"peak_clear\"],\n  [\"INI-404\", \"peak_clear\"],\n]\n",
			`content/board-pack.md:7: decision D-1: until: no initiative "INI-404" in the register (or write "portfolio" for a portfolio check)`},
		{"unknown check", "[[decisions]]\nid = \"D-1\"\nask = \"x\"\nuntil = [[\"INI-001\", \"peak_cleared\"]]\n",
			`content/board-pack.md:5: decision D-1: until: "peak_cleared" is no initiative check (want outcome_linked, business_owned, it_embedded, process_stable, plan_funded, peak_clear, impact_realized, change_managed, stable_in_operation)`},
		{"unknown portfolio check", "[[decisions]]\nid = \"D-1\"\nask = \"x\"\nuntil = [[\"portfolio\", \"peak_clear\"]]\n",
			`content/board-pack.md:5: decision D-1: until: "peak_clear" is no portfolio check`},
		{"not a pair", "[[decisions]]\nid = \"D-1\"\nask = \"x\"\nuntil = [\"INI-001\"]\n",
			`content/board-pack.md:5: decisions: until entry INI-001 is not an [initiative, check] pair`},
		{"bad due", "[[decisions]]\nid = \"D-1\"\nask = \"x\"\ndue = \"31/10/2026\"\n",
			`content/board-pack.md:5: decisions: due: "31/10/2026" is no date (write 2026-10-31)`},
		{"no id", "title = \"x\"\n\n[[decisions]]\nask = \"x\"\n",
			`content/board-pack.md:4: decisions: a decision needs an id`},
		{"unknown key", "[[decisions]]\nid = \"D-1\"\nask = \"x\"\nwho = \"COO\"\n",
			`content/board-pack.md:5: decisions: unknown key "who" (want id, ask, owner, due or until)`},
		{"twice", "[[decisions]]\nid = \"D-1\"\nask = \"x\"\n[[decisions]]\nid = \"D-1\"\nask = \"y\"\n",
			`content/board-pack.md:5: decision "D-1" is listed twice (first on line 2)`},
		{"bad status", "[[decisions.followup]]\nid = \"D-0\"\nstatus = \"done\"\n",
			`content/board-pack.md:4: decisions.followup: status "done" is none of met, open, dropped, deferred, superseded`},
		{"follow-up of no decision", "[[decisions]]\nid = \"D-1\"\nask = \"x\"\n\n[[decisions.followup]]\nid = \"D-9\"\nstatus = \"dropped\"\n",
			`content/board-pack.md:6: decisions.followup: no decision "D-9" to follow up (2026-Q2 asked for D-0)`},
		{"toml", "[[decisions]]\nid = D-1\n",
			`content/board-pack.md:3: front matter: `},
	}
	prev := &Report{Schema: Schema, Period: "2026-Q2", Decisions: []Decision{{ID: "D-0", Ask: "x"}}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, err := Parse("content/board-pack.md", tt.text, 2)
			if err == nil {
				_, err = Build(fm, scorecard("2026-09-30"), prev)
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant %s…", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "content/board-pack.md" {
				t.Errorf("err is no *Error naming the file: %#v", err)
			}
		})
	}
}

// TestFollowupWithoutDecisions: without a closed quarter that froze
// decisions, follow-ups have nothing to apply to: no error, none shown.
func TestFollowupWithoutDecisions(t *testing.T) {
	fm, err := Parse("x.md", "[[decisions.followup]]\nid = \"D-9\"\nstatus = \"dropped\"\n", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, prev := range []*Report{nil, {Schema: Schema, Period: "2026-Q2"}} {
		r, err := Build(fm, scorecard("2026-09-30"), prev)
		if err != nil || r.From != "" || len(r.Followed) != 0 || !r.Empty() {
			t.Errorf("prev %v: report %+v, err %v", prev, r, err)
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	fm, err := Parse("x.md", sample, 1)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(FrontMatter{}, scorecard("2026-09-30"), &Report{Schema: 1, Period: "2026-Q2", Decisions: fm.Decisions})
	if err != nil {
		t.Fatal(err)
	}
	r.Decisions = fm.Decisions[:1]
	b, err := r.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"until": [
        [
          "INI-002",
          "it_embedded"
        ]
      ]`) {
		t.Errorf("until is not written as pairs:\n%s", b)
	}
	back, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := back.Encode()
	if string(again) != string(b) {
		t.Errorf("Decode(Encode) changes the file:\n%s\n%s", b, again)
	}
	if _, err := Decode([]byte(`{"schema":2,"decisions":[]}`)); err == nil || err.Error() != "decisions.json has schema 2; this opsalign reads schema 1" {
		t.Errorf("schema 2: %v", err)
	}
}
