package read

import (
	"testing"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/value"
)

// TestHeaderAliases checks that every alias of every field maps to that

// field, except where an earlier field of the same table claims it.

func TestHeaderAliases(t *testing.T) {
	sc := newSchemas()
	tests := []struct {
		table  model.Table
		header string
		field  string
	}{
		{model.TableInitiatives, "Initiative ID", "id"},
		{model.TableInitiatives, "Project", "name"},
		{model.TableInitiatives, "RGT", "category"},
		{model.TableInitiatives, "Value Stream", "business_unit"},
		{model.TableInitiatives, "Owner (Business)", "business_owner"},
		{model.TableInitiatives, "Linked Metrics", "metrics"},
		{model.TableInitiatives, "YTD Actual", "spend"},
		{model.TableInitiatives, "Go-Live Date", "go_live"},
		{model.TableInitiatives, "GO LIVE (date)", "go_live"},
		{model.TableInitiatives, "SOP in place?", "process_standardized"},
		{model.TableInitiatives, "Last DR Test", "dr_tested"},
		{model.TableMetrics, "KPI", "name"},
		{model.TableMetrics, "Type", "kind"},
		{model.TableMetrics, "Polarity", "direction"},
		{model.TableMetrics, "Prior Year", "baseline"},
		{model.TableActuals, "Month", "period"},
		{model.TableActuals, "Result", "value"},
		{model.TableCalendar, "From", "start"},
		{model.TableCalendar, "Scope", "business_unit"},
		{model.TablePlan, "Planned Spend", "amount"},
		{model.TablePlan, "FY", "period"},
		{model.TableIncidents, "Number", "id"},
		{model.TableIncidents, "Priority", "severity"},
		{model.TableIncidents, "cmdb_ci", "service"},
		{model.TableIncidents, "Caused By", "initiative"},
		{model.TableReviews, "IT Present", "it_attended"},
	}
	for _, tt := range tests {
		ts := sc.by[tt.table]
		fi, ok := ts.alias[value.FoldHeader(tt.header)]
		if !ok || ts.fields[fi].Name != tt.field {
			t.Errorf("%s header %q maps to %v, want %s", tt.table, tt.header, ts.fields[fi].Name, tt.field)
		}
	}
	for _, ts := range sc.tables {
		for i, f := range ts.fields {
			for _, a := range f.Aliases {
				if got := ts.alias[value.FoldHeader(a)]; got != i && ts.fields[got].Name == f.Name {
					t.Errorf("%s alias %q lost", ts.table, a)
				}
			}
		}
	}
}

func TestColLetter(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := colLetter(i); got != want {
			t.Errorf("colLetter(%d) = %q, want %q", i, got, want)
		}
		if got := colIndex(want); got != i {
			t.Errorf("colIndex(%q) = %d, want %d", want, got, i)
		}
	}
}

// TestFieldIndexes keeps the field index constants in step with the schema.

func TestChunks(t *testing.T) {
	var c chunks[int]
	for i := 0; i < 20000; i++ {
		if i%3 == 0 {
			*c.next() = i
			continue
		}
		c.add(i)
		if i%7 == 0 {
			c.drop()
		}
	}
	want, got := []int{}, []int{}
	for i := 0; i < 20000; i++ {
		if i%3 == 0 || i%7 != 0 {
			want = append(want, i)
		}
	}
	for v := range c.all {
		got = append(got, *v)
	}
	if len(got) != len(want) || c.len() != len(want) {
		t.Fatalf("got %d records (len %d), want %d", len(got), c.len(), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("record %d = %d, want %d", i, got[i], want[i])
		}
	}
}

func TestIsTotals(t *testing.T) {
	for _, s := range []string{"Total", "TOTAL", "Grand Total", "  grand total:  ", "Subtotal", "Sub-total", "Totals", "\u00a0Total"} {
		if !isTotals(s) {
			t.Errorf("isTotals(%q) = false", s)
		}
	}
	for _, s := range []string{"", "Totally new CRM", "INI-001", "Sum", "Total cost programme phase two"} {
		if isTotals(s) {
			t.Errorf("isTotals(%q) = true", s)
		}
	}
}

func TestBracketedHeaders(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte("ID,Name,Category (Run/Grow/Transform),Budget (USD),GO LIVE (date),Spend [YTD]\nINI-001,ERP,Grow,100,2026-03-15,5\n"))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	in := ds.Initiatives[0]
	if in.Category != model.Improve || in.Budget != 100 || !in.GoLive.Equal(day(2026, 3, 15)) || in.Spend == nil || *in.Spend != 5 {
		t.Errorf("initiative = %+v", in)
	}
}
