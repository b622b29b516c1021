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
	row := func(name string, v any, note string) []any { return []any{name, v, note} }
	rows := [][]any{
		row("Headline answer", sc.Headline.Answer, strings.Join(sc.Headline.Reasons, "; ")),
		row("As of", sc.AsOf, ""),
		row("Period", sc.Period, ""),
		row("Currency", sc.Currency, ""),
		row("Budget total", typed{p.BudgetTotal, money}, sc.Currency),
		row("Spend total", typed{p.SpendTotal, money}, spendNote(p, sc.Currency)),
		row("Aligned spend share", typed{p.AlignedSpendShare, share}, "spend on initiatives whose verdict is aligned"),
		row("Metrics improving share", typed{p.MetricsImprovingShare, share}, "metrics moving toward target"),
		row("Change-caused incidents", typed{p.ChangeIncidents, count}, "severity 1–2 incidents attributed to an initiative"),
		row("MTTR (hours)", typed{p.MTTRHours, hours}, "mean time to restore, severity 1–2"),
	}
	for _, c := range model.Categories {
		rows = append(rows, row("Budget share: "+string(c), typed{share3(p.Split.Budget, c), share}, ""))
	}
	for _, c := range model.Categories {
		rows = append(rows, row("Spend share: "+string(c), typed{share3(p.Split.Spend, c), share}, ""))
	}
	v := p.Verdicts
	rows = append(rows,
		row("Initiatives aligned", typed{v.Aligned, count}, ""),
		row("Initiatives at risk", typed{v.AtRisk, count}, ""),
		row("Initiatives not aligned", typed{v.NotAligned, count}, ""),
		row("Initiatives not scored", typed{v.NotScored, count}, ""),
	)
	for _, c := range p.Checks {
		rows = append(rows, row("Check: "+portfolioTitle(c.ID), string(c.Result), c.Reason))
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
	rows := make([][]any, 0, len(sc.Initiatives))
	for _, in := range sc.Initiatives {
		status := ""
		if in.Status != nil {
			status = string(*in.Status)
		}
		r := []any{in.ID, in.Name, in.BusinessUnit, string(in.Category), status,
			in.Budget, in.Spend, in.Score, string(in.Verdict)}
		for _, c := range model.Checks {
			var v any
			for _, res := range in.Checks {
				if res.ID == c.ID {
					v = string(res.Result)
				}
			}
			r = append(r, v)
		}
		rows = append(rows, append(r, in.Source.String()))
	}
	return writeTable(f, st, SheetInitiatives, cols, rows, 1)
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

func (r checkRows) Row(i int, dst []any) []any {
	in := &r.sc.Initiatives[r.at[i][0]]
	c := &in.Checks[r.at[i][1]]
	var principle any
	if c.Principle != 0 {
		principle = c.Principle
	}
	return append(dst, in.ID, in.Name, in.BusinessUnit, principle,
		c.ID, checkTitle(c.ID), string(c.Result), c.Reason)
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
	rows := make([][]any, 0, len(sc.Metrics))
	for _, m := range sc.Metrics {
		rows = append(rows, []any{m.ID, m.Name, string(m.Kind), m.Unit, string(m.Direction),
			m.Baseline, m.Target, m.Latest, m.LatestPeriod, m.Progress,
			strings.Join(m.Initiatives, ", "), m.Source.String()})
	}
	return writeTable(f, st, SheetMetrics, cols, rows, 1)
}

// writeIssues writes one row per issue found in the input.
func writeIssues(f *excelize.File, st styles, sc *model.Scorecard) error {
	cols := []column{
		{head: "Severity"}, {head: "File"}, {head: "Sheet"}, {head: "Row", kind: count}, {head: "Column"},
		{head: "Field"}, {head: "Value"}, {head: "Message"},
	}
	rows := make([][]any, 0, len(sc.Issues))
	for _, is := range sc.Issues {
		var r any
		if is.Row > 0 {
			r = is.Row
		}
		rows = append(rows, []any{string(is.Severity), is.File, is.Sheet, r, is.Column, is.Field, is.Value, is.Message})
	}
	return writeTable(f, st, SheetIssues, cols, rows, 0)
}
