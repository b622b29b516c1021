package history

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/opsalign/opsalign/generator/model"
)

// The years a quarter's name may carry, calendar or fiscal (four digits;
// the spreadsheet readers take dates from 1900 on).
const (
	minYear = 1900
	maxYear = 9999
)

var quarterRE = regexp.MustCompile(`^(FY)?(\d{4})-Q([1-4])$`)

// ParseQuarter reads the PERIOD of `opsalign close`: a calendar quarter
// such as 2026-Q3, or a fiscal quarter such as FY2027-Q2 when the site's
// fiscal year does not start in January (fyStart ≠ 1). A calendar quarter
// is accepted under a fiscal year that starts in January, April, July or
// October, where it is also a fiscal quarter; the result is then the
// fiscal quarter, named as the scorecard names its period.
func ParseQuarter(s string, fyStart int) (model.Period, error) {
	m := quarterRE.FindStringSubmatch(s)
	if m == nil {
		return model.Period{}, fmt.Errorf("period %q: want a quarter such as 2026-Q3 (or FY2027-Q2 with a fiscal year)", s)
	}
	y, _ := strconv.Atoi(m[2])
	n, _ := strconv.Atoi(m[3])
	if y < minYear || y > maxYear {
		return model.Period{}, fmt.Errorf("period %q: year out of range (%d to %d)", s, minYear, maxYear)
	}
	p := model.Period{Kind: model.Quarter, Fiscal: m[1] != "", Year: y, N: n}
	if p.Fiscal && fyStart <= 1 {
		return model.Period{}, fmt.Errorf("period %q: a fiscal quarter needs fiscal_year_start other than 1 in opsalign.toml; name the calendar quarter (%04d-Q%d)", s, y, n)
	}
	if fyStart <= 1 {
		return p, nil
	}
	// Name the quarter the way the scorecard names the report period.
	q := model.QuarterOf(p.End(fyStart), fyStart)
	if !q.Start(fyStart).Equal(p.Start(fyStart)) {
		return model.Period{}, fmt.Errorf("period %q: not a quarter of this site's fiscal year (fiscal_year_start = %d); the quarter ending %s is %s",
			s, fyStart, q.End(fyStart).Format("2006-01-02"), q)
	}
	// The fiscal name of a late calendar quarter may lie a year on
	// (9999-Q4 is FY10000-Q3 with fiscal_year_start = 4): a name that
	// could not be parsed back, nor written in four digits, is refused.
	if q.Year > maxYear {
		return model.Period{}, fmt.Errorf("period %q: is %s with fiscal_year_start = %d, a year out of range (%d to %d)", s, q, fyStart, minYear, maxYear)
	}
	return q, nil
}
