package score

import (
	"math"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

func TestAsOf(t *testing.T) {
	q3 := model.Period{Kind: model.Quarter, Year: 2026, N: 3}
	cases := []struct {
		name string
		ds   *model.Dataset
		o    Options
		want string
	}{
		{"given, clock part dropped", &model.Dataset{}, Options{AsOf: time.Date(2026, 9, 30, 15, 4, 0, 0, time.UTC)}, "2026-09-30"},
		{"latest actual, a month", &model.Dataset{Actuals: []model.Observation{month("M", "2026-08", 1), month("M", "2026-03", 1)}}, Options{}, "2026-08-31"},
		{"latest actual, a quarter", &model.Dataset{Actuals: []model.Observation{month("M", "2026-08", 1),
			{Metric: "N", Period: q3, End: q3.End(1)}}}, Options{}, "2026-09-30"},
		{"no actual: latest dated fact", &model.Dataset{
			Initiatives: []model.Initiative{{GoLive: d("2026-05-01")}},
			Reviews:     []model.Review{{Date: d("2026-06-01")}},
			Incidents:   []model.Incident{{Opened: dt("2026-06-02 10:00", time.UTC)}}}, Options{}, "2026-06-02"},
		{"nothing dated", &model.Dataset{}, Options{}, "0001-01-01"},
	}
	for _, c := range cases {
		if got := date(AsOf(c.ds, c.o)); got != c.want {
			t.Errorf("%s: AsOf = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestReportPeriod(t *testing.T) {
	cases := []struct {
		asOf    string
		fyStart int
		want    string
	}{
		{"2026-09-30", 1, "2026-Q3"},
		{"2026-10-01", 1, "2026-Q4"},
		{"2026-01-01", 0, "2026-Q1"}, // unset: calendar
		// April fiscal year, named by the year in which it ends:
		// FY2027 runs 2026-04-01 … 2027-03-31.
		{"2026-09-30", 4, "FY2027-Q2"},
		{"2026-04-01", 4, "FY2027-Q1"},
		{"2026-03-31", 4, "FY2026-Q4"},
		{"2027-01-15", 4, "FY2027-Q4"},
		// July fiscal year: FY2027 runs 2026-07-01 … 2027-06-30.
		{"2026-07-01", 7, "FY2027-Q1"},
		{"2026-06-30", 7, "FY2026-Q4"},
	}
	for _, c := range cases {
		sc := Score(&model.Dataset{}, model.DefaultPolicy(), Options{AsOf: d(c.asOf), FiscalYearStart: c.fyStart})
		if sc.Period != c.want || sc.AsOf != c.asOf {
			t.Errorf("as_of %s, fiscal_year_start %d: period %s (as_of %s), want %s", c.asOf, c.fyStart, sc.Period, sc.AsOf, c.want)
		}
	}
}

func TestTrailing(t *testing.T) {
	w := trailing(d("2026-09-30"))
	if got := w.String(); got != "2026-04-02 – 2026-09-30" {
		t.Errorf("trailing window %s, want 2026-04-02 – 2026-09-30 (182 days)", got)
	}
	// 2024 is a leap year: 2024-03-01 − 181 days = 2023-09-02.
	if got := trailing(d("2024-03-01")).from; !got.Equal(d("2023-09-02")) {
		t.Errorf("trailing from %s, want 2023-09-02", date(got))
	}
}

func TestInFiscalYear(t *testing.T) {
	y := func(n int, fiscal bool) model.Period { return model.Period{Kind: model.Year, Year: n, Fiscal: fiscal} }
	q := func(n, k int, fiscal bool) model.Period {
		return model.Period{Kind: model.Quarter, Year: n, N: k, Fiscal: fiscal}
	}
	m := func(n, k int) model.Period { return model.Period{Kind: model.Month, Year: n, N: k} }
	cases := []struct {
		p           model.Period
		fy, fyStart int
		want        bool
	}{
		{model.Period{}, 2026, 1, true},
		{y(2026, true), 2026, 1, true},
		{y(2026, false), 2026, 1, true},
		{y(2025, false), 2026, 1, false},
		{q(2026, 2, false), 2026, 1, true},
		{q(2025, 4, false), 2026, 1, false},
		{m(2026, 12), 2026, 1, true},
		// April fiscal year, report FY2027 (2026-04-01 … 2027-03-31).
		{y(2027, true), 2027, 4, true},
		{y(2027, false), 2027, 4, true}, // "2027" names fiscal 2027
		{y(2026, false), 2027, 4, false},
		{q(2027, 1, true), 2027, 4, true},
		{q(2026, 4, true), 2027, 4, false},
		{q(2026, 2, false), 2027, 4, true},  // Apr–Jun 2026 is in FY2027
		{q(2026, 1, false), 2027, 4, false}, // Jan–Mar 2026 is in FY2026
		{q(2027, 1, false), 2027, 4, true},  // Jan–Mar 2027 is in FY2027
		{m(2026, 3), 2027, 4, false},
		{m(2026, 4), 2027, 4, true},
	}
	for _, c := range cases {
		if got := inFiscalYear(c.p, c.fy, c.fyStart); got != c.want {
			t.Errorf("inFiscalYear(%s, FY%d, start %d) = %v, want %v", c.p, c.fy, c.fyStart, got, c.want)
		}
	}
}

// localDay agrees with the calendar date in the zone, also before 1970 and
// across a daylight-saving change.
func TestLocalDay(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	for _, s := range []string{"2026-03-08 01:30", "2026-03-08 03:30", "2026-11-01 01:30", "2026-04-01 23:59", "1969-12-31 22:00", "2026-04-02 00:00"} {
		for _, loc := range []*time.Location{time.UTC, ny, time.FixedZone("x", -11*3600), time.FixedZone("y", 14*3600)} {
			in := dt(s, time.UTC)
			want := day(in.In(loc))
			if got := localDay(in, loc); !got.Equal(want) || got != want {
				t.Errorf("localDay(%s, %s) = %v, want %v", s, loc, got, want)
			}
		}
	}
}

// Reasons never write a negative zero: a metric back at its baseline with
// target below baseline has progress 0 / −20 = −0.
func TestFormatNegativeZero(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, c := range []struct {
		got, want string
	}{
		{pct(negZero), "0%"}, {pct(-0.0004), "0%"}, {pct(-0.0006), "-0.1%"}, {pct(0.2449), "24.5%"}, {pct(0.75), "75%"},
		{num(negZero), "0"}, {num(-0.00004), "0"}, {num(-0.00006), "-0.0001"}, {num(106.25), "106.25"},
		{points(negZero), "0"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// Progress at the baseline is +0 whichever way the metric points, so that
// scorecard.json never carries -0.
func TestProgressAtBaseline(t *testing.T) {
	for _, m := range []model.Metric{{Baseline: 100, Target: 80}, {Baseline: 50, Target: 60}} {
		p, ok := progress(&m, m.Baseline)
		if !ok || p != 0 || math.Signbit(p) {
			t.Errorf("progress(%v → %v) at baseline = %v, want +0", m.Baseline, m.Target, p)
		}
	}
}
