package render

import (
	"slices"

	"github.com/opsalign/opsalign/generator/model"
)

// InitiativesView lists every initiative.
type InitiativesView struct {
	Frame
	Checks   []model.CheckInfo
	Rows     []InitiativeRow
	Units    []string       // distinct business units, sorted, for the filter
	Verdicts []VerdictCount // for the filter
}

func (x *index) initiativesView() *InitiativesView {
	v := &InitiativesView{
		Frame:  x.frame("initiatives/index.html", "Initiatives", "initiatives"),
		Checks: model.Checks,
		Rows:   make([]InitiativeRow, 0, len(x.sc.Initiatives)),
	}
	units := map[string]bool{}
	for i := range x.sc.Initiatives {
		v.Rows = append(v.Rows, x.initiativeRow(&x.sc.Initiatives[i]))
		if u := x.sc.Initiatives[i].BusinessUnit; u != "" && !units[u] {
			units[u] = true
			v.Units = append(v.Units, u)
		}
	}
	slices.Sort(v.Units)
	v.Verdicts = verdictCounts(x.sc.Portfolio.Verdicts)
	return v
}
