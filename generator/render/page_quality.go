package render

import (
	"strconv"

	"github.com/opsalign/opsalign/generator/model"
)

// DataQualityView is the data-quality page.
type DataQualityView struct {
	Frame
	Groups  []IssueGroup
	Tables  []model.TableSummary
	Ignored []string
}

// IssueGroup is the issues of one file.
type IssueGroup struct {
	File   string
	Issues []IssueRow
}

// IssueRow is an issue with its cell named within its file ("Register!H43",
// or "H43" in a CSV file).
type IssueRow struct {
	model.Issue
	Cell string
}

func (x *index) dataQualityView() *DataQualityView {
	v := &DataQualityView{
		Frame:   x.frame("data-quality.html", "Data quality", "data-quality"),
		Tables:  x.ds.Summary.Tables,
		Ignored: x.ds.Summary.Ignored,
	}
	for _, is := range x.sc.Issues {
		if n := len(v.Groups); n == 0 || v.Groups[n-1].File != is.File {
			v.Groups = append(v.Groups, IssueGroup{File: is.File})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Issues = append(g.Issues, IssueRow{Issue: is, Cell: cellRef(is.Sheet, is.Row, is.Column)})
	}
	return v
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
