package score

import (
	"github.com/opsalign/opsalign/generator/money"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// rowKey is a row of an input sheet.
type rowKey struct {
	file, sheet string
	row         int
}

// issueEffects says, for every issue, the initiative or metric its row
// holds, the figure it moves and how to fix it. Issues about a sheet or a
// file name no record.
func issueEffects(x *index, sc *model.Scorecard) []model.IssueEffect {
	out := make([]model.IssueEffect, 0, len(sc.Issues))
	if len(sc.Issues) == 0 {
		return out
	}
	inis := make(map[rowKey]*model.Initiative, len(x.ds.Initiatives))
	for i := range x.ds.Initiatives {
		in := &x.ds.Initiatives[i]
		inis[rowKey{in.Source.File, in.Source.Sheet, in.Source.Row}] = in
	}
	mets := make(map[rowKey]*model.Metric, len(x.ds.Metrics))
	for i := range x.ds.Metrics {
		m := &x.ds.Metrics[i]
		mets[rowKey{m.Source.File, m.Source.Sheet, m.Source.Row}] = m
	}
	for i, is := range sc.Issues {
		e := model.IssueEffect{Issue: i}
		k := rowKey{is.File, is.Sheet, is.Row}
		if in, ok := inis[k]; ok && is.Row > 0 {
			e.Initiative = in.ID
			e.Figure = initiativeFigure(x, in, is.Field)
		} else if m, ok := mets[k]; ok && is.Row > 0 {
			e.Metric = m.ID
			e.Figure = "the metric's baseline, target and progress, and the checks of initiatives that claim it"
		} else if strings.HasPrefix(is.Message, "initiative ") && strings.Contains(is.Message, "is not in the initiatives table") {
			// An incident naming an initiative the register does not have.
			e.Figure = "the change-caused incident count and Reliability over novelty of the initiative it means"
		}
		e.Fix = issueFix(x, is)
		out = append(out, e)
	}
	return out
}

// initiativeFigure names what a field of an initiative moves.
func initiativeFigure(x *index, in *model.Initiative, field string) string {
	switch field {
	case "budget":
		return "budget " + money.Exact(in.Budget, x.currency) + ": budget total, the run/improve/transform split and Funding follows the operating plan"
	case "spend":
		return "spend " + money.Exact(x.spend(in), x.currency) + ": spend total, aligned spend and Funding follows the operating plan"
	case "metrics":
		return "Operational outcomes and Measured by operational impact"
	case "business_unit":
		return "IT embedded in operations and Sequencing around critical periods"
	case "go_live":
		return "Sequencing around critical periods, Measured by operational impact and whether it is live"
	case "status":
		return "whether it is live or scored"
	case "business_owner", "it_owner":
		return "Business ownership"
	case "plan_line":
		return "Funding follows the operating plan"
	case "automation", "process_standardized", "start":
		return "Stabilise before automating"
	case "training_plan", "adoption_owner", "adoption", "rollout":
		return "Change management"
	case "risk", "dr_tested":
		return "Reliability over novelty"
	case "category":
		return "the run/improve/transform split"
	case "":
		return "the whole row"
	}
	return field
}

// issueFix says what to do about an issue. Issues carry no code, so the
// fix follows the reader's fixed message prefixes; any other issue gets
// the generic advice of its severity.
func issueFix(x *index, is model.Issue) string {
	ref := is.Ref()
	m := is.Message
	switch {
	case strings.Contains(m, "ignored: it does not look like any of the tables"):
		return "nothing to do if it holds no table; to read it, give it a header row with the table's column names in its first 20 rows"
	case strings.HasPrefix(m, "file ignored: it is empty"):
		return "nothing to do, or remove the file"
	case strings.Contains(m, "column(s) not used by the"):
		return "nothing to do; rename a column to a name the table knows if it should be read"
	case strings.HasPrefix(m, "totals row skipped"):
		return "nothing to do: totals are summed from the rows"
	case strings.HasPrefix(m, "row skipped"):
		return "nothing to do if the row is a note; otherwise fill in its columns"
	case strings.Contains(m, "is not in the metrics table"):
		return "add " + is.Value + " to the metrics table, or correct the id in " + ref
	case strings.HasPrefix(m, "initiative ") && strings.Contains(m, "is not in the initiatives table"):
		return "correct the initiative id in " + ref + ", or add " + is.Value + " to the register; until then the incident counts toward no initiative"
	case strings.HasPrefix(m, "amount is in "):
		return "write the amount in " + x.currency + " in " + ref + " (convert " + is.Value + " at your rate)"
	case strings.HasPrefix(m, "duplicate id"):
		return "give the row its own id in " + ref + ", or delete it"
	case strings.HasPrefix(m, "a second value of"):
		return "delete one of the two values, keeping the right one"
	}
	switch is.Severity {
	case model.SevError:
		return "correct the value in " + ref
	case model.SevWarning:
		return "check the value in " + ref
	}
	return "nothing to do"
}
