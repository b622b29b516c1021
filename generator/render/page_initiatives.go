package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// Option is a choice of a filter.
type Option struct{ Value, Label string }

// InitiativesView lists the initiatives: the first listPageRows of them
// as HTML, every one in the list's data file.
type InitiativesView struct {
	Frame
	Checks      []CheckColumn
	Rows        []InitiativeRow
	Status      ListStatus
	Units       []string       // distinct business units, sorted, for the filter
	Blank       bool           // some initiative has no business unit: the filter offers "(blank)"
	Statuses    []Option       // the statuses initiatives have, in lifecycle order, for the filter
	BlankStatus bool           // some initiative has no status: the status filter offers "(blank)"
	Categories  []Option       // for the filter, in model order
	Verdicts    []VerdictCount // for the filter
	Rule        []string       // the verdict rule, one verdict a line
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
	statuses := map[model.Status]bool{}
	for i := range x.sc.Initiatives {
		ir := &x.sc.Initiatives[i]
		if i < n {
			row := *x.initiativeRowAt(i)
			row.Chip = x.rowChip(ir)
			v.Rows = append(v.Rows, row)
		}
		if st := listStatus(ir); st == "" {
			v.BlankStatus = true
		} else {
			statuses[model.Status(st)] = true
		}
		u := ir.BusinessUnit
		if u == "" {
			v.Blank = true
		} else if !units[u] {
			units[u] = true
			v.Units = append(v.Units, u)
		}
	}
	slices.Sort(v.Units)
	for _, st := range model.Statuses {
		if statuses[st] {
			v.Statuses = append(v.Statuses, Option{Value: string(st), Label: statusText(st)})
		}
	}
	for _, c := range model.Categories {
		v.Categories = append(v.Categories, Option{Value: string(c), Label: categoryName(c)})
	}
	v.Verdicts = verdictCounts(x.sc.Portfolio.Verdicts)
	v.Rule = x.sc.VerdictRule.Lines
	return v
}

// statusText is a status in words: "in flight".
func statusText(s model.Status) string { return strings.ReplaceAll(string(s), "_", " ") }

// listStatus is an initiative's status as the list filters it: "" when
// the register leaves it blank (the scorer may still have read one from
// the go-live date).
func listStatus(ir *model.InitiativeResult) string {
	if ir.Status == nil || (ir.Explanation != nil && slices.Contains(ir.Explanation.Blank, "status")) {
		return ""
	}
	return string(*ir.Status)
}
