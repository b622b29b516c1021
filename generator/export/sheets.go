package export

import (
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/xuri/excelize/v2"
)

// writeSummary writes the headline, the portfolio figures and the portfolio
// checks as rows of figure, value and note.
func writeSummary(f *excelize.File, st styles, sc *model.Scorecard) error {
	p := sc.Portfolio
	row := func(name string, v value, note string) []value { return []value{str(name), v, str(note)} }
	rows := [][]value{
		row("Headline answer", str(sc.Headline.Answer), strings.Join(sc.Headline.Reasons, "; ")),
		row("As of", str(sc.AsOf), ""),
		row("Period", str(sc.Period), ""),
		row("Currency", str(sc.Currency), ""),
		row("Budget total", num(p.BudgetTotal).as(money), sc.Currency),
		row("Spend total", num(p.SpendTotal).as(money), spendNote(p, sc.Currency)),
		row("Aligned spend share", numPtr(p.AlignedSpendShare).as(share), "spend on initiatives whose verdict is aligned"),
		row("Metrics improving share", numPtr(p.MetricsImprovingShare).as(share), "metrics moving toward target"),
		row("Change-caused incidents", intPtr(p.ChangeIncidents).as(count), "severity 1–2 incidents attributed to an initiative"),
		row("MTTR (hours)", numPtr(p.MTTRHours).as(hours), "mean time to restore, severity 1–2"),
	}
	for _, c := range model.Categories {
		rows = append(rows, row("Budget share: "+string(c), numPtr(share3(p.Split.Budget, c)).as(share), ""))
	}
	for _, c := range model.Categories {
		rows = append(rows, row("Spend share: "+string(c), numPtr(share3(p.Split.Spend, c)).as(share), ""))
	}
	v := p.Verdicts
	rows = append(rows,
		row("Initiatives aligned", num(float64(v.Aligned)).as(count), ""),
		row("Initiatives at risk", num(float64(v.AtRisk)).as(count), ""),
		row("Initiatives not aligned", num(float64(v.NotAligned)).as(count), ""),
		row("Initiatives not scored", num(float64(v.NotScored)).as(count), ""),
	)
	for _, c := range p.Checks {
		rows = append(rows, row("Check: "+portfolioTitle(c.ID), str(string(c.Result)), c.Reason))
	}
	cols := []column{{head: "Figure"}, {head: "Value", kind: text, width: 16}, {head: "Note"}}
	return writeTable(f, st, SheetSummary, cols, rows, 0)
}

func spendNote(p model.Portfolio, currency string) string {
	if p.SpendAssumed {
		return currency + "; no spend reported, budget stands in for spend"
	}
	return currency
}

// share3 returns the share of category c.
func share3(s model.Shares, c model.Category) *float64 {
	switch c {
	case model.Run:
		return s.Run
	case model.Improve:
		return s.Improve
	case model.Transform:
		return s.Transform
	}
	return nil
}

// portfolioTitle names a portfolio check, or returns its id when unknown.
func portfolioTitle(id string) string {
	for _, c := range model.PortfolioChecks {
		if c.ID == id {
			return c.Title
		}
	}
	return id
}

// writeInitiatives writes one row per initiative with a column per check.
func writeInitiatives(f *excelize.File, st styles, sc *model.Scorecard) error {
	cols := []column{
		{head: "ID"}, {head: "Name"}, {head: "Business unit"}, {head: "Category"}, {head: "Status"},
		{head: "Budget", kind: money}, {head: "Spend", kind: money}, {head: "Score", kind: score}, {head: "Verdict"},
	}
	for _, c := range model.Checks {
		cols = append(cols, column{head: c.Title})
	}
	cols = append(cols, column{head: "Source"})
	return streamTable(f, st, SheetInitiatives, cols, initiativeRows{sc}, 1)
}

// initiativeRows are the rows of the Initiatives sheet, made as they are
// written.
type initiativeRows struct{ sc *model.Scorecard }

func (r initiativeRows) Len() int { return len(r.sc.Initiatives) }

func (r initiativeRows) Row(i int, dst []value) []value {
	in := &r.sc.Initiatives[i]
	status := ""
	if in.Status != nil {
		status = string(*in.Status)
	}
	dst = append(dst, str(in.ID), str(in.Name), str(in.BusinessUnit), str(string(in.Category)), str(status),
		num(in.Budget), numPtr(in.Spend), intPtr(in.Score), str(string(in.Verdict)))
	for _, c := range model.Checks {
		var v value
		for _, res := range in.Checks {
			if res.ID == c.ID {
				v = str(string(res.Result))
			}
		}
		dst = append(dst, v)
	}
	return append(dst, str(in.Source.String()))
}

// writeChecks writes one row per initiative and check, with its reason.
func writeChecks(f *excelize.File, st styles, sc *model.Scorecard) error {
	cols := []column{
		{head: "Initiative"}, {head: "Name"}, {head: "Business unit"}, {head: "Principle", kind: count},
		{head: "Check"}, {head: "Title"}, {head: "Result"}, {head: "Reason"},
	}
	rows := checkRows{sc: sc}
	for i, in := range sc.Initiatives {
		for j := range in.Checks {
			rows.at = append(rows.at, [2]int32{int32(i), int32(j)})
		}
	}
	return streamTable(f, st, SheetChecks, cols, rows, 1)
}

// checkRows are the rows of the Checks sheet, one per initiative and
// check, made as they are written (90k rows at 10k initiatives).
type checkRows struct {
	sc *model.Scorecard
	at [][2]int32 // initiative and check index of each row
}

func (r checkRows) Len() int { return len(r.at) }

func (r checkRows) Row(i int, dst []value) []value {
	in := &r.sc.Initiatives[r.at[i][0]]
	c := &in.Checks[r.at[i][1]]
	var principle value
	if c.Principle != 0 {
		principle = num(float64(c.Principle))
	}
	return append(dst, str(in.ID), str(in.Name), str(in.BusinessUnit), principle,
		str(c.ID), str(checkTitle(c.ID)), str(string(c.Result)), str(c.Reason))
}

// checkTitle names a per-initiative check, or returns its id when unknown.
func checkTitle(id string) string {
	for _, c := range model.Checks {
		if c.ID == id {
			return c.Title
		}
	}
	return id
}

// writeMetrics writes one row per metric.
func writeMetrics(f *excelize.File, st styles, sc *model.Scorecard) error {
	cols := []column{
		{head: "ID"}, {head: "Name"}, {head: "Kind"}, {head: "Unit"}, {head: "Direction"},
		{head: "Baseline", kind: number}, {head: "Target", kind: number}, {head: "Latest", kind: number},
		{head: "Latest period"}, {head: "Progress", kind: share}, {head: "Initiatives"}, {head: "Source"},
	}
	rows := make([][]value, 0, len(sc.Metrics))
	for _, m := range sc.Metrics {
		rows = append(rows, []value{str(m.ID), str(m.Name), str(string(m.Kind)), str(m.Unit), str(string(m.Direction)),
			num(m.Baseline), num(m.Target), numPtr(m.Latest), str(m.LatestPeriod), numPtr(m.Progress),
			str(strings.Join(m.Initiatives, ", ")), str(m.Source.String())})
	}
	return writeTable(f, st, SheetMetrics, cols, rows, 1)
}

// writeIssues writes one row per issue found in the input.
func writeIssues(f *excelize.File, st styles, sc *model.Scorecard) error {
	cols := []column{
		{head: "Severity"}, {head: "File"}, {head: "Sheet"}, {head: "Row", kind: count}, {head: "Column"},
		{head: "Field"}, {head: "Value"}, {head: "Message"},
	}
	rows := make([][]value, 0, len(sc.Issues))
	for _, is := range sc.Issues {
		var r value
		if is.Row > 0 {
			r = num(float64(is.Row))
		}
		rows = append(rows, []value{str(string(is.Severity)), str(is.File), str(is.Sheet), r, str(is.Column),
			str(is.Field), str(is.Value), str(is.Message)})
	}
	return writeTable(f, st, SheetIssues, cols, rows, 0)
}
