package render

import (
	"strings"
	"sync"

	"github.com/opsalign/opsalign/generator/model"
)

// onceRow is an initiative's row, made once.
type onceRow struct {
	once sync.Once
	row  InitiativeRow
}

// initiativeRowAt returns the row of the initiative at place i of the
// scorecard's, made once a build for its page, its row of the list data
// and the board pack's exceptions. The row and its checks are shared:
// only read them (a page that changes its checks copies them).
func (x *index) initiativeRowAt(i int) *InitiativeRow {
	r := &x.iniRows[i]
	r.once.Do(func() { r.row = x.initiativeRow(&x.sc.Initiatives[i]) })
	return &r.row
}

// initiativeRow makes the list row of an initiative result.
func (x *index) initiativeRow(ir *model.InitiativeResult) InitiativeRow {
	row := InitiativeRow{
		ID:       ir.ID,
		Path:     "initiatives/" + x.iniFiles[ir.ID],
		Name:     ir.Name,
		Unit:     ir.BusinessUnit,
		Category: ir.Category,
		Budget:   ir.Budget,
		Spend:    ir.Spend,
		Score:    ir.Score,
		Verdict:  ir.Verdict,
		Checks:   checkRows(ir.Checks),

		CategoryText: categoryText(ir.Category),
		BudgetText:   x.fmt.Money(ir.Budget),
		SpendText:    x.fmt.MoneyP(ir.Spend),
		ScoreText:    x.fmt.IntP(ir.Score),
		VerdictBadge: verdictBadge(ir.Verdict),
	}
	if ir.Status != nil {
		row.Status = strings.ReplaceAll(string(*ir.Status), "_", " ")
	}
	if rec := x.iniRecs[ir.ID]; rec != nil {
		row.Owners = owners(rec.BusinessOwner, rec.ITOwner)
	}
	return row
}

// owners joins the business and IT owner as "business / IT".
func owners(business, it string) string {
	if business == "" && it == "" {
		return ""
	}
	if business == "" {
		business = "–"
	}
	if it == "" {
		it = "–"
	}
	return business + " / " + it
}

// checkRows returns one row per per-initiative check in report order, n/a
// for a check the result does not list (a Cancelled initiative has none).
func checkRows(results []model.CheckResult) []CheckRow {
	out := make([]CheckRow, 0, len(model.Checks))
	for _, c := range model.Checks {
		row := CheckRow{ID: c.ID, Title: c.Title, Principle: c.Principle, Result: model.NA}
		for _, r := range results {
			if r.ID == c.ID {
				row.Result, row.Reason, row.Fix, row.Cell = r.Result, r.Reason, r.Fix, cellLink(r.Cell)
				break
			}
		}
		row.Badge = resultBadge(row.Result)
		out = append(out, row)
	}
	return out
}

// portfolioChecks returns the portfolio checks in report order.
func portfolioChecks(results []model.CheckResult) []CheckRow {
	out := make([]CheckRow, 0, len(model.PortfolioChecks))
	for _, c := range model.PortfolioChecks {
		row := CheckRow{ID: c.ID, Title: c.Title, Principle: c.Principle, Result: model.NA}
		for _, r := range results {
			if r.ID == c.ID {
				row.Result, row.Reason = r.Result, r.Reason
				break
			}
		}
		row.Badge = resultBadge(row.Result)
		out = append(out, row)
	}
	return out
}

// metricRow makes the list row of a metric result.
func (x *index) metricRow(mr *model.MetricResult) MetricRow {
	if row, ok := x.metRows[mr]; ok {
		return row
	}
	return x.newMetricRow(mr)
}

// newMetricRow builds a metric's row; metricRow returns the one built for
// every metric of the scorecard in newBuild (a metric claimed by a hundred
// initiatives is shown on each of their pages).
func (x *index) newMetricRow(mr *model.MetricResult) MetricRow {
	row := MetricRow{
		ID:           mr.ID,
		Path:         "metrics/" + x.metFiles[mr.ID],
		Name:         mr.Name,
		Kind:         mr.Kind,
		Unit:         mr.Unit,
		Direction:    mr.Direction,
		Baseline:     mr.Baseline,
		Target:       mr.Target,
		Latest:       mr.Latest,
		LatestPeriod: mr.LatestPeriod,
		Progress:     mr.Progress,

		BaselineText: x.fmt.Num(mr.Baseline),
		TargetText:   x.fmt.Num(mr.Target),
		LatestText:   x.fmt.NumP(mr.Latest),
		ProgressText: x.fmt.Pct(mr.Progress),
	}
	for _, id := range mr.Initiatives {
		row.Initiatives = append(row.Initiatives, x.initiativeLink(id))
	}
	row.ClaimedPath = claimedHref("", mr.ID)
	row.Chip = x.metricChip(mr.ID)
	return row
}

// initiativeLink links to an initiative's page, or is plain text (empty
// Path) when the id is not a scored initiative.
func (x *index) initiativeLink(id string) Link {
	if f, ok := x.iniFiles[id]; ok {
		return Link{Path: "initiatives/" + f, Text: id}
	}
	return Link{Text: id}
}

// namedInitiative links to an initiative's page by its name, its id
// muted after it.
func (x *index) namedInitiative(id string) NamedLink {
	l := NamedLink{Link: x.initiativeLink(id)}
	if n := x.iniName(id); n != id {
		l.Text, l.ID = n, id
	}
	return l
}

// metricLink links to a metric's page, or is plain text for an unknown id.
func (x *index) metricLink(id string) Link {
	if f, ok := x.metFiles[id]; ok {
		return Link{Path: "metrics/" + f, Text: id}
	}
	return Link{Text: id}
}

// scoreboard lists every metric.
func (x *index) scoreboard() []MetricRow {
	out := make([]MetricRow, 0, len(x.sc.Metrics))
	for i := range x.sc.Metrics {
		out = append(out, x.metricRow(&x.sc.Metrics[i]))
	}
	return out
}

// incidentRow makes the row of an incident.
func (x *index) incidentRow(inc model.Incident) IncidentRow {
	row := IncidentRow{
		ID:       inc.ID,
		Opened:   x.fmt.DateTime(inc.Opened),
		Resolved: x.fmt.DateTime(inc.Resolved),
		Severity: inc.Severity,
		Unit:     inc.BusinessUnit,
		Service:  inc.Service,
		Ref:      inc.Source.String(),
	}
	if inc.Initiative != "" {
		row.Initiative = x.initiativeLink(inc.Initiative)
	}
	return row
}

// changeIncidentRow makes the row of a change-caused incident.
func (x *index) changeIncidentRow(inc model.ChangeIncident) IncidentRow {
	row := IncidentRow{
		ID:         inc.ID,
		Opened:     x.fmt.DateTime(inc.Opened),
		Resolved:   "–",
		Severity:   inc.Severity,
		Initiative: x.initiativeLink(inc.Initiative),
		Service:    inc.Service,
		Ref:        inc.Source.String(),
	}
	if inc.Resolved != nil {
		row.Resolved = x.fmt.DateTime(*inc.Resolved)
	}
	return row
}

// collisions lists every go-live inside a peak or freeze window of its
// unit, as the scorer published them.
func (x *index) collisions() []Collision {
	cal := &x.sc.Calendar
	out := make([]Collision, 0, len(cal.Collisions))
	for _, c := range cal.Collisions {
		if c.Window < 0 || c.Window >= len(cal.Windows) {
			continue
		}
		w := &cal.Windows[c.Window]
		out = append(out, Collision{
			Initiative: x.namedInitiative(c.Initiative),
			GoLive:     x.fmt.Date(c.GoLive.Time),
			Window:     w.Name,
			Kind:       w.Kind,
			Category:   c.Category,
		})
	}
	return out
}

// resultBadge returns how a check result is shown.
func resultBadge(r model.Result) Badge {
	switch r { // the results the scorer gives, without allocating (90,000 rows at 10k)
	case model.Pass:
		return Badge{Class: "result result-pass", Icon: resultIcon(r), Label: resultLabel(r)}
	case model.Warn:
		return Badge{Class: "result result-warn", Icon: resultIcon(r), Label: resultLabel(r)}
	case model.Fail:
		return Badge{Class: "result result-fail", Icon: resultIcon(r), Label: resultLabel(r)}
	}
	cls := "result result-na"
	if r != model.NA {
		cls = "result result-" + string(r)
	}
	return Badge{Class: cls, Icon: resultIcon(r), Label: resultLabel(r)}
}

// verdictBadge returns how a verdict is shown.
func verdictBadge(v model.Verdict) Badge {
	switch v { // the verdicts the scorer gives, without allocating
	case model.Aligned:
		return Badge{Class: "verdict verdict-aligned", Icon: verdictIcon(v), Label: verdictLabel(v)}
	case model.AtRisk:
		return Badge{Class: "verdict verdict-at_risk", Icon: verdictIcon(v), Label: verdictLabel(v)}
	case model.NotAligned:
		return Badge{Class: "verdict verdict-not_aligned", Icon: verdictIcon(v), Label: verdictLabel(v)}
	case model.NotScored:
		return Badge{Class: "verdict verdict-not_scored", Icon: verdictIcon(v), Label: verdictLabel(v)}
	}
	return Badge{Class: "verdict verdict-" + string(v), Icon: verdictIcon(v), Label: verdictLabel(v)}
}

// categoryText names a category for people: "Run", or "–" when absent.
func categoryText(c model.Category) string {
	if c == "" {
		return "–"
	}
	return categoryName(c)
}
