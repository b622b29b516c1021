package money

import "testing"

func TestWhole(t *testing.T) {
	for _, tt := range []struct {
		v        float64
		currency string
		want     string
	}{
		{1250000, "USD", "$1,250,000"},
		{999.5, "USD", "$1,000"},
		{-300.4, "USD", "-$300"},
		{-0.4, "USD", "$0"},
		{0, "USD", "$0"},
		{1200, "CHF", "1,200 CHF"},
		{12, "", "12"},
		{-52555000, "", "-52,555,000"},
		{1234567.5, "", "1,234,568"},
		{1234567.89, "EUR", "€1,234,568"},
		{5, "GBP", "£5"}, {5, "JPY", "¥5"}, {5, "CNY", "¥5"}, {5, "INR", "₹5"}, {5, "AUD", "A$5"}, {5, "CAD", "C$5"},
	} {
		if got := Whole(tt.v, tt.currency); got != tt.want {
			t.Errorf("Whole(%v, %q) = %q, want %q", tt.v, tt.currency, got, tt.want)
		}
	}
}

func TestCompact(t *testing.T) {
	for _, tt := range []struct {
		v        float64
		currency string
		want     string
	}{
		{52980000, "USD", "$53.0M"},        // the sample's budget (issue 13)
		{8651370896, "USD", "$8.65bn"},     // the 10k company's budget
		{320000, "USD", "$320k"},           // INI-009's sunk cost
		{12450, "USD", "$12.5k"},           // 12.45 rounds half away from zero
		{1250, "USD", "$1.25k"},            // three figures
		{999.4, "USD", "$999"},             // under a thousand: whole units
		{999.5, "USD", "$1.00k"},           // rounds to 1,000
		{999999, "USD", "$1.00M"},          // 999.999k rounds to 1000k: the next suffix
		{99950, "USD", "$100k"},            // 99.95k rounds up a power of ten: 100k, not 100.0k
		{9995, "USD", "$10.0k"},            // 9.995k rounds to 10.0k
		{1234567890123, "USD", "$1,235bn"}, // past the last suffix: grouped
		{-1250000, "USD", "-$1.25M"},
		{-0.4, "USD", "$0"},
		{0, "", "0"},
		{1200000, "CHF", "1.20M CHF"},
		{47000000, "EUR", "€47.0M"},
		{500, "", "500"},
	} {
		if got := Compact(tt.v, tt.currency); got != tt.want {
			t.Errorf("Compact(%v, %q) = %q, want %q", tt.v, tt.currency, got, tt.want)
		}
	}
}

func TestExact(t *testing.T) {
	for _, tt := range []struct {
		v        float64
		currency string
		want     string
	}{
		{0, "USD", "USD 0"}, {999, "", "999"}, {1000, "EUR", "EUR 1,000"}, {1234567.5, "USD", "USD 1,234,567.50"},
		{-1234.005, "USD", "USD -1,234.01"}, {0.999, "USD", "USD 1"}, {100000, "USD", "USD 100,000"}, {1.05, "", "1.05"},
	} {
		if got := Exact(tt.v, tt.currency); got != tt.want {
			t.Errorf("Exact(%v, %q) = %q, want %q", tt.v, tt.currency, got, tt.want)
		}
	}
}

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{"": "", "1": "1", "123": "123", "1000": "1,000", "1234567": "1,234,567", "123456": "123,456"} {
		if got := Group(in); got != want {
			t.Errorf("Group(%q) = %q, want %q", in, got, want)
		}
	}
}
