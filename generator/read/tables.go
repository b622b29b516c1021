package read

import (
	"fmt"
	"strconv"
	"time"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
	"github.com/opsalign/opsalign/generator/read/value"
)

func (p *rowParser) initiative() {
	r := p.rd.res
	in := r.initiatives.next()
	in.Source = p.src
	in.ID = p.text(schema.IniID)
	in.Name = p.text(schema.IniName)
	if v, ok := p.enum(schema.IniCategory, schema.TypeCategory, "category"); ok {
		in.Category = model.Category(v)
	}
	in.BusinessUnit = p.opt(schema.IniBusinessUnit)
	in.BusinessOwner = p.opt(schema.IniBusinessOwner)
	in.ITOwner = p.opt(schema.IniITOwner)
	if c, _ := p.cell(schema.IniMetrics); c.v != "" {
		in.Metrics = p.rd.list(numText(c))
	}
	in.Budget, _ = p.money(schema.IniBudget)
	if c, col, ok := p.filled(schema.IniSpend); ok {
		if v, ok := p.moneyIn(schema.IniSpend, c, col); ok {
			in.Spend = p.rd.newFloat(v)
		}
	}
	in.PlanLine = p.opt(schema.IniPlanLine)
	in.Start = p.optDate(schema.IniStart)
	in.GoLive = p.optDate(schema.IniGoLive)
	if p.present(schema.IniStatus) {
		if v, ok := p.enum(schema.IniStatus, schema.TypeStatus, "status"); ok {
			in.Status = model.Status(v)
		}
	}
	if p.present(schema.IniRollout) {
		if v, ok := p.enum(schema.IniRollout, schema.TypeRollout, "rollout approach"); ok {
			in.Rollout = model.Rollout(v)
		}
	}
	in.Automation = p.optBool(schema.IniAutomation)
	in.ProcessStandardized = p.optBool(schema.IniProcessStandardized)
	in.TrainingPlan = p.optBool(schema.IniTrainingPlan)
	in.AdoptionOwner = p.opt(schema.IniAdoptionOwner)
	if c, col, ok := p.filled(schema.IniAdoption); ok {
		if v, ok := p.percentIn(schema.IniAdoption, c, col); ok {
			in.Adoption = p.rd.newFloat(v)
		}
	}
	if p.present(schema.IniRisk) {
		if v, ok := p.enum(schema.IniRisk, schema.TypeRisk, "risk rating"); ok {
			in.Risk = model.Risk(v)
		}
	}
	in.DRTested = p.optDate(schema.IniDRTested)
	if p.bad {
		r.initiatives.drop()
	}
}

func (p *rowParser) metric() {
	m := model.Metric{Source: p.src, Kind: model.KindOther}
	m.ID = p.text(schema.MetID)
	m.Name = p.text(schema.MetName)
	if c, col := p.cell(schema.MetKind); value.CleanSpaces(c.v) != "" {
		if v, ok := p.rd.sc.enums[schema.TypeKind].Lookup(c.v); ok {
			m.Kind = model.Kind(v)
		} else {
			p.add(model.SevWarning, col, "kind", value.CleanSpaces(c.v), fmt.Sprintf("%s is not a known metric kind; it is read as other", quote(value.CleanSpaces(c.v))))
		}
	}
	m.Unit = p.opt(schema.MetUnit)
	var stated model.Direction
	if p.present(schema.MetDirection) {
		if v, ok := p.enum(schema.MetDirection, schema.TypeDirection, "direction"); ok {
			stated = model.Direction(v)
		}
	}
	var okB, okT bool
	m.Baseline, okB = p.number(schema.MetBaseline)
	m.Target, okT = p.number(schema.MetTarget)
	m.Owner = p.opt(schema.MetOwner)
	m.BusinessUnit = p.opt(schema.MetBusinessUnit)
	if okB && okT {
		_, cb := p.cell(schema.MetBaseline)
		_, ct := p.cell(schema.MetTarget)
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
			_, cd := p.cell(schema.MetDirection)
			p.add(model.SevWarning, cd, "direction", value.CleanSpaces(p.cells[cd].v),
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
	o.Metric = p.text(schema.ActMetric)
	per, ok := p.period(schema.ActPeriod, false)
	o.Value, _ = p.number(schema.ActValue)
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
	metric := p.text(schema.ActMetric)
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
		if value.CleanSpaces(c.v) == "" {
			continue
		}
		v, ok := c.number()
		if !ok {
			var err error
			v, err = value.ParseNumber(c.v, p.rd.cfg.DecimalSeparator)
			if value.IsDash(c.v) {
				err = value.ErrDash // no observation, not a zero
			}
			if err != nil {
				p.add(model.SevError, col, "value", value.CleanSpaces(c.v), fmt.Sprintf("cannot read %s as a number; the %s value is not used", quote(value.CleanSpaces(c.v)), per))
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
	w.Name = p.text(schema.CalName)
	w.Start = p.date(schema.CalStart)
	w.End = p.date(schema.CalEnd)
	if v, ok := p.enum(schema.CalKind, schema.TypeWindowKind, "window kind"); ok {
		w.Kind = model.WindowKind(v)
	}
	w.BusinessUnit = p.opt(schema.CalBusinessUnit)
	if value.FoldValue(w.BusinessUnit) == "all" {
		w.BusinessUnit = ""
	}
	if !w.Start.IsZero() && !w.End.IsZero() && w.End.Before(w.Start) {
		col, field := p.later(schema.CalStart, schema.CalEnd)
		p.bad = true
		p.add(model.SevError, col, field, value.CleanSpaces(p.cells[col].v), fmt.Sprintf("the window ends (%s) before it starts (%s); the row is not used", w.End.Format("2006-01-02"), w.Start.Format("2006-01-02")))
	}
	if !p.bad {
		p.rd.res.calendar.add(w)
	}
}

// later returns the column and field of the further-right of two fields.
func (p *rowParser) later(a, b int) (int, string) {
	_, ca := p.cell(a)
	_, cb := p.cell(b)
	if ca > cb {
		return ca, p.name(a)
	}
	return cb, p.name(b)
}

func (p *rowParser) planLine() {
	l := model.PlanLine{Source: p.src}
	l.ID = p.text(schema.PlnPlanLine)
	l.BusinessUnit = p.opt(schema.PlnBusinessUnit)
	if p.present(schema.PlnCategory) {
		if v, ok := p.enum(schema.PlnCategory, schema.TypeCategory, "category"); ok {
			l.Category = model.Category(v)
		}
	}
	if p.present(schema.PlnPeriod) {
		l.Period, _ = p.period(schema.PlnPeriod, true)
	}
	l.Amount, _ = p.money(schema.PlnAmount)
	if !p.bad {
		p.rd.res.plan.add(l)
	}
}

func (p *rowParser) incident() {
	in := model.Incident{Source: p.src}
	in.ID = p.text(schema.IncID)
	in.Opened = p.dateTime(schema.IncOpened)
	if p.present(schema.IncResolved) {
		in.Resolved = p.dateTime(schema.IncResolved)
	}
	c, col := p.cell(schema.IncSeverity)
	if v := value.CleanSpaces(c.v); v == "" {
		p.fail(schema.IncSeverity, col, "", value.ErrEmpty)
	} else if n, ok := value.ParseSeverity(p.rd.sc.enums[schema.TypeSeverity], numText(c)); ok {
		in.Severity = n
	} else {
		p.fail(schema.IncSeverity, col, v, fmt.Errorf("%s is not a severity (use 1–4, P1, Sev 2, Critical, High, Moderate or Low)", quote(v)))
	}
	in.Initiative = p.opt(schema.IncInitiative)
	in.BusinessUnit = p.opt(schema.IncBusinessUnit)
	in.Service = p.opt(schema.IncService)
	if !in.Opened.IsZero() && !in.Resolved.IsZero() && in.Resolved.Before(in.Opened) {
		col, field := p.later(schema.IncOpened, schema.IncResolved)
		p.bad = true
		p.add(model.SevError, col, field, value.CleanSpaces(p.cells[col].v), "the incident is resolved before it was opened; the row is not used")
	}
	if !p.bad {
		p.rd.res.incidents.add(in)
	}
}

func (p *rowParser) review() {
	r := model.Review{Source: p.src}
	r.Date = p.date(schema.RevDate)
	r.BusinessUnit = p.text(schema.RevBusinessUnit)
	r.ITAttended, _ = p.boolean(schema.RevITAttended)
	if !p.bad {
		p.rd.res.reviews.add(r)
	}
}

// present reports whether the field's cell holds something.
func (p *rowParser) present(fi int) bool {
	_, _, ok := p.filled(fi)
	return ok
}

// filled returns the cell of a field, its column, and whether the cell
// holds something (see present).
func (p *rowParser) filled(fi int) (cell, int, bool) {
	c, col := p.cell(fi)
	return c, col, c.v != "" && value.CleanSpaces(c.v) != ""
}

// opt reads an optional text field.
func (p *rowParser) opt(fi int) string {
	c, col := p.cell(fi)
	v := numText(c)
	if isExcelError(v) {
		p.fail(fi, col, v, fmt.Errorf("the cell holds the spreadsheet error %s", v))
		return ""
	}
	return v
}

// optDate reads an optional date field.
func (p *rowParser) optDate(fi int) (t0 time.Time) {
	c, col, ok := p.filled(fi)
	if !ok {
		return
	}
	return p.dateIn(fi, c, col)
}

// optBool reads an optional yes/no field (empty is false).
func (p *rowParser) optBool(fi int) bool {
	c, col, ok := p.filled(fi)
	if !ok {
		return false
	}
	b, _ := p.booleanIn(fi, c, col)
	return b
}
