package score

import (
	"github.com/opsalign/opsalign/generator/model"
)

// Score scores a dataset. It never fails: what cannot be computed is
// nil/null, never 0.
func Score(ds *model.Dataset, p model.Policy, o Options) *model.Scorecard {
	if ds == nil {
		ds = &model.Dataset{}
	}
	asOf := AsOf(ds, o)
	x := newIndex(ds, p, o, asOf)
	sc := &model.Scorecard{
		Schema:   model.SchemaVersion,
		Currency: o.Currency,
		Issues:   ds.Issues,
	}
	if !asOf.IsZero() {
		sc.AsOf, sc.Period = date(asOf), x.period.String()
	}
	if sc.Issues == nil {
		sc.Issues = []model.Issue{}
	}
	sc.Initiatives = scoreInitiatives(x)
	sc.Metrics = scoreMetrics(x)
	sc.Portfolio = portfolio(x, sc.Initiatives, sc.Metrics)
	sc.Headline = headline(sc.Portfolio.Checks)
	sc.Calendar = calendar(x)
	sc.VerdictRule = verdictRule()
	sc.IssueEffects = issueEffects(x, sc)
	return sc
}
