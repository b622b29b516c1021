package value

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
)

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1234.5", "1,234.5", "1 234,5", "(12)", "-12", "1.2k", "3.5m", "1.1bn", "12,5OO", "1\u00a0234", "", "(", "-", "1e308", "99999999999999999999bn"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		dec := "."
		if comma {
			dec = ","
		}
		v, err := ParseNumber(s, dec)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("ParseNumber(%q) = %v", s, v)
		}
		if err == nil && strings.TrimSpace(s) == "" {
			t.Errorf("ParseNumber(%q) accepted a blank", s)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"$1,234.50", "1.234,5 €", "EUR 5,000", "(£12k)", "USD", "$", "12EUR", "-$5", "¥"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		dec := "."
		if comma {
			dec = ","
		}
		v, code, err := ParseMoney(s, dec)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("ParseMoney(%q) = %v", s, v)
		}
		if err != nil && code != "" {
			t.Errorf("ParseMoney(%q) returned a code with an error", s)
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"45%", "0.45", "45", "100", "101", "-1%", "12,5 %", "lots"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		dec := "."
		if comma {
			dec = ","
		}
		v, err := ParsePercent(s, dec)
		if err == nil && !(v >= 0 && v <= 1) {
			t.Errorf("ParsePercent(%q) = %v, outside 0–1", s, v)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-15", "15/03/2026", "03/25/2026", "15.03.2026", "15-Mar-2026", "15 Mar 2026", "Mar 15, 2026",
		"March 15 2026", "31/02/2026", "2026-02-30 10:00", "Mon 15 Mar 2026", "1/1/1", "////", "9999-12-31"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, mdy bool) {
		order := "DMY"
		if mdy {
			order = "MDY"
		}
		d, err := ParseDate(s, order)
		if err != nil {
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Errorf("ParseDate(%q) = %v, not midnight UTC", s, d)
		}
		if d.Year() < 1900 || d.Year() > 9999 {
			t.Errorf("ParseDate(%q) = %v, year out of range", s, d)
		}
	})
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2026-03-15 14:30", "15/03/2026 09:05:07", "2026-03-15T14:30:00Z", "2026-03-15T14:30:00+02:00", "2026-03-15 2:30 PM",
		"2026-03-15 25:00", "1:1", "2026-03-15 12:00 UTC", "2026-03-15 24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDateTime(s, "DMY", time.UTC)
		want, wantErr := parseDateTime(s, "DMY", time.UTC) // without the fast path
		if (err == nil) != (wantErr == nil) || !got.Equal(want) {
			t.Errorf("ParseDateTime(%q) = %v, %v; read in full %v, %v", s, got, err, want, wantErr)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026-01", "Jan-26", "Jan 2026", "January 2026", "2026-Q1", "Q1 2026", "FY2027-Q1", "Q1 FY27", "FY2026", "2026", "2026.01", "31/01/2026", "FY"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, plan bool) {
		var p model.Period
		var err error
		if plan {
			p, err = ParsePlanPeriod(s, "DMY")
		} else {
			p, err = ParsePeriod(s, "DMY")
		}
		if err != nil {
			return
		}
		switch {
		case p.Kind == model.Month && (p.N < 1 || p.N > 12),
			p.Kind == model.Quarter && (p.N < 1 || p.N > 4),
			p.Kind == model.Year && (!plan || p.N != 0),
			p.Kind == 0:
			t.Errorf("ParsePeriod(%q) = %+v", s, p)
		}
		for _, fy := range []int{1, 4, 7} {
			if p.End(fy).Before(p.Start(fy)) {
				t.Errorf("%q ends before it starts", s)
			}
		}
	})
}

func FuzzParseBoolAndEnums(f *testing.F) {
	for _, s := range []string{"Yes", "x", "✓", "no", "KTLO", "In Progress", "Big-bang", "Med", "Cycle time", "↑", "Blackout", "3 - Moderate", "Sev 1"} {
		f.Add(s)
	}
	var enums []Enum
	for _, typ := range schema.EnumTypes() {
		enums = append(enums, NewEnum(schema.Enum(typ)))
	}
	sev := NewEnum(schema.Enum(schema.TypeSeverity))
	f.Fuzz(func(t *testing.T, s string) {
		ParseBool(s)
		for _, e := range enums {
			e.Lookup(s)
		}
		if n, ok := ParseSeverity(sev, s); ok && (n < 1 || n > 4) {
			t.Errorf("ParseSeverity(%q) = %d", s, n)
		}
	})
}

func FuzzParseDateCell(f *testing.F) {
	for _, s := range []string{"2026-07-01T02:00:00.000Z", "2026-07-01", "2026-07-01T23:59:59.999999999+05:30", "2026-02-30T00:00:00Z", "T", "2026-07-01T24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDateCell(s, time.UTC)
		if err != nil {
			return
		}
		if got.Year() < 1900 || got.Year() > 9999 || got.Location() != time.UTC {
			t.Errorf("ParseDateCell(%q) = %v", s, got)
		}
		// the day written, or the next one for 24:00
		d, clock, _ := strings.Cut(CleanSpaces(s), "T")
		if day := got.Format("2006-01-02"); d != day && !(strings.HasPrefix(clock, "24") && d == got.AddDate(0, 0, -1).Format("2006-01-02")) {
			t.Errorf("ParseDateCell(%q) = %v, another day", s, got)
		}
	})
}
