package render

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

func (b *build) indexView() (any, error) {
	v := &IndexView{
		Frame:      b.frame("index.html", "Overview", "index"),
		Portfolio:  &b.sc.Portfolio,
		Counts:     verdictCounts(b.sc.Portfolio.Verdicts),
		Checks:     portfolioChecks(b.sc.Portfolio.Checks),
		Split:      b.splitChart(),
		Verdicts:   b.verdictsByUnitChart(),
		Scoreboard: b.scoreboard(),
	}
	if p, ok := b.content("_index"); ok {
		h, err := b.narrative(p)
		if err != nil {
			return nil, err
		}
		v.Narrative = h
		if p.Title != "" {
			v.Title = p.Title
		}
	}
	return v, nil
}

func (b *build) initiativesView() (any, error) {
	v := &InitiativesView{
		Frame:  b.frame("initiatives/index.html", "Initiatives", "initiatives"),
		Checks: model.Checks,
		Rows:   make([]InitiativeRow, 0, len(b.sc.Initiatives)),
	}
	units := map[string]bool{}
	for i := range b.sc.Initiatives {
		v.Rows = append(v.Rows, b.initiativeRow(&b.sc.Initiatives[i]))
		if u := b.sc.Initiatives[i].BusinessUnit; u != "" && !units[u] {
			units[u] = true
			v.Units = append(v.Units, u)
		}
	}
	slices.Sort(v.Units)
	v.Verdicts = verdictCounts(b.sc.Portfolio.Verdicts)
	return v, nil
}

// initiativeView is an initiative page's view, without the charts of its
// metric panels (initiativePage adds them when the templates need them).
func (b *build) initiativeView(ir *model.InitiativeResult, p string) *InitiativeView {
	v := &InitiativeView{
		Frame:  b.frame(p, ir.ID+" "+ir.Name, "initiatives"),
		Row:    b.initiativeRow(ir),
		Source: ir.Source.String(),
	}
	rec := b.iniRecs[ir.ID]
	if rec != nil {
		v.Fields = b.initiativeFields(rec)
		for _, id := range rec.Metrics {
			mr, ok := b.metResults[id]
			if !ok {
				v.Unknown = append(v.Unknown, id)
				continue
			}
			v.Metrics = append(v.Metrics, MetricPanel{Row: b.metricRow(mr), mr: mr, goLives: []goLive{{ID: rec.ID, Date: rec.GoLive}}})
		}
	}
	for _, inc := range b.incidents[ir.ID] {
		v.Incidents = append(v.Incidents, b.incidentRow(inc))
	}
	v.Previous = b.initiativeDelta(ir)
	return v
}

// initiativePage writes an initiative's page: in Go when the theme's
// templates for it are the default ones, else through the templates.
func (b *build) initiativePage(buf *bytes.Buffer, ir *model.InitiativeResult, p string) error {
	v := b.initiativeView(ir, p)
	for i := range v.Metrics {
		m := &v.Metrics[i]
		m.Chart = b.metricChart(m.mr, m.goLives)
	}
	return b.r.execute(buf, kindInitiative, v)
}

// initiativeFields lists an initiative's fields with the cell each was read from.
func (b *build) initiativeFields(r *model.Initiative) []FieldRow {
	f := b.fmt
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
	rows := []struct{ field, label, value string }{
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
	out := make([]FieldRow, 0, len(rows))
	for _, x := range rows {
		out = append(out, FieldRow{Label: x.label, Value: x.value, Ref: r.Source.Cell(x.field)})
	}
	return out
}

func (b *build) metricsView() (any, error) {
	return &MetricsView{Frame: b.frame("metrics/index.html", "Metrics", "metrics"), Rows: b.scoreboard()}, nil
}

func (b *build) metricView(mr *model.MetricResult, p string) (any, error) {
	v := &MetricView{
		Frame:  b.frame(p, mr.ID+" "+mr.Name, "metrics"),
		Row:    b.metricRow(mr),
		Unit:   mr.Unit,
		Source: mr.Source.String(),
	}
	if rec := b.metRecs[mr.ID]; rec != nil {
		v.Owner = rec.Owner
	}
	var gl []goLive
	for _, id := range mr.Initiatives {
		if rec := b.iniRecs[id]; rec != nil {
			gl = append(gl, goLive{ID: id, Date: rec.GoLive})
		}
	}
	v.Chart = b.metricChart(mr, gl)
	for _, o := range b.obs[mr.ID] {
		v.Observations = append(v.Observations, ObservationRow{Period: o.Period.String(), Value: o.Value, Ref: o.Source.Cell("value")})
	}
	return v, nil
}

func (b *build) portfolioView() (any, error) {
	v := &PortfolioView{
		Frame:       b.frame("portfolio.html", "Portfolio", "portfolio"),
		Portfolio:   &b.sc.Portfolio,
		ByUnit:      b.byUnitChart(),
		ByQuarter:   b.byQuarterChart(),
		SpendVsPlan: b.spendVsPlanChart(),
		Units:       b.unitRows(),
	}
	for _, c := range portfolioChecks(b.sc.Portfolio.Checks) {
		if c.ID == model.CheckRunProtected {
			v.RunProtected = c
		}
	}
	return v, nil
}

// unitRows sums each business unit's budget, spend and plan.
func (b *build) unitRows() []UnitRow {
	out := make([]UnitRow, 0, len(b.sc.Portfolio.ByUnit))
	for _, u := range b.sc.Portfolio.ByUnit {
		out = append(out, UnitRow{Unit: u.BusinessUnit, Budget: sum(u.Budget), Spend: sum(u.Spend), Plan: sum(u.Plan), Verdicts: u.Verdicts})
	}
	return out
}

// sum adds a category map's values in category order.
func sum(m map[model.Category]float64) float64 {
	var t float64
	for _, c := range model.Categories {
		t += m[c]
	}
	return t
}

func (b *build) calendarView() (any, error) {
	v := &CalendarView{
		Frame:      b.frame("calendar.html", "Calendar", "calendar"),
		Timeline:   b.calendarChart(),
		Collisions: b.collisions(),
	}
	for _, w := range b.ds.Calendar {
		unit := w.BusinessUnit
		if unit == "" {
			unit = "All"
		}
		v.Windows = append(v.Windows, WindowRow{Name: w.Name, Kind: w.Kind, Unit: unit, Start: b.fmt.Date(w.Start), End: b.fmt.Date(w.End), Ref: w.Source.String()})
	}
	return v, nil
}

func (b *build) reliabilityView() (any, error) {
	v := &ReliabilityView{
		Frame:           b.frame("reliability.html", "Reliability", "reliability"),
		ChangeIncidents: b.sc.Portfolio.ChangeIncidents,
		MTTRHours:       b.sc.Portfolio.MTTRHours,
		Chart:           b.incidentsChart(),
		Quarters:        b.pastQuarters(),
	}
	for _, inc := range b.ds.Incidents {
		v.Incidents = append(v.Incidents, b.incidentRow(inc))
	}
	// The change-caused incidents of the period by initiative: the list
	// behind the change incidents figure, grouped.
	counts := map[string]int{}
	for _, inc := range b.sc.Portfolio.ChangeIncidentList {
		counts[inc.Initiative]++
	}
	for id, n := range counts {
		l := b.initiativeLink(id)
		if rec := b.iniRecs[id]; rec != nil && rec.Name != "" {
			l.Text += " " + rec.Name
		}
		v.ByInitiative = append(v.ByInitiative, InitiativeIncidents{Initiative: l, Count: n})
	}
	slices.SortFunc(v.ByInitiative, func(x, y InitiativeIncidents) int {
		return cmp.Or(y.Count-x.Count, strings.Compare(x.Initiative.Text, y.Initiative.Text))
	})
	return v, nil
}

func (b *build) dataQualityView() (any, error) {
	v := &DataQualityView{
		Frame:   b.frame("data-quality.html", "Data quality", "data-quality"),
		Tables:  b.ds.Summary.Tables,
		Ignored: b.ds.Summary.Ignored,
	}
	for _, is := range b.sc.Issues {
		if n := len(v.Groups); n == 0 || v.Groups[n-1].File != is.File {
			v.Groups = append(v.Groups, IssueGroup{File: is.File})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Issues = append(g.Issues, IssueRow{Issue: is, Cell: cellRef(is.Sheet, is.Row, is.Column)})
	}
	return v, nil
}

func (b *build) boardPackView() (any, error) {
	v := &BoardPackView{
		Frame:      b.frame("board-pack.html", "Board pack "+b.sc.Period, "board-pack"),
		Portfolio:  &b.sc.Portfolio,
		Checks:     portfolioChecks(b.sc.Portfolio.Checks),
		Split:      b.splitChart(),
		Scoreboard: b.scoreboard(),
		Collisions: b.collisions(),
	}
	v.Principles = b.principles()
	v.NotAligned, v.OwnershipGaps = b.exceptions()
	if p, ok := b.content("board-pack"); ok {
		h, err := b.narrative(p)
		if err != nil {
			return nil, err
		}
		v.Narrative = h
	}
	v.Pack = b.pack(v.Narrative)
	return v, nil
}

func (b *build) contentView(p ContentPage, path string) (any, error) {
	h, err := b.narrative(p)
	if err != nil {
		return nil, err
	}
	return &ContentView{Frame: b.frame(path, pageTitle(p), "page:"+p.Name), Body: h}, nil
}

// principles counts the per-initiative check results by principle.
func (b *build) principles() []PrincipleRow {
	var out []PrincipleRow
	idx := map[string]int{}
	for _, c := range model.Checks {
		if _, ok := idx[c.Title]; !ok {
			idx[c.Title] = len(out)
			out = append(out, PrincipleRow{Principle: c.Principle, Title: c.Title})
		}
	}
	for i := range b.sc.Initiatives {
		for _, c := range b.sc.Initiatives[i].Checks {
			for _, info := range model.Checks {
				if info.ID != c.ID {
					continue
				}
				p := &out[idx[info.Title]]
				switch c.Result {
				case model.Pass:
					p.Pass++
				case model.Warn:
					p.Warn++
				case model.Fail:
					p.Fail++
				default:
					p.NA++
				}
			}
		}
	}
	return out
}

// exceptions lists the not-aligned initiatives and the ownership gaps
// (business_owned warn or fail).
func (b *build) exceptions() (notAligned, gaps []InitiativeRow) {
	for i := range b.sc.Initiatives {
		ir := &b.sc.Initiatives[i]
		if ir.Verdict == model.NotAligned {
			notAligned = append(notAligned, b.initiativeRow(ir))
		}
		for _, c := range ir.Checks {
			if c.ID == model.CheckBusinessOwned && (c.Result == model.Warn || c.Result == model.Fail) {
				gaps = append(gaps, b.initiativeRow(ir))
			}
		}
	}
	return notAligned, gaps
}

// verdictCounts lists the verdict counts, best first.
func verdictCounts(c model.VerdictCounts) []VerdictCount {
	return []VerdictCount{
		{model.Aligned, verdictBadge(model.Aligned), c.Aligned},
		{model.AtRisk, verdictBadge(model.AtRisk), c.AtRisk},
		{model.NotAligned, verdictBadge(model.NotAligned), c.NotAligned},
		{model.NotScored, verdictBadge(model.NotScored), c.NotScored},
	}
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
