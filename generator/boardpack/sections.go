package boardpack

import (
	"cmp"

	"github.com/opsalign/opsalign/generator/model"
)

// Section is one principle of the board pack.
type Section struct {
	Principle int
	Title     string
	// Checks are the ids of the per-initiative checks of the principle
	// (none for principle 5, which is the portfolio split).
	Checks []string
	// Counts add up the results of those checks over the initiatives.
	Counts Counts
	// Portfolio holds the portfolio checks that speak to the principle.
	Portfolio []model.CheckResult
	// Chart names the site chart that illustrates the principle ("" for
	// none): a chart name of the narrative's {{ chart }}.
	Chart string
	// Exceptions are the initiatives whose checks of the principle warn or
	// fail, largest spend first (see rankExceptions).
	Exceptions []Exception
	// Prev counts the same results in the previous closed quarter; nil
	// when there is none.
	Prev *Counts
}

// Counts counts check results.
type Counts struct {
	Pass, Warn, Fail, NA int
}

// Applicable is the number of results that are not n/a.
func (c Counts) Applicable() int { return c.Pass + c.Warn + c.Fail }

// PassShare is the share of applicable results that pass; nil when none
// applies.
func (c Counts) PassShare() *float64 {
	n := c.Applicable()
	if n == 0 {
		return nil
	}
	v := float64(c.Pass) / float64(n)
	return &v
}

// Exception is one initiative's failing or warning check.
type Exception struct {
	Initiative string // id
	Name       string
	Unit       string
	Check      string
	Result     model.Result
	Reason     string
	// Spend is the initiative's spend; nil when it has none.
	Spend *float64
}

// spendOf is a spend for ranking: a missing spend ranks as 0.
func spendOf(s *float64) float64 {
	if s == nil {
		return 0
	}
	return *s
}

// rankExceptions orders exceptions by spend at risk: the largest spend
// first, then failures before warnings, then by initiative and check id.
func rankExceptions(a, b Exception) int {
	return cmp.Or(cmp.Compare(spendOf(b.Spend), spendOf(a.Spend)), cmp.Compare(rank(a.Result), rank(b.Result)),
		cmp.Compare(a.Initiative, b.Initiative), cmp.Compare(a.Check, b.Check))
}

// rank orders results worst first.
func rank(r model.Result) int {
	switch r {
	case model.Fail:
		return 0
	case model.Warn:
		return 1
	}
	return 2
}

// principleTitles names the nine principles.
var principleTitles = map[int]string{
	1: "Operational outcomes",
	2: "Business ownership",
	3: "IT embedded in operations",
	4: "Stabilise before automating",
	5: "Run, improve, transform",
	6: "Funding and sequencing follow the operating plan",
	7: "Measured by operational impact",
	8: "Change management",
	9: "Reliability over novelty",
}

// principleCharts names the chart shown with a principle.
var principleCharts = map[int]string{
	5: "split",
	6: "calendar",
	9: "incidents",
}

// sections makes the nine principle sections.
func sections(sc *model.Scorecard) []Section {
	out := make([]Section, 9)
	for i := range out {
		n := i + 1
		out[i] = Section{Principle: n, Title: principleTitles[n], Chart: principleCharts[n]}
	}
	for _, c := range model.Checks {
		s := &out[c.Principle-1]
		s.Checks = append(s.Checks, c.ID)
	}
	for _, c := range model.PortfolioChecks {
		if c.Principle < 1 || c.Principle > 9 {
			continue
		}
		for _, r := range sc.Portfolio.Checks {
			if r.ID == c.ID {
				out[c.Principle-1].Portfolio = append(out[c.Principle-1].Portfolio, r)
			}
		}
	}
	for i := range sc.Initiatives {
		ir := &sc.Initiatives[i]
		for _, r := range ir.Checks {
			p := principleOf(r.ID)
			if p == 0 {
				continue
			}
			s := &out[p-1]
			switch r.Result {
			case model.Pass:
				s.Counts.Pass++
			case model.Warn:
				s.Counts.Warn++
			case model.Fail:
				s.Counts.Fail++
			default:
				s.Counts.NA++
			}
			if r.Result == model.Warn || r.Result == model.Fail {
				s.Exceptions = append(s.Exceptions, Exception{
					Initiative: ir.ID, Name: ir.Name, Unit: ir.BusinessUnit,
					Check: r.ID, Result: r.Result, Reason: r.Reason, Spend: ir.Spend,
				})
			}
		}
	}
	for i := range out {
		out[i].Exceptions = sortedCopy(out[i].Exceptions, rankExceptions)
	}
	return out
}

// principleOf returns the principle of a per-initiative check id, 0 for
// an unknown id.
func principleOf(id string) int {
	for _, c := range model.Checks {
		if c.ID == id {
			return c.Principle
		}
	}
	return 0
}
