package render

import (
	"strings"
	"testing"
	"time"
)

func TestFormatter(t *testing.T) {
	usd, chf, none := Formatter{Currency: "USD"}, Formatter{Currency: "CHF"}, Formatter{}
	tests := []struct{ got, want string }{
		{usd.Money(1250000), "$1,250,000"},
		{usd.Compact(53_020_000), "$53.0M"},
		{usd.Compact(8_648_000_000), "$8.65bn"},
		{usd.Compact(120_400_000), "$120M"},
		{usd.Compact(950_000), "$950k"},
		{usd.Compact(999_600), "$1.00M"},
		{usd.Compact(1_250), "$1.25k"},
		{usd.Compact(420.4), "$420"},
		{usd.Compact(-2_500_000), "-$2.50M"},
		{usd.Compact(0), "$0"},
		{Formatter{Currency: "CHF"}.Compact(47_927_800), "47.9M CHF"},
		{usd.Money(999.5), "$1,000"},
		{usd.Money(-300.4), "-$300"},
		{usd.Money(-0.4), "$0"},
		{usd.Money(0), "$0"},
		{chf.Money(1200), "1,200 CHF"},
		{none.Money(12), "12"},
		{Formatter{Currency: "EUR"}.Money(1234567.89), "€1,234,568"},
		{usd.MoneyP(nil), "–"},
		{usd.Pct(f64(0.4213)), "42%"},
		{usd.Pct(f64(0.425)), "43%"},
		{usd.Pct(f64(-0.35)), "-35%"},
		{usd.Pct(f64(-0.001)), "0%"},
		{usd.Pct(f64(1.15)), "115%"},
		{usd.Pct(nil), "–"},
		{usd.Num(1234.5), "1,234.5"},
		{usd.Num(3), "3"},
		{usd.Num(0.125), "0.13"},
		{usd.Num(-1234567.891), "-1,234,567.89"},
		{usd.Num(-0.001), "0"},
		{usd.NumP(nil), "–"},
		{usd.Hours(f64(5.25)), "5.3 h"},
		{usd.Hours(nil), "–"},
		{usd.IntP(intp(7)), "7"},
		{usd.IntP(nil), "–"},
		{usd.Date(time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)), "2026-09-30"},
		{usd.Date(time.Time{}), "–"},
		{usd.DateTime(time.Date(2026, 9, 3, 22, 50, 0, 0, time.UTC)), "2026-09-03 22:50"},
		{usd.YesNo(true), "yes"},
		{usd.CompactP(nil), "–"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestNiceRange(t *testing.T) {
	// span, raw step span/5, step rounded up to 1/2/5×10ⁿ, ±5% padding rounded out.
	tests := []struct{ lo, hi, wlo, whi float64 }{
		{94.3, 120, 90, 130},  // span 25.7, raw 5.14 → step 10; 93.0 → 90, 121.3 → 130
		{48, 24, 20, 50},      // reversed; span 24, raw 4.8 → step 5; 22.8 → 20, 49.2 → 50
		{0, 1, 0, 1.2},        // raw 0.2 → step 0.2; -0.05 → -0.2 clamped to 0, 1.05 → 1.2
		{5, 5, 4, 6},          // flat: span taken as 5, step 1; 4.75 → 4, 5.25 → 6
		{-3, 2, -4, 3},        // raw 1 → step 1; -3.25 → -4, 2.25 → 3
		{0.95, 0.99, 0.94, 1}, // raw 0.008 → step 0.01; 0.948 → 0.94, 0.992 → 1
	}
	for _, tt := range tests {
		lo, hi := niceRange(tt.lo, tt.hi)
		if lo != tt.wlo || hi != tt.whi {
			t.Errorf("niceRange(%v, %v) = %v, %v; want %v, %v", tt.lo, tt.hi, lo, hi, tt.wlo, tt.whi)
		}
	}
	// The steps: M-10 of the sample (values 71.3–72.4, baseline 72,
	// target 82) got ticks 70, 72, 75, 78, 81, 84, 85 from ECharts before
	// the axis carried its step.
	steps := []struct{ lo, hi, wlo, whi, step float64 }{
		{71.3, 82, 70, 85, 5},    // span 10.7, raw 2.14 → 5; 70.765 → 70, 82.535 → 85
		{94.3, 120, 90, 130, 10}, // as above
		{0, 6.2, 0, 8, 2},        // MTTR: raw 1.24 → 2; −0.31 → 0, 6.51 → 8
	}
	for _, tt := range steps {
		lo, hi, step := niceScale(tt.lo, tt.hi)
		if lo != tt.wlo || hi != tt.whi || step != tt.step {
			t.Errorf("niceScale(%v, %v) = %v, %v, %v; want %v, %v, %v", tt.lo, tt.hi, lo, hi, step, tt.wlo, tt.whi, tt.step)
		}
	}
}

func TestCellRef(t *testing.T) {
	tests := []struct {
		sheet string
		row   int
		col   string
		want  string
	}{
		{"Register", 43, "H", "Register!H43"},
		{"Register", 4, "", "Register!4"},
		{"Instructions", 0, "", "Instructions"},
		{"", 12, "F", "F12"},
		{"", 7, "", "7"},
		{"", 0, "", ""},
	}
	for _, tt := range tests {
		if got := cellRef(tt.sheet, tt.row, tt.col); got != tt.want {
			t.Errorf("cellRef(%q, %d, %q) = %q, want %q", tt.sheet, tt.row, tt.col, got, tt.want)
		}
	}
}

// TestTrendAxis checks that a trend's value axis shows baseline, target and
// every value, whichever way the metric improves.
func TestTrendAxis(t *testing.T) {
	cfg, ds, sc := fixture()
	r := parseDefault(t)
	b := newIndex(Input{Config: cfg, Dataset: ds, Scorecard: sc}, r)
	// M-01: lower is better, baseline 48, target 24, values 30–47 → step 5: 20–50.
	// M-02: higher is better, baseline 120, target 160, values 118–125 → step 10: 110–170.
	// The step is the axis' interval, so ECharts draws the ticks of the step.
	want := map[string]string{"M-01": `"yAxis":{"interval":5,"max":50,"min":20,"type":"value"}`, "M-02": `"yAxis":{"interval":10,"max":170,"min":110,"type":"value"}`}
	for i := range sc.Metrics {
		mr := &sc.Metrics[i]
		c := b.metricChart(mr, nil)
		if !strings.Contains(string(c.Option), want[mr.ID]) {
			t.Errorf("%s: option has no %s: %.300s", mr.ID, want[mr.ID], c.Option)
		}
	}
}
