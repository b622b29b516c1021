package render

import (
	"testing"
	"time"
)

func TestFormatter(t *testing.T) {
	usd, chf, none := Formatter{Currency: "USD"}, Formatter{Currency: "CHF"}, Formatter{}
	tests := []struct{ got, want string }{
		{usd.Money(1250000), "$1,250,000"},
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
		{group("1234567"), "1,234,567"},
		{group("123"), "123"},
		{group("1000"), "1,000"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
