package value

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/opsalign/opsalign/generator/model"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, order string
		want      time.Time
		wantErr   bool
		orderErr  bool
	}{
		{"2026-03-15", "DMY", day(2026, 3, 15), false, false},
		{"2026-03-15 00:00:00", "DMY", day(2026, 3, 15), false, false},
		{"2026-03-15T10:30:00Z", "DMY", day(2026, 3, 15), false, false},
		{"2026/03/15", "MDY", day(2026, 3, 15), false, false},
		{"15/03/2026", "DMY", day(2026, 3, 15), false, false},
		{"03/15/2026", "MDY", day(2026, 3, 15), false, false},
		{"04/03/2026", "DMY", day(2026, 3, 4), false, false},
		{"04/03/2026", "MDY", day(2026, 4, 3), false, false},
		{"15.03.2026", "DMY", day(2026, 3, 15), false, false},
		{"5/3/26", "DMY", day(2026, 3, 5), false, false},
		{"15-Mar-2026", "DMY", day(2026, 3, 15), false, false},
		{"15-Mar-26", "MDY", day(2026, 3, 15), false, false},
		{"15 Mar 2026", "DMY", day(2026, 3, 15), false, false},
		{"15 March 2026", "DMY", day(2026, 3, 15), false, false},
		{"Mar 15, 2026", "DMY", day(2026, 3, 15), false, false},
		{"March 15 2026", "DMY", day(2026, 3, 15), false, false},
		{"Sept 1, 2026", "DMY", day(2026, 9, 1), false, false},
		{"Mon 15 Mar 2026", "DMY", day(2026, 3, 15), false, false},
		{"29/02/2028", "DMY", day(2028, 2, 29), false, false},
		{"03/25/2026", "DMY", time.Time{}, true, true},
		{"25/03/2026", "MDY", time.Time{}, true, true},
		{"31/02/2026", "DMY", time.Time{}, true, false},
		{"2026-02-30", "DMY", time.Time{}, true, false},
		{"2026-13-01", "DMY", time.Time{}, true, false},
		{"46000", "DMY", time.Time{}, true, false},
		{"20260315", "DMY", day(2026, 3, 15), false, false},
		{"20261315", "DMY", time.Time{}, true, false},
		{"soon", "DMY", time.Time{}, true, false},
		{"15-Foo-2026", "DMY", time.Time{}, true, false},
		{"", "DMY", time.Time{}, true, false},
		{"15/03-2026", "DMY", time.Time{}, true, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.order)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q, %s) error = %v, want error %v", tt.in, tt.order, err, tt.wantErr)
			continue
		}
		var doe *DateOrderError
		if errors.As(err, &doe) != tt.orderErr {
			t.Errorf("ParseDate(%q, %s) error = %v, want date_order error %v", tt.in, tt.order, err, tt.orderErr)
		}
		if tt.orderErr && !strings.Contains(err.Error(), "date_order") {
			t.Errorf("ParseDate(%q) message %q does not mention date_order", tt.in, err)
		}
		if !tt.wantErr && !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q, %s) = %v, want %v", tt.in, tt.order, got, tt.want)
		}
	}
}

func TestParseDateTime(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	tests := []struct {
		in      string
		loc     *time.Location
		want    time.Time
		wantErr bool
	}{
		{"2026-03-15 14:30", time.UTC, time.Date(2026, 3, 15, 14, 30, 0, 0, time.UTC), false},
		{"2026-03-15 14:30:15", time.UTC, time.Date(2026, 3, 15, 14, 30, 15, 0, time.UTC), false},
		{"15/03/2026 09:05", berlin, time.Date(2026, 3, 15, 9, 5, 0, 0, berlin), false},
		{"2026-03-15T14:30:00Z", berlin, time.Date(2026, 3, 15, 15, 30, 0, 0, berlin), false},
		{"2026-03-15T14:30:00+02:00", time.UTC, time.Date(2026, 3, 15, 12, 30, 0, 0, time.UTC), false},
		{"2026-03-15 2:30 PM", time.UTC, time.Date(2026, 3, 15, 14, 30, 0, 0, time.UTC), false},
		{"25-Oct-2025 00:31:00", time.UTC, time.Date(2025, 10, 25, 0, 31, 0, 0, time.UTC), false},
		{"2026-03-15", time.UTC, time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), false},
		{"2026-03-15 25:00", time.UTC, time.Time{}, true},
		{"2026-03-15 14:3", time.UTC, time.Time{}, true},
		{"2026-03-15 14:30+99:00", time.UTC, time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDateTime(tt.in, "DMY", tt.loc)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDateTime(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && !got.Equal(tt.want) {
			t.Errorf("ParseDateTime(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSerialDate(t *testing.T) {
	tests := []struct {
		serial float64
		d1904  bool
		want   time.Time
	}{
		{1, false, day(1900, 1, 1)},
		{59, false, day(1900, 2, 28)},
		{61, false, day(1900, 3, 1)},
		{45658, false, day(2025, 1, 1)},
		{46096, false, day(2026, 3, 15)},
		{46096.75, false, day(2026, 3, 15)},
		{0, true, day(1904, 1, 1)},
		{44634, true, day(2026, 3, 15)},
		{1, true, day(1904, 1, 2)},
	}
	for _, tt := range tests {
		got, err := SerialDate(tt.serial, tt.d1904)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("SerialDate(%v, %v) = %v, %v; want %v", tt.serial, tt.d1904, got, err, tt.want)
		}
	}
	got, err := SerialTime(46096.75, false, time.UTC)
	if want := time.Date(2026, 3, 15, 18, 0, 0, 0, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("SerialTime(46096.75) = %v, %v; want %v", got, err, want)
	}
	for _, bad := range []float64{-1, 0.5, 3e6} {
		if _, err := SerialDate(bad, false); err == nil {
			t.Errorf("SerialDate(%v) succeeded, want error", bad)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	m := func(y, n int) model.Period { return model.Period{Kind: model.Month, Year: y, N: n} }
	q := func(y, n int, fy bool) model.Period {
		return model.Period{Kind: model.Quarter, Year: y, N: n, Fiscal: fy}
	}
	tests := []struct {
		in      string
		want    model.Period
		wantErr bool
	}{
		{"2026-01", m(2026, 1), false},
		{"2026-1", m(2026, 1), false},
		{"2026/12", m(2026, 12), false},
		{"Jan-26", m(2026, 1), false},
		{"Jan 2026", m(2026, 1), false},
		{"January 2026", m(2026, 1), false},
		{"sept 2026", m(2026, 9), false},
		{"2026-Q1", q(2026, 1, false), false},
		{"2026 Q3", q(2026, 3, false), false},
		{"Q1 2026", q(2026, 1, false), false},
		{"Q4-26", q(2026, 4, false), false},
		{"FY2027-Q1", q(2027, 1, true), false},
		{"FY27 Q2", q(2027, 2, true), false},
		{"Q1 FY2027", q(2027, 1, true), false},
		{"2026-01-31", m(2026, 1), false},
		{"31/01/2026", m(2026, 1), false},
		{"202601", m(2026, 1), false},
		{"202613", model.Period{}, true},
		{"2026-13", model.Period{}, true},
		{"2026-Q5", model.Period{}, true},
		{"2026", model.Period{}, true},
		{"FY2026", model.Period{}, true},
		{"Foo 2026", model.Period{}, true},
		{"", model.Period{}, true},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in, "DMY")
		if (err != nil) != tt.wantErr {
			t.Errorf("ParsePeriod(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && got != tt.want {
			t.Errorf("ParsePeriod(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	plan := []struct {
		in   string
		want model.Period
	}{
		{"FY2026", model.Period{Kind: model.Year, Year: 2026, Fiscal: true}},
		{"FY26", model.Period{Kind: model.Year, Year: 2026, Fiscal: true}},
		{"2026", model.Period{Kind: model.Year, Year: 2026}},
		{"2026-Q2", q(2026, 2, false)},
		{"FY2027-Q1", q(2027, 1, true)},
	}
	for _, tt := range plan {
		got, err := ParsePlanPeriod(tt.in, "DMY")
		if err != nil || got != tt.want {
			t.Errorf("ParsePlanPeriod(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

// TestTwoDigitYears reads two-digit years as Excel does: 00–29 are
// 2000–2029, 30–99 are 1930–1999 (inputs.md), in dates and months; a
// fiscal label names a planning year.
func TestTwoDigitYears(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Time
	}{
		{"15/03/26", day(2026, 3, 15)},
		{"15/03/29", day(2029, 3, 15)},
		{"15/03/30", day(1930, 3, 15)},
		{"1.1.99", day(1999, 1, 1)},
		{"15-Mar-00", day(2000, 3, 15)},
		{"15 Mar 45", day(1945, 3, 15)},
	} {
		if got, err := ParseDate(tt.in, "DMY"); err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"Jan-26", "2026-01"}, {"Jan-29", "2029-01"}, {"Jan-30", "1930-01"}, {"Mar 99", "1999-03"}, {"Q1 26", "2026-Q1"}, {"Q2 45", "1945-Q2"},
		{"FY30", "FY2030"}, {"Q1 FY35", "FY2035-Q1"},
	} {
		got, err := ParsePlanPeriod(tt.in, "DMY")
		if err != nil || got.String() != tt.want {
			t.Errorf("ParsePlanPeriod(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

// TestParseDateCell reads ISO date cells as wall-clock time, like serial
// numbers: the "Z" a writer adds is not UTC; fractions of a second kept.
func TestParseDateCell(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	for _, tt := range []struct {
		in   string
		want time.Time
	}{
		{"2026-07-01T02:00:00.000Z", time.Date(2026, 7, 1, 2, 0, 0, 0, ny)},
		{"2026-07-01T02:00:00Z", time.Date(2026, 7, 1, 2, 0, 0, 0, ny)},
		{"2026-07-01T02:00:00.123456789Z", time.Date(2026, 7, 1, 2, 0, 0, 123456789, ny)},
		{"2026-07-01T02:00:00.5", time.Date(2026, 7, 1, 2, 0, 0, 500_000_000, ny)},
		{"2026-07-01T23:59:59+05:30", time.Date(2026, 7, 1, 23, 59, 59, 0, ny)},
		{"2026-07-01T02:30", time.Date(2026, 7, 1, 2, 30, 0, 0, ny)},
		{"2026-07-01", time.Date(2026, 7, 1, 0, 0, 0, 0, ny)},
	} {
		if got, err := ParseDateCell(tt.in, ny); err != nil || !got.Equal(tt.want) || got.Location() != ny {
			t.Errorf("ParseDateCell(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "2026-02-30", "01/07/2026", "2026-07-01T25:00:00Z", "2026-07-01T2 PM", "2026-07-01Tnoon", "2026-07-01T\n24:00", "2026-07-01T 10:00"} {
		if got, err := ParseDateCell(bad, ny); err == nil {
			t.Errorf("ParseDateCell(%q) = %v, want an error", bad, got)
		}
	}
}

// TestDateTimeOffsetsAndFractions converts a text date-time with Z or an
// offset to the site time zone and keeps fractions of a second.
func TestDateTimeOffsetsAndFractions(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	for _, tt := range []struct {
		in   string
		want time.Time
	}{
		{"2026-07-01T02:00:00Z", time.Date(2026, 6, 30, 22, 0, 0, 0, ny)},
		{"2026-07-01T02:00:00+02:00", time.Date(2026, 6, 30, 20, 0, 0, 0, ny)},
		{"2026-07-01 02:00:00.250", time.Date(2026, 7, 1, 2, 0, 0, 250_000_000, ny)},
		{"2026-07-01T02:00:00.75Z", time.Date(2026, 6, 30, 22, 0, 0, 750_000_000, ny)},
	} {
		if got, err := ParseDateTime(tt.in, "DMY", ny); err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDateTime(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 3, "abc"}, {"abcd", 3, "ab…"}, {"ééé", 3, "ééé"}, {"éééé", 3, "éé…"}, {"", 5, ""},
		{strings.Repeat("x", 1000), 200, strings.Repeat("x", 199) + "…"},
	} {
		if got := Shorten(tt.in, tt.n); got != tt.want || utf8.RuneCountInString(got) > tt.n {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
	if msg := cannotDate(strings.Repeat("9", 5000)).Error(); len(msg) > 250 {
		t.Errorf("a message quotes %d bytes of a cell", len(msg))
	}
}

// parseClock's fast path for HH:MM and HH:MM:SS returns what the full
// reading does, for every two-digit hour and minute and, with seconds,
// for hours 00–30 and every minute and second: the valid ones read, the
// rest (hour 25, minute 60, 24:01) refused.
func TestPlainClock(t *testing.T) {
	check := func(s string) {
		t.Helper()
		h, m, sec, nsec, off, hasOff, err := parseClock(s)
		wh, wm, wsec, wnsec, woff, whasOff, werr := parseClockText(s)
		if h != wh || m != wm || sec != wsec || nsec != wnsec || off != woff || hasOff != whasOff || (err == nil) != (werr == nil) {
			t.Errorf("parseClock(%q) = %d %d %d %d %d %v %v; the full reading %d %d %d %d %d %v %v",
				s, h, m, sec, nsec, off, hasOff, err, wh, wm, wsec, wnsec, woff, whasOff, werr)
		}
	}
	valid := 0
	for h := range 100 {
		for m := range 100 {
			s := fmt.Sprintf("%02d:%02d", h, m)
			check(s)
			if _, _, _, ok := plainClock(s); ok {
				valid++
			}
			if h <= 30 {
				for sec := range 100 {
					check(fmt.Sprintf("%02d:%02d:%02d", h, m, sec))
				}
			}
		}
	}
	if valid != 24*60+1 { // 00:00 to 23:59, and 24:00
		t.Errorf("plainClock reads %d HH:MM times, want %d", valid, 24*60+1)
	}
	for _, s := range []string{"1:30", "01:3", "0a:30", "01:30:0", "01-30", "01:30:00.5", "01:30Z", "01:30 PM", "12:00:00+01:00", "24:00:00", "24:00:01", "٠١:٣٠"} {
		check(s)
	}
	if h, m, sec, ok := plainClock("13:40:00"); !ok || h != 13 || m != 40 || sec != 0 {
		t.Errorf("plainClock(13:40:00) = %d %d %d %v", h, m, sec, ok)
	}
}

// TestISODateTimeFastPath checks the fast path of ParseDateTime against
// the full reading (parseDateTime) for every pairing of dates and times
// of day around its edges: the same time in the same location, or the
// same error.
func TestISODateTimeFastPath(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	days := []string{"2026-03-15", "2024-02-29", "2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "1900-01-01", "1899-12-31",
		"9999-12-31", "0000-01-01", "2026-3-15 ", "2026/03/15", "15-03-2026", "2026-03-1x", " 2026-03-1"}
	clocks := []string{"14:30", "14:30:15", "00:00", "23:59:59", "24:00", "24:00:00", "24:00:01", "23:60", "23:59:60", "7:30 ",
		"07:3O", "14:30Z", "2:30 PM", "14-30", "14:30:1", ":30:15", "14:30:15.5"}
	n := 0
	for _, d := range days {
		for _, c := range clocks {
			for _, sep := range []string{" ", "T", "  ", "t"} {
				s := d + sep + c
				for _, loc := range []*time.Location{time.UTC, berlin} {
					for _, order := range []string{"DMY", "MDY"} {
						slow, slowErr := parseDateTime(s, order, loc)
						fast, fastErr := ParseDateTime(s, order, loc)
						if (slowErr == nil) != (fastErr == nil) || slowErr != nil && slowErr.Error() != fastErr.Error() ||
							fast != slow {
							t.Errorf("ParseDateTime(%q, %s, %s) = %v, %v; read in full %v, %v", s, order, loc, fast, fastErr, slow, slowErr)
						}
						if _, ok := isoDateTime(s, loc); ok {
							n++
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("no input took the fast path")
	}
}
