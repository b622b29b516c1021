package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/model"
)

// maxSectionExceptions caps the exceptions listed under a principle; the
// rest are counted, and every one is on the initiatives page.
const maxSectionExceptions = 12

// PackView is the board pack's content beyond the page frame: the
// sections, split, exceptions and changes of boardpack.Pack, formatted.
type PackView struct {
	Sections        []SectionView
	Split           []SplitRow
	NotAligned      []NotAlignedRow
	PeakCollisions  ExceptionTable
	OwnershipGaps   ExceptionTable
	ChangeIncidents []IncidentRow
	Changes         *ChangesView
	// Closed lists the quarters closed before this one, newest first.
	Closed []ClosedQuarter
}

// SectionView is one principle of the board pack.
type SectionView struct {
	Principle int
	Title     string
	Figure    string // "7 of 12 initiatives pass (58%)"
	Bar       []BarSegment
	Portfolio []CheckRow
	Chart     *Chart
	// ChartInCommentary is true when the commentary already shows the
	// principle's chart.
	ChartInCommentary bool
	Exceptions        []ExceptionRow
	More              int // exceptions left out of the list
}

// BarSegment is one result's part of a section's result bar.
type BarSegment struct {
	Class string
	Label string
	N     int
	Width string // CSS percentage, "58.3%"
}

// ExceptionRow is one initiative's warning or failing check.
type ExceptionRow struct {
	Initiative Link
	Name       string
	Unit       string
	Check      string
	Badge      Badge
	Reason     string
}

// NotAlignedRow is one not-aligned initiative with its failing checks.
type NotAlignedRow struct {
	Initiative Link
	Name       string
	Unit       string
	Score      string
	Failed     []CheckRow
}

// SplitRow is one category against its policy band.
type SplitRow struct {
	Category string
	Budget   string
	Spend    string
	Band     string
	Badge    Badge
}

// ChangesView is "what changed since the last board pack".
type ChangesView struct {
	Since
	Empty         bool // nothing but the figures changed
	New           ChangeTable
	Removed       ChangeTable
	Closed        ChangeTable
	Recategorised ChangeTable
	Verdicts      ChangeTable
	Budget        ChangeTable
	Metrics       ChangeTable
}

// ChangeRow is one initiative's or metric's change.
type ChangeRow struct {
	Link   Link
	Name   string
	From   string
	To     string
	Change string
	// FromBadge and ToBadge show verdicts; nil elsewhere.
	FromBadge, ToBadge *Badge
}

// pack builds the board pack view. A principle's chart that the
// commentary (narrative, already rendered) places is not placed again.
func (x *index) pack(narrative template.HTML) *PackView {
	in := boardpack.Input{Scorecard: x.sc}
	if x.prev != nil {
		in.Previous = x.prev.Scorecard
	}
	p := boardpack.Build(in)
	v := &PackView{Closed: x.closedBefore()}
	for _, s := range p.Sections {
		sv := x.sectionView(p, s)
		if sv.Chart != nil && strings.Contains(string(narrative), `id="`+sv.Chart.ID+`"`) {
			sv.Chart, sv.ChartInCommentary = nil, true
		}
		v.Sections = append(v.Sections, sv)
	}
	for _, r := range p.Split {
		v.Split = append(v.Split, x.splitRow(r))
	}
	for _, na := range p.Exceptions.NotAligned {
		v.NotAligned = append(v.NotAligned, NotAlignedRow{Initiative: x.initiativeLink(na.Initiative), Name: na.Name, Unit: na.Unit,
			Score: x.fmt.IntP(na.Score)})
		row := &v.NotAligned[len(v.NotAligned)-1]
		for _, c := range na.Failed {
			row.Failed = append(row.Failed, x.checkRow(c))
		}
	}
	v.PeakCollisions = ExceptionTable{None: "No go-live falls in a peak or freeze window.", Rows: x.exceptionRows(p.Exceptions.PeakCollisions)}
	v.OwnershipGaps = ExceptionTable{None: "Every initiative has a business owner who is not its IT owner.", Rows: x.exceptionRows(p.Exceptions.OwnershipGaps)}
	for _, inc := range p.Exceptions.ChangeIncidents {
		v.ChangeIncidents = append(v.ChangeIncidents, x.changeIncidentRow(inc))
	}
	if p.Changes != nil {
		v.Changes = x.changesView(p.Changes)
	}
	return v
}

// checkRow formats one check result.
func (x *index) checkRow(c model.CheckResult) CheckRow {
	row := CheckRow{ID: c.ID, Principle: c.Principle, Result: c.Result, Badge: resultBadge(c.Result), Reason: c.Reason}
	for _, info := range model.Checks {
		if info.ID == c.ID {
			row.Title = info.Title
		}
	}
	for _, info := range model.PortfolioChecks {
		if info.ID == c.ID {
			row.Title = info.Title
		}
	}
	return row
}

func (x *index) exceptionRows(es []boardpack.Exception) []ExceptionRow {
	out := make([]ExceptionRow, 0, len(es))
	for _, e := range es {
		out = append(out, ExceptionRow{Initiative: x.initiativeLink(e.Initiative), Name: e.Name, Unit: e.Unit,
			Check: e.Check, Badge: resultBadge(e.Result), Reason: e.Reason})
	}
	return out
}

// sectionView formats one principle.
func (x *index) sectionView(p *boardpack.Pack, s boardpack.Section) SectionView {
	v := SectionView{Principle: s.Principle, Title: s.Title}
	for _, c := range s.Portfolio {
		v.Portfolio = append(v.Portfolio, x.checkRow(c))
	}
	if s.Principle == 5 {
		var parts []string
		for _, r := range p.Split {
			parts = append(parts, categoryName(r.Category)+" "+x.fmt.Pct(r.Budget))
		}
		v.Figure = "Budget: " + strings.Join(parts, " · ")
	} else {
		n := s.Counts.Applicable()
		switch {
		case n == 0:
			v.Figure = "No initiative to which its checks apply"
		case len(s.Checks) > 1:
			v.Figure = fmt.Sprintf("%d of %d check results pass (%s)", s.Counts.Pass, n, x.fmt.Pct(s.Counts.PassShare()))
		default:
			v.Figure = fmt.Sprintf("%d of %d initiatives pass (%s)", s.Counts.Pass, n, x.fmt.Pct(s.Counts.PassShare()))
		}
		total := n + s.Counts.NA
		for _, seg := range []struct {
			r model.Result
			n int
		}{{model.Pass, s.Counts.Pass}, {model.Warn, s.Counts.Warn}, {model.Fail, s.Counts.Fail}, {model.NA, s.Counts.NA}} {
			if seg.n == 0 {
				continue
			}
			bd := resultBadge(seg.r)
			v.Bar = append(v.Bar, BarSegment{Class: bd.Class, Label: bd.Label, N: seg.n,
				Width: strconv.FormatFloat(roundTo(100*float64(seg.n)/float64(total), 1), 'f', -1, 64) + "%"})
		}
	}
	switch s.Chart {
	case "split":
		c := x.splitChart()
		v.Chart = &c
	case "calendar":
		c := x.calendarChart()
		v.Chart = &c
	case "incidents":
		c := x.incidentsChart()
		v.Chart = &c
	}
	ex := s.Exceptions
	if len(ex) > maxSectionExceptions {
		v.More = len(ex) - maxSectionExceptions
		ex = ex[:maxSectionExceptions]
	}
	v.Exceptions = x.exceptionRows(ex)
	return v
}

func (x *index) splitRow(r boardpack.SplitRow) SplitRow {
	row := SplitRow{Category: categoryName(r.Category), Budget: x.fmt.Pct(r.Budget), Spend: x.fmt.Pct(r.Spend),
		Band: x.fmt.Share(r.Band[0]) + "–" + x.fmt.Share(r.Band[1])}
	if r.Within {
		row.Badge = Badge{Class: "result result-pass", Icon: resultIcon(model.Pass), Label: "within band"}
	} else {
		row.Badge = Badge{Class: "result result-fail", Icon: resultIcon(model.Fail), Label: "outside band"}
	}
	return row
}

// changesView formats what changed since the last closed quarter.
func (x *index) changesView(c *boardpack.Changes) *ChangesView {
	f := x.fmt
	v := &ChangesView{Since: *x.since(), Empty: c.Empty(),
		New: ChangeTable{Head: "Category, budget"}, Removed: ChangeTable{Head: "Was"}, Closed: ChangeTable{Head: "Status"},
		Recategorised: ChangeTable{Head: "Category"}, Verdicts: ChangeTable{Head: "Verdict, score"},
		Budget: ChangeTable{Head: "Budget"}, Metrics: ChangeTable{Head: "Latest value"}}
	ini := func(i boardpack.Initiative) ChangeRow {
		return ChangeRow{Link: x.initiativeLink(i.ID), Name: i.Name}
	}
	for _, i := range c.New {
		r := ini(i)
		r.To = categoryName(i.Category) + ", " + f.Money(i.Budget)
		v.New.Rows = append(v.New.Rows, r)
	}
	for _, i := range c.Removed {
		r := ChangeRow{Link: Link{Text: i.ID}, Name: i.Name, From: categoryName(i.Category) + ", " + f.Money(i.Budget)}
		v.Removed.Rows = append(v.Removed.Rows, r)
	}
	status := func(s *model.Status) string {
		if s == nil {
			return "–"
		}
		return strings.ReplaceAll(string(*s), "_", " ")
	}
	for _, s := range c.Closed {
		r := ini(s.Initiative)
		r.From, r.To = status(s.From), status(s.To)
		v.Closed.Rows = append(v.Closed.Rows, r)
	}
	for _, s := range c.Recategorised {
		r := ini(s.Initiative)
		r.From, r.To = categoryName(s.From), categoryName(s.To)
		v.Recategorised.Rows = append(v.Recategorised.Rows, r)
	}
	for _, s := range c.Verdicts {
		r := ini(s.Initiative)
		from, to := verdictBadge(s.From), verdictBadge(s.To)
		r.FromBadge, r.ToBadge = &from, &to
		r.From, r.To = f.IntP(s.FromScore), f.IntP(s.ToScore)
		if d := s.ScoreChange(); d != nil {
			r.Change = signed(float64(*d), strconv.Itoa(abs(*d)))
		}
		v.Verdicts.Rows = append(v.Verdicts.Rows, r)
	}
	for _, m := range c.Budget {
		r := ini(m.Initiative)
		r.From, r.To = f.Money(m.From), f.Money(m.To)
		r.Change = signed(m.Change(), f.Money(abs64(m.Change())))
		v.Budget.Rows = append(v.Budget.Rows, r)
	}
	for _, m := range c.Metrics {
		r := ChangeRow{Link: x.metricLink(m.ID), Name: m.Name, From: f.NumP(m.FromValue), To: f.NumP(m.ToValue)}
		if m.FromPeriod != "" {
			r.From += " (" + m.FromPeriod + ")"
		}
		if m.ToPeriod != "" {
			r.To += " (" + m.ToPeriod + ")"
		}
		if d := m.ProgressChange(); d != nil {
			pts := roundTo(*d*100, 0)
			r.Change = signed(pts, strconv.FormatFloat(abs64(pts), 'f', 0, 64)+" pts of progress")
		}
		v.Metrics.Rows = append(v.Metrics.Rows, r)
	}
	return v
}

func abs64(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// ChangeTable is what the change-rows partial is given. The board pack
// lies at the site root, so its tables' links need no prefix (Root "").
type ChangeTable struct {
	Root string
	Head string // what the From and To columns hold
	Rows []ChangeRow
}

// ExceptionTable is what the exception-rows partial is given.
type ExceptionTable struct {
	Root string
	None string // said when there is no row
	Rows []ExceptionRow
}
