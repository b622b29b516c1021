package read

import (
	"fmt"
	"strconv"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

func (p *rowParser) initiative() {
	r := p.rd.res
	in := model.Initiative{Source: p.src}
	in.ID = p.text("id")
	in.Name = p.text("name")
	if v, ok := p.enum("category", typeCategory, "category"); ok {
		in.Category = model.Category(v)
	}
	in.BusinessUnit = p.opt("business_unit")
	in.BusinessOwner = p.opt("business_owner")
	in.ITOwner = p.opt("it_owner")
	if c, _ := p.cell("metrics"); c.v != "" {
		in.Metrics = splitList(numText(c))
	}
	in.Budget, _ = p.money("budget")
	if p.present("spend") {
		if v, ok := p.money("spend"); ok {
			in.Spend = p.rd.newFloat(v)
		}
	}
	in.PlanLine = p.opt("plan_line")
	in.Start = p.optDate("start")
	in.GoLive = p.optDate("go_live")
	if p.present("status") {
		if v, ok := p.enum("status", typeStatus, "status"); ok {
			in.Status = model.Status(v)
		}
	}
	if p.present("rollout") {
		if v, ok := p.enum("rollout", typeRollout, "rollout approach"); ok {
			in.Rollout = model.Rollout(v)
		}
	}
	in.Automation = p.optBool("automation")
	in.ProcessStandardized = p.optBool("process_standardized")
	in.TrainingPlan = p.optBool("training_plan")
	in.AdoptionOwner = p.opt("adoption_owner")
	if p.present("adoption") {
		if v, ok := p.percent("adoption"); ok {
			in.Adoption = p.rd.newFloat(v)
		}
	}
	if p.present("risk") {
		if v, ok := p.enum("risk", typeRisk, "risk rating"); ok {
			in.Risk = model.Risk(v)
		}
	}
	in.DRTested = p.optDate("dr_tested")
	if !p.bad {
		r.initiatives.add(in)
	}
}

func (p *rowParser) metric() {
	m := model.Metric{Source: p.src, Kind: model.KindOther}
	m.ID = p.text("id")
	m.Name = p.text("name")
	if c, col := p.cell("kind"); cleanSpaces(c.v) != "" {
		if v, ok := p.rd.sc.enums.lookup(typeKind, c.v); ok {
			m.Kind = model.Kind(v)
		} else {
			p.add(model.SevWarning, col, "kind", cleanSpaces(c.v), fmt.Sprintf("%q is not a known metric kind; it is read as other", cleanSpaces(c.v)))
		}
	}
	m.Unit = p.opt("unit")
	var stated model.Direction
	if p.present("direction") {
		if v, ok := p.enum("direction", typeDirection, "direction"); ok {
			stated = model.Direction(v)
		}
	}
	var okB, okT bool
	m.Baseline, okB = p.number("baseline")
	m.Target, okT = p.number("target")
	m.Owner = p.opt("owner")
	m.BusinessUnit = p.opt("business_unit")
	if okB && okT {
		_, cb := p.cell("baseline")
		_, ct := p.cell("target")
		later, field := ct, "target"
		if cb > ct {
			later, field = cb, "baseline"
		}
		implied := model.Higher
		if m.Target < m.Baseline {
			implied = model.Lower
		}
		switch {
		case m.Target == m.Baseline:
			p.bad = true
			p.add(model.SevError, later, field, numText(p.cells[later]),
				fmt.Sprintf("target equals baseline (%s); no progress can be measured, so the metric is not used", strconv.FormatFloat(m.Target, 'g', -1, 64)))
		case stated != "" && stated != implied:
			_, cd := p.cell("direction")
			p.add(model.SevWarning, cd, "direction", cleanSpaces(p.cells[cd].v),
				fmt.Sprintf("direction says %s is better, but the target (%g) is %s than the baseline (%g); the stated direction is used", stated, m.Target, cmpWord(m.Target, m.Baseline), m.Baseline))
		}
		m.Direction = implied
	}
	if stated != "" {
		m.Direction, m.Stated = stated, true
	}
	if !p.bad {
		p.rd.res.metrics.add(m)
	}
}

func cmpWord(a, b float64) string {
	if a < b {
		return "lower"
	}
	return "higher"
}

func (p *rowParser) actual() {
	o := model.Observation{Source: p.src}
	o.Metric = p.text("metric")
	per, ok := p.period("period", false)
	o.Value, _ = p.number("value")
	if ok {
		o.Period, o.End = per, per.End(p.rd.cfg.FiscalYearStart)
	}
	if !p.bad {
		p.rd.res.actuals.add(o)
	}
}

// wideActuals reads one metric row of a wide actuals sheet: one
// observation per filled period column.
func (p *rowParser) wideActuals() {
	metric := p.text("metric")
	if p.bad {
		return
	}
	h := p.h
	if h.wideCols == nil {
		h.wideCols = map[int]map[string]string{}
	}
	for col := range p.cells {
		per, ok := h.periods[col]
		if !ok {
			continue
		}
		c := p.cells[col]
		if cleanSpaces(c.v) == "" {
			continue
		}
		v, ok := p.rd.typed(c, p.n, col)
		if !ok {
			var err error
			v, err = ParseNumber(c.v, p.rd.cfg.DecimalSeparator)
			if err != nil {
				p.add(model.SevError, col, "value", cleanSpaces(c.v), fmt.Sprintf("cannot read %q as a number; the %s value is not used", cleanSpaces(c.v), per))
				p.s.sum.Excluded++
				continue
			}
		}
		cols := h.wideCols[col]
		if cols == nil {
			cols = map[string]string{"metric": h.columns["metric"], "period": colLetter(col), "value": colLetter(col)}
			h.wideCols[col] = cols
		}
		src := p.src
		src.Columns = cols
		p.rd.res.actuals.add(model.Observation{Metric: metric, Period: per, End: per.End(p.rd.cfg.FiscalYearStart), Value: v, Source: src})
	}
}

func (p *rowParser) window() {
	w := model.Window{Source: p.src}
	w.Name = p.text("name")
	w.Start = p.date("start")
	w.End = p.date("end")
	if v, ok := p.enum("kind", typeWindowKind, "window kind"); ok {
		w.Kind = model.WindowKind(v)
	}
	w.BusinessUnit = p.opt("business_unit")
	if foldValue(w.BusinessUnit) == "all" {
		w.BusinessUnit = ""
	}
	if !w.Start.IsZero() && !w.End.IsZero() && w.End.Before(w.Start) {
		col, field := p.later("start", "end")
		p.bad = true
		p.add(model.SevError, col, field, cleanSpaces(p.cells[col].v), fmt.Sprintf("the window ends (%s) before it starts (%s); the row is not used", w.End.Format("2006-01-02"), w.Start.Format("2006-01-02")))
	}
	if !p.bad {
		p.rd.res.calendar.add(w)
	}
}

// later returns the column and field of the further-right of two fields.
func (p *rowParser) later(a, b string) (int, string) {
	_, ca := p.cell(a)
	_, cb := p.cell(b)
	if ca > cb {
		return ca, a
	}
	return cb, b
}

func (p *rowParser) planLine() {
	l := model.PlanLine{Source: p.src}
	l.ID = p.text("plan_line")
	l.BusinessUnit = p.opt("business_unit")
	if p.present("category") {
		if v, ok := p.enum("category", typeCategory, "category"); ok {
			l.Category = model.Category(v)
		}
	}
	if p.present("period") {
		l.Period, _ = p.period("period", true)
	}
	l.Amount, _ = p.money("amount")
	if !p.bad {
		p.rd.res.plan.add(l)
	}
}

func (p *rowParser) incident() {
	in := model.Incident{Source: p.src}
	in.ID = p.text("id")
	in.Opened = p.dateTime("opened")
	if p.present("resolved") {
		in.Resolved = p.dateTime("resolved")
	}
	c, col := p.cell("severity")
	if v := cleanSpaces(c.v); v == "" {
		p.fail("severity", col, "", errEmpty)
	} else if n, ok := parseSeverity(p.rd.sc.enums, numText(c)); ok {
		in.Severity = n
	} else {
		p.fail("severity", col, v, fmt.Errorf("%q is not a severity (use 1–4, P1, Sev 2, Critical, High, Moderate or Low)", v))
	}
	in.Initiative = p.opt("initiative")
	in.BusinessUnit = p.opt("business_unit")
	in.Service = p.opt("service")
	if !in.Opened.IsZero() && !in.Resolved.IsZero() && in.Resolved.Before(in.Opened) {
		col, field := p.later("opened", "resolved")
		p.bad = true
		p.add(model.SevError, col, field, cleanSpaces(p.cells[col].v), "the incident is resolved before it was opened; the row is not used")
	}
	if !p.bad {
		p.rd.res.incidents.add(in)
	}
}

func (p *rowParser) review() {
	r := model.Review{Source: p.src}
	r.Date = p.date("date")
	r.BusinessUnit = p.text("business_unit")
	r.ITAttended, _ = p.boolean("it_attended")
	if !p.bad {
		p.rd.res.reviews.add(r)
	}
}

// present reports whether the field's cell holds something.
func (p *rowParser) present(field string) bool {
	c, _ := p.cell(field)
	return c.v != "" && cleanSpaces(c.v) != ""
}

// opt reads an optional text field.
func (p *rowParser) opt(field string) string {
	c, _ := p.cell(field)
	return numText(c)
}

// optDate reads an optional date field.
func (p *rowParser) optDate(field string) (t0 time.Time) {
	if !p.present(field) {
		return
	}
	return p.date(field)
}

// optBool reads an optional yes/no field (empty is false).
func (p *rowParser) optBool(field string) bool {
	if !p.present(field) {
		return false
	}
	b, _ := p.boolean(field)
	return b
}
