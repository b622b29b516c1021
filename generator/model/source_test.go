package model

import (
	"testing"
	"time"
)

func TestRef(t *testing.T) {
	tests := []struct {
		file, sheet string
		row         int
		col, want   string
	}{
		{"d/r.xlsx", "Initiatives", 12, "F", "d/r.xlsx:Initiatives!F12"},
		{"d/r.xlsx", "Initiatives", 12, "", "d/r.xlsx:Initiatives!12"},
		{"d/r.xlsx", "Notes", 0, "", "d/r.xlsx:Notes"},
		{"d/a.csv", "", 99, "A", "d/a.csv:A99"},
		{"d/a.csv", "", 99, "", "d/a.csv:99"},
		{"d/a.csv", "", 0, "", "d/a.csv"},
	}
	for _, tc := range tests {
		if got := Ref(tc.file, tc.sheet, tc.row, tc.col); got != tc.want {
			t.Errorf("Ref(%q, %q, %d, %q) = %q, want %q", tc.file, tc.sheet, tc.row, tc.col, got, tc.want)
		}
	}
	i := Issue{Severity: SevError, File: "d/r.xlsx", Sheet: "Initiatives", Row: 19, Column: "H", Field: "budget", Message: `cannot read "12,5OO" as money`}
	if got, want := i.String(), `d/r.xlsx:Initiatives!H19: error: budget: cannot read "12,5OO" as money`; got != want {
		t.Errorf("Issue.String() = %q, want %q", got, want)
	}
}

func TestQuarterOf(t *testing.T) {
	d := func(y, m, dd int) Period { return QuarterOf(date(y, m, dd), 1) }
	if got := d(2026, 9, 30).String(); got != "2026-Q3" {
		t.Errorf("calendar: %s", got)
	}
	tests := []struct {
		y, m, dd, fy int
		want         string
		start, end   string
	}{
		{2026, 9, 30, 4, "FY2027-Q2", "2026-07-01", "2026-09-30"},
		{2026, 4, 1, 4, "FY2027-Q1", "2026-04-01", "2026-06-30"},
		{2026, 3, 31, 4, "FY2026-Q4", "2026-01-01", "2026-03-31"},
		{2026, 1, 15, 1, "2026-Q1", "2026-01-01", "2026-03-31"},
		{2026, 12, 31, 10, "FY2027-Q1", "2026-10-01", "2026-12-31"},
	}
	for _, tc := range tests {
		p := QuarterOf(date(tc.y, tc.m, tc.dd), tc.fy)
		if p.String() != tc.want || p.Start(tc.fy).Format("2006-01-02") != tc.start || p.End(tc.fy).Format("2006-01-02") != tc.end {
			t.Errorf("QuarterOf(%d-%d-%d, fy %d) = %s %s..%s, want %s %s..%s", tc.y, tc.m, tc.dd, tc.fy, p, p.Start(tc.fy).Format("2006-01-02"), p.End(tc.fy).Format("2006-01-02"), tc.want, tc.start, tc.end)
		}
	}
	if fy := FiscalYearOf(date(2026, 9, 30), 4); fy != 2027 {
		t.Errorf("FiscalYearOf = %d, want 2027", fy)
	}
	m := Period{Kind: Month, Year: 2024, N: 2}
	if m.End(1).Format("2006-01-02") != "2024-02-29" || m.String() != "2024-02" {
		t.Errorf("leap February: %s %s", m, m.End(1))
	}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
