// Package decisions reads the decisions a board pack asks the board for,
// and follows them up a quarter later.
//
// Decisions are data in the front matter of content/board-pack.md:
//
//	[[decisions]]
//	id = "D-2026Q3-1"
//	ask = "Move the warehouse cutover (INI-001) out of peak season"
//	owner = "COO"
//	due = 2026-10-31
//	until = [["INI-001", "peak_clear"]]   # optional
//
//	[[decisions.followup]]                # a status set by hand
//	id = "D-2026Q2-4"
//	status = "dropped"
//	note = "The board chose a big-bang cutover after all."
//
// Parse reads them (errors name the file and line), Check validates the
// `until` entries of this quarter's decisions against the scorecard, and
// Follow computes the status of the previous quarter's decisions (frozen
// with it by `opsalign close`, as decisions.json) against the current
// scorecard: met, open, overdue, or the status set by hand.
package decisions

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/opsalign/opsalign/generator/model"
)

// Key is the front matter key that holds decisions.
const Key = "decisions"

// File is the name of the frozen decisions of a quarter: data/decisions.json
// in a built site, decisions.json in a closed quarter's folder.
const File = "decisions.json"

// Schema is the version of decisions.json this package writes and reads.
const Schema = 1

// Portfolio is the initiative slot of an `until` entry that names a
// portfolio check: ["portfolio", "split_within_policy"].
const Portfolio = "portfolio"

// Statuses a decision can have. Met, Open and Overdue are computed; the
// others are set by hand in a follow-up (as may Met and Open be).
const (
	Met        = "met"
	Open       = "open"
	Overdue    = "overdue"
	Dropped    = "dropped"
	Deferred   = "deferred"
	Superseded = "superseded"
)

// manualStatuses are the statuses a follow-up may set.
var manualStatuses = []string{Met, Open, Dropped, Deferred, Superseded}

// Check is one `until` entry: a check of an initiative (or of the
// portfolio) that must pass for the decision to be met. It is written and
// read as a two-element JSON array, as in the front matter.
type Check struct {
	Initiative string
	Check      string
}

// MarshalJSON writes ["INI-001","peak_clear"].
func (c Check) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]string{c.Initiative, c.Check})
}

// UnmarshalJSON reads ["INI-001","peak_clear"].
func (c *Check) UnmarshalJSON(b []byte) error {
	var a [2]string
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	c.Initiative, c.Check = a[0], a[1]
	return nil
}

// Decision is one decision the board is asked for.
type Decision struct {
	ID    string  `json:"id"`
	Ask   string  `json:"ask"`
	Owner string  `json:"owner"`
	Due   string  `json:"due,omitempty"` // YYYY-MM-DD, "" for none
	Until []Check `json:"until,omitempty"`

	line      int   // line of [[decisions]] in the file
	untilLine int   // line of until (or of the header)
	checkLine []int // line of each until entry
}

// Followup is a status set by hand for a decision of the previous quarter.
type Followup struct {
	ID     string
	Status string
	Note   string
	line   int
}

// FrontMatter is the decisions part of a board pack's front matter.
type FrontMatter struct {
	File      string // the content file, for messages
	Decisions []Decision
	Followups []Followup
}

// Error is a problem at a line of a content file.
type Error struct {
	File string
	Line int
	Err  error
}

// Error formats the problem as "content/board-pack.md:12: message".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// idRE is what a decision id may hold.
var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Parse reads the decisions of front matter text (TOML), which starts on
// line first of file. Front matter without decisions gives an empty
// FrontMatter.
func Parse(file, text string, first int) (FrontMatter, error) {
	fm := FrontMatter{File: file}
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fm, &Error{File: file, Line: first + pe.Position.Line - 1, Err: fmt.Errorf("front matter: %s", pe.Message)}
		}
		return fm, &Error{File: file, Line: first, Err: fmt.Errorf("front matter: %w", err)}
	}
	v, ok := raw[Key]
	if !ok {
		return fm, nil
	}
	ln := scan(text)
	at := func(line int, format string, a ...any) error {
		return &Error{File: file, Line: first + line - 1, Err: fmt.Errorf(format, a...)}
	}
	var tables []map[string]any
	switch v := v.(type) {
	case []map[string]any:
		tables = v
	case map[string]any: // only [[decisions.followup]]
		tables = []map[string]any{v}
	default:
		return fm, at(ln.key, "decisions must be written as [[decisions]] tables")
	}
	di, fi := 0, 0 // next [[decisions]] and [[decisions.followup]] header
	seen := map[string]int{}
	for _, t := range tables {
		if len(t) == 1 && t["followup"] != nil && len(tables) == 1 && len(ln.decisions) == 0 {
			// decisions is a table holding only follow-ups
		} else {
			line := ln.at(ln.decisions, di)
			di++
			d, err := decision(t, line, ln, at)
			if err != nil {
				return fm, err
			}
			if prev, dup := seen[d.ID]; dup {
				return fm, at(line, "decision %q is listed twice (first on line %d)", d.ID, first+prev-1)
			}
			seen[d.ID] = line
			fm.Decisions = append(fm.Decisions, d)
		}
		fus, ok := t["followup"]
		if !ok {
			continue
		}
		list, ok := fus.([]map[string]any)
		if !ok {
			return fm, at(ln.at(ln.followups, fi), "follow-ups must be written as [[decisions.followup]] tables")
		}
		for _, f := range list {
			line := ln.at(ln.followups, fi)
			fi++
			fu, err := followup(f, line, ln, at)
			if err != nil {
				return fm, err
			}
			for _, o := range fm.Followups {
				if o.ID == fu.ID {
					return fm, at(line, "decision %q is followed up twice (first on line %d)", fu.ID, first+o.line-1)
				}
			}
			fm.Followups = append(fm.Followups, fu)
		}
	}
	for i := range fm.Decisions {
		d := &fm.Decisions[i]
		d.line += first - 1
		d.untilLine += first - 1
		for j := range d.checkLine {
			d.checkLine[j] += first - 1
		}
	}
	for i := range fm.Followups {
		fm.Followups[i].line += first - 1
	}
	return fm, nil
}

// decision reads one [[decisions]] table that starts on line.
func decision(t map[string]any, line int, l lines, at func(int, string, ...any) error) (Decision, error) {
	d := Decision{line: line, untilLine: line}
	for _, k := range slices.Sorted(mapKeys(t)) {
		kl := l.keyLine(line, k)
		v := t[k]
		switch k {
		case "id", "ask", "owner":
			s, ok := v.(string)
			if !ok {
				return d, at(kl, "decisions: %s must be a string", k)
			}
			s = strings.TrimSpace(s)
			switch k {
			case "id":
				if !idRE.MatchString(s) {
					return d, at(kl, "decisions: id %q must be letters, digits, '.', '_' or '-' (such as \"D-2026Q3-1\")", s)
				}
				d.ID = s
			case "ask":
				d.Ask = s
			default:
				d.Owner = s
			}
		case "due":
			s, err := date(v)
			if err != nil {
				return d, at(kl, "decisions: due: %v", err)
			}
			d.Due = s
		case "until":
			d.untilLine = kl
			list, ok := v.([]any)
			if !ok {
				return d, at(kl, `decisions: until must be a list of [initiative, check] pairs, such as [["INI-001", "peak_clear"]]`)
			}
			for _, e := range list {
				pair, ok := e.([]any)
				var a, b string
				if ok && len(pair) == 2 {
					a, _ = pair[0].(string)
					b, _ = pair[1].(string)
				}
				if a == "" || b == "" {
					return d, at(kl, `decisions: until entry %v is not an [initiative, check] pair such as ["INI-001", "peak_clear"]`, e)
				}
				d.Until = append(d.Until, Check{Initiative: a, Check: b})
				d.checkLine = append(d.checkLine, l.valueLine(kl, a))
			}
		case "followup":
		default:
			return d, at(kl, "decisions: unknown key %q (want id, ask, owner, due or until)", k)
		}
	}
	switch {
	case d.ID == "":
		return d, at(line, "decisions: a decision needs an id")
	case d.Ask == "":
		return d, at(line, "decisions: decision %q needs an ask", d.ID)
	}
	return d, nil
}

// followup reads one [[decisions.followup]] table that starts on line.
func followup(t map[string]any, line int, l lines, at func(int, string, ...any) error) (Followup, error) {
	f := Followup{line: line}
	for _, k := range slices.Sorted(mapKeys(t)) {
		kl := l.keyLine(line, k)
		s, ok := t[k].(string)
		if !ok {
			return f, at(kl, "decisions.followup: %s must be a string", k)
		}
		s = strings.TrimSpace(s)
		switch k {
		case "id":
			f.ID = s
		case "status":
			if !slices.Contains(manualStatuses, s) {
				return f, at(kl, "decisions.followup: status %q is none of %s", s, strings.Join(manualStatuses, ", "))
			}
			f.Status = s
		case "note":
			f.Note = s
		default:
			return f, at(kl, "decisions.followup: unknown key %q (want id, status or note)", k)
		}
	}
	switch {
	case f.ID == "":
		return f, at(line, "decisions.followup: a follow-up needs the id of the decision it follows up")
	case f.Status == "":
		return f, at(line, "decisions.followup: the follow-up of %q needs a status (%s)", f.ID, strings.Join(manualStatuses, ", "))
	}
	return f, nil
}

// date reads a due date: a TOML date or a "YYYY-MM-DD" string.
func date(v any) (string, error) {
	switch v := v.(type) {
	case time.Time:
		return v.Format("2006-01-02"), nil
	case string:
		t, err := time.Parse("2006-01-02", strings.TrimSpace(v))
		if err != nil {
			return "", fmt.Errorf("%q is no date (write 2026-10-31)", v)
		}
		return t.Format("2006-01-02"), nil
	}
	return "", fmt.Errorf("%v is no date (write 2026-10-31)", v)
}

func mapKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// lines locates the tables and keys of front matter text by line (1-based,
// relative to the text).
type lines struct {
	text      []string
	key       int   // first line naming decisions
	decisions []int // lines of [[decisions]]
	followups []int // lines of [[decisions.followup]]
}

var (
	decisionsRE = regexp.MustCompile(`^\s*\[\[\s*decisions\s*\]\]`)
	followupRE  = regexp.MustCompile(`^\s*\[\[\s*decisions\s*\.\s*followup\s*\]\]`)
	headerRE    = regexp.MustCompile(`^\s*\[\[?\s*[A-Za-z0-9_.\- ]+\]\]?\s*(#.*)?$`)
	keyRE       = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=`)
)

func scan(text string) lines {
	l := lines{text: strings.Split(text, "\n"), key: 1}
	found := false
	for i, s := range l.text {
		switch {
		case decisionsRE.MatchString(s):
			l.decisions = append(l.decisions, i+1)
		case followupRE.MatchString(s):
			l.followups = append(l.followups, i+1)
		default:
			continue
		}
		if !found {
			l.key, found = i+1, true
		}
	}
	if !found {
		for i, s := range l.text {
			if m := keyRE.FindStringSubmatch(s); m != nil && m[1] == Key {
				l.key = i + 1
				break
			}
		}
	}
	return l
}

// at returns the i-th line of list, or 1.
func (l lines) at(list []int, i int) int {
	if i < len(list) {
		return list[i]
	}
	return 1
}

// keyLine returns the line on which key k of the table whose header is on
// line is set, or the header's line.
func (l lines) keyLine(header int, k string) int {
	for i := header; i < len(l.text); i++ { // l.text[header] is the line after it
		s := l.text[i]
		if headerRE.MatchString(s) && !keyRE.MatchString(s) {
			break
		}
		if m := keyRE.FindStringSubmatch(s); m != nil && m[1] == k {
			return i + 1
		}
	}
	return header
}

// valueLine returns the line, from line on, on which the quoted string s
// first appears, or line.
func (l lines) valueLine(line int, s string) int {
	q := `"` + s + `"`
	for i := line - 1; i < len(l.text); i++ {
		if strings.Contains(l.text[i], q) || strings.Contains(l.text[i], "'"+s+"'") {
			return i + 1
		}
		if i > line-1 && (headerRE.MatchString(l.text[i]) || keyRE.MatchString(l.text[i])) {
			break
		}
	}
	return line
}

// Check validates this quarter's decisions against the scorecard: every
// `until` entry must name an initiative of the register (or "portfolio")
// and one of its checks. An error names the file and the entry's line.
func (fm FrontMatter) Check(sc *model.Scorecard) error {
	ids := make(map[string]bool, len(sc.Initiatives))
	for i := range sc.Initiatives {
		ids[sc.Initiatives[i].ID] = true
	}
	for _, d := range fm.Decisions {
		for j, c := range d.Until {
			at := func(format string, a ...any) error {
				return &Error{File: fm.File, Line: d.checkLine[j], Err: fmt.Errorf("decision %s: until: "+format, append([]any{d.ID}, a...)...)}
			}
			if c.Initiative == Portfolio {
				if !known(model.PortfolioChecks, c.Check) {
					return at("%q is no portfolio check (want %s)", c.Check, checkNames(model.PortfolioChecks))
				}
				continue
			}
			if !ids[c.Initiative] {
				return at("no initiative %q in the register (or write \"portfolio\" for a portfolio check)", c.Initiative)
			}
			if !known(model.Checks, c.Check) {
				return at("%q is no initiative check (want %s)", c.Check, checkNames(model.Checks))
			}
		}
	}
	return nil
}

func known(list []model.CheckInfo, id string) bool {
	return slices.ContainsFunc(list, func(c model.CheckInfo) bool { return c.ID == id })
}

func checkNames(list []model.CheckInfo) string {
	names := make([]string, len(list))
	for i, c := range list {
		names[i] = c.ID
	}
	return strings.Join(names, ", ")
}
