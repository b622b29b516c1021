package render

import (
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// TestBadges: the badges of the results and verdicts the scorer gives
// (constants) and of others (made).
func TestBadges(t *testing.T) {
	for _, c := range []struct {
		r    model.Result
		want Badge
	}{
		{model.Pass, Badge{"result result-pass", "✓", "Pass"}},
		{model.Warn, Badge{"result result-warn", "!", "Warn"}},
		{model.Fail, Badge{"result result-fail", "✗", "Fail"}},
		{model.NA, Badge{"result result-na", "–", "n/a"}},
		{"odd", Badge{"result result-odd", "–", "n/a"}},
	} {
		if got := resultBadge(c.r); got != c.want {
			t.Errorf("resultBadge(%q) = %+v, want %+v", c.r, got, c.want)
		}
	}
	for _, c := range []struct {
		v    model.Verdict
		want Badge
	}{
		{model.Aligned, Badge{"verdict verdict-aligned", "●", "Aligned"}},
		{model.AtRisk, Badge{"verdict verdict-at_risk", "◐", "At risk"}},
		{model.NotAligned, Badge{"verdict verdict-not_aligned", "○", "Not aligned"}},
		{model.NotScored, Badge{"verdict verdict-not_scored", "–", "Not scored"}},
		{"odd", Badge{"verdict verdict-odd", "–", "Not scored"}},
	} {
		if got := verdictBadge(c.v); got != c.want {
			t.Errorf("verdictBadge(%q) = %+v, want %+v", c.v, got, c.want)
		}
	}
}

// TestInitiativeFieldsRefs: each field's reference and cell, of a
// workbook row, a CSV row and a record without a row.
func TestInitiativeFieldsRefs(t *testing.T) {
	cols := map[string]string{"id": "A", "name": "B", "dr_tested": "AB"}
	type want struct{ field, ref, cell string }
	for _, c := range []struct {
		src  model.Source
		want []want
	}{
		{model.Source{File: "r.xlsx", Sheet: "Initiatives", Row: 14, Columns: cols}, []want{
			{"id", "r.xlsx:Initiatives!A14", "A14"}, {"name", "r.xlsx:Initiatives!B14", "B14"},
			{"category", "r.xlsx:Initiatives!14", "–"}, {"dr_tested", "r.xlsx:Initiatives!AB14", "AB14"}}},
		{model.Source{File: "r.csv", Row: 7, Columns: cols}, []want{
			{"id", "r.csv:A7", "A7"}, {"category", "r.csv:7", "–"}, {"dr_tested", "r.csv:AB7", "AB7"}}},
		{model.Source{File: "r.xlsx", Sheet: "Initiatives", Columns: cols}, []want{
			{"id", "r.xlsx:Initiatives", "A0"}, {"category", "r.xlsx:Initiatives", "–"}}},
		{model.Source{File: "r.csv"}, []want{{"id", "r.csv", "–"}}},
	} {
		x := &index{}
		rows := x.initiativeFields(&model.Initiative{ID: "INI-1", Source: c.src})
		if len(rows) != 21 {
			t.Fatalf("%d rows, want 21", len(rows))
		}
		for _, w := range c.want {
			found := false
			for _, r := range rows {
				if r.Field == w.field {
					found = true
					if r.Ref != w.ref || r.Cell != w.cell {
						t.Errorf("%+v: %s: ref %q cell %q, want %q %q", c.src, w.field, r.Ref, r.Cell, w.ref, w.cell)
					}
				}
			}
			if !found {
				t.Errorf("no field %s", w.field)
			}
		}
	}
}
