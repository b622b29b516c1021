package read

import (
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
	"github.com/opsalign/opsalign/generator/read/value"
	"github.com/opsalign/opsalign/generator/read/xlsx"
)

// headerScanRows is how many rows are searched for the header row.
const headerScanRows = 20

// header is a sheet's recognised header row: which field each column holds.
type header struct {
	ts       *tableSchema
	row      int
	colField []int             // field index per column, -1 for none
	fieldCol []int             // column per field index, -1 when absent
	columns  map[string]string // field -> letter, shared by every record of the sheet
	unknown  []string          // headers of unknown columns, "F: Notes"
	matched  int
	memo     []enumMemo // per field index, for enumerated fields; made by the first row

	// wide actuals: one column per period
	wide     bool
	wideCols map[int]map[string]string // per period column: the Source.Columns of its observations
	periods  map[int]model.Period
}

// renames folds a [[sources]] column map to folded header -> field name.
func foldRenames(cols map[string]string) map[string]string {
	if len(cols) == 0 {
		return nil
	}
	m := make(map[string]string, len(cols))
	for h, f := range cols {
		m[value.FoldHeader(h)] = f
	}
	return m
}

// matchHeader maps a candidate header row to the fields of ts.
func (rd *reader) matchHeader(ts *tableSchema, row int, cells []cell, renames map[string]string) *header {
	h := &header{ts: ts, row: row, colField: make([]int, len(cells)), fieldCol: make([]int, len(ts.fields))}
	for i := range h.fieldCol {
		h.fieldCol[i] = -1
	}
	for i := range cells {
		h.colField[i] = -1
	}
	rank := make([]int, len(ts.fields))
	for i, c := range cells {
		text := value.CleanSpaces(c.v)
		if text == "" {
			continue
		}
		k := value.FoldHeader(text)
		fi, ok, r := -1, false, 0
		if f, ren := renames[k]; ren {
			fi, ok = ts.byName[f]
			r = -1
		} else if c.t != xlsx.Number {
			fi, ok = ts.alias[k]
			r = ts.rank[k]
			if !ok {
				// "Budget (USD)", "Category [RGT]": a bracketed note after
				// a known header.
				if k2 := value.FoldHeader(value.StripBrackets(text)); k2 != k && k2 != "" {
					fi, ok = ts.alias[k2]
					r = ts.rank[k2]
				}
			}
		}
		// The first column claiming a field gets it, unless a later one
		// uses a more specific header ("Metric ID" over "Metric").
		if ok && (h.fieldCol[fi] < 0 || r < rank[fi]) {
			if old := h.fieldCol[fi]; old >= 0 {
				h.colField[old] = -1
				h.matched--
			}
			h.colField[i] = fi
			h.fieldCol[fi] = i
			rank[fi] = r
			h.matched++
			continue
		}
		if ts.table == model.TableActuals {
			if p, ok := rd.headerPeriod(c, row, i); ok {
				if h.periods == nil {
					h.periods = map[int]model.Period{}
				}
				h.periods[i] = p
			}
		}
	}
	if ts.table == model.TableActuals && h.fieldCol[ts.byName["period"]] < 0 && len(h.periods) > 0 {
		h.wide = true
	} else {
		h.periods = nil // long form: period-looking headers are just unknown columns
	}
	for i, c := range cells {
		if _, ok := h.periods[i]; !ok && h.colField[i] < 0 && value.CleanSpaces(c.v) != "" {
			h.unknown = append(h.unknown, colLetter(i)+": "+value.CleanSpaces(c.v))
		}
	}
	h.columns = map[string]string{}
	for fi, c := range h.fieldCol {
		if c >= 0 {
			h.columns[ts.fields[fi].Name] = colLetter(c)
		}
	}
	return h
}

// headerPeriod reads a wide-actuals column header: a period as text or a
// date-typed cell.
func (rd *reader) headerPeriod(c cell, row, col int) (model.Period, bool) {
	if f, ok := c.number(); ok {
		if f == float64(int(f)) && f >= 190001 && f <= 999912 {
			return value.YearMonth(strconv.Itoa(int(f)))
		}
		if f < 3000 {
			return model.Period{}, false
		}
		d, err := value.SerialDate(f, rd.date1904)
		if err != nil {
			return model.Period{}, false
		}
		return model.Period{Kind: model.Month, Year: d.Year(), N: int(d.Month())}, true
	}
	if c.t == xlsx.Date {
		d, err := dateCellDay(c.v)
		return model.Period{Kind: model.Month, Year: d.Year(), N: int(d.Month())}, err == nil
	}
	p, err := value.ParsePeriod(c.v, rd.cfg.DateOrder)
	return p, err == nil
}

// hasValue reports whether a row has something in a column the table reads.
func (h *header) hasValue(cells []cell) bool {
	for i, c := range cells {
		if c.v == "" || i >= len(h.colField) {
			continue
		}
		if h.colField[i] < 0 {
			if _, period := h.periods[i]; !period {
				continue
			}
		}
		if value.CleanSpaces(c.v) != "" {
			return true
		}
	}
	return false
}

// score is how strongly the header supports its table: matched known
// headers (for wide actuals, the metric column plus the period columns).
func (h *header) score() int {
	if h.wide {
		return h.matched + len(h.periods)
	}
	return h.matched
}

// missing lists the required fields the header lacks.
func (h *header) missing() []schema.Field {
	var out []schema.Field
	for fi, f := range h.ts.fields {
		if !f.Required || h.fieldCol[fi] >= 0 {
			continue
		}
		if h.wide && (f.Name == "period" || f.Name == "value") {
			continue
		}
		out = append(out, f)
	}
	return out
}

// usable reports whether the row can be the header of its table: at least
// two known headers and every required column.
func (h *header) usable() bool {
	if h.score() < 2 {
		return false
	}
	return len(h.missing()) == 0
}

// missingText names missing fields with their usual headers.
func missingText(fs []schema.Field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Name + " (" + strings.Join(f.Aliases[:min(3, len(f.Aliases))], ", ") + ")"
	}
	return strings.Join(parts, "; ")
}
