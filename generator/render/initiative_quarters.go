package render

import (
	"path"

	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
)

// InitiativeQuarter is an initiative's verdict and score in one quarter:
// a closed quarter, as frozen, or the report.
type InitiativeQuarter struct {
	Period  string
	Path    string // the quarter's board pack
	Current bool
	Verdict Badge
	Score   string
}

// closedInitiatives indexes the initiatives of the readable quarters
// closed before the report, oldest first.
type closedInitiatives struct {
	period string
	asOf   string
	byID   map[string]*model.InitiativeResult
}

func (x *index) indexClosedInitiatives() {
	for i := range x.in.History {
		q := &x.in.History[i]
		if q.Scorecard == nil || q.Period == x.sc.Period || q.AsOf >= x.sc.AsOf {
			continue
		}
		m := make(map[string]*model.InitiativeResult, len(q.Scorecard.Initiatives))
		for j := range q.Scorecard.Initiatives {
			ir := &q.Scorecard.Initiatives[j]
			if _, dup := m[ir.ID]; !dup {
				m[ir.ID] = ir
			}
		}
		x.closedIni = append(x.closedIni, closedInitiatives{period: q.Period, asOf: q.AsOf, byID: m})
	}
}

// initiativeQuarters lists an initiative's verdict and score in each
// closed quarter in which it appears, oldest first, and now; nil when no
// quarter is closed.
func (x *index) initiativeQuarters(ir *model.InitiativeResult) []InitiativeQuarter {
	if len(x.closedIni) == 0 {
		return nil
	}
	var out []InitiativeQuarter
	for _, c := range x.closedIni {
		p, ok := c.byID[ir.ID]
		if !ok {
			continue
		}
		out = append(out, InitiativeQuarter{Period: c.period, Path: path.Join(history.Dir, c.period, history.BoardPackFile),
			Verdict: verdictBadge(p.Verdict), Score: x.fmt.IntP(p.Score)})
	}
	return append(out, InitiativeQuarter{Period: x.sc.Period, Path: "board-pack.html", Current: true, Verdict: verdictBadge(ir.Verdict), Score: x.fmt.IntP(ir.Score)})
}
