package value

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// ParsePeriod reads a month or quarter: 2026-01, Jan-26, Jan 2026, January
// 2026, 2026-Q1, Q1 2026 (calendar quarters), FY2027-Q1 (a fiscal quarter)
// or a date, which stands for its month (read in order, "DMY" or "MDY").
func ParsePeriod(s string, order string) (model.Period, error) {
	p, err := parsePeriod(s, order, false)
	return p, err
}

// ParsePlanPeriod reads a plan line's period: a period (see ParsePeriod) or
// a year, FY2026 being a fiscal year and 2026 a calendar one.
func ParsePlanPeriod(s string, order string) (model.Period, error) {
	return parsePeriod(s, order, true)
}

func parsePeriod(s, order string, years bool) (model.Period, error) {
	s = normSpaces(s)
	if s == "" {
		return model.Period{}, ErrEmpty
	}
	toks := periodTokens(s)
	bad := fmt.Errorf("%s is not a period (write 2026-01, Jan 2026, 2026-Q1 or FY2027-Q1)", quote(s))
	fiscal := false
	if len(toks) > 0 && toks[0] == "FY" {
		fiscal, toks = true, toks[1:]
	} else if len(toks) > 1 && toks[1] == "FY" && isQuarter(toks[0]) { // Q1 FY2027
		fiscal, toks = true, append([]string{toks[0]}, toks[2:]...)
	}
	switch len(toks) {
	case 1:
		if y, ok := periodYear(toks[0], fiscal); ok && years && (fiscal || len(toks[0]) == 4) {
			return model.Period{Kind: model.Year, Fiscal: fiscal, Year: y}, nil
		}
		if p, ok := YearMonth(toks[0]); ok && !fiscal {
			return p, nil
		}
	case 2:
		a, b := toks[0], toks[1]
		if isQuarter(b) {
			a, b = b, a
		}
		if isQuarter(a) {
			if y, ok := periodYear(b, fiscal); ok {
				return model.Period{Kind: model.Quarter, Fiscal: fiscal, Year: y, N: int(a[1] - '0')}, nil
			}
			return model.Period{}, bad
		}
		if fiscal {
			return model.Period{}, bad
		}
		if len(a) == 4 && allDigits(a) && allDigits(b) && len(b) <= 2 {
			if m := atoi(b); m >= 1 && m <= 12 {
				return model.Period{Kind: model.Month, Year: atoi(a), N: m}, nil
			}
			return model.Period{}, bad
		}
		if m, ok := monthNames[strings.ToLower(a)]; ok {
			if y, ok := periodYear(b, false); ok {
				return model.Period{Kind: model.Month, Year: y, N: int(m)}, nil
			}
		}
		if m, ok := monthNames[strings.ToLower(b)]; ok && len(a) == 4 {
			if y, ok := periodYear(a, false); ok {
				return model.Period{Kind: model.Month, Year: y, N: int(m)}, nil
			}
		}
		return model.Period{}, bad
	}
	if fiscal {
		return model.Period{}, bad
	}
	d, err := ParseDate(s, order)
	if err != nil {
		if _, ok := err.(*DateOrderError); ok {
			return model.Period{}, err
		}
		return model.Period{}, bad
	}
	return model.Period{Kind: model.Month, Year: d.Year(), N: int(d.Month())}, nil
}

// periodTokens splits "FY2027-Q1" into FY, 2027, Q1 and "Jan-26" into JAN, 26.
func periodTokens(s string) []string {
	s = strings.ToUpper(s)
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '_' || r == ',' || r == '\'' })
	var out []string
	for _, t := range f {
		if strings.HasPrefix(t, "FY") && len(t) > 2 {
			out = append(out, "FY", t[2:])
			continue
		}
		out = append(out, t)
	}
	// "2026.01" is a month only when it has no third part.
	if len(out) == 1 && strings.Count(out[0], ".") == 1 {
		a, b, _ := strings.Cut(out[0], ".")
		if len(a) == 4 && allDigits(a) {
			out = []string{a, b}
		}
	}
	return out
}

// YearMonth reads 202601 (YYYYMM), as some exports write months.
func YearMonth(t string) (model.Period, bool) {
	if len(t) != 6 || !allDigits(t) {
		return model.Period{}, false
	}
	y, m := atoi(t[:4]), atoi(t[4:])
	if y < 1900 || m < 1 || m > 12 {
		return model.Period{}, false
	}
	return model.Period{Kind: model.Month, Year: y, N: m}, true
}

func isQuarter(t string) bool { return len(t) == 2 && t[0] == 'Q' && t[1] >= '1' && t[1] <= '4' }

// periodYear reads a four-digit year or a two-digit one: as Excel reads
// it (26 = 2026, 45 = 1945), except in a fiscal label, which names a
// planning year (FY45 = 2045).
func periodYear(t string, fiscal bool) (int, bool) {
	if !allDigits(t) {
		return 0, false
	}
	switch len(t) {
	case 4:
		y := atoi(t)
		return y, y >= 1900 && y <= 9999
	case 2:
		if fiscal {
			return 2000 + atoi(t), true
		}
		return TwoDigitYear(atoi(t)), true
	}
	return 0, false
}
