package score

import (
	"reflect"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// register is the source of the explained initiatives: Register row 5
// with the columns of the sample register.
var register = model.Source{File: "r.xlsx", Sheet: "Register", Row: 5, Columns: map[string]string{
	"business_unit": "D", "business_owner": "E", "go_live": "K", "spend": "I", "adoption": "S", "dr_tested": "U",
}}

func TestExplain(t *testing.T) {
	type fix struct{ check, fix, cell string }
	cases := []struct {
		name    string
		edit    func(in *model.Initiative, ds *model.Dataset, p *model.Policy)
		verdict model.Verdict
		because string
		toAlign []string
		blank   []string
		fixes   []fix // every check with a fix or a cell, in report order
	}{
		{"aligned", func(*model.Initiative, *model.Dataset, *model.Policy) {}, model.Aligned,
			"no check fails and score 100 ≥ 80", []string{}, []string{}, nil},
		{"go-live in two touching windows", func(in *model.Initiative, ds *model.Dataset, _ *model.Policy) {
			ds.Calendar = []model.Window{
				{Name: "January sale", Start: d("2026-01-10"), End: d("2026-01-20"), Kind: model.WindowPeak, BusinessUnit: "Stores"},
				{Name: "Stocktake", Start: d("2026-01-21"), End: d("2026-01-25"), Kind: model.WindowFreeze},
			}
		}, model.AtRisk,
			// 8 of 9 pass: 88.9 → 89
			"Sequencing around critical periods fails (score 89); aligned needs no failing check and score ≥ 80",
			[]string{model.CheckPeakClear}, []string{},
			[]fix{{model.CheckPeakClear, "move go-live 2026-01-15 out of January sale: to 2026-01-09 or earlier, or 2026-01-26 or later", "r.xlsx:Register!K5"}}},
		{"no business unit", func(in *model.Initiative, ds *model.Dataset, _ *model.Policy) {
			in.BusinessUnit = " "
			in.Status = model.StatusNone
		}, model.Aligned, "no check fails and score 100 ≥ 80", []string{}, []string{"business_unit", "status"},
			[]fix{{model.CheckITEmbedded, "", "r.xlsx:Register!D5"}}},
		{"overspend", func(in *model.Initiative, _ *model.Dataset, _ *model.Policy) {
			in.Spend = f(1200) // limit 1000 × 1.1 = 1100; 1200 / 1.1 = 1090.9 → 1091
		}, model.Aligned, "no check fails and score 94 ≥ 80", []string{}, []string{},
			[]fix{{model.CheckPlanFunded, "bring spend down by USD 100 to USD 1,100, or raise budget to at least USD 1,091", "r.xlsx:Register!I5"}}},
		{"four warnings, equal weights", fourWarnings, model.AtRisk,
			// 9 − 4 × 0.5 = 7 of 9 = 77.8 → 78; lifting the first warning gives 7.5 / 9 = 83
			"score 78 < 80; aligned needs no failing check and score ≥ 80",
			[]string{model.CheckBusinessOwned}, []string{},
			[]fix{
				{model.CheckBusinessOwned, "name a business owner who is not also the IT owner", "r.xlsx:Register!E5"},
				{model.CheckPlanFunded, "bring spend down by USD 100 to USD 1,100, or raise budget to at least USD 1,091", "r.xlsx:Register!I5"},
				{model.CheckChangeManaged, "raise adoption from 50% to at least 70%", "r.xlsx:Register!S5"},
				{model.CheckStableInOperation, "record a DR test dated 2025-09-30 or later", "r.xlsx:Register!U5"},
			}},
		{"four warnings, the heaviest lifted first", func(in *model.Initiative, ds *model.Dataset, p *model.Policy) {
			fourWarnings(in, ds, p)
			// weight 11, 11 − 0.5 × 6 = 8 → 72.7 → 73; lifting stable_in_operation gives 9.5 / 11 = 86
			p.Weights = map[string]float64{model.CheckStableInOperation: 3}
		}, model.AtRisk, "score 73 < 80; aligned needs no failing check and score ≥ 80",
			[]string{model.CheckStableInOperation}, []string{}, nil},
		{"cancelled", func(in *model.Initiative, _ *model.Dataset, _ *model.Policy) { in.Status = model.StatusCancelled },
			model.NotScored, "status Cancelled: a cancelled initiative is listed but not scored", []string{}, []string{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := baseInitiative()
			in.Source = register
			ds := baseDataset()
			p := model.DefaultPolicy()
			c.edit(&in, ds, &p)
			ds.Initiatives = []model.Initiative{in}
			sc := Score(ds, p, testOptions())
			r := sc.Initiatives[0]
			e := r.Explanation
			if r.Verdict != c.verdict || e == nil {
				t.Fatalf("verdict %s, explanation %v; want %s", r.Verdict, e, c.verdict)
			}
			if e.Because != c.because {
				t.Errorf("because\n got %q\nwant %q", e.Because, c.because)
			}
			if !reflect.DeepEqual(e.ToAlign, c.toAlign) || !reflect.DeepEqual(e.Blank, c.blank) {
				t.Errorf("to align %q, blank %q; want %q, %q", e.ToAlign, e.Blank, c.toAlign, c.blank)
			}
			if c.fixes == nil && c.name != "aligned" && c.name != "cancelled" {
				return
			}
			var got []fix
			for _, ch := range r.Checks {
				if ch.Fix == "" && ch.Cell == nil {
					continue
				}
				f := fix{ch.ID, ch.Fix, ""}
				if ch.Cell != nil {
					f.cell = ch.Cell.Ref()
				}
				got = append(got, f)
			}
			if !reflect.DeepEqual(got, c.fixes) {
				t.Errorf("fixes\n got %q\nwant %q", got, c.fixes)
			}
		})
	}
}

// fourWarnings makes business_owned, plan_funded, change_managed and
// stable_in_operation warn.
func fourWarnings(in *model.Initiative, _ *model.Dataset, _ *model.Policy) {
	in.BusinessOwner, in.ITOwner = "Ann Lee", "ann lee"
	in.Spend = f(1200)
	in.Adoption = f(0.5)
	in.Risk = model.RiskHigh
}

func TestVerdictRule(t *testing.T) {
	want := []string{
		"Aligned: no check fails and score ≥ 80",
		"At risk: a check fails, or score 50–79, unless not aligned",
		"Not aligned: score < 50, or Operational outcomes, Measured by operational impact or Reliability over novelty fails (whatever the score)",
		"Not scored: status Cancelled",
	}
	if got := verdictRule().Lines; !reflect.DeepEqual(got, want) {
		t.Errorf("rule\n got %q\nwant %q", got, want)
	}
}

func TestIssueEffects(t *testing.T) {
	in := baseInitiative()
	in.Source = register
	ds := baseDataset(in)
	ds.Issues = []model.Issue{
		{Severity: model.SevWarning, File: "r.xlsx", Sheet: "Register", Row: 5, Column: "H", Field: "budget", Value: "EUR 1,000",
			Message: "amount is in EUR, not the site currency USD; it is used as if it were USD (no conversion)"},
		{Severity: model.SevInfo, File: "r.xlsx", Sheet: "Lists", Message: "sheet ignored: it does not look like any of the tables (no header row with known columns in the first 20 rows)"},
		{Severity: model.SevWarning, File: "inc.csv", Row: 9, Column: "I", Field: "initiative", Value: "INI-104", Message: `initiative "INI-104" is not in the initiatives table`},
	}
	got := Score(ds, model.DefaultPolicy(), testOptions()).IssueEffects
	want := []model.IssueEffect{
		{Issue: 0, Initiative: "INI-001", Figure: "budget USD 1,000: budget total, the run/improve/transform split and Funding follows the operating plan",
			Fix: "write the amount in USD in r.xlsx:Register!H5 (convert EUR 1,000 at your rate)"},
		{Issue: 1, Fix: "nothing to do if it holds no table; to read it, give it a header row with the table's column names in its first 20 rows"},
		{Issue: 2, Figure: "the change-caused incident count and Reliability over novelty of the initiative it means", Fix: "correct the initiative id in inc.csv:I9, or add INI-104 to the register; until then the incident counts toward no initiative"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("effects\n got %+v\nwant %+v", got, want)
	}
}
