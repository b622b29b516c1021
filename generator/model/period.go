package model

import (
	"fmt"
	"time"
)

// PeriodKind says how long a Period is.
type PeriodKind int

// Period kinds.
const (
	Month PeriodKind = iota + 1
	Quarter
	Year
)

// Period is a month, a quarter or a year, calendar or fiscal. Fiscal
// periods are named by the fiscal year in which they end (FY2027-Q1 with
// fiscal_year_start = 4 runs April to June 2026).
type Period struct {
	Kind   PeriodKind
	Fiscal bool
	Year   int // calendar year, or fiscal year when Fiscal
	N      int // month 1–12 for Month, quarter 1–4 for Quarter, 0 for Year
}

// String names the period: 2026-09, 2026-Q3, FY2027-Q1, 2026, FY2026.
func (p Period) String() string {
	fy := ""
	if p.Fiscal {
		fy = "FY"
	}
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%s%04d-%02d", fy, p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%s%04d-Q%d", fy, p.Year, p.N)
	case Year:
		return fmt.Sprintf("%s%04d", fy, p.Year)
	}
	return ""
}

// IsZero reports whether p is the zero Period (no period given).
func (p Period) IsZero() bool { return p.Kind == 0 }

// Start returns the first day of the period. fyStart is the month (1–12) in
// which the fiscal year starts; it only matters for fiscal periods.
func (p Period) Start(fyStart int) time.Time {
	y, m := p.Year, 1
	if p.Fiscal {
		// Fiscal year Y ends in calendar year Y; it starts in month fyStart
		// of year Y-1 unless it starts in January.
		if fyStart > 1 {
			y--
		}
		m = fyStart
	}
	switch p.Kind {
	case Month:
		if p.Fiscal {
			m += p.N - 1
		} else {
			m = p.N
		}
	case Quarter:
		m += 3 * (p.N - 1)
	}
	return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
}

// End returns the last day of the period.
func (p Period) End(fyStart int) time.Time {
	s := p.Start(fyStart)
	switch p.Kind {
	case Month:
		return s.AddDate(0, 1, -1)
	case Quarter:
		return s.AddDate(0, 3, -1)
	default:
		return s.AddDate(1, 0, -1)
	}
}

// QuarterOf returns the quarter that contains day d: a calendar quarter when
// fyStart is 1, else a fiscal quarter named by the fiscal year in which it ends.
func QuarterOf(d time.Time, fyStart int) Period {
	if fyStart <= 1 {
		return Period{Kind: Quarter, Year: d.Year(), N: (int(d.Month())-1)/3 + 1}
	}
	idx := (int(d.Month()) - fyStart + 12) % 12 // months since the fiscal year began
	fy := d.Year()
	if int(d.Month()) >= fyStart {
		fy++
	}
	return Period{Kind: Quarter, Fiscal: true, Year: fy, N: idx/3 + 1}
}

// FiscalYearOf returns the fiscal year (named by the calendar year in which it
// ends) that contains day d.
func FiscalYearOf(d time.Time, fyStart int) int {
	if fyStart > 1 && int(d.Month()) >= fyStart {
		return d.Year() + 1
	}
	return d.Year()
}
