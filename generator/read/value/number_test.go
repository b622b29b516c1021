package value

import (
	"math"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in      string
		dec     string
		want    float64
		wantErr bool
	}{
		{"1234.5", ".", 1234.5, false},
		{"1,234.5", ".", 1234.5, false},
		{"1 234.5", ".", 1234.5, false},
		{"1\u00a0234.5", ".", 1234.5, false},
		{"1\u202f234,5", ",", 1234.5, false},
		{"-12", ".", -12, false},
		{"(12)", ".", -12, false},
		{"( 1,200 )", ".", -1200, false},
		{"+7", ".", 7, false},
		{"1.2k", ".", 1200, false},
		{"3.5m", ".", 3500000, false},
		{"3.5M", ".", 3500000, false},
		{"1.1bn", ".", 1100000000, false},
		{"2 bn", ".", 2e9, false},
		{"1.234,5", ",", 1234.5, false},
		{"1.234", ",", 1234, false},
		{"0,45", ",", 0.45, false},
		{"0.45", ",", 0.45, false},
		{"1 234 567,89", ",", 1234567.89, false},
		{"1,234,567", ".", 1234567, false},
		{".5", ".", 0.5, false},
		{"12,5OO", ".", 0, true},
		{"12,5", ".", 0, true},
		{"1,23,4", ".", 0, true},
		{"abc", ".", 0, true},
		{"", ".", 0, true},
		{"1.2.3", ".", 0, true},
		{"5.", ".", 0, true},
		{"--5", ".", 0, true},
		{"1e5", ".", 0, true},
		{"k", ".", 0, true},
		{"-", ".", 0, false},
		{" – ", ".", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in, tt.dec)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseNumber(%q, %q) error = %v, want error %v", tt.in, tt.dec, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && math.Abs(got-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want)) {
			t.Errorf("ParseNumber(%q, %q) = %v, want %v", tt.in, tt.dec, got, tt.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in       string
		dec      string
		want     float64
		wantCode string
		wantErr  bool
	}{
		{"$1,234.50", ".", 1234.5, "$", false},
		{"1,234.50 $", ".", 1234.5, "$", false},
		{"€ 1.234,5", ",", 1234.5, "EUR", false},
		{"1.234,5 €", ",", 1234.5, "EUR", false},
		{"1.234,5€", ",", 1234.5, "EUR", false},
		{"£12k", ".", 12000, "GBP", false},
		{"USD 1.2m", ".", 1200000, "USD", false},
		{"1.2m EUR", ".", 1200000, "EUR", false},
		{"EUR 5,000", ".", 5000, "EUR", false},
		{"5000EUR", ".", 5000, "EUR", false},
		{"-$500", ".", -500, "$", false},
		{"($500)", ".", -500, "$", false},
		{"$-500", ".", -500, "$", false},
		{"US$ 10", ".", 10, "USD", false},
		{"¥300", ".", 300, "¥", false},
		{"1.1bn", ".", 1.1e9, "", false},
		{"12,5OO", ".", 0, "", true},
		{"$", ".", 0, "", true},
		{"", ".", 0, "", true},
		{"EURO", ".", 0, "", true},
		{"$ -", ".", 0, "$", false},
		{"120 k€", ".", 120000, "EUR", false},
	}
	for _, tt := range tests {
		got, code, err := ParseMoney(tt.in, tt.dec)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseMoney(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		if math.Abs(got-tt.want) > 1e-6 || code != tt.wantCode {
			t.Errorf("ParseMoney(%q) = %v %q, want %v %q", tt.in, got, code, tt.want, tt.wantCode)
		}
	}
}

func TestCurrencyMatches(t *testing.T) {
	tests := []struct {
		code, site string
		want       bool
	}{
		{"", "EUR", true},
		{"EUR", "EUR", true},
		{"EUR", "USD", false},
		{"$", "USD", true},
		{"$", "CAD", true},
		{"$", "EUR", false},
		{"¥", "JPY", true},
		{"GBP", "USD", false},
	}
	for _, tt := range tests {
		if got := CurrencyMatches(tt.code, tt.site); got != tt.want {
			t.Errorf("CurrencyMatches(%q, %q) = %v, want %v", tt.code, tt.site, got, tt.want)
		}
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in      string
		dec     string
		want    float64
		wantErr bool
	}{
		{"45%", ".", 0.45, false},
		{"45 %", ".", 0.45, false},
		{"0.45", ".", 0.45, false},
		{"45", ".", 0.45, false},
		{"1", ".", 1, false},
		{"100", ".", 1, false},
		{"0", ".", 0, false},
		{"12,5%", ",", 0.125, false},
		{"0,8", ",", 0.8, false},
		{"101", ".", 0, true},
		{"150%", ".", 0, true},
		{"-5%", ".", 0, true},
		{"-", ".", 0, true},
		{"lots", ".", 0, true},
		{"", ".", 0, true},
	}
	for _, tt := range tests {
		got, err := ParsePercent(tt.in, tt.dec)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParsePercent(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("ParsePercent(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseBool(t *testing.T) {
	for _, s := range []string{"Y", "yes", "TRUE", "1", "x", "X", "✓", "✔", " Yes "} {
		if v, err := ParseBool(s); err != nil || !v {
			t.Errorf("ParseBool(%q) = %v, %v; want true", s, v, err)
		}
	}
	for _, s := range []string{"N", "no", "FALSE", "0", ""} {
		if v, err := ParseBool(s); err != nil || v {
			t.Errorf("ParseBool(%q) = %v, %v; want false", s, v, err)
		}
	}
	for _, s := range []string{"maybe", "2", "yess"} {
		if _, err := ParseBool(s); err == nil {
			t.Errorf("ParseBool(%q) succeeded, want error", s)
		}
	}
}
