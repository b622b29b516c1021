package score

import (
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// checkCase is one row of a check's table: edits to the base fixture, the
// expected result, and a fragment the reason must contain.
type checkCase struct {
	name   string
	edit   func(ds *model.Dataset, in *model.Initiative, p *model.Policy, o *Options)
	want   model.Result
	reason string
}

// runCases runs a table of cases against check id.
func runCases(t *testing.T, id string, cases []checkCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := baseInitiative()
			ds := baseDataset()
			p := model.DefaultPolicy()
			o := testOptions()
			if c.edit != nil {
				c.edit(ds, &in, &p, &o)
			}
			ds.Initiatives = append([]model.Initiative{in}, ds.Initiatives...)
			got, reason := run(t, ds, p, o, id)
			if got != c.want {
				t.Errorf("%s = %s (%s), want %s", id, got, reason, c.want)
			}
			if !strings.Contains(reason, c.reason) {
				t.Errorf("reason %q does not contain %q", reason, c.reason)
			}
		})
	}
}

// setActual sets the value of M-01 for month ym (which must exist).
func setActual(ds *model.Dataset, metric, ym string, v float64) {
	for i, a := range ds.Actuals {
		if a.Metric == metric && a.Period.String() == ym {
			ds.Actuals[i].Value = v
			return
		}
	}
	ds.Actuals = append(ds.Actuals, month(metric, ym, v))
}

// keepActualsUntil drops the actuals after month ym.
func keepActualsUntil(ds *model.Dataset, ym string) {
	end := d(ym+"-01").AddDate(0, 1, -1)
	var kept []model.Observation
	for _, a := range ds.Actuals {
		if !a.End.After(end) {
			kept = append(kept, a)
		}
	}
	ds.Actuals = kept
}

func TestOutcomeLinked(t *testing.T) {
	runCases(t, model.CheckOutcomeLinked, []checkCase{
		{"linked", nil, model.Pass, "linked to metric M-01"},
		{"unknown ids skipped", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = []string{"M-99", "M-02", "M-01"}
		}, model.Pass, "linked to metrics M-02, M-01"},
		// Ids are matched exactly, as the reader does when it warns about
		// unknown ones: m-02 is not M-02.
		{"ids are not case-folded", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = []string{"m-02", "M-01"}
		}, model.Pass, "linked to metric M-01"},
		{"an id differing in case only is unknown", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = []string{"m-01"}
		}, model.Fail, "linked metric m-01 not in the metrics table"},
		{"none linked", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = nil
		}, model.Fail, "no operational metric linked"},
		{"none known", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Metrics = []string{"M-99", "X"}
		}, model.Fail, "linked metrics M-99, X not in the metrics table"},
	})
}

func TestBusinessOwned(t *testing.T) {
	runCases(t, model.CheckBusinessOwned, []checkCase{
		{"distinct owners", nil, model.Pass, "business owner Ann Lee, IT owner Bo Chen"},
		{"no IT owner", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ITOwner = ""
		}, model.Pass, "business owner Ann Lee"},
		{"same person, trimmed and case-folded", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.BusinessOwner, in.ITOwner = "  ann lee ", "Ann  Lee"
		}, model.Warn, "business owner ann lee is also the IT owner"},
		{"no business owner", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.BusinessOwner = ""
		}, model.Fail, "no business owner"},
		{"blank business owner", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.BusinessOwner = "   "
		}, model.Fail, "no business owner"},
	})
}

// reviews returns Stores reviews on the given dates, attended where the
// flag says so.
func reviews(unit string, dates map[string]bool) []model.Review {
	var out []model.Review
	for _, s := range []string{"2026-04-01", "2026-04-02", "2026-05-01", "2026-06-01", "2026-07-01", "2026-09-30", "2026-10-01"} {
		if att, ok := dates[s]; ok {
			out = append(out, model.Review{Date: d(s), BusinessUnit: unit, ITAttended: att})
		}
	}
	return out
}

func TestITEmbedded(t *testing.T) {
	runCases(t, model.CheckITEmbedded, []checkCase{
		{"4 of 4", nil, model.Pass, "IT attended 4 of 4 Stores reviews (100%) in the trailing window (2026-04-02 – 2026-09-30)"},
		{"no reviews table", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			delete(ds.Present, model.TableReviews)
		}, model.NA, "no reviews table"},
		{"no unit", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.BusinessUnit = " "
		}, model.NA, "no business unit"},
		{"3 of 4 is exactly 0.75", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			ds.Reviews[0].ITAttended = false
		}, model.Pass, "3 of 4 Stores reviews (75%)"},
		{"2 of 4 is exactly 0.50", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			ds.Reviews[0].ITAttended, ds.Reviews[1].ITAttended = false, false
		}, model.Warn, "2 of 4 Stores reviews (50%)"},
		{"1 of 4", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			ds.Reviews[0].ITAttended, ds.Reviews[1].ITAttended, ds.Reviews[2].ITAttended = false, false, false
		}, model.Fail, "1 of 4 Stores reviews (25%) in the trailing window (2026-04-02 – 2026-09-30), below 50%"},
		{"no review of the unit in the window", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.BusinessUnit = "Plant B"
		}, model.Warn, "Plant B held no operational review"},
		// In the window: 04-02 yes, 05-01 no, 06-01 yes, 09-30 yes = 3 of 4.
		// Counting 04-01 (no) or 10-01 (no) would make it 3 of 5 = warn.
		{"window bounds inclusive", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			ds.Reviews = reviews("Stores", map[string]bool{"2026-04-01": false, "2026-04-02": true, "2026-05-01": false,
				"2026-06-01": true, "2026-09-30": true, "2026-10-01": false})
		}, model.Pass, "3 of 4"},
		{"policy threshold", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			ds.Reviews[0].ITAttended = false
			p.ReviewAttendancePass = 0.8
		}, model.Warn, "below 80%"},
		// "All" means every unit only in the calendar: here it is a unit's name.
		{"a unit named All", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.BusinessUnit = "All"
			ds.Reviews = reviews("all", map[string]bool{"2026-05-01": false, "2026-06-01": true})
		}, model.Warn, "IT attended 1 of 2 All reviews (50%)"},
		// 2 of 4 = 0.5 is below a warn threshold of 0.6: fail.
		{"policy warn threshold", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			ds.Reviews[0].ITAttended, ds.Reviews[1].ITAttended = false, false
			p.ReviewAttendanceWarn = 0.6
		}, model.Fail, "2 of 4 Stores reviews (50%) in the trailing window (2026-04-02 – 2026-09-30), below 60%"},
		// Reviews only outside the window count as none: warn, not fail.
		{"reviews only outside the window", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			ds.Reviews = reviews("Stores", map[string]bool{"2026-04-01": false, "2026-10-01": false})
		}, model.Warn, "Stores held no operational review in the trailing window (2026-04-02 – 2026-09-30)"},
		// The reviews table present but empty: every unit has no review.
		{"empty reviews table", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			ds.Reviews = nil
		}, model.Warn, "held no operational review"},
	})
}

// seriesBefore sets M-01's actuals for months 2025-04 … 2025-10 to vals
// (in that order); start 2025-10-31 looks at period ends in
// [2025-05-01, 2025-10-31): the ends of May … September.
func seriesBefore(ds *model.Dataset, in *model.Initiative, vals ...float64) {
	in.ProcessStandardized = false
	in.Start = d("2025-10-31")
	for i, v := range vals {
		setActual(ds, "M-01", time.Date(2025, time.Month(4+i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), v)
	}
}

func TestProcessStable(t *testing.T) {
	runCases(t, model.CheckProcessStable, []checkCase{
		{"standardised", nil, model.Pass, "standardised"},
		{"not an automation", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Automation = false
		}, model.NA, "not an automation"},
		{"no start date: only the flag can pass", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized, in.Start = false, time.Time{}
		}, model.Fail, "no start date"},
		{"no known metric", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized, in.Metrics = false, []string{"M-99"}
		}, model.Fail, "no known linked metric"},
		// April and October are outside [2025-05-01, 2025-10-31): their
		// outliers must not count; May … September are constant: CV 0.
		{"window excludes start and the day before its first day", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			seriesBefore(ds, in, 1000, 100, 100, 100, 100, 100, 1000)
		}, model.Pass, "M-01 CV 0 over 5"},
		{"window includes its first day", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			seriesBefore(ds, in, 100, 1000, 100, 100, 100, 100, 100)
			in.Start = d("2025-11-30") // window [2025-05-31, 2025-11-30): May's end is its first day
		}, model.Fail, "M-01 varied with CV"},
		// May … Sep = 85, 115, 85, 115, 100: mean 100, σ² = (4·225 + 0)/5 = 180 → CV 0.134.
		// Without the 100: 85, 115, 85, 115: σ = 15, CV exactly 0.15.
		// Jan … Jun 2025 = 85, 115, 85, 115, 85, 115: mean 100, σ 15, CV exactly 0.15.
		{"CV exactly at the threshold", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-07-31") // [2025-01-29, 2025-07-31): the ends of Jan … Jun
			for i, v := range []float64{85, 115, 85, 115, 85, 115} {
				setActual(ds, "M-01", time.Date(2025, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), v)
			}
		}, model.Pass, "M-01 CV 0.15 over 6"},
		// 0.595, 0.805, …: mean 0.7, σ 0.105, CV 0.15 by hand, 0.15000000000000008 in float64.
		{"CV at the threshold with float noise", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-07-31")
			for i, v := range []float64{0.595, 0.805, 0.595, 0.805, 0.595, 0.805} {
				setActual(ds, "M-01", time.Date(2025, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), v)
			}
		}, model.Pass, "M-01 CV 0.15 over 6"},
		{"CV just above the threshold", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-07-31")
			for i, v := range []float64{84, 116, 84, 116, 84, 116} { // σ 16, CV 0.16
				setActual(ds, "M-01", time.Date(2025, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), v)
			}
		}, model.Fail, "CV 0.16 over 6 observations in 2025-01-29 – 2025-07-30, above 0.15"},
		{"fewer than 3 observations", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-03-15") // [2024-09-13, 2025-03-15): Jan and Feb 2025 only
		}, model.Fail, "M-01 has 2 observations in 2024-09-13 – 2025-03-14, fewer than 3"},
		{"every known metric must be stable", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Metrics = []string{"M-01", "M-02"} // M-02 has no actuals
		}, model.Fail, "M-02 has 0 observations"},
		{"mean zero", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-04-30") // Jan … Mar
			setActual(ds, "M-01", "2025-01", -1)
			setActual(ds, "M-01", "2025-02", 1)
			setActual(ds, "M-01", "2025-03", 0)
		}, model.Fail, "CV undefined (mean 0)"},
		// Start 2025-04-30: [2024-10-29, 2025-04-30) holds the ends of Jan, Feb
		// and Mar 2025, exactly 3 observations of 100: CV 0, enough.
		{"exactly 3 observations", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-04-30")
		}, model.Pass, "metrics stable before start 2025-04-30 (M-01 CV 0 over 3 observations, at most 0.15)"},
		// 84, 116, …: σ 16, mean 100, CV 0.16 ≤ a policy maximum of 0.2.
		{"policy CV maximum", func(ds *model.Dataset, in *model.Initiative, p *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-07-31")
			for i, v := range []float64{84, 116, 84, 116, 84, 116} {
				setActual(ds, "M-01", time.Date(2025, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), v)
			}
			p.StabilityCVMax = 0.2
		}, model.Pass, "M-01 CV 0.16 over 6"},
		// The CV uses |mean|: −85, −115, … has mean −100, σ 15, CV 0.15.
		{"negative mean", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-07-31")
			for i, v := range []float64{-85, -115, -85, -115, -85, -115} {
				setActual(ds, "M-01", time.Date(2025, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), v)
			}
		}, model.Pass, "M-01 CV 0.15 over 6"},
		// Only known linked metrics are judged: the unknown M-99 is skipped.
		{"unknown linked ids are not judged", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.ProcessStandardized = false
			in.Start = d("2025-04-30")
			in.Metrics = []string{"M-99", "M-01"}
		}, model.Pass, "M-01 CV 0 over 3"},
		// The flag passes even without a start date or any metric.
		{"standardised without start or metric", func(ds *model.Dataset, in *model.Initiative, _ *model.Policy, _ *Options) {
			in.Start, in.Metrics = time.Time{}, nil
		}, model.Pass, "standardised"},
	})
}
