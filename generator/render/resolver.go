package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// Name is a figure, chart or table a narrative page can place.
type Name struct {
	Kind string // "figure", "chart" or "table"
	Name string // as written in markdown: {{ figure "aligned_spend_share" }}
	Doc  string // what it shows
}

// Names lists every name a narrative can use, in a stable order: the
// figures, then the charts (with one metric:<id> per metric of sc; sc may be
// nil), then the tables.
func Names(sc *model.Scorecard) []Name {
	out := []Name{
		{"figure", "headline", "the headline answer, Yes or No"},
		{"figure", "as_of", "the as-of date"},
		{"figure", "period", "the report period"},
		{"figure", "aligned_spend_share", "share of scored spend on aligned initiatives"},
		{"figure", "metrics_improving_share", "share of metrics with progress above 0"},
		{"figure", "budget_total", "total budget of scored initiatives"},
		{"figure", "spend_total", "total spend"},
		{"figure", "change_incidents", "severity 1–2 incidents caused by initiatives in the period"},
		{"figure", "mttr_hours", "mean time to resolve severity 1–2 incidents in the period"},
		{"figure", "initiatives", "number of initiatives"},
		{"figure", "metrics", "number of metrics"},
		{"figure", "aligned_min_score", "the least score of an aligned initiative (80)"},
		{"figure", "not_aligned_below", "the score below which an initiative is not aligned (50)"},
		{"figure", "aligned_spend_target", "the aligned-spend share the portfolio is held to"},
		{"figure", "metrics_improving_target", "the share of improving metrics the portfolio is held to"},
		{"figure", "cancelled_spend", "spend of cancelled initiatives (sunk cost)"},
	}
	for _, v := range model.Verdicts {
		out = append(out, Name{"figure", "verdicts." + string(v), "initiatives with verdict " + verdictLabel(v)})
	}
	for _, of := range []string{"budget", "spend"} {
		for _, c := range model.Categories {
			out = append(out, Name{"figure", "split." + of + "." + string(c), categoryName(c) + " share of " + of})
		}
	}
	out = append(out,
		Name{"chart", "split", "run/improve/transform split of budget and spend against the policy bands"},
		Name{"chart", "split_by_unit", "budget by business unit and category"},
		Name{"chart", "split_by_quarter", "budget by go-live quarter and category"},
		Name{"chart", "spend_vs_plan", "budget and spend against the operating plan by unit"},
		Name{"chart", "verdicts_by_unit", "verdicts by business unit"},
		Name{"chart", "calendar", "go-lives against peak and freeze windows"},
		Name{"chart", "incidents", "incidents and MTTR by quarter"},
	)
	if sc != nil {
		for _, m := range sc.Metrics {
			out = append(out, Name{"chart", "metric:" + m.ID, "trend of " + m.Name})
		}
	}
	out = append(out,
		Name{"table", "scoreboard", "every metric: baseline, target, latest, progress"},
		Name{"table", "exceptions", "not-aligned initiatives, peak collisions and ownership gaps"},
		Name{"table", "verdicts", "verdict counts by business unit"},
		Name{"table", "checks", "the portfolio checks"},
	)
	return out
}

// resolver resolves the names a narrative page places (narrative.Resolver)
// over one render's index, with the engine's shared templates for charts
// and tables. Narrative pages are all at the site root, so its links are
// relative to the root.
type resolver struct {
	e *Engine
	x *index
}

// Figure returns a formatted figure.
func (rs *resolver) Figure(name string) (string, error) {
	sc, f := rs.x.sc, rs.x.fmt
	p := &sc.Portfolio
	switch name {
	case "headline":
		if sc.Headline.Answer == "yes" {
			return "Yes", nil
		}
		return "No", nil
	case "as_of":
		return sc.AsOf, nil
	case "period":
		return sc.Period, nil
	case "aligned_spend_share":
		return f.Pct(p.AlignedSpendShare), nil
	case "metrics_improving_share":
		return f.Pct(p.MetricsImprovingShare), nil
	case "budget_total":
		return f.Compact(p.BudgetTotal), nil
	case "spend_total":
		return f.Compact(p.SpendTotal), nil
	case "change_incidents":
		return f.IntP(p.ChangeIncidents), nil
	case "mttr_hours":
		return f.Hours(p.MTTRHours), nil
	case "initiatives":
		return strconv.Itoa(len(sc.Initiatives)), nil
	case "metrics":
		return strconv.Itoa(len(sc.Metrics)), nil
	case "aligned_min_score":
		return strconv.Itoa(cmp.Or(sc.VerdictRule.AlignedMinScore, model.AlignedMinScore)), nil
	case "not_aligned_below":
		return strconv.Itoa(cmp.Or(sc.VerdictRule.NotAlignedBelow, model.NotAlignedBelow)), nil
	case "aligned_spend_target":
		return f.Share(p.AlignedSpendTarget), nil
	case "metrics_improving_target":
		return f.Share(p.MetricsImprovingTarget), nil
	case "cancelled_spend":
		return f.Money(p.CancelledSpend), nil
	}
	if v, ok := strings.CutPrefix(name, "verdicts."); ok {
		c := p.Verdicts
		switch model.Verdict(v) {
		case model.Aligned:
			return strconv.Itoa(c.Aligned), nil
		case model.AtRisk:
			return strconv.Itoa(c.AtRisk), nil
		case model.NotAligned:
			return strconv.Itoa(c.NotAligned), nil
		case model.NotScored:
			return strconv.Itoa(c.NotScored), nil
		}
	}
	if rest, ok := strings.CutPrefix(name, "split."); ok {
		of, cat, _ := strings.Cut(rest, ".")
		var s *model.Shares
		switch of {
		case "budget":
			s = &p.Split.Budget
		case "spend":
			s = &p.Split.Spend
		}
		if s != nil {
			switch model.Category(cat) {
			case model.Run:
				return f.Pct(s.Run), nil
			case model.Improve:
				return f.Pct(s.Improve), nil
			case model.Transform:
				return f.Pct(s.Transform), nil
			}
		}
	}
	return "", fmt.Errorf("unknown figure %q", name)
}

// Check returns an initiative's check result as a badge with its reason.
func (rs *resolver) Check(initiative, check string) (template.HTML, error) {
	for i := range rs.x.sc.Initiatives {
		ir := &rs.x.sc.Initiatives[i]
		if ir.ID != initiative {
			continue
		}
		for _, c := range checkRows(ir.Checks) {
			if c.ID == check {
				return rs.partial("check-inline", c)
			}
		}
		return "", fmt.Errorf("unknown check %q", check)
	}
	return "", fmt.Errorf("unknown initiative %q", initiative)
}

// Chart returns a chart block.
func (rs *resolver) Chart(name string) (template.HTML, error) {
	x := rs.x
	var c Chart
	switch name {
	case "split":
		c = x.splitChart()
	case "split_by_unit":
		c = x.byUnitChart()
	case "split_by_quarter":
		c = x.byQuarterChart()
	case "spend_vs_plan":
		c = x.spendVsPlanChart()
	case "verdicts_by_unit":
		c = x.verdictsByUnitChart()
	case "calendar":
		c = x.calendarChart()
	case "incidents":
		c = x.incidentsChart()
	case "mttr":
		c = x.mttrChart()
	default:
		id, ok := strings.CutPrefix(name, "metric:")
		mr := x.metResults[id]
		if !ok || mr == nil {
			return "", fmt.Errorf("unknown chart %q", name)
		}
		var gl []goLive
		for _, ini := range mr.Initiatives {
			if rec := x.iniRecs[ini]; rec != nil {
				gl = append(gl, goLive{ID: ini, Date: rec.GoLive})
			}
		}
		c = x.metricChart(mr, gl)
	}
	return rs.partial("chart", c)
}

// TableView is what a table partial ("table-scoreboard", …) is given.
type TableView struct {
	Root          string
	Fmt           Formatter
	Metrics       []MetricRow
	Checks        []CheckRow
	Units         []UnitRow
	NotAligned    []InitiativeRow
	Collisions    []Collision
	OwnershipGaps []InitiativeRow
}

// Table returns an HTML table.
func (rs *resolver) Table(name string) (template.HTML, error) {
	x := rs.x
	v := TableView{Fmt: x.fmt}
	switch name {
	case "scoreboard":
		v.Metrics = x.scoreboard()
	case "checks":
		v.Checks = portfolioChecks(x.sc.Portfolio.Checks)
	case "verdicts":
		v.Units = x.unitRows()
	case "exceptions":
		v.NotAligned, v.OwnershipGaps = x.exceptions()
		v.Collisions = x.collisions()
	default:
		return "", fmt.Errorf("unknown table %q", name)
	}
	return rs.partial("table-"+name, v)
}

// partial executes a shared template into HTML.
func (rs *resolver) partial(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := rs.e.shared.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
