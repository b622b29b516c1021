package console

import (
	"bytes"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"two\nlines\r\nhere", "two lines  here"},
		{"tab\there", "tab here"},
		{"\x1b[31mred\x1b[0m", "\uFFFD[31mred\uFFFD[0m"},
		{"bell\a and \x9b C1", "bell\uFFFD and \uFFFD C1"},
		{"ümlaut €", "ümlaut €"},
		// Trojan Source: every embedding, override and isolate goes; the
		// characters on either side (LRM U+200E, U+2029's neighbours) stay.
		{"INI-1\u202Egnp.exe", "INI-1\uFFFDgnp.exe"},
		{"a\u202Ab\u202Bc\u202Cd\u202De\u202Ef", "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf"},
		{"a\u2066b\u2067c\u2068d\u2069e", "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe"},
		{"mark\u200Eok\u2065\u206A", "mark\u200Eok\u2065\u206A"},
		{"עברית and العربية", "עברית and العربية"},
	}
	for _, tc := range tests {
		if got := oneLine(tc.in); got != tc.want {
			t.Errorf("oneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteCheck(t *testing.T) {
	share := 0.5
	ds := &model.Dataset{
		Issues: []model.Issue{
			{Severity: model.SevError, File: "d/r.xlsx", Sheet: "Initiatives", Row: 19, Column: "H", Field: "budget", Value: "12,5OO", Message: `cannot read "12,5OO" as money; the row is not used`},
			{Severity: model.SevInfo, File: "d/r.xlsx", Sheet: "Notes", Message: "sheet ignored"},
		},
		Summary: model.Summary{Files: []string{"d/r.xlsx"}, Tables: []model.TableSummary{{Table: model.TableInitiatives, Rows: 2, Excluded: 1, Sources: []string{"d/r.xlsx:Initiatives"}}}},
	}
	score := 83
	sc := &model.Scorecard{AsOf: "2026-09-30", Period: "2026-Q3", Currency: "USD",
		Headline:  model.Headline{Answer: "no", Reasons: []string{"Aligned spend 50% is below the 60% target"}},
		Portfolio: model.Portfolio{BudgetTotal: 1234567, SpendTotal: 1000, AlignedSpendShare: &share},
		Initiatives: []model.InitiativeResult{{ID: "INI-1", Name: "Evil\x1b[2J name", Verdict: model.AtRisk, Score: &score,
			Checks: []model.CheckResult{{ID: model.CheckOutcomeLinked, Result: model.Pass}, {ID: model.CheckPeakClear, Result: model.Fail}}}},
	}
	var b bytes.Buffer
	WriteCheck(&b, ds, sc, Options{})
	out := b.String()
	for _, want := range []string{
		`d/r.xlsx:Initiatives!H19: error: budget: cannot read "12,5OO" as money; the row is not used`,
		"d/r.xlsx:Notes: info: sheet ignored",
		"NO — as of 2026-09-30 (2026-Q3)",
		"budget 1,234,567, spend 1,000",
		"aligned spend 50.0%",
		"INI-1",
		"Evil\uFFFD[2J name",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Error("an escape character from spreadsheet text reached the terminal")
	}
	b.Reset()
	WriteCheck(&b, ds, sc, Options{Quiet: true})
	if strings.Contains(b.String(), "sheet ignored") || strings.Contains(b.String(), "Portfolio") {
		t.Errorf("quiet output has notes or the portfolio:\n%s", b.String())
	}
}

func TestMoney(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 1234567.5: "1,234,568", -52555000: "-52,555,000"} {
		if got := Money(in); got != want {
			t.Errorf("Money(%v) = %q, want %q", in, got, want)
		}
	}
}
