package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/listview"
	"github.com/opsalign/opsalign/generator/model"
)

// maxListed caps every list of the board pack outside its appendix: a
// principle's exceptions, the front page's initiatives at risk, each list
// of "What changed". The rest are counted ("and 12 more — see the site"),
// and every one is on the site and in the appendix.
const maxListed = 5

// maxMoves caps the verdict moves listed in "What changed".
const maxMoves = 10

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
	// Answer is this quarter's answer, "Yes" or "No"; Was the previous
	// closed quarter's ("" when none is closed), WasPeriod its period.
	Answer, Was, WasPeriod string
	// Top are the initiatives not aligned or at risk with the largest
	// spend (at most maxListed), TopMore how many more there are.
	Top     []TopRow
	TopMore More
	// SiteURL is the site's address (config base_url), printed after
	// "see the site"; "" when it is not set.
	SiteURL string
	// Incidents are the first change-caused incidents (at most
	// maxListed, under principle 9), IncidentsMore the rest.
	Incidents     []IncidentRow
	IncidentsMore More
	// Appendix is true when the pack carries its appendix.
	Appendix bool
	// Units are the per-unit rows of the appendix (the portfolio
	// page's).
	Units []UnitRow
}

// More is "and N more — see the site": N and the site page that lists
// them all ("" when N is 0).
type More struct {
	N    int
	Href string // relative to the pack: "initiatives/index.html#sort=-spend"
}

// MoreView is what the pack-more partial is given: the rows left out and
// the site's address (config base_url, "" when not set) printed before
// the link's path.
type MoreView struct {
	More More
	Site string
}

// TopRow is an initiative at risk on the pack's front page.
type TopRow struct {
	Initiative Link
	Name       string
	Unit       string
	Verdict    Badge
	Spend      string // compact: "$4.20M"
	Why        string // its first failing (else warning) check: "Change management: High risk with a Big Bang rollout"
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
	More              More // exceptions left out of the list
	// All are every exception, for the appendix.
	All []ExceptionRow
	// Target is what the principle asks for, in words.
	Target string
	// Change is the move of its pass share since the last closed quarter
	// ("up 4 points from 67% in 2026-Q2"), Class "better", "worse" or
	// "same"; both "" when there is no closed quarter.
	Change, ChangeClass string
}

// BarSegment is one result's part of a section's result bar. The bar is
// drawn over the check results that apply (6 pass of 8 fill 75 %); n/a
// results are in the bar's key only.
type BarSegment struct {
	Class string
	Label string
	N     int
	Width string // CSS percentage of the applicable results, "58.3%"; "" for n/a
	// Small is true for a segment too narrow to hold its count, which the
	// key beside the bar gives instead.
	Small bool
	NA    bool // not in the bar
}

// minLabelledSegment is the narrowest result segment, in percent of the
// bar, that shows its count inside: about 2.2 rem of the 28 rem bar.
const minLabelledSegment = 8.0

// ExceptionRow is one initiative's warning or failing check.
type ExceptionRow struct {
	Initiative Link
	Name       string
	Unit       string
	Check      string
	Badge      Badge
	Reason     string
	Spend      string // compact; "–" when none
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
	// Moves are the verdict moves, largest spend first (at most maxMoves).
	Moves ChangeTable
	// Changed are the portfolio figures that moved.
	Changed []DeltaRow
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
	Spend              string // verdict moves: the initiative's spend, compact
}

// pack builds the board pack view. A principle's chart that the
// commentary (narrative, already rendered) places is not placed again.
func (x *index) pack(narrative template.HTML) *PackView {
	in := boardpack.Input{Scorecard: x.sc}
	if x.prev != nil {
		in.Previous = x.prev.Scorecard
	}
	p := boardpack.Build(in)
	v := &PackView{Closed: x.closedBefore(), Answer: yesNo(p.Headline.Answer), SiteURL: x.in.Config.BaseURL,
		Appendix: x.in.Config.BoardPack.Appendix}
	if p.PrevAnswer != "" {
		v.Was, v.WasPeriod = yesNo(p.PrevAnswer), p.PrevPeriod
	}
	for i, na := range p.Exceptions.AtRisk {
		if i == maxListed {
			v.TopMore = More{N: len(p.Exceptions.AtRisk) - maxListed, Href: listview.InitiativesHref("", listview.Initiatives{Sort: "score"})}
			break
		}
		r := TopRow{Initiative: x.initiativeLink(na.Initiative), Name: na.Name, Unit: na.Unit, Verdict: verdictBadge(na.Verdict), Spend: x.compactP(na.Spend)}
		why := na.Failed
		if len(why) == 0 {
			why = na.Warned
		}
		if len(why) > 0 {
			c := x.checkRow(why[0])
			r.Why = c.Title + ": " + c.Reason
		}
		v.Top = append(v.Top, r)
	}
	if v.Appendix {
		v.Units = x.unitRows()
	}
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
	v.Incidents = v.ChangeIncidents
	if len(v.Incidents) > maxListed {
		v.IncidentsMore = More{N: len(v.Incidents) - maxListed, Href: listview.IncidentsHref("", listview.Incidents{})}
		v.Incidents = v.Incidents[:maxListed]
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
			Check: e.Check, Badge: resultBadge(e.Result), Reason: e.Reason, Spend: x.compactP(e.Spend)})
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
		for _, seg := range []struct {
			r model.Result
			n int
		}{{model.Pass, s.Counts.Pass}, {model.Warn, s.Counts.Warn}, {model.Fail, s.Counts.Fail}, {model.NA, s.Counts.NA}} {
			if seg.n == 0 {
				continue
			}
			bd := resultBadge(seg.r)
			b := BarSegment{Class: bd.Class, Label: bd.Label, N: seg.n, NA: seg.r == model.NA}
			if !b.NA {
				w := roundTo(100*float64(seg.n)/float64(n), 1)
				b.Width, b.Small = strconv.FormatFloat(w, 'f', -1, 64)+"%", w < minLabelledSegment
			}
			v.Bar = append(v.Bar, b)
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
	if len(ex) > maxListed {
		sort := ""
		if len(s.Checks) > 0 {
			sort = s.Checks[0]
		}
		v.More = More{N: len(ex) - maxListed, Href: listview.InitiativesHref("", listview.Initiatives{Sort: sort})}
		ex = ex[:maxListed]
	}
	v.Exceptions = x.exceptionRows(ex)
	if x.in.Config.BoardPack.Appendix {
		v.All = x.exceptionRows(s.Exceptions)
	}
	v.Target = principleTarget(s)
	if s.Prev != nil && s.Principle != 5 {
		now, was := s.Counts.PassShare(), s.Prev.PassShare()
		if now != nil && was != nil {
			d := roundTo((*now-*was)*100, 0)
			switch {
			case d > 0:
				v.Change, v.ChangeClass = fmt.Sprintf("better: up %s points from %s in %s", x.fmt.Num(d), x.fmt.Pct(was), p.PrevPeriod), "better"
			case d < 0:
				v.Change, v.ChangeClass = fmt.Sprintf("worse: down %s points from %s in %s", x.fmt.Num(-d), x.fmt.Pct(was), p.PrevPeriod), "worse"
			default:
				v.Change, v.ChangeClass = fmt.Sprintf("unchanged since %s", p.PrevPeriod), "same"
			}
		}
	}
	if s.Principle == 5 && p.Changes != nil {
		if d, ok := p.Changes.Figure("split.budget.transform"); ok && d.Change() != nil {
			r := x.deltaRow(d)
			v.Change, v.ChangeClass = "transform share of budget "+r.Change+" since "+p.PrevPeriod+" (was "+r.Prev+")", r.Class
			if r.Class == "same" {
				v.Change = "transform share of budget unchanged since " + p.PrevPeriod
			}
		}
	}
	return v
}

// principleTarget says in words what a principle asks for.
func principleTarget(s boardpack.Section) string {
	switch s.Principle {
	case 5:
		return "Target: each category's share of budget inside its policy band."
	case 7:
		return "Target: every live initiative moves its metrics; at least half of all metrics better than baseline."
	case 9:
		return "Target: no severity 1–2 incident caused by our own changes."
	}
	return "Target: every initiative to which it applies passes."
}

// compactP formats a spend compactly, "–" when there is none.
func (x *index) compactP(v *float64) string {
	if v == nil {
		return "–"
	}
	return x.fmt.Compact(*v)
}

// yesNo writes an answer for people.
func yesNo(a string) string {
	if a == "yes" {
		return "Yes"
	}
	return "No"
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
	verdictRow := func(s boardpack.VerdictChange) ChangeRow {
		r := ini(s.Initiative)
		from, to := verdictBadge(s.From), verdictBadge(s.To)
		r.FromBadge, r.ToBadge = &from, &to
		r.From, r.To = f.IntP(s.FromScore), f.IntP(s.ToScore)
		if d := s.ScoreChange(); d != nil {
			r.Change = signed(float64(*d), strconv.Itoa(abs(*d)))
		}
		r.Spend = x.compactP(s.Spend)
		return r
	}
	for _, s := range c.Verdicts {
		v.Verdicts.Rows = append(v.Verdicts.Rows, verdictRow(s))
	}
	v.Moves = ChangeTable{Head: "Verdict, score"}
	for i, s := range c.Moves {
		if i == maxMoves {
			v.Moves.More = More{N: len(c.Moves) - maxMoves, Href: listview.InitiativesHref("", listview.Initiatives{Sort: "-spend"})}
			break
		}
		v.Moves.Rows = append(v.Moves.Rows, verdictRow(s))
	}
	for _, d := range v.Figures {
		if d.Class != "" && d.Class != "same" {
			v.Changed = append(v.Changed, d)
		}
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
	if !x.in.Config.BoardPack.Appendix {
		for _, t := range []*ChangeTable{&v.New, &v.Removed, &v.Closed, &v.Recategorised, &v.Budget, &v.Metrics} {
			if len(t.Rows) > maxListed {
				t.More = More{N: len(t.Rows) - maxListed, Href: listview.InitiativesHref("", listview.Initiatives{})}
				if t == &v.Metrics {
					t.More.Href = "metrics/index.html"
				}
				t.Rows = t.Rows[:maxListed]
			}
		}
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
	More More // rows left out
}

// ExceptionTable is what the exception-rows partial is given.
type ExceptionTable struct {
	Root string
	None string // said when there is no row
	Rows []ExceptionRow
}
