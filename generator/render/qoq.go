package render

import (
	"math"
	"path"
	"slices"
	"strconv"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
)

// ClosedQuarter is a closed quarter listed on the site, with a link to its
// frozen board pack.
type ClosedQuarter struct {
	Period string
	AsOf   string
	Path   string // "history/2026-Q2/board-pack.html"
	Answer string // the headline answer then: "yes" or "no"; "" when unreadable
}

// Since compares the report with the latest quarter closed before it.
type Since struct {
	ClosedQuarter
	Figures []DeltaRow
}

// DeltaRow is one figure then and now.
type DeltaRow struct {
	Label  string
	Prev   string
	Cur    string
	Change string // "+5 pts", "−$50,000", "±0"; "" when not comparable
	// Class is "better", "worse", "same", "moved" (no better direction)
	// or "" when not comparable; Icon tells them apart without colour.
	Class string
	Icon  string
	// Word says the change in words, beside its colour and arrow:
	// "better", "worse", "unchanged" or "" for a figure with no better
	// direction.
	Word string
}

// InitiativeDelta is an initiative's verdict and score in the last closed
// quarter.
type InitiativeDelta struct {
	Period      string
	Path        string
	New         bool // not in the register then
	Verdict     Badge
	Score       string
	ScoreChange string // "+20", "−5", "±0", or "" when either is unscored
	// ScoreClass and ScoreWord say whether the score got better:
	// "better", "worse" or "same" / "unchanged".
	ScoreClass, ScoreWord string
}

// figureLabels names the figures a Since compares, and which way is better
// (+1 higher, −1 lower, 0 neither).
var figureLabels = map[string]struct {
	label  string
	better int
}{
	"aligned_spend_share":     {"Aligned spend", +1},
	"metrics_improving_share": {"Metrics improving", +1},
	"change_incidents":        {"Change incidents", -1},
	"mttr_hours":              {"MTTR", -1},
	"budget_total":            {"Budget", 0},
	"spend_total":             {"Spend", 0},
	"split.budget.run":        {"Run share of budget", 0},
	"split.budget.improve":    {"Improve share of budget", 0},
	"split.budget.transform":  {"Transform share of budget", 0},
	"verdicts.aligned":        {"Aligned initiatives", +1},
	"verdicts.at_risk":        {"At-risk initiatives", -1},
	"verdicts.not_aligned":    {"Not-aligned initiatives", -1},
	"verdicts.not_scored":     {"Not-scored initiatives", 0},
}

// closedQuarter describes a closed quarter for the site.
func closedQuarter(q *history.Quarter) ClosedQuarter {
	c := ClosedQuarter{Period: q.Period, AsOf: q.AsOf, Path: path.Join(history.Dir, q.Period, history.BoardPackFile)}
	if q.Scorecard != nil {
		c.Answer = q.Scorecard.Headline.Answer
	}
	return c
}

// closedQuarters lists the closed quarters, newest first.
func (x *index) closedQuarters() []ClosedQuarter {
	out := make([]ClosedQuarter, 0, len(x.in.History))
	for i := range x.in.History {
		out = append(out, closedQuarter(&x.in.History[i]))
	}
	slices.Reverse(out)
	return out
}

// closedBefore lists the quarters closed before the report period, newest
// first: what a board pack may link to. A quarter closed later is left
// out, so that closing a quarter again gives the same board pack.
func (x *index) closedBefore() []ClosedQuarter {
	var out []ClosedQuarter
	for i := range x.in.History {
		q := &x.in.History[i]
		if q.Period != x.sc.Period && q.AsOf < x.sc.AsOf {
			out = append(out, closedQuarter(q))
		}
	}
	slices.Reverse(out)
	return out
}

// since compares with the latest quarter closed before the report period;
// nil when there is none.
func (x *index) since() *Since {
	if x.changes == nil {
		return nil
	}
	s := &Since{ClosedQuarter: closedQuarter(x.prev)}
	for _, d := range x.changes.Figures {
		s.Figures = append(s.Figures, x.deltaRow(d))
	}
	return s
}

// deltaRow formats one figure's change.
func (x *index) deltaRow(d boardpack.Delta) DeltaRow {
	f := x.fmt
	info := figureLabels[d.ID]
	row := DeltaRow{Label: info.label}
	if row.Label == "" {
		row.Label = d.ID
	}
	var change string
	format := func(v *float64) string {
		switch d.Kind {
		case "share":
			return f.Pct(v)
		case "money":
			return f.MoneyP(v)
		case "hours":
			return f.Hours(v)
		}
		return f.NumP(v)
	}
	row.Prev, row.Cur = format(d.Prev), format(d.Cur)
	c := d.Change()
	if c == nil {
		return row
	}
	v := *c
	switch d.Kind {
	case "share":
		v = roundTo(v*100, 0)
		change = signed(v, strconv.FormatFloat(math.Abs(v), 'f', 0, 64)+" pts")
	case "money":
		v = math.Round(v)
		change = signed(v, f.Money(math.Abs(v)))
	case "hours":
		v = roundTo(v, 1)
		change = signed(v, strconv.FormatFloat(math.Abs(v), 'f', 1, 64)+" h")
	default:
		change = signed(v, f.Num(math.Abs(v)))
	}
	row.Change = change
	switch {
	case v == 0:
		row.Class, row.Icon, row.Word = "same", "=", "unchanged"
	case info.better == 0:
		row.Class, row.Icon = "moved", arrow(v)
	case (v > 0) == (info.better > 0):
		row.Class, row.Icon, row.Word = "better", arrow(v), "better"
	default:
		row.Class, row.Icon, row.Word = "worse", arrow(v), "worse"
	}
	return row
}

// signed puts the sign of v before the formatted magnitude s.
func signed(v float64, s string) string {
	switch {
	case v > 0:
		return "+" + s
	case v < 0:
		return "−" + s
	}
	return "±" + s
}

func arrow(v float64) string {
	if v > 0 {
		return "▲"
	}
	return "▼"
}

// initiativeDelta is an initiative's standing in the last closed quarter.
func (x *index) initiativeDelta(ir *model.InitiativeResult) *InitiativeDelta {
	if x.prev == nil {
		return nil
	}
	d := &InitiativeDelta{Period: x.prev.Period, Path: path.Join(history.Dir, x.prev.Period, history.BoardPackFile)}
	p, ok := x.prevIni[ir.ID]
	if !ok {
		d.New = true
		return d
	}
	d.Verdict = verdictBadge(p.Verdict)
	d.Score = x.fmt.IntP(p.Score)
	if p.Score != nil && ir.Score != nil {
		n := *ir.Score - *p.Score
		d.ScoreChange = signed(float64(n), strconv.Itoa(abs(n)))
		switch {
		case n > 0:
			d.ScoreClass, d.ScoreWord = "better", "better"
		case n < 0:
			d.ScoreClass, d.ScoreWord = "worse", "worse"
		default:
			d.ScoreClass, d.ScoreWord = "same", "unchanged"
		}
	}
	return d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
