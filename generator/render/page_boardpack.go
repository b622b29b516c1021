package render

import (
	"html/template"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/narrative"
)

// BoardPackView is the quarter's board pack.
type BoardPackView struct {
	Frame
	// Front is the commentary before its `<!--more-->` line, printed on
	// the pack's first page (the COO's summary and the decisions asked
	// for); Narrative is the rest, or all of it when there is no such line.
	Front         template.HTML
	Narrative     template.HTML
	Portfolio     *model.Portfolio
	Checks        []CheckRow
	Principles    []PrincipleRow
	Split         Chart
	Scoreboard    []MetricRow
	NotAligned    []InitiativeRow
	Collisions    []Collision
	OwnershipGaps []InitiativeRow
	// Pack is the board pack's principle sections, exceptions and changes.
	Pack *PackView
	// Decisions are this quarter's decisions and the follow-up of the
	// previous closed quarter's (partials/decisions.html); nil for none.
	Decisions *DecisionsView
}

// PrincipleRow counts one principle's check results across initiatives.
type PrincipleRow struct {
	Principle int
	Title     string
	Pass      int
	Warn      int
	Fail      int
	NA        int
}

func (x *index) boardPackView() (*BoardPackView, error) {
	v := &BoardPackView{
		Frame:      x.frame("board-pack.html", "Board pack "+x.sc.Period, "board-pack"),
		Portfolio:  &x.sc.Portfolio,
		Checks:     portfolioChecks(x.sc.Portfolio.Checks),
		Split:      x.splitChart(),
		Scoreboard: x.scoreboard(),
		Collisions: x.collisions(),
		Decisions:  x.decisionsView(),
	}
	v.Principles = x.principles()
	v.NotAligned, v.OwnershipGaps = x.exceptions()
	if p, ok := x.content("board-pack"); ok {
		front, rest, split := splitMore(p)
		if split {
			h, err := x.narrate(front)
			if err != nil {
				return nil, err
			}
			v.Front = h
		}
		h, err := x.narrate(rest)
		if err != nil {
			return nil, err
		}
		v.Narrative = h
	}
	v.Pack = x.pack(v.Front + v.Narrative)
	return v, nil
}

// principles counts the per-initiative check results by principle.
func (x *index) principles() []PrincipleRow {
	var out []PrincipleRow
	idx := map[string]int{}
	for _, c := range model.Checks {
		if _, ok := idx[c.Title]; !ok {
			idx[c.Title] = len(out)
			out = append(out, PrincipleRow{Principle: c.Principle, Title: c.Title})
		}
	}
	for i := range x.sc.Initiatives {
		for _, c := range x.sc.Initiatives[i].Checks {
			for _, info := range model.Checks {
				if info.ID != c.ID {
					continue
				}
				p := &out[idx[info.Title]]
				switch c.Result {
				case model.Pass:
					p.Pass++
				case model.Warn:
					p.Warn++
				case model.Fail:
					p.Fail++
				default:
					p.NA++
				}
			}
		}
	}
	return out
}

// exceptions lists the not-aligned initiatives and the ownership gaps
// (business_owned warn or fail).
func (x *index) exceptions() (notAligned, gaps []InitiativeRow) {
	for i := range x.sc.Initiatives {
		ir := &x.sc.Initiatives[i]
		if ir.Verdict == model.NotAligned {
			notAligned = append(notAligned, *x.initiativeRowAt(i))
		}
		for _, c := range ir.Checks {
			if c.ID == model.CheckBusinessOwned && (c.Result == model.Warn || c.Result == model.Fail) {
				gaps = append(gaps, *x.initiativeRowAt(i))
			}
		}
	}
	return notAligned, gaps
}

// moreLine divides a board pack's commentary: what comes before it is
// printed on the pack's front page.
const moreLine = "<!--more-->"

// splitMore splits a page's body at its first line that is exactly
// moreLine (spaces around it allowed); rest keeps the line numbers of
// the file for messages. split is false when there is no such line.
func splitMore(p narrative.Page) (front, rest narrative.Page, split bool) {
	off, line := 0, 0
	for off < len(p.Body) {
		end := strings.IndexByte(p.Body[off:], '\n')
		next := len(p.Body)
		if end >= 0 {
			next = off + end + 1
		}
		if strings.TrimSpace(p.Body[off:next]) == moreLine {
			front, rest = p, p
			front.Body = p.Body[:off]
			rest.Body = p.Body[next:]
			rest.BodyLine = p.BodyLine + line + 1
			return front, rest, true
		}
		off, line = next, line+1
	}
	return p, p, false
}
