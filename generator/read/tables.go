package read

import (
	"fmt"
	"strconv"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

func (p *rowParser) initiative() {
	r := p.rd.res
	in := r.initiatives.next()
	in.Source = p.src
	in.ID = p.text(iniID)
	in.Name = p.text(iniName)
	if v, ok := p.enum(iniCategory, typeCategory, "category"); ok {
		in.Category = model.Category(v)
	}
	in.BusinessUnit = p.opt(iniBusinessUnit)
	in.BusinessOwner = p.opt(iniBusinessOwner)
	in.ITOwner = p.opt(iniITOwner)
	if c, _ := p.cell(iniMetrics); c.v != "" {
		in.Metrics = p.rd.list(numText(c))
	}
	in.Budget, _ = p.money(iniBudget)
	if c, col, ok := p.filled(iniSpend); ok {
		if v, ok := p.moneyIn(iniSpend, c, col); ok {
			in.Spend = p.rd.newFloat(v)
		}
	}
	in.PlanLine = p.opt(iniPlanLine)
	in.Start = p.optDate(iniStart)
	in.GoLive = p.optDate(iniGoLive)
	if p.present(iniStatus) {
		if v, ok := p.enum(iniStatus, typeStatus, "status"); ok {
			in.Status = model.Status(v)
		}
	}
	if p.present(iniRollout) {
		if v, ok := p.enum(iniRollout, typeRollout, "rollout approach"); ok {
			in.Rollout = model.Rollout(v)
		}
	}
	in.Automation = p.optBool(iniAutomation)
	in.ProcessStandardized = p.optBool(iniProcessStandardized)
	in.TrainingPlan = p.optBool(iniTrainingPlan)
	in.AdoptionOwner = p.opt(iniAdoptionOwner)
	if c, col, ok := p.filled(iniAdoption); ok {
		if v, ok := p.percentIn(iniAdoption, c, col); ok {
			in.Adoption = p.rd.newFloat(v)
		}
	}
	if p.present(iniRisk) {
		if v, ok := p.enum(iniRisk, typeRisk, "risk rating"); ok {
			in.Risk = model.Risk(v)
		}
	}
	in.DRTested = p.optDate(iniDRTested)
	if p.bad {
		r.initiatives.drop()
	}
}

func (p *rowParser) metric() {
	m := model.Metric{Source: p.src, Kind: model.KindOther}
	m.ID = p.text(metID)
	m.Name = p.text(metName)
	if c, col := p.cell(metKind); cleanSpaces(c.v) != "" {
		if v, ok := p.rd.sc.enums.lookup(typeKind, c.v); ok {
			m.Kind = model.Kind(v)
		} else {
			p.add(model.SevWarning, col, "kind", cleanSpaces(c.v), fmt.Sprintf("%q is not a known metric kind; it is read as other", cleanSpaces(c.v)))
		}
	}
	m.Unit = p.opt(metUnit)
	var stated model.Direction
	if p.present(metDirection) {
		if v, ok := p.enum(metDirection, typeDirection, "direction"); ok {
			stated = model.Direction(v)
		}
	}
	var okB, okT bool
	m.Baseline, okB = p.number(metBaseline)
	m.Target, okT = p.number(metTarget)
	m.Owner = p.opt(metOwner)
	m.BusinessUnit = p.opt(metBusinessUnit)
	if okB && okT {
		_, cb := p.cell(metBaseline)
		_, ct := p.cell(metTarget)
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
			_, cd := p.cell(metDirection)
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
	o.Metric = p.text(actMetric)
	per, ok := p.period(actPeriod, false)
	o.Value, _ = p.number(actValue)
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
	metric := p.text(actMetric)
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
			if isDash(c.v) {
				err = errDash // no observation, not a zero
			}
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
	w.Name = p.text(calName)
	w.Start = p.date(calStart)
	w.End = p.date(calEnd)
	if v, ok := p.enum(calKind, typeWindowKind, "window kind"); ok {
		w.Kind = model.WindowKind(v)
	}
	w.BusinessUnit = p.opt(calBusinessUnit)
	if foldValue(w.BusinessUnit) == "all" {
		w.BusinessUnit = ""
	}
	if !w.Start.IsZero() && !w.End.IsZero() && w.End.Before(w.Start) {
		col, field := p.later(calStart, calEnd)
		p.bad = true
		p.add(model.SevError, col, field, cleanSpaces(p.cells[col].v), fmt.Sprintf("the window ends (%s) before it starts (%s); the row is not used", w.End.Format("2006-01-02"), w.Start.Format("2006-01-02")))
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
	l.ID = p.text(plnPlanLine)
	l.BusinessUnit = p.opt(plnBusinessUnit)
	if p.present(plnCategory) {
		if v, ok := p.enum(plnCategory, typeCategory, "category"); ok {
			l.Category = model.Category(v)
		}
	}
	if p.present(plnPeriod) {
		l.Period, _ = p.period(plnPeriod, true)
	}
	l.Amount, _ = p.money(plnAmount)
	if !p.bad {
		p.rd.res.plan.add(l)
	}
}

func (p *rowParser) incident() {
	in := model.Incident{Source: p.src}
	in.ID = p.text(incID)
	in.Opened = p.dateTime(incOpened)
	if p.present(incResolved) {
		in.Resolved = p.dateTime(incResolved)
	}
	c, col := p.cell(incSeverity)
	if v := cleanSpaces(c.v); v == "" {
		p.fail(incSeverity, col, "", errEmpty)
	} else if n, ok := parseSeverity(p.rd.sc.enums, numText(c)); ok {
		in.Severity = n
	} else {
		p.fail(incSeverity, col, v, fmt.Errorf("%q is not a severity (use 1–4, P1, Sev 2, Critical, High, Moderate or Low)", v))
	}
	in.Initiative = p.opt(incInitiative)
	in.BusinessUnit = p.opt(incBusinessUnit)
	in.Service = p.opt(incService)
	if !in.Opened.IsZero() && !in.Resolved.IsZero() && in.Resolved.Before(in.Opened) {
		col, field := p.later(incOpened, incResolved)
		p.bad = true
		p.add(model.SevError, col, field, cleanSpaces(p.cells[col].v), "the incident is resolved before it was opened; the row is not used")
	}
	if !p.bad {
		p.rd.res.incidents.add(in)
	}
}

func (p *rowParser) review() {
	r := model.Review{Source: p.src}
	r.Date = p.date(revDate)
	r.BusinessUnit = p.text(revBusinessUnit)
	r.ITAttended, _ = p.boolean(revITAttended)
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
	return c, col, c.v != "" && cleanSpaces(c.v) != ""
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
