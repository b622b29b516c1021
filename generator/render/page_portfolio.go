package render

import "github.com/opsalign/opsalign/generator/model"

// PortfolioView is the portfolio page.
type PortfolioView struct {
	Frame
	Portfolio    *model.Portfolio
	RunProtected CheckRow
	Units        []UnitRow
	// Total sums the units; Cancelled is the cancelled initiatives'
	// budget and sunk spend, a line of its own under it (nil: none).
	Total       UnitRow
	Cancelled   *CancelledLine
	ByUnit      Chart
	ByQuarter   Chart
	SpendVsPlan Chart
}

// CancelledLine is what the cancelled initiatives were given and spent.
type CancelledLine struct {
	Count         int
	Budget, Spend float64
}

// UnitRow is one business unit's totals.
type UnitRow struct {
	Unit     string
	Budget   float64
	Spend    float64
	Plan     float64
	Verdicts model.VerdictCounts
}

func (x *index) portfolioView() *PortfolioView {
	v := &PortfolioView{
		Frame:       x.frame("portfolio.html", "Portfolio", "portfolio"),
		Portfolio:   &x.sc.Portfolio,
		ByUnit:      x.byUnitChart(),
		ByQuarter:   x.byQuarterChart(),
		SpendVsPlan: x.spendVsPlanChart(),
		Units:       x.unitRows(),
	}
	for _, c := range portfolioChecks(x.sc.Portfolio.Checks) {
		if c.ID == model.CheckRunProtected {
			v.RunProtected = c
		}
	}
	for _, u := range v.Units {
		v.Total.Plan += u.Plan
		v.Total.Budget += u.Budget
		v.Total.Spend += u.Spend
		v.Total.Verdicts.Aligned += u.Verdicts.Aligned
		v.Total.Verdicts.AtRisk += u.Verdicts.AtRisk
		v.Total.Verdicts.NotAligned += u.Verdicts.NotAligned
		v.Total.Verdicts.NotScored += u.Verdicts.NotScored
	}
	if p := &x.sc.Portfolio; p.CancelledCount > 0 {
		c := &CancelledLine{Count: p.CancelledCount, Spend: p.CancelledSpend}
		for i := range x.sc.Initiatives {
			if ir := &x.sc.Initiatives[i]; ir.Status != nil && *ir.Status == model.StatusCancelled {
				c.Budget += ir.Budget
			}
		}
		v.Cancelled = c
	}
	return v
}

// unitRows sums each business unit's budget, spend and plan.
func (x *index) unitRows() []UnitRow {
	out := make([]UnitRow, 0, len(x.sc.Portfolio.ByUnit))
	for _, u := range x.sc.Portfolio.ByUnit {
		out = append(out, UnitRow{Unit: u.BusinessUnit, Budget: sum(u.Budget), Spend: sum(u.Spend), Plan: sum(u.Plan), Verdicts: u.Verdicts})
	}
	return out
}

// sum adds a category map's values in category order.
func sum(m map[model.Category]float64) float64 {
	var t float64
	for _, c := range model.Categories {
		t += m[c]
	}
	return t
}
