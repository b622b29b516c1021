package score

import (
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// Every reason is one line (scorecard.md: "a one-line human reason"), even
// when the spreadsheet's names it quotes hold line breaks or tabs.
func TestReasonsAreOneLine(t *testing.T) {
	in := baseInitiative()
	in.BusinessOwner, in.ITOwner = "Ann\nLee", "Bo\r\nChen"
	in.BusinessUnit = "Stores\tEast"
	in.PlanLine = "PL-1\n"
	in.AdoptionOwner = "Cy\u2028Dee"
	ds := baseDataset(in)
	ds.Reviews = nil
	ds.Calendar = []model.Window{window("Peak\nseason", "2026-01-01", "2026-01-31", model.WindowPeak, "")}
	ds.Incidents = []model.Incident{{ID: "INC\n1", Severity: 1, Opened: dt("2026-08-01 10:00", time.UTC), Initiative: "INI-001"}}
	sc := Score(ds, model.DefaultPolicy(), testOptions())
	want := map[string]string{
		model.CheckBusinessOwned:     "business owner Ann Lee, IT owner Bo Chen",
		model.CheckITEmbedded:        "Stores East held no operational review in the trailing window (2026-04-02 – 2026-09-30)",
		model.CheckPeakClear:         "go-live 2026-01-15 falls in Peak season (2026-01-01 – 2026-01-31); category improve",
		model.CheckChangeManaged:     "training plan and adoption owner Cy Dee; adoption 80%, at least 70%",
		model.CheckStableInOperation: "1 severity 1–2 incident attributed to it opened in the trailing window (2026-04-02 – 2026-09-30): INC 1 (sev 1, 2026-08-01)",
	}
	var all []model.CheckResult
	all = append(all, sc.Initiatives[0].Checks...)
	all = append(all, sc.Portfolio.Checks...)
	for _, c := range all {
		if strings.ContainsAny(c.Reason, "\n\r\t\u2028") {
			t.Errorf("%s reason %q is not one line", c.ID, c.Reason)
		}
		if w, ok := want[c.ID]; ok && c.Reason != w {
			t.Errorf("%s reason %q, want %q", c.ID, c.Reason, w)
		}
	}
	for _, r := range sc.Headline.Reasons {
		if strings.ContainsAny(r, "\n\r\t\u2028") {
			t.Errorf("headline reason %q is not one line", r)
		}
	}
}

func TestOneLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"}, {"two  spaces kept", "two  spaces kept"}, {"a\r\nb", "a b"}, {"a \n\t b", "a b"},
		{"tab\there", "tab here"}, {"end\n", "end "}, {"\nstart", " start"}, {"Ærø\u2028Øst", "Ærø Øst"}, {"", ""},
	} {
		if got := oneLine(c.in); got != c.want {
			t.Errorf("oneLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// hasLineBreak agrees with strings.ContainsAny(s, lineBreaks).
func FuzzHasLineBreak(f *testing.F) {
	for _, s := range []string{"", "a\tb", "a–b", "x\u2028", "\u2029", "\u0085", "\xe2\x80", "\xc2", "2026-04-02 – 2026-09-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasLineBreak(s), strings.ContainsAny(s, lineBreaks); got != want {
			t.Errorf("hasLineBreak(%q) = %v, want %v", s, got, want)
		}
	})
}
