package render

import (
	"path"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/listview"
	"github.com/opsalign/opsalign/generator/model"
)

// DataQualityView is the data-quality page.
type DataQualityView struct {
	Frame
	// Severities are the issues grouped by severity, most serious first;
	// a severity without issues is left out.
	Severities []SeverityGroup
	// Blank are the initiatives judged without a business unit or a
	// status.
	Blank []BlankRow
	// BlankLists link the initiatives list filtered to each blank field
	// ("(blank)" in its filter), one per field blank somewhere.
	BlankLists []Link
	Tables     []model.TableSummary
	Ignored    []string
}

// SeverityGroup is the issues of one severity.
type SeverityGroup struct {
	Severity model.Severity
	Label    string // "Errors", "Warnings", "Information"
	// Open is false for information: nothing to fix, shown folded.
	Open   bool
	Issues []IssueRow
}

// IssueRow is an issue with its cell named within its file ("Register!H43",
// or "H43" in a CSV file), what it affects and how to fix it.
type IssueRow struct {
	model.Issue
	Cell string
	// Where is the file's name with the cell: "register.xlsx · Register!H43".
	Where string
	// Affects links the initiative or metric of the issue's row (Path
	// "" for none); Figure is what the issue moves.
	Affects   Link
	AffectsID string // the id of what it affects, shown muted after its name
	Figure    string
	Fix       string
}

// IssueTableView is what the issue-table template is given.
type IssueTableView struct {
	Root string
	Rows []IssueRow
}

// BlankRow is a blank field of an initiative.
type BlankRow struct {
	Initiative Link
	ID         string
	Field      string // "business unit"
	Cell       string
	Ref        string
	Affects    string
	Fix        string
}

func (x *index) dataQualityView() *DataQualityView {
	v := &DataQualityView{
		Frame:   x.frame("data-quality.html", "Data quality", "data-quality"),
		Tables:  x.ds.Summary.Tables,
		Ignored: x.ds.Summary.Ignored,
	}
	effects := make(map[int]model.IssueEffect, len(x.sc.IssueEffects))
	for _, e := range x.sc.IssueEffects {
		effects[e.Issue] = e
	}
	groups := []SeverityGroup{
		{Severity: model.SevError, Label: "Errors", Open: true},
		{Severity: model.SevWarning, Label: "Warnings", Open: true},
		{Severity: model.SevInfo, Label: "Information"},
	}
	for i, is := range x.sc.Issues {
		row := IssueRow{Issue: is, Cell: cellRef(is.Sheet, is.Row, is.Column)}
		row.Where = path.Base(is.File)
		if row.Cell != "" {
			row.Where += " · " + row.Cell
		}
		if e, ok := effects[i]; ok {
			row.Figure, row.Fix = e.Figure, e.Fix
			switch {
			case e.Initiative != "":
				row.Affects, row.AffectsID = x.initiativeLink(e.Initiative), e.Initiative
				row.Affects.Text = x.iniName(e.Initiative)
			case e.Metric != "":
				row.Affects, row.AffectsID = x.metricLink(e.Metric), e.Metric
				if mr := x.metResults[e.Metric]; mr != nil && mr.Name != "" {
					row.Affects.Text = mr.Name
				}
			}
		}
		for g := range groups {
			if groups[g].Severity == is.Severity {
				groups[g].Issues = append(groups[g].Issues, row)
			}
		}
	}
	for _, g := range groups {
		if len(g.Issues) > 0 {
			v.Severities = append(v.Severities, g)
		}
	}
	var blankUnit, blankStatus bool
	for i := range x.sc.Initiatives {
		ir := &x.sc.Initiatives[i]
		if ir.Explanation == nil {
			continue
		}
		for _, f := range ir.Explanation.Blank {
			blankUnit = blankUnit || f == "business_unit"
			blankStatus = blankStatus || f == "status"
		}
		for _, n := range x.blankNotes(ir) {
			field := strings.TrimPrefix(n.Cell.Anchor, "field-")
			link := x.initiativeLink(ir.ID)
			link.Text = x.iniName(ir.ID)
			v.Blank = append(v.Blank, BlankRow{Initiative: link, ID: ir.ID, Field: strings.ReplaceAll(field, "_", " "),
				Cell: n.Cell.Text, Ref: n.Cell.Ref, Affects: n.Text, Fix: n.Fix})
		}
	}
	if blankUnit {
		v.BlankLists = append(v.BlankLists, Link{Text: "no business unit", Path: listview.InitiativesHref("", listview.Initiatives{Unit: listview.Blank})})
	}
	if blankStatus {
		v.BlankLists = append(v.BlankLists, Link{Text: "no status", Path: listview.InitiativesHref("", listview.Initiatives{Status: listview.Blank})})
	}
	return v
}

// iniName is an initiative's name, its id when it has none.
func (x *index) iniName(id string) string {
	if rec := x.iniRecs[id]; rec != nil && rec.Name != "" {
		return rec.Name
	}
	return id
}

// cellRef names a cell within its file: "Register!H43", "Register!43" for
// a row, "H43" or "43" in a CSV file, the sheet alone for a whole sheet.
func cellRef(sheet string, row int, col string) string {
	ref := ""
	if row > 0 {
		ref = col + strconv.Itoa(row)
	}
	switch {
	case sheet == "":
		return ref
	case ref == "":
		return sheet
	}
	return sheet + "!" + ref
}
