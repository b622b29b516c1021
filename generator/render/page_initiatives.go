package render

import (
	"fmt"
	"slices"

	"github.com/opsalign/opsalign/generator/model"
)

// Option is a choice of a filter.
type Option struct{ Value, Label string }

// InitiativesView lists the initiatives: the first listPageRows of them
// as HTML, every one in the list's data file.
type InitiativesView struct {
	Frame
	Checks     []CheckColumn
	Rows       []InitiativeRow
	Status     ListStatus
	Units      []string       // distinct business units, sorted, for the filter
	Blank      bool           // some initiative has no business unit: the filter offers "(blank)"
	Categories []Option       // for the filter, in model order
	Verdicts   []VerdictCount // for the filter
}

func (x *index) initiativesView() *InitiativesView {
	n := min(len(x.sc.Initiatives), listPageRows)
	v := &InitiativesView{
		Frame:  x.frame("initiatives/index.html", "Initiatives", "initiatives"),
		Checks: checkColumns(),
		Rows:   make([]InitiativeRow, 0, n),
		Status: ListStatus{Shown: n, Total: len(x.sc.Initiatives), Data: initiativesData},
	}
	if n < v.Status.Total {
		v.Status.Note = fmt.Sprintf("the first %d; every initiative is in the downloads", n)
	}
	units := map[string]bool{}
	for i := range x.sc.Initiatives {
		if i < n {
			v.Rows = append(v.Rows, x.initiativeRow(&x.sc.Initiatives[i]))
		}
		u := x.sc.Initiatives[i].BusinessUnit
		if u == "" {
			v.Blank = true
		} else if !units[u] {
			units[u] = true
			v.Units = append(v.Units, u)
		}
	}
	slices.Sort(v.Units)
	for _, c := range model.Categories {
		v.Categories = append(v.Categories, Option{Value: string(c), Label: categoryName(c)})
	}
	v.Verdicts = verdictCounts(x.sc.Portfolio.Verdicts)
	return v
}
