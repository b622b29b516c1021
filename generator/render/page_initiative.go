package render

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// InitiativeView is one initiative's page.
type InitiativeView struct {
	Frame
	Row       InitiativeRow
	Fields    []FieldRow
	Source    string
	Metrics   []MetricPanel
	Unknown   []string // linked metric ids not in the metrics table
	Incidents []IncidentRow
	// Marks is the JSON of the initiative's go-live, which its trend
	// charts mark (one block for them all); "" without a go-live.
	Marks template.JS
	// Previous is the initiative in the last closed quarter; nil when none.
	Previous *InitiativeDelta
	// Quarters is its verdict and score in each closed quarter in which
	// it appears, oldest first, and now; nil when no quarter is closed.
	Quarters []InitiativeQuarter
	// Why explains the verdict (nil for a cancelled initiative or an old
	// scorecard); Cancelled is the banner of a cancelled one.
	Why       *VerdictWhy
	Cancelled *Cancelled
	// Notes are the blank fields it is judged without and the issues of
	// the input on its row.
	Notes []Note
}

// MetricPanel is a linked metric with its trend chart. The chart's option
// is the metric's chart script (Script), which every initiative page that
// shows the metric loads, and the page says in words what the chart shows
// (Gist); every value, as a table, is on the metric's page. At 10,000
// initiatives the option and table of each chart on each page were
// three quarters of the site's bytes.
type MetricPanel struct {
	Row MetricRow
	// Heading is the metric's name and figures, the same on every page
	// of the folder that shows the metric (the "metric-heading" partial
	// is written once for each).
	Heading MetricHeading
	Chart   Chart
	// Root leads from the page to the site's root; Script is the site
	// path of the chart's option script ("" when the metric has no
	// values) and More the page with every value, at the chart.
	Root, Script, More string
	// Gist is what the chart shows in words: how many values over which
	// periods, the value at the initiative's go-live, the lowest and the
	// highest.
	Gist string
}

// MetricHeading is a metric's link, name and figures as text.
type MetricHeading struct {
	Root, Path, ID, Name, Unit                       string
	Baseline, Target, Latest, LatestPeriod, Progress string
}

// initiativeView is the view of the page at site path p of the
// initiative at place i of the scorecard's.
func (x *index) initiativeView(i int, p string) *InitiativeView {
	ir := &x.sc.Initiatives[i]
	v := &InitiativeView{
		Frame:  x.frame(p, ir.Name, "initiatives"),
		Row:    *x.initiativeRowAt(i),
		Source: ir.Source.String(),
	}
	v.TitleID = ir.ID
	v.Brief = true
	v.Row.Checks = slices.Clone(v.Row.Checks) // the shared row's: its links are the page's
	for i := range v.Row.Checks {
		c := &v.Row.Checks[i]
		c.Parts, c.Root = x.segments(c.Reason), v.Root
	}
	if v.Title == "" {
		v.Title = ir.ID
	}
	if ir.Status != nil && *ir.Status == model.StatusCancelled {
		v.Cancelled = &Cancelled{Spend: x.fmt.MoneyP(ir.Spend), Budget: x.fmt.Money(ir.Budget)}
	} else {
		v.Why = x.verdictWhy(ir, v.Row.Checks)
	}
	v.Notes = append(x.blankNotes(ir), x.issueNotes(ir.ID)...)
	rec := x.iniRecs[ir.ID]
	if rec != nil {
		v.Fields = x.initiativeFields(rec)
		// The page's go-live marks every chart: made once for them all.
		var marks template.JS
		var markRows []MarkRow
		if len(rec.Metrics) > 0 {
			marks, markRows = x.goLiveMarks([]goLive{{ID: rec.ID, Date: rec.GoLive}})
		}
		for _, id := range rec.Metrics {
			mr, ok := x.metResults[id]
			if !ok {
				v.Unknown = append(v.Unknown, id)
				continue
			}
			row := x.metricRow(mr)
			chart := x.trendChart(mr)
			chart.Marks, chart.MarkRows = marks, markRows
			mp := MetricPanel{Row: row, Chart: chart,
				Heading: MetricHeading{Root: v.Root, Path: row.Path, ID: row.ID, Name: row.Name, Unit: row.Unit, Baseline: row.BaselineText, Target: row.TargetText,
					Latest: row.LatestText, LatestPeriod: row.LatestPeriod, Progress: row.ProgressText},
				Root: v.Root, Gist: x.trendGist(mr, rec.GoLive)}
			links, ok := x.metPanels[mr]
			if !ok { // not a metric of the scorecard's list: as newIndex makes them
				links = panelLinks{more: row.Path + "#" + chartID("metric", mr.ID), script: x.trendScriptPath(mr.ID)}
			}
			mp.More = links.more
			if !mp.Chart.Empty {
				mp.Script = links.script
			}
			v.Metrics = append(v.Metrics, mp)
		}
		if len(v.Metrics) > 0 {
			v.Marks = marks
		}
	}
	for _, inc := range x.incidents[ir.ID] {
		v.Incidents = append(v.Incidents, x.incidentRow(inc))
	}
	v.Previous = x.initiativeDelta(ir)
	v.Quarters = x.initiativeQuarters(ir)
	return v
}

// panelLinks are the links of a metric's panel: the chart on the
// metric's page and the chart's option script.
type panelLinks struct{ more, script string }

// initiativeFields lists an initiative's fields with the cell each was read from.
func (x *index) initiativeFields(r *model.Initiative) []FieldRow {
	f := x.fmt
	pct := func(v *float64) string {
		if v == nil {
			return "–"
		}
		return f.Share(*v)
	}
	dash := func(s string) string {
		if s == "" {
			return "–"
		}
		return s
	}
	rows := [...]struct{ field, label, value string }{
		{"id", "ID", r.ID},
		{"name", "Name", r.Name},
		{"category", "Category", dash(string(r.Category))},
		{"business_unit", "Business unit", dash(r.BusinessUnit)},
		{"business_owner", "Business owner", dash(r.BusinessOwner)},
		{"it_owner", "IT owner", dash(r.ITOwner)},
		{"metrics", "Linked metrics", dash(strings.Join(r.Metrics, ", "))},
		{"budget", "Budget", f.Money(r.Budget)},
		{"spend", "Spend", f.MoneyP(r.Spend)},
		{"plan_line", "Plan line", dash(r.PlanLine)},
		{"start", "Start", f.Date(r.Start)},
		{"go_live", "Go-live", f.Date(r.GoLive)},
		{"status", "Status", dash(strings.ReplaceAll(string(r.Status), "_", " "))},
		{"rollout", "Rollout", dash(strings.ReplaceAll(string(r.Rollout), "_", " "))},
		{"automation", "Automation", f.YesNo(r.Automation)},
		{"process_standardized", "Process standardised", f.YesNo(r.ProcessStandardized)},
		{"training_plan", "Training plan", f.YesNo(r.TrainingPlan)},
		{"adoption_owner", "Adoption owner", dash(r.AdoptionOwner)},
		{"adoption", "Adoption", pct(r.Adoption)},
		{"risk", "Risk", dash(string(r.Risk))},
		{"dr_tested", "DR tested", f.Date(r.DRTested)},
	}
	out := make([]FieldRow, len(rows))
	// Each field's reference and cell are slices of one string each:
	// two allocations for the 42 (a page of each of 10,000 initiatives).
	src := &r.Source
	var refs, cells []byte
	refEnds, cellEnds := [len(rows)]int{}, [len(rows)]int{}
	if src.Row != 0 {
		refs = make([]byte, 0, len(rows)*(len(src.File)+len(src.Sheet)+12))
		cells = make([]byte, 0, len(rows)*8)
		for i, f := range rows {
			col := src.Columns[f.field]
			refs = append(refs, src.File...)
			refs = append(refs, ':')
			if src.Sheet != "" {
				refs = append(refs, src.Sheet...)
				refs = append(refs, '!')
			}
			refs = append(refs, col...)
			refs = strconv.AppendInt(refs, int64(src.Row), 10)
			refEnds[i] = len(refs)
			if col != "" {
				cells = append(cells, col...)
				cells = strconv.AppendInt(cells, int64(src.Row), 10)
			}
			cellEnds[i] = len(cells)
		}
	}
	refText, cellText := string(refs), string(cells)
	for i, f := range rows {
		ref, cell := "", "–"
		if src.Row != 0 {
			from, cellFrom := 0, 0
			if i > 0 {
				from, cellFrom = refEnds[i-1], cellEnds[i-1]
			}
			ref = refText[from:refEnds[i]]
			if cellEnds[i] > cellFrom {
				cell = cellText[cellFrom:cellEnds[i]]
			}
		} else {
			col := src.Columns[f.field]
			ref = model.Ref(src.File, src.Sheet, 0, col) // the file and sheet alone
			if col != "" {
				cell = col + "0"
			}
		}
		out[i] = FieldRow{Field: f.field, Label: f.label, Value: f.value, Ref: ref, Cell: cell}
	}
	for _, n := range x.issueNotes(r.ID) {
		for i := range out {
			if n.Cell != nil && n.Cell.Anchor == "field-"+out[i].Field {
				out[i].Notes = append(out[i].Notes, n)
			}
		}
	}
	return out
}
