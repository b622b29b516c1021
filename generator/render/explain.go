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
func (x *index) issueNotes(id string) []Note { return x.notesOf(x.iniIssues[id], true) }

// metricNotes are the issues of the input on a metric's row; a metric
// page has no field table, so their cells are not links.
func (x *index) metricNotes(id string) []Note { return x.notesOf(x.metIssues[id], false) }

// notesOf makes the notes of issue effects ks; anchors links each cell to
// its field's row on the page.
func (x *index) notesOf(ks []int, anchors bool) []Note {
	var out []Note
	for _, k := range ks {
		is := x.sc.Issues[x.sc.IssueEffects[k].Issue]
		e := x.sc.IssueEffects[k]
		text := is.Message
		if is.Field != "" {
			text = strings.ReplaceAll(is.Field, "_", " ") + ": " + text
		}
		if e.Figure != "" {
			text += " — affects " + e.Figure
		}
		n := Note{Severity: string(is.Severity), Text: text, Fix: e.Fix,
			Cell: &CellLink{Text: cellRef(is.Sheet, is.Row, is.Column), Ref: is.Ref()}}
		if anchors {
			n.Cell.Anchor = fieldAnchor(is.Field)
		}
		out = append(out, n)
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

// rowChip is the chip of an initiative's list row: the issues of the
// input on its row (warnings and errors) and the blank fields it is
// judged without, each in a few words ("no status in Register!M32"); nil
// when it has none. An error on the row makes it an error chip.
func (x *index) rowChip(ir *model.InitiativeResult) *RowChip {
	var parts []string
	if ir.Explanation != nil {
		for _, f := range ir.Explanation.Blank {
			c := model.CellOf(x.source(ir), f)
			parts = append(parts, "no "+strings.ReplaceAll(f, "_", " ")+" in "+cellRef(c.Sheet, c.Row, c.Column))
		}
	}
	return x.chipOf(parts, x.iniIssues[ir.ID])
}

// metricChip is the chip of a metric's row in the scoreboard: the issues
// of the input on the metric's row; nil for none.
func (x *index) metricChip(id string) *RowChip { return x.chipOf(nil, x.metIssues[id]) }

// chipOf makes a row's chip of the words parts and the issue effects ks:
// a warning chip, an error chip when an issue is an error; nil when there
// is nothing to say.
func (x *index) chipOf(parts []string, ks []int) *RowChip {
	sev := string(model.SevWarning)
	for _, k := range ks {
		is := x.sc.Issues[x.sc.IssueEffects[k].Issue]
		text := is.Message
		if is.Field != "" {
			text = strings.ReplaceAll(is.Field, "_", " ") + ": " + text
		}
		parts = append(parts, text+" ("+cellRef(is.Sheet, is.Row, is.Column)+")")
		if is.Severity == model.SevError {
			sev = string(model.SevError)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return &RowChip{Severity: sev, Title: strings.Join(parts, "; ")}
}
