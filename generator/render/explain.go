package render

import (
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// CellLink is a register cell named within its file ("Register!K5"), with
// its full reference as a tooltip and the anchor of its row in the
// initiative page's field table ("" when the cell is not a field shown
// there).
type CellLink struct {
	Text   string
	Ref    string
	Anchor string
}

// VerdictWhy is why an initiative has its verdict and what would make it
// aligned, as the scorer published it.
type VerdictWhy struct {
	Label   string // the verdict's label: "At risk"
	Because string
	ToAlign []CheckRow // the checks to lift, each with its fix
	Rule    []string   // the verdict rule, one verdict a line
}

// Note is a remark about an initiative's data: a blank field it is judged
// without, or an issue of the input on its row.
type Note struct {
	Severity string // "warning" or "info", for the chip's look
	Text     string
	Cell     *CellLink
	Fix      string
}

// Cancelled is the banner of a cancelled initiative.
type Cancelled struct {
	Spend, Budget string
}

// cellLink names a cell for a page; nil for none.
func cellLink(c *model.Cell) *CellLink {
	if c == nil {
		return nil
	}
	l := &CellLink{Text: cellRef(c.Sheet, c.Row, c.Column), Ref: c.Ref()}
	if c.Field != "" {
		l.Anchor = "field-" + c.Field
	}
	return l
}

// verdictWhy is the explanation of an initiative's verdict; nil when the
// scorecard has none (one written before explanations were published).
func (x *index) verdictWhy(ir *model.InitiativeResult, checks []CheckRow) *VerdictWhy {
	e := ir.Explanation
	if e == nil {
		return nil
	}
	w := &VerdictWhy{Label: verdictLabel(ir.Verdict), Because: e.Because, Rule: x.sc.VerdictRule.Lines}
	for _, id := range e.ToAlign {
		for _, c := range checks {
			if c.ID == id {
				w.ToAlign = append(w.ToAlign, c)
			}
		}
	}
	return w
}

// blankNotes says which blank fields an initiative is judged without.
func (x *index) blankNotes(ir *model.InitiativeResult) []Note {
	if ir.Explanation == nil {
		return nil
	}
	var out []Note
	for _, f := range ir.Explanation.Blank {
		n := Note{Severity: "warning", Cell: cellLink(model.CellOf(x.source(ir), f))}
		switch f {
		case "business_unit":
			n.Text = "No business unit: IT embedded in operations is not judged (n/a), the score counts the other checks, only the peak windows of every unit apply, and the unit charts show it under (no unit)."
			n.Fix = "fill in the business unit"
		case "status":
			n.Text = "No status: whether it is live is read from its go-live date."
			n.Fix = "fill in the status"
		default:
			n.Text = "No " + strings.ReplaceAll(f, "_", " ") + "."
		}
		out = append(out, n)
	}
	return out
}

// source is an initiative's source with its columns (the record's, which
// the scorecard's JSON does not carry).
func (x *index) source(ir *model.InitiativeResult) model.Source {
	if rec := x.iniRecs[ir.ID]; rec != nil {
		return rec.Source
	}
	return ir.Source
}

// issueNotes are the issues of the input on an initiative's row.
func (x *index) issueNotes(id string) []Note {
	var out []Note
	for _, k := range x.iniIssues[id] {
		is := x.sc.Issues[x.sc.IssueEffects[k].Issue]
		e := x.sc.IssueEffects[k]
		text := is.Message
		if is.Field != "" {
			text = strings.ReplaceAll(is.Field, "_", " ") + ": " + text
		}
		if e.Figure != "" {
			text += " — affects " + e.Figure
		}
		out = append(out, Note{Severity: string(is.Severity), Text: text, Fix: e.Fix,
			Cell: &CellLink{Text: cellRef(is.Sheet, is.Row, is.Column), Ref: is.Ref(), Anchor: fieldAnchor(is.Field)}})
	}
	return out
}

// fieldAnchor is the anchor of a field's row on an initiative page, "" for
// no field.
func fieldAnchor(field string) string {
	if field == "" {
		return ""
	}
	return "field-" + field
}

// indexIssues files the issue effects by the initiative and metric they
// touch, warnings and errors only: an info issue changes no figure.
func (x *index) indexIssues() {
	x.iniIssues = map[string][]int{}
	x.metIssues = map[string][]int{}
	for k, e := range x.sc.IssueEffects {
		if e.Issue < 0 || e.Issue >= len(x.sc.Issues) || x.sc.Issues[e.Issue].Severity == model.SevInfo {
			continue
		}
		if e.Initiative != "" {
			x.iniIssues[e.Initiative] = append(x.iniIssues[e.Initiative], k)
		}
		if e.Metric != "" {
			x.metIssues[e.Metric] = append(x.metIssues[e.Metric], k)
		}
	}
}
