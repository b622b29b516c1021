package sampledata_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read"
	"github.com/opsalign/opsalign/generator/score"
)

// scoreRepoSample reads and scores the committed sample with the
// repository's opsalign.toml, as `make run` does.
func scoreRepoSample(t *testing.T) *model.Scorecard {
	t.Helper()
	cfg, err := config.Load("../../opsalign.toml", false)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := read.Read(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return score.Score(ds, cfg.Policy, score.Options{AsOf: cfg.AsOf, FiscalYearStart: cfg.FiscalYearStart,
		Location: cfg.Location, Currency: cfg.Currency})
}

// The nine checks' results per initiative, in model.Checks order, as the
// story of README.md designs them: P pass, W warn, F fail, - n/a.
var wantChecks = map[string]string{
	"INI-001": "PPP-PF-P-", "INI-002": "PPP-PPPPP", "INI-003": "PPP-PPPPP", "INI-004": "PPPPPPFWP",
	"INI-005": "PPPPPPPFF", "INI-006": "PPP-PP-F-", "INI-007": "PPP-PPP-P", "INI-008": "PPP-PWP-P",
	"INI-010": "PPPPPPPPP", "INI-011": "PPW-PPWPP", "INI-012": "PPW-PPPWW", "INI-013": "PPWPPPPPP",
	"INI-014": "PWW-PPPPP", "INI-015": "PPW-PPP-P", "INI-016": "PPW-PP-P-", "INI-017": "PPW-F----",
	"INI-018": "PPF-PPWWP", "INI-019": "PPF-PPWPP", "INI-020": "PPF-PPFPP", "INI-021": "PFF-PP---",
	"INI-022": "PPF-PP---", "INI-023": "PPPFPPPPP", "INI-024": "PPP-PPPPP", "INI-025": "PPP-PPPPP",
	"INI-026": "PPPPPP-PP", "INI-027": "PPP-PPPPP", "INI-028": "PPP-PPP-P", "INI-029": "PP--PP-P-",
	"INI-030": "FP--PPF-P", "INI-031": "PPP-PPP-P", "INI-032": "PPF-PPW-P", "INI-033": "PPW-PPP-P",
	"INI-034": "PPP-PPP-P", "INI-035": "PPP-PPP-W", "INI-036": "PPF-FPW-P", "INI-037": "PPWPP--P-",
	"INI-038": "PPPFPP-P-", "INI-039": "PPP-WPPPP", "INI-040": "PPP-PPF-P",
}

var letter = map[model.Result]string{model.Pass: "P", model.Warn: "W", model.Fail: "F", model.NA: "-"}

func TestSampleStory(t *testing.T) {
	sc := scoreRepoSample(t)

	verdicts := map[model.Verdict][]string{}
	seen := map[string]map[model.Result]bool{}
	for _, in := range sc.Initiatives {
		verdicts[in.Verdict] = append(verdicts[in.Verdict], in.ID)
		got := ""
		for _, c := range in.Checks {
			got += letter[c.Result]
			if seen[c.ID] == nil {
				seen[c.ID] = map[model.Result]bool{}
			}
			seen[c.ID][c.Result] = true
		}
		if in.Verdict == model.NotScored {
			continue
		}
		if want := wantChecks[in.ID]; got != want {
			t.Errorf("%s checks = %s, want %s", in.ID, got, want)
		}
	}

	// Every check shows every result the spec allows it.
	allowed := map[string]string{
		model.CheckOutcomeLinked: "PF", model.CheckBusinessOwned: "PWF", model.CheckITEmbedded: "PWF-",
		model.CheckProcessStable: "PF-", model.CheckPlanFunded: "PWF", model.CheckPeakClear: "PWF-",
		model.CheckImpactRealized: "PWF-", model.CheckChangeManaged: "PWF-", model.CheckStableInOperation: "PWF-",
	}
	for id, want := range allowed {
		got := ""
		for _, r := range []model.Result{model.Pass, model.Warn, model.Fail, model.NA} {
			if seen[id][r] {
				got += letter[r]
			}
		}
		if got != want {
			t.Errorf("%s shows results %q, want %q", id, got, want)
		}
	}

	wantVerdicts := map[model.Verdict]string{
		model.NotScored:  "INI-009",
		model.NotAligned: "INI-004 INI-005 INI-020 INI-030 INI-040",
		model.AtRisk:     "INI-001 INI-006 INI-017 INI-018 INI-019 INI-021 INI-022 INI-023 INI-032 INI-036 INI-038",
	}
	for v, want := range wantVerdicts {
		if got := strings.Join(verdicts[v], " "); got != want {
			t.Errorf("%s = %s, want %s", v, got, want)
		}
	}
	if n := len(verdicts[model.Aligned]); n != 23 {
		t.Errorf("%d aligned, want 23", n)
	}

	// The portfolio: one band broken, Run protected, the headline "no" on
	// aligned spend and a change-caused severity 1.
	wantPortfolio := map[string]model.Result{
		model.CheckSplitWithinPolicy: model.Fail, model.CheckRunProtected: model.Pass,
		model.CheckAlignedSpend: model.Fail, model.CheckNoInstability: model.Fail, model.CheckMetricsImproving: model.Pass,
	}
	for _, c := range sc.Portfolio.Checks {
		if c.Result != wantPortfolio[c.ID] {
			t.Errorf("portfolio %s = %s, want %s (%s)", c.ID, c.Result, wantPortfolio[c.ID], c.Reason)
		}
	}
	if sc.Headline.Answer != "no" || len(sc.Headline.Reasons) != 2 {
		t.Errorf("headline = %q %q, want no with 2 reasons", sc.Headline.Answer, sc.Headline.Reasons)
	}
	p := sc.Portfolio
	if p.ChangeIncidents == nil || *p.ChangeIncidents != 1 {
		t.Errorf("change incidents = %v, want 1", p.ChangeIncidents)
	}
	if got := fmt.Sprintf("%.3f %.3f", deref(p.AlignedSpendShare), deref(p.MetricsImprovingShare)); got != "0.567 0.750" {
		t.Errorf("aligned spend share, metrics improving share = %s, want 0.567 0.750", got)
	}
	if got := fmt.Sprintf("%.3f %.3f %.3f", deref(p.Split.Budget.Run), deref(p.Split.Budget.Improve), deref(p.Split.Budget.Transform)); got != "0.578 0.194 0.228" {
		t.Errorf("budget split = %s, want 0.578 0.194 0.228", got)
	}
}

func deref(f *float64) float64 {
	if f == nil {
		return -1
	}
	return *f
}

// TestSampleIssues checks the data-quality page has its three deliberate
// warnings and no error: no row of the sample is lost.
func TestSampleIssues(t *testing.T) {
	sc := scoreRepoSample(t)
	var got []string
	for _, is := range sc.Issues {
		if is.Severity == model.SevInfo {
			continue
		}
		got = append(got, fmt.Sprintf("%s %s %s", is.Severity, is.Ref(), is.Field))
	}
	slices.Sort(got)
	want := []string{
		"warning sample-data/FY26 IT initiative register.xlsx:Register!G31 metrics",
		"warning sample-data/FY26 IT initiative register.xlsx:Register!H43 budget",
		"warning sample-data/incident_export.csv:I131 initiative",
	}
	if !slices.Equal(got, want) {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
