package sampledata

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Scale is the size of a synthetic company.
type Scale struct {
	Seed          uint64 // same seed, same files
	Initiatives   int
	BusinessUnits int
	Metrics       int
	Months        int // months of actuals, ending with the month of AsOf
	Incidents     int
	Reviews       int
	PlanLines     int
}

// ScaleFor returns the scale of a company with n initiatives, everything
// else in proportion: 10,000 initiatives come with 40 business units, 200
// metrics, 36 months of actuals, 50,000 incidents, 2,000 reviews and 300
// plan lines; 1,000 with 4 units, 100 metrics, 5,000 incidents, 200 reviews
// and 30 plan lines.
func ScaleFor(n int, seed uint64) Scale {
	metrics := max(12, n/10)
	if n >= 1000 {
		metrics = int(math.Round(100 * (1 + math.Log10(float64(n)/1000))))
	}
	return Scale{
		Seed:          seed,
		Initiatives:   n,
		BusinessUnits: min(40, max(4, n/250)),
		Metrics:       metrics,
		Months:        36,
		Incidents:     5 * n,
		Reviews:       max(24, n/5),
		PlanLines:     max(12, 3*n/100),
	}
}

// SyntheticAsOf is the as_of date of every synthetic company.
var SyntheticAsOf = day("2026-09-30")

// Synthetic file names, inside the site's data folder.
const (
	synthRegister  = "register.xlsx"
	synthPlan      = "operating-plan.xlsx"
	synthActuals   = "actuals.xlsx"
	synthIncidents = "incidents.csv"
	synthReviews   = "reviews.csv"
)

// SyntheticFiles lists the files WriteSynthetic writes, relative to the
// site folder, in name order.
func SyntheticFiles() []string {
	return []string{"content/_index.md", "data/" + synthActuals, "data/" + synthIncidents,
		"data/" + synthPlan, "data/" + synthRegister, "data/" + synthReviews, "opsalign.toml"}
}

// WriteSynthetic writes a site folder for a synthetic company of scale s
// into dir: opsalign.toml, a one-page narrative and the finance drop in
// data/.
func WriteSynthetic(ctx context.Context, dir string, s Scale) error {
	if s.Initiatives <= 0 || s.BusinessUnits <= 0 || s.Metrics <= 0 || s.Months <= 0 {
		return fmt.Errorf("synthetic company: scale %+v has an empty dimension", s)
	}
	data := filepath.Join(dir, "data")
	for _, d := range []string{data, filepath.Join(dir, "content")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	c := newCompany(s)
	steps := []func() error{
		func() error { return os.WriteFile(filepath.Join(dir, "opsalign.toml"), c.config(), 0o644) },
		func() error {
			return os.WriteFile(filepath.Join(dir, "content", "_index.md"), c.narrative(), 0o644)
		},
		func() error { return writeXLSX(filepath.Join(data, synthRegister), c.registerBook()) },
		func() error { return writeXLSX(filepath.Join(data, synthPlan), c.planBook()) },
		func() error { return writeXLSX(filepath.Join(data, synthActuals), c.actualsBook()) },
		func() error { return writeCSV(filepath.Join(data, synthIncidents), c.incidentFile()) },
		func() error { return writeCSV(filepath.Join(data, synthReviews), reviewFile(c.reviews())) },
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(); err != nil {
			return fmt.Errorf("synthetic company: %w", err)
		}
	}
	return nil
}

// company is a synthetic company being generated. Each table draws from
// its own random stream, so changing one table leaves the others alone.
type company struct {
	scale       Scale
	first       time.Time // first month of actuals
	units       []string
	metrics     []metricDef
	initiatives []initiativeDef
}

// rng returns the random stream of one table.
func (c *company) rng(table uint64) *rand.Rand {
	return rand.New(rand.NewPCG(c.scale.Seed, table))
}

// newCompany draws the units, metrics and initiatives of scale s.
func newCompany(s Scale) *company {
	c := &company{scale: s, first: SyntheticAsOf.AddDate(0, 1-s.Months, 1-SyntheticAsOf.Day())}
	for i := range s.BusinessUnits {
		c.units = append(c.units, unitName(i))
	}
	c.metrics = c.drawMetrics(c.rng(1))
	c.initiatives = c.drawInitiatives(c.rng(2))
	return c
}

// unitName names business unit i: a region and a function.
func unitName(i int) string {
	regions := []string{"North", "South", "East", "West", "Central", "Coastal", "Mountain", "Lakes"}
	functions := []string{"Distribution", "Field Services", "Customer Operations", "Shared Services", "Manufacturing"}
	name := regions[(i/len(functions))%len(regions)] + " " + functions[i%len(functions)]
	if round := i / (len(regions) * len(functions)); round > 0 {
		name += fmt.Sprintf(" %d", round+1)
	}
	return name
}

// kindTemplate is how a synthetic metric of one kind looks.
type kindTemplate struct {
	kind, name, unit string
	higher           bool
	baseline         float64
	decimals         int
}

var kindTemplates = []kindTemplate{
	{"cycle_time", "Order cycle time", "hours", false, 40, 1},
	{"throughput", "Units handled per hour", "units", true, 90, 1},
	{"cost_per_transaction", "Cost per order", "USD", false, 5, 2},
	{"on_time_delivery", "On-time delivery", "%", true, 90, 1},
	{"reliability", "Asset availability", "%", true, 95, 1},
	{"error_rate", "Error rate", "%", false, 3, 2},
	{"manual_effort", "Manual touches per 100 orders", "touches", false, 45, 1},
	{"recovery_time", "Mean time to restore", "hours", false, 6, 2},
	{"forecast_accuracy", "Forecast accuracy", "%", true, 72, 1},
	{"operating_cost", "Operating cost", "USD k/month", false, 1800, 0},
}

// drawMetrics draws the metrics: every kind in turn, each owned by a unit.
func (c *company) drawMetrics(r *rand.Rand) []metricDef {
	out := make([]metricDef, c.scale.Metrics)
	for i := range out {
		k := kindTemplates[i%len(kindTemplates)]
		unit := c.units[i%len(c.units)]
		spread := 0.8 + 0.4*r.Float64()
		if k.unit == "%" && k.higher {
			spread = 0.9 + 0.08*r.Float64() // stays below 100%
		}
		base := round(k.baseline*spread, k.decimals)
		gain := 0.1 + 0.2*r.Float64()
		step := math.Pow(10, -float64(k.decimals))
		target, dir := round(base*(1-gain), k.decimals), "Lower is better"
		if k.higher {
			target, dir = round(base*(1+gain), k.decimals), "Higher is better"
			if k.unit == "%" {
				target = math.Min(target, 99.5)
			}
		}
		if target == base {
			target = base - step
			if k.higher {
				target = base + step
			}
		}
		from := r.IntN(c.scale.Months)
		out[i] = metricDef{
			id: fmt.Sprintf("KPI-%04d", i+1), name: fmt.Sprintf("%s (%s)", k.name, unit), kind: k.kind,
			unit: k.unit, direction: dir, baseline: base, target: target,
			owner: personName(r), unit2: unit,
			final: -0.3 + 1.2*r.Float64(), from: from, to: from + 1 + r.IntN(c.scale.Months-from),
			decimals: k.decimals,
		}
	}
	return out
}

// personName draws a person's name.
func personName(r *rand.Rand) string {
	first := []string{"Alex", "Sam", "Priya", "Jordan", "Maria", "Wei", "Fatima", "Lars", "Chloé", "Kwame",
		"Sofia", "Ravi", "Hannah", "Diego", "Aiko", "Omar", "Grace", "Mateus", "Nadia", "Tom"}
	last := []string{"Okafor", "Fischer", "Chen", "Patel", "García", "Nowak", "Smith", "Haddad", "Kim", "Müller",
		"Rossi", "Dubois", "Mensah", "Silva", "Ivanova", "Brown", "Tanaka", "Jensen", "O'Neill", "Costa"}
	return first[r.IntN(len(first))] + " " + last[r.IntN(len(last))]
}

// drawInitiatives draws the register.
func (c *company) drawInitiatives(r *rand.Rand) []initiativeDef {
	byUnit := map[string][]string{}
	for _, m := range c.metrics {
		byUnit[m.unit2] = append(byUnit[m.unit2], m.id)
	}
	verbs := []string{"Modernise", "Automate", "Consolidate", "Replace", "Upgrade", "Digitise", "Integrate", "Optimise"}
	objects := []string{"order management", "warehouse slotting", "route planning", "service scheduling",
		"invoice matching", "demand forecasting", "contact routing", "asset monitoring", "payroll", "network",
		"label printing", "supplier onboarding", "returns handling", "field mobile app", "data platform"}
	span := int(SyntheticAsOf.Sub(c.first).Hours()/24) + 240
	out := make([]initiativeDef, c.scale.Initiatives)
	for i := range out {
		unit := c.units[r.IntN(len(c.units))]
		in := initiativeDef{
			id:   fmt.Sprintf("INI-%05d", i+1),
			name: verbs[r.IntN(len(verbs))] + " " + objects[r.IntN(len(objects))] + fmt.Sprintf(" (%s)", unit),
			unit: unit, itOwner: personName(r), adoption: noReport,
			planLine: c.planLineID(r.IntN(max(1, c.scale.PlanLines))),
		}
		switch x := r.IntN(100); {
		case x < 62:
			in.category = "Run"
		case x < 85:
			in.category = "Improve"
		default:
			in.category = "Transform"
		}
		if r.IntN(20) > 0 {
			in.bizOwner = personName(r)
		}
		if ms := byUnit[unit]; len(ms) > 0 && r.IntN(15) > 0 {
			var ids []string
			for range 1 + r.IntN(3) {
				ids = append(ids, ms[r.IntN(len(ms))])
			}
			slices.Sort(ids)
			in.metrics = joinIDs(slices.Compact(ids))
		}
		in.budget = float64(25_000 * (1 + r.IntN(60)))
		in.spend = math.Round(in.budget * (0.1 + 1.05*r.Float64()))
		start := c.first.AddDate(0, 0, r.IntN(span)-180)
		golive := start.AddDate(0, 2+r.IntN(12), r.IntN(28))
		in.start = start.Format(time.DateOnly)
		if r.IntN(25) > 0 {
			in.goLive = golive.Format(time.DateOnly)
		}
		live := !golive.After(SyntheticAsOf)
		switch x := r.IntN(100); {
		case x < 3:
			in.status = "Cancelled"
		case x < 6:
			in.status = "On Hold"
		case live && x < 15:
			in.status = "Closed"
		case live:
			in.status = "Live"
		case x < 20:
			in.status = "Proposed"
		case x < 35:
			in.status = "Approved"
		default:
			in.status = "In Flight"
		}
		in.rollout = []string{"Phased", "Pilot", "Big Bang", "Wave"}[r.IntN(4)]
		in.risk = []string{"Low", "Medium", "Medium", "High"}[r.IntN(4)]
		in.automation, in.sop, in.training = yn(r, 30), yn(r, 60), yn(r, 80)
		if r.IntN(10) < 8 {
			in.changeLead = personName(r)
		}
		if live && r.IntN(10) < 8 {
			in.adoption = round(0.3+0.7*r.Float64(), 2)
		}
		if in.risk == "High" && r.IntN(3) > 0 {
			in.drTested = SyntheticAsOf.AddDate(0, 0, -r.IntN(600)).Format(time.DateOnly)
		}
		in.text = textCells(r, in)
		out[i] = in
	}
	return out
}

// textCells picks a few cells of in to be typed as text, the way people
// type into a register: money with a currency sign, day-first dates,
// percentages with a % sign.
func textCells(r *rand.Rand, in initiativeDef) map[string]string {
	t := map[string]string{}
	if r.IntN(10) == 0 {
		t["budget"] = "$" + thousands(in.budget)
	}
	if in.goLive != "" && r.IntN(10) == 0 {
		t["goLive"] = day(in.goLive).Format("02/01/2006")
	}
	if in.adoption != noReport && r.IntN(5) == 0 {
		t["adoption"] = fmt.Sprintf("%.0f%%", 100*in.adoption)
	}
	// A few cells a reader must warn about, so the data-quality page has
	// content at scale too.
	switch r.IntN(250) {
	case 0:
		t["budget"] = "EUR " + thousands(in.budget)
	case 1:
		if in.metrics != "" {
			t["metrics"] = in.metrics + "; KPI-9999"
		}
	}
	if len(t) == 0 {
		return nil
	}
	return t
}

// yn draws "Y" with the given percent chance, else "N".
func yn(r *rand.Rand, percent int) string {
	if r.IntN(100) < percent {
		return "Y"
	}
	return "N"
}

// joinIDs lists metric ids as a register cell holds them.
func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	return s
}

// planLineID names plan line i.
func (c *company) planLineID(i int) string { return fmt.Sprintf("PL-%04d", i+1) }

// registerBook is the synthetic register, streamed.
func (c *company) registerBook() workbook {
	rows := [][]any{{fmt.Sprintf("IT initiative register (%d initiatives)", len(c.initiatives))}, nil, registerHeader}
	var budget, spend float64
	for _, in := range c.initiatives {
		rows = append(rows, in.row())
		budget += in.budget
		spend += in.spend
	}
	last := len(rows)
	rows = append(rows, []any{"Total", nil, nil, nil, nil, nil, nil,
		formulaCell{fmt.Sprintf("SUM(H4:H%d)", last), budget}, formulaCell{fmt.Sprintf("SUM(I4:I%d)", last), spend}})
	return workbook{sheets: []sheet{{name: "Register", rows: rows, header: 3, stream: true}}}
}

// planBook is the synthetic operating plan: KPIs, plan lines, calendar.
func (c *company) planBook() workbook {
	r := c.rng(3)
	kpis := [][]any{{"KPI ID", "KPI", "Category", "UoM", "Better", "Baseline", "Target", "Ops Owner", "Business Unit"}}
	for _, m := range c.metrics {
		kpis = append(kpis, []any{m.id, m.name, m.kind, m.unit, m.direction, m.baseline, m.target, m.owner, m.unit2})
	}
	plan := [][]any{{"Plan Line", "Business Unit", "Category", "FY", "Planned Spend"}}
	cats := []string{"Run", "Improve", "Transform"}
	for i := range c.scale.PlanLines {
		fy := "FY2026"
		if r.IntN(5) == 0 {
			fy = "FY2025"
		}
		plan = append(plan, []any{c.planLineID(i), c.units[i%len(c.units)], cats[i%3], fy,
			numCell{float64(100_000 * (5 + r.IntN(200))), fmtMoney}})
	}
	cal := [][]any{{"Event", "From", "To", "Type", "Scope"}}
	for y := c.first.Year(); y <= SyntheticAsOf.Year()+1; y++ {
		cal = append(cal,
			[]any{fmt.Sprintf("Peak season %d", y), dateCell{time.Date(y, 11, 15, 0, 0, 0, 0, time.UTC), fmtDMY},
				dateCell{time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), fmtDMY}, "Peak Season", "All"},
			[]any{fmt.Sprintf("Year-end change freeze %d", y), dateCell{time.Date(y, 12, 15, 0, 0, 0, 0, time.UTC), fmtDMY},
				dateCell{time.Date(y+1, 1, 5, 0, 0, 0, 0, time.UTC), fmtDMY}, "Change Freeze", "All"})
		for q := 1; q <= 4; q++ {
			end := time.Date(y, time.Month(3*q)+1, 0, 0, 0, 0, 0, time.UTC)
			cal = append(cal, []any{fmt.Sprintf("Q%d %d close", q, y), dateCell{end.AddDate(0, 0, -4), fmtDMY},
				dateCell{end.AddDate(0, 0, 3), fmtDMY}, "Quarter Close", ""})
		}
	}
	for i, u := range c.units {
		if i%4 != 0 {
			continue
		}
		from := c.first.AddDate(0, r.IntN(c.scale.Months), r.IntN(20))
		cal = append(cal, []any{"Local blackout " + u, dateCell{from, fmtDMY}, dateCell{from.AddDate(0, 0, 7+r.IntN(21)), fmtDMY}, "Blackout", u})
	}
	return workbook{sheets: []sheet{
		{name: "KPIs", rows: kpis, header: 1, stream: true},
		{name: "Plan", rows: plan, header: 1, stream: true},
		{name: "Calendar", rows: cal, header: 1, stream: true},
	}}
}

// actualsBook is the wide actuals sheet: one column per month, headed by
// real Excel dates.
func (c *company) actualsBook() workbook {
	r := c.rng(4)
	header := []any{"Metric ID"}
	for i := range c.scale.Months {
		header = append(header, dateCell{c.first.AddDate(0, i, 0), fmtMonthHdr})
	}
	rows := [][]any{header}
	for _, m := range c.metrics {
		row := []any{m.id}
		for _, v := range m.series(r, c.scale.Months) {
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	return workbook{sheets: []sheet{{name: "Actuals", rows: rows, header: 1, stream: true}}}
}

// incidentFile is the synthetic incident export.
func (c *company) incidentFile() csvFile {
	r := c.rng(5)
	span := SyntheticAsOf.AddDate(0, 0, 1).Sub(c.first)
	live := map[string][]initiativeDef{}
	for _, in := range c.initiatives {
		if in.goLive != "" && day(in.goLive).Before(SyntheticAsOf) && in.status != "Cancelled" {
			live[in.unit] = append(live[in.unit], in)
		}
	}
	funcs := []string{"ERP", "WMS", "TMS", "CRM", "Field Mobile", "Network", "Telephony", "Data Platform"}
	incs := make([]incidentDef, c.scale.Incidents)
	for i := range incs {
		inc := incidentDef{opened: c.first.Add(time.Duration(r.Int64N(int64(span/time.Second))) * time.Second)}
		inc.severity = pickSeverity(r)
		inc.unit = c.units[r.IntN(len(c.units))]
		inc.service = funcs[r.IntN(len(funcs))]
		inc.summary = summaries[r.IntN(len(summaries))]
		inc.resolved = inc.opened.Add(restoreTime(r, inc.severity))
		if inc.resolved.After(SyntheticAsOf.AddDate(0, 0, 1)) {
			inc.resolved = time.Time{}
		}
		if cands := live[inc.unit]; len(cands) > 0 && r.IntN(10) == 0 {
			in := cands[r.IntN(len(cands))]
			if day(in.goLive).Before(inc.opened) {
				inc.initiative = in.id
			}
		}
		incs[i] = inc
	}
	slices.SortStableFunc(incs, func(a, b incidentDef) int { return a.opened.Compare(b.opened) })
	return csvFile{comma: ',', crlf: true, rows: incidentRows(incs, 1_000_000)}
}

// reviews draws the review log: meetings spread over the months, each unit
// with its own habit of inviting IT.
func (c *company) reviews() []reviewDef {
	r := c.rng(6)
	habit := make([]float64, len(c.units))
	for i := range habit {
		habit[i] = 0.3 + 0.7*r.Float64()
	}
	out := make([]reviewDef, c.scale.Reviews)
	for i := range out {
		u := i % len(c.units)
		m := c.first.AddDate(0, (i/len(c.units))%c.scale.Months, 0)
		out[i] = reviewDef{
			date:     m.AddDate(0, 0, r.IntN(28)),
			unit:     c.units[u],
			attended: r.Float64() < habit[u],
			chair:    personName(r),
		}
	}
	return out
}

// config is the site's opsalign.toml.
func (c *company) config() []byte {
	return fmt.Appendf(nil, `# Synthetic company for benchmarks: written by internal/sampledata/gen, do not edit.
title = "Synthetic company: %d initiatives (seed %d)"
data_dir = "data"
content_dir = "content"
output_dir = "public"
as_of = %q
currency = "USD"
date_order = "DMY"
fiscal_year_start = 1
time_zone = "UTC"
`, c.scale.Initiatives, c.scale.Seed, SyntheticAsOf.Format(time.DateOnly))
}

// narrative is the site's overview text.
func (c *company) narrative() []byte {
	return fmt.Appendf(nil, `+++
title = "Overview"
+++

A synthetic company of %d initiatives across %d business units, %d metrics
with %d months of actuals, %d incidents and %d operational reviews,
generated for benchmarks.
`, c.scale.Initiatives, c.scale.BusinessUnits, c.scale.Metrics, c.scale.Months, c.scale.Incidents, c.scale.Reviews)
}
