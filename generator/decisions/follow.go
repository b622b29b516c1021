package decisions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// Status is a decision of an earlier quarter as it stands now.
type Status struct {
	Decision
	// Status is Met, Open or Overdue as computed, or the status set by
	// hand in a follow-up.
	Status string `json:"status"`
	// Manual is true when the status was set by hand.
	Manual bool `json:"manual"`
	// Reason says why: the reasons of the checks (met), of the checks
	// that do not pass (open, overdue), the note of a follow-up, or that
	// the decision needs a status set by hand.
	Reason string `json:"reason"`
}

// Report is what a board pack says about decisions: those asked for this
// quarter, and the status of the previous closed quarter's.
type Report struct {
	Schema    int        `json:"schema"`
	Period    string     `json:"period"`
	AsOf      string     `json:"as_of"`
	Decisions []Decision `json:"decisions"`
	// From is the closed quarter whose decisions Followed follows up; ""
	// when there is none (or it froze no decisions).
	From     string   `json:"from,omitempty"`
	Followed []Status `json:"followed,omitempty"`
}

// Empty reports whether the report has nothing to show.
func (r *Report) Empty() bool { return r == nil || len(r.Decisions) == 0 && len(r.Followed) == 0 }

// Counts counts the followed decisions by status, in the order met, open,
// overdue, then the statuses set by hand in the order first seen:
// "1 met, 1 open, 1 overdue, 1 dropped".
func (r *Report) Counts() string {
	if r == nil {
		return ""
	}
	order := []string{Met, Open, Overdue}
	n := map[string]int{}
	for _, s := range r.Followed {
		if n[s.Status] == 0 && s.Status != Met && s.Status != Open && s.Status != Overdue {
			order = append(order, s.Status)
		}
		n[s.Status]++
	}
	var parts []string
	for _, s := range order {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	return strings.Join(parts, ", ")
}

// Encode writes the report as indented JSON with a final newline.
func (r *Report) Encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Decode reads a report written by Encode (the decisions.json a closed
// quarter froze). A report of another schema is an error.
func Decode(b []byte) (*Report, error) {
	var head struct {
		Schema int `json:"schema"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, err
	}
	if head.Schema != Schema {
		return nil, fmt.Errorf("decisions.json has schema %d; this opsalign reads schema %d", head.Schema, Schema)
	}
	r := new(Report)
	if err := json.Unmarshal(b, r); err != nil {
		return nil, err
	}
	return r, nil
}

// Build makes the report of a board pack: fm's decisions (checked against
// sc by Check), and the status of prev's decisions (prev is the report
// frozen with the previous closed quarter, nil for none) with fm's
// follow-ups. A follow-up of a decision prev does not hold is an error at
// its line; when prev holds no decisions (or is nil) follow-ups have
// nothing to apply to and are not used.
func Build(fm FrontMatter, sc *model.Scorecard, prev *Report) (*Report, error) {
	if err := fm.Check(sc); err != nil {
		return nil, err
	}
	r := &Report{Schema: Schema, Period: sc.Period, AsOf: sc.AsOf, Decisions: fm.Decisions}
	var asked []Decision
	if prev != nil {
		asked = prev.Decisions
	}
	byID := map[string]Followup{}
	for _, f := range fm.Followups {
		if len(asked) == 0 {
			// No closed quarter before this one froze decisions (a site
			// copied without history/, or decisions new this quarter):
			// there is nothing a follow-up can apply to.
			break
		}
		found := false
		for _, d := range asked {
			found = found || d.ID == f.ID
		}
		if !found {
			ids := make([]string, len(asked))
			for i, d := range asked {
				ids[i] = d.ID
			}
			return nil, &Error{File: fm.File, Line: f.line, Err: fmt.Errorf("decisions.followup: no decision %q to follow up (%s asked for %s)", f.ID, prev.Period, strings.Join(ids, ", "))}
		}
		byID[f.ID] = f
	}
	if len(asked) > 0 {
		r.From = prev.Period
	}
	for _, d := range asked {
		r.Followed = append(r.Followed, Follow(d, byID[d.ID], sc))
	}
	return r, nil
}

// Follow computes a decision's status against sc, the scorecard of a
// later report: the status of f when it is set (f.ID == d.ID), else met
// when every `until` check passes, overdue when one does not and the due
// date is before sc's as_of, and open otherwise (a decision without
// `until` stays open and says it needs a status set by hand).
func Follow(d Decision, f Followup, sc *model.Scorecard) Status {
	s := Status{Decision: d}
	if f.ID == d.ID && f.Status != "" {
		s.Status, s.Manual, s.Reason = f.Status, true, f.Note
		if s.Reason == "" {
			s.Reason = "Set by hand."
		}
		return s
	}
	if len(d.Until) == 0 {
		s.Status = Open
		s.Reason = "No check can judge this decision: set its status by hand ([[decisions.followup]] id = \"" + d.ID + "\")."
		return s
	}
	var pass, fail []string
	for _, c := range d.Until {
		r, ok := lookup(sc, c)
		switch {
		case !ok:
			fail = append(fail, c.Initiative+" is no longer in the register")
		case r.Result == model.Pass:
			pass = append(pass, label(c)+r.Reason)
		default:
			fail = append(fail, label(c)+r.Reason)
		}
	}
	if len(fail) == 0 {
		s.Status, s.Reason = Met, sentences(pass)
		return s
	}
	s.Status, s.Reason = Open, sentences(fail)
	if d.Due != "" && sc.AsOf > d.Due {
		s.Status = Overdue
		s.Reason = "Due " + d.Due + ". " + s.Reason
	}
	return s
}

// label names the initiative of a check before its reason: "INI-001: ".
func label(c Check) string {
	if c.Initiative == Portfolio {
		return ""
	}
	return c.Initiative + ": "
}

// lookup finds the result of an `until` check in sc.
func lookup(sc *model.Scorecard, c Check) (model.CheckResult, bool) {
	if c.Initiative == Portfolio {
		for _, r := range sc.Portfolio.Checks {
			if r.ID == c.Check {
				return r, true
			}
		}
		return model.CheckResult{}, false
	}
	for i := range sc.Initiatives {
		ir := &sc.Initiatives[i]
		if ir.ID != c.Initiative {
			continue
		}
		for _, r := range ir.Checks {
			if r.ID == c.Check {
				return r, true
			}
		}
		return model.CheckResult{ID: c.Check, Result: model.NA, Reason: c.Check + " not scored"}, true
	}
	return model.CheckResult{}, false
}

// sentences joins reasons into sentences that end cleanly.
func sentences(rs []string) string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if !strings.HasSuffix(r, ".") {
			r += "."
		}
		out = append(out, r)
	}
	return strings.Join(out, " ")
}
