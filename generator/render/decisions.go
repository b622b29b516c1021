package render

import (
	"strings"

	"github.com/opsalign/opsalign/generator/decisions"
	"github.com/opsalign/opsalign/generator/model"
)

// DecisionsView is what the board pack shows of decisions: those asked
// for this quarter (its front pages) and the status of the previous
// closed quarter's ("What changed").
type DecisionsView struct {
	Period   string
	Asked    []DecisionRow
	From     string // the quarter whose decisions Followed follows up
	Counts   string // "1 met, 1 open, 1 overdue, 1 dropped"
	Followed []DecisionRow
}

// DecisionRow is one decision.
type DecisionRow struct {
	ID    string
	Ask   string
	Owner string
	Due   string // "2026-10-31" or "–"
	// Until says when the decision is met, in words: "the P6 Peak check of
	// Warehouse management system replatform (INI-001) passes";
	// "" when no check judges it.
	Until string
	// Badge and Reason are its status (followed-up decisions only).
	Badge  Badge
	Status string
	Manual bool
	Reason string
}

// decisionsView returns the board pack's decisions; nil when there are
// none.
func (x *index) decisionsView() *DecisionsView {
	r := x.in.Decisions
	if r.Empty() {
		return nil
	}
	v := &DecisionsView{Period: r.Period, From: r.From, Counts: r.Counts()}
	for _, d := range r.Decisions {
		v.Asked = append(v.Asked, decisionRow(d, x.initiativeWords))
	}
	for _, s := range r.Followed {
		row := decisionRow(s.Decision, x.initiativeWords)
		row.Status, row.Manual, row.Reason = s.Status, s.Manual, s.Reason
		row.Badge = decisionBadge(s.Status, s.Manual)
		v.Followed = append(v.Followed, row)
	}
	return v
}

func decisionRow(d decisions.Decision, name func(id string) string) DecisionRow {
	row := DecisionRow{ID: d.ID, Ask: d.Ask, Owner: d.Owner, Due: d.Due}
	if row.Owner == "" {
		row.Owner = "–"
	}
	if row.Due == "" {
		row.Due = "–"
	}
	if len(d.Until) > 0 {
		parts := make([]string, len(d.Until))
		for i, c := range d.Until {
			parts[i] = untilWords(c, name)
		}
		verb := " passes"
		if len(parts) > 1 {
			verb = " pass"
		}
		row.Until = joinAnd(parts) + verb
	}
	return row
}

// untilWords names an `until` check for a sentence: "the P6 Peak check of
// Warehouse management system replatform (INI-001)", or "the portfolio
// check “Run protected”".
func untilWords(c decisions.Check, name func(id string) string) string {
	if c.Initiative == decisions.Portfolio {
		for _, p := range model.PortfolioChecks {
			if p.ID == c.Check {
				return "the portfolio check “" + p.Title + "”"
			}
		}
		return "the portfolio check " + c.Check
	}
	principle := 0
	for _, k := range model.Checks {
		if k.ID == c.Check {
			principle = k.Principle
		}
	}
	return "the " + columnLabel(c.Check, principle) + " check of " + name(c.Initiative)
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// initiativeWords names an initiative for a sentence: "Warehouse
// management system replatform (INI-001)", or the id alone when it has no
// name.
func (x *index) initiativeWords(id string) string {
	if n := x.iniName(id); n != id {
		return n + " (" + id + ")"
	}
	return id
}

// decisionBadge shows a decision's status: met as a pass, overdue as a
// fail, open as a warning, a status set by hand as neutral; the icon and
// label tell them apart without colour.
func decisionBadge(status string, manual bool) Badge {
	label := strings.ToUpper(status[:1]) + status[1:]
	switch {
	case manual && status != decisions.Met && status != decisions.Open:
		return Badge{Class: "result result-na decision-" + status, Icon: "✎", Label: label + " (set by hand)"}
	case status == decisions.Met:
		b := Badge{Class: "result result-pass decision-met", Icon: "✓", Label: label}
		if manual {
			b.Label += " (set by hand)"
		}
		return b
	case status == decisions.Overdue:
		return Badge{Class: "result result-fail decision-overdue", Icon: "✗", Label: label}
	}
	b := Badge{Class: "result result-warn decision-open", Icon: "○", Label: label}
	if manual {
		b.Label += " (set by hand)"
	}
	return b
}
