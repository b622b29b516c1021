package value

import "testing"

func TestIsCurrencyCode(t *testing.T) {
	for i := 0; i+3 <= len(isoCurrencies); i += 4 {
		c := isoCurrencies[i : i+3]
		for _, b := range []byte(c) {
			if b < 'A' || b > 'Z' {
				t.Fatalf("isoCurrencies[%d:] = %q: not three capitals", i, c)
			}
		}
		if i+3 < len(isoCurrencies) && isoCurrencies[i+3] != ' ' {
			t.Fatalf("isoCurrencies: no space after %q", c)
		}
	}
	for c, want := range map[string]bool{"USD": true, "eur": true, "Chf": true, "ZWL": true, "AED": true, "MIO": false, "TSD": false, "FTE": false, "ABC": false, "US": false, "EURO": false} {
		if got := isCurrencyCode(c); got != want {
			t.Errorf("isCurrencyCode(%q) = %v, want %v", c, got, want)
		}
	}
}
