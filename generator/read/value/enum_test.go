package value

import (
	"testing"

	"github.com/opsalign/opsalign/generator/read/schema"
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
		if got := FoldHeader(tt.in); got != tt.want {
			t.Errorf("FoldHeader(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEnums(t *testing.T) {
	ix := map[string]Enum{}
	for _, typ := range schema.EnumTypes() {
		ix[typ] = NewEnum(schema.Enum(typ))
	}
	tests := []struct{ typ, in, want string }{
		{schema.TypeCategory, "KTLO", "run"},
		{schema.TypeCategory, "keep the lights on", "run"},
		{schema.TypeCategory, "BAU", "run"},
		{schema.TypeCategory, "Grow", "improve"},
		{schema.TypeCategory, "optimise", "improve"},
		{schema.TypeCategory, "Strategic", "transform"},
		{schema.TypeStatus, "In Progress", "in_flight"},
		{schema.TypeStatus, "in-flight", "in_flight"},
		{schema.TypeStatus, "In Production", "live"},
		{schema.TypeStatus, "Completed", "live"},
		{schema.TypeStatus, "Paused", "on_hold"},
		{schema.TypeStatus, "Canceled", "cancelled"},
		{schema.TypeStatus, "Idea", "proposed"},
		{schema.TypeRollout, "Big-bang", "big_bang"},
		{schema.TypeRollout, "single cutover", "big_bang"},
		{schema.TypeRollout, "Wave", "phased"},
		{schema.TypeRisk, "Med", "medium"},
		{schema.TypeRisk, "H", "high"},
		{schema.TypeRisk, "1", "low"},
		{schema.TypeKind, "Cycle time", "cycle_time"},
		{schema.TypeKind, "cost-per-transaction", "cost_per_transaction"},
		{schema.TypeDirection, "Higher is better", "higher"},
		{schema.TypeDirection, "↓", "lower"},
		{schema.TypeDirection, "decrease", "lower"},
		{schema.TypeWindowKind, "Blackout", "freeze"},
		{schema.TypeWindowKind, "Seasonal Peak", "peak"},
		{schema.TypeWindowKind, "Month End", "close"},
	}
	for _, tt := range tests {
		if got, ok := ix[tt.typ].Lookup(tt.in); !ok || got != tt.want {
			t.Errorf("lookup(%s, %q) = %q, %v; want %q", tt.typ, tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range [][2]string{{schema.TypeCategory, "Moonshot"}, {schema.TypeRisk, "Extreme"}, {schema.TypeKind, "velocity"}, {schema.TypeStatus, ""}} {
		if got, ok := ix[bad[0]].Lookup(bad[1]); ok {
			t.Errorf("lookup(%s, %q) = %q, want unknown", bad[0], bad[1], got)
		}
	}
}

func TestSeverity(t *testing.T) {
	sev := NewEnum(schema.Enum(schema.TypeSeverity))
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
		if got, ok := ParseSeverity(sev, tt.in); !ok || got != tt.want {
			t.Errorf("ParseSeverity(%q) = %d, %v; want %d", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"0", "P9", "urgent", "", "1.5"} {
		if got, ok := ParseSeverity(sev, bad); ok {
			t.Errorf("ParseSeverity(%q) = %d, want unreadable", bad, got)
		}
	}
}
