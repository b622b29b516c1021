package read

import (
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

func TestFoldHeader(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Go-Live Date", "golivedate"},
		{"go_live_date", "golivedate"},
		{"GO LIVE (date)", "golivedate"},
		{"Adoption %", "adoption"},
		{"# of users", "ofusers"},
		{"IT Attended?", "itattended"},
		{"Budget *", "budget"},
		{"Go-Live Date:", "golivedate"},
		{"Spend/Actual", "spendactual"},
		{"  Value\u00a0Stream ", "valuestream"},
	}
	for _, tt := range tests {
		if got := foldHeader(tt.in); got != tt.want {
			t.Errorf("foldHeader(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

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
		fi, ok := ts.alias[foldHeader(tt.header)]
		if !ok || ts.fields[fi].Name != tt.field {
			t.Errorf("%s header %q maps to %v, want %s", tt.table, tt.header, ts.fields[fi].Name, tt.field)
		}
	}
	for _, ts := range sc.tables {
		for i, f := range ts.fields {
			for _, a := range f.Aliases {
				if got := ts.alias[foldHeader(a)]; got != i && ts.fields[got].Name == f.Name {
					t.Errorf("%s alias %q lost", ts.table, a)
				}
			}
		}
	}
}

func TestFields(t *testing.T) {
	fs := Fields(model.TableInitiatives)
	if len(fs) != 21 || fs[0].Name != "id" || !fs[0].Required || fs[7].Name != "budget" || fs[7].Type != "money" {
		t.Fatalf("Fields(initiatives) = %+v", fs[:min(8, len(fs))])
	}
	fs[0].Aliases[0] = "changed"
	if Fields(model.TableInitiatives)[0].Aliases[0] != "ID" {
		t.Error("Fields returns shared alias slices")
	}
	want := map[model.Table]int{model.TableMetrics: 9, model.TableActuals: 3, model.TableCalendar: 5, model.TablePlan: 5, model.TableIncidents: 7, model.TableReviews: 3}
	for tb, n := range want {
		if got := len(Fields(tb)); got != n {
			t.Errorf("len(Fields(%s)) = %d, want %d", tb, got, n)
		}
	}
	if Fields("nope") != nil && len(Fields("nope")) != 0 {
		t.Error("Fields of an unknown table is not empty")
	}
}

func TestEnums(t *testing.T) {
	ix := newEnumIndex()
	tests := []struct{ typ, in, want string }{
		{typeCategory, "KTLO", "run"},
		{typeCategory, "keep the lights on", "run"},
		{typeCategory, "BAU", "run"},
		{typeCategory, "Grow", "improve"},
		{typeCategory, "optimise", "improve"},
		{typeCategory, "Strategic", "transform"},
		{typeStatus, "In Progress", "in_flight"},
		{typeStatus, "in-flight", "in_flight"},
		{typeStatus, "In Production", "live"},
		{typeStatus, "Completed", "live"},
		{typeStatus, "Paused", "on_hold"},
		{typeStatus, "Canceled", "cancelled"},
		{typeStatus, "Idea", "proposed"},
		{typeRollout, "Big-bang", "big_bang"},
		{typeRollout, "single cutover", "big_bang"},
		{typeRollout, "Wave", "phased"},
		{typeRisk, "Med", "medium"},
		{typeRisk, "H", "high"},
		{typeRisk, "1", "low"},
		{typeKind, "Cycle time", "cycle_time"},
		{typeKind, "cost-per-transaction", "cost_per_transaction"},
		{typeDirection, "Higher is better", "higher"},
		{typeDirection, "↓", "lower"},
		{typeDirection, "decrease", "lower"},
		{typeWindowKind, "Blackout", "freeze"},
		{typeWindowKind, "Seasonal Peak", "peak"},
		{typeWindowKind, "Month End", "close"},
	}
	for _, tt := range tests {
		if got, ok := ix.lookup(tt.typ, tt.in); !ok || got != tt.want {
			t.Errorf("lookup(%s, %q) = %q, %v; want %q", tt.typ, tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range [][2]string{{typeCategory, "Moonshot"}, {typeRisk, "Extreme"}, {typeKind, "velocity"}, {typeStatus, ""}} {
		if got, ok := ix.lookup(bad[0], bad[1]); ok {
			t.Errorf("lookup(%s, %q) = %q, want unknown", bad[0], bad[1], got)
		}
	}
}

func TestSeverity(t *testing.T) {
	ix := newEnumIndex()
	tests := []struct {
		in   string
		want int
	}{
		{"1", 1}, {"P1", 1}, {"Sev1", 1}, {"Sev 1", 1}, {"S1", 1}, {"Critical", 1}, {"1 - Critical", 1},
		{"P2", 2}, {"High", 2}, {"2 - High", 2}, {"sev-2", 2},
		{"Medium", 3}, {"Moderate", 3}, {"3 - Moderate", 3}, {"S3", 3},
		{"Low", 4}, {"4 - Low", 4}, {"5 - Planning", 4}, {"P4", 4}, {"4", 4},
	}
	for _, tt := range tests {
		if got, ok := parseSeverity(ix, tt.in); !ok || got != tt.want {
			t.Errorf("parseSeverity(%q) = %d, %v; want %d", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"0", "P9", "urgent", "", "1.5"} {
		if got, ok := parseSeverity(ix, bad); ok {
			t.Errorf("parseSeverity(%q) = %d, want unreadable", bad, got)
		}
	}
}

func TestEnumSpellings(t *testing.T) {
	cat := EnumSpellings("category")
	if len(cat) != 3 || cat["run"][1] != "KTLO" {
		t.Errorf("EnumSpellings(category) = %v", cat)
	}
	if len(EnumSpellings("kind")) != len(model.Kinds) {
		t.Errorf("EnumSpellings(kind) has %d values, want %d", len(EnumSpellings("kind")), len(model.Kinds))
	}
	if EnumSpellings("money") != nil {
		t.Error("EnumSpellings(money) is not nil")
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
func TestFieldIndexes(t *testing.T) {
	for tb, want := range fieldIndexes {
		fs := Fields(tb)
		if len(fs) != len(want) {
			t.Errorf("%s: %d fields, %d index constants", tb, len(fs), len(want))
		}
		for _, w := range want {
			if w.idx >= len(fs) || fs[w.idx].Name != w.name {
				t.Errorf("%s: index of %s is %d, but schema has it elsewhere", tb, w.name, w.idx)
			}
		}
	}
	if len(fieldIndexes) != len(model.Tables) {
		t.Errorf("index constants for %d tables, want %d", len(fieldIndexes), len(model.Tables))
	}
}

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
