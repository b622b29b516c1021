package read

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
	"github.com/opsalign/opsalign/generator/read/value"
	"github.com/opsalign/opsalign/generator/read/xlsx"
)

// fileResult is everything read from one file: records, issues and counts.
// It is immutable once built, so a Cache can hand it out again.
type fileResult struct {
	file        string
	sheets      []string // sheet order, for sorting issues
	initiatives chunks[model.Initiative]
	metrics     chunks[model.Metric]
	actuals     chunks[model.Observation]
	calendar    chunks[model.Window]
	plan        chunks[model.PlanLine]
	incidents   chunks[model.Incident]
	reviews     chunks[model.Review]
	present     map[model.Table]bool
	issues      *issueList
	sums        map[model.Table]*model.TableSummary
	ignored     []string
}

func newFileResult(file string, lim limits) *fileResult {
	return &fileResult{file: file, issues: newIssueList(lim), present: map[model.Table]bool{}, sums: map[model.Table]*model.TableSummary{}}
}

// setHint sizes the first block of a table's records.
func (r *fileResult) setHint(t model.Table, n int) {
	switch t {
	case model.TableInitiatives:
		r.initiatives.hint = n
	case model.TableMetrics:
		r.metrics.hint = n
	case model.TableActuals:
		r.actuals.hint = n
	case model.TableCalendar:
		r.calendar.hint = n
	case model.TablePlan:
		r.plan.hint = n
	case model.TableIncidents:
		r.incidents.hint = n
	case model.TableReviews:
		r.reviews.hint = n
	}
}

func (r *fileResult) summary(t model.Table) *model.TableSummary {
	s := r.sums[t]
	if s == nil {
		s = &model.TableSummary{Table: t}
		r.sums[t] = s
	}
	return s
}

// totalsLabels are the folded first cells of a totals row.
var totalsLabels = map[string]bool{"total": true, "totals": true, "grandtotal": true, "subtotal": true, "sumtotal": true}

// isTotals reports whether a row's first cell labels a totals row.
func isTotals(v string) bool {
	v = value.CleanSpaces(v)
	if v == "" || len(v) > 16 || !strings.ContainsRune("tTgGsS", rune(v[0])) {
		return false
	}
	return totalsLabels[strings.TrimSuffix(value.FoldValue(v), ":")]
}

// dataRow turns one row below the header into records.
func (rd *reader) dataRow(s *sheet, n int, cells []cell) {
	first := -1
	for i, c := range cells {
		if c.v != "" && value.CleanSpaces(c.v) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return // blank row
	}
	// Both skips are about the whole row: the issue names no column
	// (inputs.md); its value is the text that says why.
	if isTotals(cells[first].v) {
		s.sum.Skipped++
		rd.issue(model.Issue{Severity: model.SevInfo, Sheet: s.name, Row: n, Value: value.CleanSpaces(cells[first].v),
			Message: "totals row skipped"})
		return
	}
	if !s.hdr.hasValue(cells) {
		s.sum.Skipped++
		rd.issue(model.Issue{Severity: model.SevInfo, Sheet: s.name, Row: n, Value: value.CleanSpaces(cells[first].v),
			Message: fmt.Sprintf("row skipped: it has nothing in the columns of the %s table (a note?)", s.hdr.ts.table)})
		return
	}
	p := rowParser{rd: rd, s: s, h: s.hdr, n: n, cells: cells}
	p.src = model.Source{File: rd.file, Sheet: s.name, Row: n, Columns: s.hdr.columns}
	switch s.hdr.ts.table {
	case model.TableInitiatives:
		p.initiative()
	case model.TableMetrics:
		p.metric()
	case model.TableActuals:
		if s.hdr.wide {
			p.wideActuals()
		} else {
			p.actual()
		}
	case model.TableCalendar:
		p.window()
	case model.TablePlan:
		p.planLine()
	case model.TableIncidents:
		p.incident()
	case model.TableReviews:
		p.review()
	}
	if p.bad {
		s.sum.Excluded++
	}
}

// rowParser reads the fields of one data row, recording issues.
type rowParser struct {
	rd    *reader
	s     *sheet
	h     *header
	n     int
	cells []cell
	src   model.Source
	bad   bool // a required field failed: the row is not used
}

// cell returns the cell of a field and its column index (-1 when the
// table has no such column).
func (p *rowParser) cell(fi int) (cell, int) {
	col := p.h.fieldCol[fi]
	if col < 0 || col >= len(p.cells) {
		return cell{}, col
	}
	return p.cells[col], col
}

// name returns the name of field fi of the row's table.
func (p *rowParser) name(fi int) string { return p.h.ts.fields[fi].Name }

func (p *rowParser) letter(col int) string {
	if col < 0 {
		return ""
	}
	return colLetter(col)
}

func (p *rowParser) add(sev model.Severity, col int, field, value, msg string) {
	p.rd.issue(model.Issue{Severity: sev, Sheet: p.s.name, Row: p.n, Column: p.letter(col), Field: field, Value: value, Message: msg})
}

// fail reports an unreadable or empty field: an error excluding the row
// when the field is required, else a warning.
func (p *rowParser) fail(fi int, col int, raw string, err error) {
	field := p.name(fi)
	req := p.h.ts.fields[fi].Required
	var doe *value.DateOrderError
	switch {
	case errors.As(err, &doe):
		if req {
			p.bad = true
			p.add(model.SevError, col, field, raw, doe.Error()+"; the row is not used")
			return
		}
		p.add(model.SevError, col, field, raw, doe.Error()+"; the row is used without it")
	case errors.Is(err, value.ErrEmpty):
		if req {
			p.bad = true
			p.add(model.SevError, col, field, raw, fmt.Sprintf("%s is required but empty; the row is not used", field))
		}
	case req:
		p.bad = true
		p.add(model.SevError, col, field, raw, err.Error()+"; the row is not used")
	default:
		p.add(model.SevWarning, col, field, raw, err.Error()+"; the row is used without it")
	}
}

func cannot(raw, what string) error { return fmt.Errorf("cannot read %s as %s", quote(raw), what) }

// text reads a text field (trimmed, inner whitespace kept).
func (p *rowParser) text(fi int) string {
	c, col := p.cell(fi)
	v := numText(c)
	if v == "" {
		p.fail(fi, col, "", value.ErrEmpty)
	}
	if isExcelError(v) {
		p.fail(fi, col, v, fmt.Errorf("the cell holds the spreadsheet error %s", v))
		return ""
	}
	return v
}

// excelErrors are the error values a formula cell can hold.
var excelErrors = map[string]bool{"#N/A": true, "#REF!": true, "#VALUE!": true, "#DIV/0!": true, "#NAME?": true, "#NUM!": true,
	"#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true, "#FIELD!": true, "#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true}

// isExcelError reports whether a cell holds a formula error such as #N/A.
func isExcelError(v string) bool { return len(v) > 2 && v[0] == '#' && excelErrors[strings.ToUpper(v)] }

// number reads a number field; ok is false when it is empty or unreadable.
func (p *rowParser) number(fi int) (float64, bool) {
	c, col := p.cell(fi)
	if f, ok := c.number(); ok {
		return f, true
	}
	if p.h.ts.table == model.TableActuals && value.IsDash(c.v) {
		// An observation of "-" is no observation, not a zero.
		p.fail(fi, col, value.CleanSpaces(c.v), cannot(value.CleanSpaces(c.v), "a number"))
		return 0, false
	}
	v, err := value.ParseNumber(c.v, p.rd.cfg.DecimalSeparator)
	if err != nil {
		if !errors.Is(err, value.ErrEmpty) {
			err = cannot(value.CleanSpaces(c.v), "a number")
		}
		p.fail(fi, col, value.CleanSpaces(c.v), err)
		return 0, false
	}
	p.warnDash(fi, col, c.v)
	return v, true
}

// warnDash says that a dash was read as 0: how an accounting number
// format shows zero, which a CSV export writes as it is shown.
func (p *rowParser) warnDash(fi, col int, raw string) {
	if value.IsDash(raw) {
		p.add(model.SevWarning, col, p.name(fi), value.CleanSpaces(raw), "read as 0 (an accounting format shows zero as a dash); enter 0, or leave the cell empty if there is no value")
	}
}

// money reads an amount, warning about a currency other than the site's.
func (p *rowParser) money(fi int) (float64, bool) {
	c, col := p.cell(fi)
	return p.moneyIn(fi, c, col)
}

// moneyIn is money on the field's cell c in column col.
func (p *rowParser) moneyIn(fi int, c cell, col int) (float64, bool) {
	if f, ok := c.number(); ok {
		return f, true
	}
	v, code, err := value.ParseMoney(c.v, p.rd.cfg.DecimalSeparator)
	if err != nil {
		if !errors.Is(err, value.ErrEmpty) {
			err = cannot(value.CleanSpaces(c.v), "money")
		}
		p.fail(fi, col, value.CleanSpaces(c.v), err)
		return 0, false
	}
	if !value.CurrencyMatches(code, p.rd.cfg.Currency) {
		p.add(model.SevWarning, col, p.name(fi), value.CleanSpaces(c.v), fmt.Sprintf("amount is in %s, not the site currency %s; it is used as if it were %s (no conversion)", code, p.rd.cfg.Currency, p.rd.cfg.Currency))
	}
	p.warnDash(fi, col, c.v)
	return v, true
}

// percent reads a share 0–1.
func (p *rowParser) percent(fi int) (float64, bool) {
	c, col := p.cell(fi)
	return p.percentIn(fi, c, col)
}

// percentIn is percent on the field's cell c in column col.
func (p *rowParser) percentIn(fi int, c cell, col int) (float64, bool) {
	var v float64
	var err error
	if f, ok := c.number(); ok {
		v, err = value.PercentOf(f)
	} else {
		v, err = value.ParsePercent(c.v, p.rd.cfg.DecimalSeparator)
	}
	if err != nil {
		if !errors.Is(err, value.ErrEmpty) {
			err = cannot(value.CleanSpaces(c.v), "a percentage (45%, 0.45 or 45)")
		}
		p.fail(fi, col, value.CleanSpaces(c.v), err)
		return 0, false
	}
	return v, true
}

// date reads a calendar date (midnight UTC).
func (p *rowParser) date(fi int) time.Time {
	c, col := p.cell(fi)
	return p.dateIn(fi, c, col)
}

// dateIn is date on the field's cell c in column col.
func (p *rowParser) dateIn(fi int, c cell, col int) time.Time {
	var t time.Time
	var err error
	if f, ok := c.number(); ok {
		if f >= 19000101 && f <= 29991231 && f == float64(int(f)) {
			t, err = value.ParseDate(strconv.Itoa(int(f)), p.rd.cfg.DateOrder) // 20260315
		} else {
			t, err = value.SerialDate(f, p.rd.date1904)
		}
	} else if c.t == xlsx.Date {
		t, err = dateCellDay(c.v)
	} else {
		t, err = value.ParseDate(c.v, p.rd.cfg.DateOrder)
	}
	if err != nil {
		var doe *value.DateOrderError
		if !errors.Is(err, value.ErrEmpty) && !errors.As(err, &doe) {
			err = cannot(value.CleanSpaces(c.v), "a date")
		}
		p.fail(fi, col, value.CleanSpaces(c.v), err)
		return time.Time{}
	}
	return t
}

// dateCellDay reads an ISO date cell as its calendar day (midnight UTC).
func dateCellDay(v string) (time.Time, error) {
	t, err := value.ParseDateCell(v, time.UTC)
	if err != nil {
		return t, err
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}

// dateTime reads a timestamp in the site time zone.
func (p *rowParser) dateTime(fi int) time.Time {
	c, col := p.cell(fi)
	var t time.Time
	var err error
	loc := p.rd.cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	switch f, ok := c.number(); {
	case ok:
		t, err = value.SerialTime(f, p.rd.date1904, loc)
	case c.t == xlsx.Date:
		t, err = value.ParseDateCell(c.v, loc)
	default:
		t, err = value.ParseDateTime(c.v, p.rd.cfg.DateOrder, loc)
	}
	if err != nil {
		var doe *value.DateOrderError
		if !errors.Is(err, value.ErrEmpty) && !errors.As(err, &doe) {
			err = cannot(value.CleanSpaces(c.v), "a date and time")
		}
		p.fail(fi, col, value.CleanSpaces(c.v), err)
		return time.Time{}
	}
	return t
}

// boolean reads a yes/no field; a required one must be filled.
func (p *rowParser) boolean(fi int) (bool, bool) {
	c, col := p.cell(fi)
	return p.booleanIn(fi, c, col)
}

// booleanIn is boolean on the field's cell c in column col.
func (p *rowParser) booleanIn(fi int, c cell, col int) (bool, bool) {
	v := value.CleanSpaces(c.v)
	if v == "" {
		p.fail(fi, col, "", value.ErrEmpty)
		return false, false
	}
	b, err := value.ParseBool(v)
	if err != nil {
		p.fail(fi, col, v, cannot(v, "yes or no"))
		return false, false
	}
	return b, true
}

// enum reads an enumerated field; ok is false when empty or unknown.
func (p *rowParser) enum(fi int, typ, what string) (string, bool) {
	c, col := p.cell(fi)
	if p.h.memo == nil {
		p.h.memo = make([]enumMemo, len(p.h.ts.fields))
	}
	memo := &p.h.memo[fi]
	if val, ok := memo.get(c.v); ok {
		return val, true
	}
	v := value.CleanSpaces(c.v)
	if v == "" {
		p.fail(fi, col, "", value.ErrEmpty)
		return "", false
	}
	val, ok := p.h.ts.enums[fi].Lookup(v)
	if !ok {
		p.fail(fi, col, v, fmt.Errorf("%s is not a known %s (use %s)", quote(v), what, enumHint(typ)))
		return "", false
	}
	memo.put(c.v, val)
	return val, true
}

// enumMemo remembers the last cells of an enumerated column that named a
// value, and the value: a column repeats a few spellings, which then skip
// trimming, folding and the map.
type enumMemo struct {
	raw, val [4]string
	next     int // the slot to fill next
}

func (m *enumMemo) get(raw string) (string, bool) {
	if raw == "" {
		return "", false
	}
	for i := range m.raw {
		if m.raw[i] == raw {
			return m.val[i], true
		}
	}
	return "", false
}

func (m *enumMemo) put(raw, val string) {
	m.raw[m.next], m.val[m.next] = raw, val
	m.next = (m.next + 1) % len(m.raw)
}

func enumHint(typ string) string {
	var vals []string
	for _, e := range schema.Enum(typ) {
		vals = append(vals, e.Spellings[0])
	}
	return strings.Join(vals, ", ")
}

// period reads a period field.
func (p *rowParser) period(fi int, plan bool) (model.Period, bool) {
	c, col := p.cell(fi)
	var v model.Period
	var err error
	if f, ok := c.number(); ok {
		switch {
		case plan && f == float64(int(f)) && f >= 1900 && f <= 2200:
			v = model.Period{Kind: model.Year, Year: int(f)}
		case f == float64(int(f)) && f >= 190001 && f <= 999912:
			var ok bool
			if v, ok = value.YearMonth(strconv.Itoa(int(f))); !ok {
				err = cannot(c.v, "a period")
			}
		case f >= 3000:
			var d time.Time
			d, err = value.SerialDate(f, p.rd.date1904)
			v = model.Period{Kind: model.Month, Year: d.Year(), N: int(d.Month())}
		default:
			err = cannot(c.v, "a period")
		}
	} else if c.t == xlsx.Date {
		var d time.Time
		if d, err = dateCellDay(c.v); err == nil {
			v = model.Period{Kind: model.Month, Year: d.Year(), N: int(d.Month())}
		}
	} else if plan {
		v, err = value.ParsePlanPeriod(c.v, p.rd.cfg.DateOrder)
	} else {
		v, err = value.ParsePeriod(c.v, p.rd.cfg.DateOrder)
	}
	if err != nil {
		p.fail(fi, col, value.CleanSpaces(c.v), err)
		return model.Period{}, false
	}
	return v, true
}

// splitList splits a list of metric ids on , ; | and line breaks, trims
// each id and drops empty ones. The result is never nil.
func splitList(s string) []string {
	var buf [8]string
	items := listItems(buf[:0], s)
	return append(make([]string, 0, len(items)), items...)
}

// list is splitList with the result allocated from the reader's slab.
func (rd *reader) list(s string) []string {
	var buf [8]string
	return rd.newStrings(listItems(buf[:0], s))
}

// listItems appends the items of the list s to dst.
func listItems(dst []string, s string) []string {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			switch s[i] {
			case ',', ';', '|', '\n', '\r':
			default:
				continue
			}
		}
		if x := value.CleanSpaces(s[start:i]); x != "" {
			dst = append(dst, x)
		}
		start = i + 1
	}
	return dst
}

// numText returns a typed number cell as it would be written (1001, not 1001.0).
func numText(c cell) string {
	if f, ok := c.number(); ok && f == float64(int64(f)) {
		return strconv.FormatInt(int64(f), 10)
	}
	return value.CleanSpaces(c.v)
}
