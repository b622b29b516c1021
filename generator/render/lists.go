package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/opsalign/opsalign/generator/listview"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/money"
	"github.com/opsalign/opsalign/generator/pagekey"
)

// The list pages (the initiatives list, the reliability page's incident
// list) write their first listPageRows rows as HTML — what a printout and
// a reader without JavaScript see — and every row into a data file, a
// script beside the page that the theme's list script loads to filter,
// sort and page over all of them (assets/lists.js). A script, not JSON:
// a page opened from file:// may load a script but not fetch a file.

// listPageRows is how many rows a list page writes as HTML.
const listPageRows = 100

// Data file paths of the lists.
const (
	initiativesData = "data/initiatives-list.js"
	incidentsData   = "data/incidents-list.js"
)

// ListStatus says how many rows of a list a page shows.
type ListStatus struct {
	Shown, Total int
	Data         string // site path of the list's data file
	Note         string // what the HTML rows are when not all: "the first 100"
}

// ShownText is Shown with thousands separators.
func (s ListStatus) ShownText() string { return money.Group(strconv.Itoa(s.Shown)) }

// TotalText is Total with thousands separators.
func (s ListStatus) TotalText() string { return money.Group(strconv.Itoa(s.Total)) }

// checkLabels are the short, distinct column headings of the per-initiative
// checks in the initiatives table; the check's title is its tooltip.
var checkLabels = map[string]string{
	model.CheckOutcomeLinked:     "Outcome",
	model.CheckBusinessOwned:     "Owner",
	model.CheckITEmbedded:        "IT",
	model.CheckProcessStable:     "Stable",
	model.CheckPlanFunded:        "Plan",
	model.CheckPeakClear:         "Peak",
	model.CheckImpactRealized:    "Impact",
	model.CheckChangeManaged:     "Change",
	model.CheckStableInOperation: "Reliable",
}

// CheckColumn is a check's column in the initiatives table.
type CheckColumn struct {
	model.CheckInfo
	Label string // "P6 Plan"
}

// checkColumns lists the check columns in report order.
func checkColumns() []CheckColumn {
	out := make([]CheckColumn, 0, len(model.Checks))
	for _, c := range model.Checks {
		out = append(out, CheckColumn{CheckInfo: c, Label: columnLabel(c.ID, c.Principle)})
	}
	return out
}

// columnLabel is a check's column heading: "P6 Plan".
func columnLabel(id string, principle int) string {
	l := checkLabels[id]
	if l == "" {
		l = id
	}
	return fmt.Sprintf("P%d %s", principle, l)
}

// ColumnLabel is the heading of the check's column in the initiatives
// table: "P6 Plan".
func (r CheckRow) ColumnLabel() string { return columnLabel(r.ID, r.Principle) }

// checkCellLabel is a check cell's tooltip and accessible name: "Warn:
// the reason", or the result alone.
func checkCellLabel(r CheckRow) string {
	l := resultLabel(r.Result)
	if r.Reason == "" {
		return l
	}
	return l + ": " + r.Reason
}

// resultKeys are the one-letter codes of check results in a data file.
var resultKeys = map[model.Result]string{model.Pass: "p", model.Warn: "w", model.Fail: "f", model.NA: "n"}

// writeListData writes a list's data file: a script that puts the list,
// as JSON, into window.opsalignData[name].
func writeListData(buf *bytes.Buffer, name string, v any) error {
	fmt.Fprintf(buf, "(window.opsalignData=window.opsalignData||{})[%q]=", name)
	enc := json.NewEncoder(buf) // escapes <, >, &, U+2028 and U+2029: safe in any script
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("render: %s list data: %w", name, err)
	}
	buf.Truncate(buf.Len() - 1)
	buf.WriteString(";\n")
	return nil
}

// badgeData is how a data file gives a badge: class, icon, label.
func badgeData(b Badge) [3]string { return [3]string{b.Class, b.Icon, b.Label} }

// initiativesData writes the initiatives list's data file. A row is an
// array: id, page path, name, unit, category key, category text, owners,
// budget, budget text, spend (null when none), spend text, score (null),
// score text, verdict, check results (one letter each: p w f n, in
// column order), check reasons (indexes into "reasons", -1 for none),
// the ids of the claimed metrics joined by spaces, the status ("" for
// none) and the row's chip as [severity, tooltip] (null for none).
//
// In a keyed build (Input.Keyed: serve) a row's encoding is kept by the
// engine under the input key of its initiative's page, which holds all a
// row shows (the context, the initiative's result and record): the next
// keyed build encodes again only the rows whose key changed — one of a
// thousand after a row edit. Only the indexes into "reasons" are made
// each build, as they number the reasons in the order rows first give
// them.
func (x *index) initiativesData(buf *bytes.Buffer) error {
	type checkCol struct {
		ID    string `json:"id"`
		Label string `json:"label"`
		Title string `json:"title"`
	}
	// The fields before "rows"; the rows are written after them.
	data := struct {
		Checks   []checkCol           `json:"checks"`
		Verdicts map[string][3]string `json:"verdicts"`
		Results  map[string][3]string `json:"results"`
		Reasons  []string             `json:"reasons"`
	}{
		Verdicts: map[string][3]string{},
		Results:  map[string][3]string{},
	}
	for _, c := range checkColumns() {
		data.Checks = append(data.Checks, checkCol{c.ID, c.Label, fmt.Sprintf("P%d %s", c.Principle, c.Title)})
	}
	for _, v := range []model.Verdict{model.Aligned, model.AtRisk, model.NotAligned, model.NotScored} {
		data.Verdicts[string(v)] = badgeData(verdictBadge(v))
	}
	for r, k := range resultKeys {
		data.Results[k] = badgeData(resultBadge(r))
	}
	var old, kept map[pagekey.Key]*listRow
	if x.keyed {
		x.rows.mu.Lock()
		defer x.rows.mu.Unlock()
		old, kept = x.rows.rows, make(map[pagekey.Key]*listRow, len(x.sc.Initiatives))
		// The input keys last first: the initiative pages' jobs make
		// them first first, and each is made once (initiativeInputAt),
		// so the two meet halfway rather than wait on each other's.
		for i := len(x.sc.Initiatives) - 1; i >= 0; i-- {
			x.initiativeInputAt(i)
		}
	}
	// Sized for the build (the 10k list: ~24,000 reasons, rows of ~350
	// bytes), not grown and rehashed while they fill. (data.Reasons stays
	// nil until a first reason: no reason at all is null.)
	reasons := make(map[string]int, checkRowsPerPage*len(x.sc.Initiatives))
	var rows bytes.Buffer
	rows.Grow(384 * len(x.sc.Initiatives))
	rows.WriteByte('[')
	for i := range x.sc.Initiatives {
		var (
			lr    *listRow
			key   pagekey.Key
			keyed bool
		)
		if kept != nil {
			if key, keyed = x.initiativeInputAt(i); keyed {
				lr = old[key]
			}
		}
		if lr == nil {
			var err error
			if lr, err = x.listRow(i); err != nil {
				return err
			}
		}
		if keyed {
			kept[key] = lr
		}
		if i > 0 {
			rows.WriteByte(',')
		}
		rows.Write(lr.head)
		rows.WriteByte('[')
		var num [20]byte
		for j, r := range lr.reasons {
			if j > 0 {
				rows.WriteByte(',')
			}
			n := -1
			if r != "" {
				var ok bool
				if n, ok = reasons[r]; !ok {
					n = len(data.Reasons)
					reasons[r] = n
					data.Reasons = append(data.Reasons, r)
				}
			}
			rows.Write(strconv.AppendInt(num[:0], int64(n), 10))
		}
		rows.WriteByte(']')
		rows.Write(lr.tail)
	}
	rows.WriteByte(']')
	if kept != nil {
		x.rows.rows = kept
	}
	fmt.Fprintf(buf, "(window.opsalignData=window.opsalignData||{})[%q]=", "initiatives")
	enc := json.NewEncoder(buf) // escapes <, >, &, U+2028 and U+2029: safe in any script
	if err := enc.Encode(data); err != nil {
		return fmt.Errorf("render: initiatives list data: %w", err)
	}
	buf.Truncate(buf.Len() - 2) // "}\n"
	buf.WriteString(`,"rows":`)
	buf.Write(rows.Bytes())
	buf.WriteString("};\n")
	return nil
}

// listRow is an initiatives list row encoded as JSON but for its check
// reasons' indexes, which depend on the rows before it: head is the row
// up to them (ending in ","), tail the rest (starting with ","), reasons
// each check's reason ("" for none).
type listRow struct {
	head, tail []byte
	reasons    []string
}

// listRows are the rows of an engine's last keyed initiatives list data,
// by the input key of their initiative's page.
type listRows struct {
	mu   sync.Mutex
	rows map[pagekey.Key]*listRow
}

// listRow encodes the row of the initiatives list data of the initiative
// at place i of the scorecard's, with the bytes json.Marshal gives the
// row's values (appendJSONString, appendJSONFloat).
func (x *index) listRow(i int) (*listRow, error) {
	ir := &x.sc.Initiatives[i]
	row := x.initiativeRowAt(i)
	lr := &listRow{reasons: make([]string, len(row.Checks))}
	head := make([]byte, 0, 256)
	head = append(head, '[')
	for _, s := range [...]string{row.ID, row.Path, row.Name, row.Unit, string(row.Category), row.CategoryText, row.Owners} {
		head = appendJSONString(head, s)
		head = append(head, ',')
	}
	var err error
	if head, err = appendJSONNumber(head, &row.Budget); err != nil {
		return nil, fmt.Errorf("render: initiatives list data: %s: %w", ir.ID, err)
	}
	head = append(head, ',')
	head = appendJSONString(head, row.BudgetText)
	head = append(head, ',')
	if head, err = appendJSONNumber(head, row.Spend); err != nil {
		return nil, fmt.Errorf("render: initiatives list data: %s: %w", ir.ID, err)
	}
	head = append(head, ',')
	head = appendJSONString(head, row.SpendText)
	head = append(head, ',')
	if row.Score == nil {
		head = append(head, "null"...)
	} else {
		head = strconv.AppendInt(head, int64(*row.Score), 10)
	}
	head = append(head, ',')
	head = appendJSONString(head, row.ScoreText)
	head = append(head, ',')
	head = appendJSONString(head, string(row.Verdict))
	head = append(head, ',', '"')
	for j, c := range row.Checks {
		head = append(head, resultKeys[c.Result]...) // one ASCII letter
		lr.reasons[j] = c.Reason
	}
	head = append(head, '"', ',')

	tail := make([]byte, 0, 64)
	tail = append(tail, ',')
	tail = append(tail, '"')
	if rec := x.iniRecs[ir.ID]; rec != nil {
		for j, m := range rec.Metrics { // the ids joined by spaces
			if j > 0 {
				tail = append(tail, ' ')
			}
			tail = appendJSONText(tail, m)
		}
	}
	tail = append(tail, '"', ',')
	tail = appendJSONString(tail, listStatus(ir))
	tail = append(tail, ',')
	if c := x.rowChip(ir); c != nil {
		tail = append(tail, '[')
		tail = appendJSONString(tail, c.Severity)
		tail = append(tail, ',')
		tail = appendJSONString(tail, c.Title)
		tail = append(tail, ']')
	} else {
		tail = append(tail, "null"...)
	}
	tail = append(tail, ']')
	lr.head, lr.tail = head, tail
	return lr, nil
}

// reportPeriod reports whether an incident opened at t falls in the report
// period (the quarter holding as_of), by its date in the site's time zone.
type reportPeriod struct{ from, to time.Time }

func (x *index) reportPeriod() reportPeriod {
	asOf, err := time.Parse(time.DateOnly, x.sc.AsOf)
	if err != nil {
		return reportPeriod{}
	}
	fy := x.in.Config.FiscalYearStart
	if fy < 1 || fy > 12 {
		fy = 1
	}
	q := model.QuarterOf(asOf, fy)
	return reportPeriod{q.Start(fy), q.End(fy)}
}

func (p reportPeriod) contains(t time.Time, loc *time.Location) bool {
	if p.from.IsZero() || t.IsZero() {
		return false
	}
	if loc != nil {
		t = t.In(loc)
	}
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return !day.Before(p.from) && !day.After(p.to)
}

// periodIncidents returns the incidents opened in the report period,
// newest first (by opened, then id).
func (x *index) periodIncidents() []model.Incident {
	p := x.reportPeriod()
	var out []model.Incident
	for _, inc := range x.ds.Incidents {
		if p.contains(inc.Opened, x.in.Config.Location) {
			out = append(out, inc)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Incident) int {
		if c := b.Opened.Compare(a.Opened); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// severe reports whether an incident is of severity 1 or 2, the incident
// list's default view.
func severe(inc model.Incident) bool { return inc.Severity >= 1 && inc.Severity <= 2 }

// incidentsData writes the incident list's data file: the incidents opened
// in the report period, newest first. A row is an array: id, severity,
// opened text, opened sort key (RFC 3339), resolved text, resolved sort
// key ("" when unresolved), initiative id, initiative page path ("" when
// unknown), unit, service, source.
func (x *index) incidentsData(buf *bytes.Buffer) error {
	incs := x.periodIncidents()
	rows := make([][]any, 0, len(incs))
	for _, inc := range incs {
		r := x.incidentRow(inc)
		resolved := ""
		if !inc.Resolved.IsZero() {
			resolved = inc.Resolved.UTC().Format(time.RFC3339)
		}
		rows = append(rows, []any{
			r.ID, r.Severity, r.Opened, inc.Opened.UTC().Format(time.RFC3339), r.Resolved, resolved,
			inc.Initiative, r.Initiative.Path, r.Unit, r.Service, r.Ref,
		})
	}
	return writeListData(buf, "incidents", struct {
		Period string  `json:"period"`
		Rows   [][]any `json:"rows"`
	}{x.sc.Period, rows})
}

// claimedHref links a metric's "claimed by" count to the initiatives list
// filtered to the initiatives that claim it.
func claimedHref(root, metric string) string {
	return listview.InitiativesHref(root, listview.Initiatives{Metric: metric})
}

// CellLabel is a check cell's tooltip and accessible name: "Warn: the
// reason", or the result alone.
func (r CheckRow) CellLabel() string { return checkCellLabel(r) }
