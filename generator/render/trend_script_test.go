package render

import (
	"bytes"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

func TestTrendGist(t *testing.T) {
	month := func(y, m int, v float64) model.Observation {
		return model.Observation{Period: model.Period{Kind: model.Month, Year: y, N: m}, End: time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC), Value: v}
	}
	quarter := func(y, q int, v float64) model.Observation {
		return model.Observation{Period: model.Period{Kind: model.Quarter, Year: y, N: q}, End: time.Date(y, time.Month(3*q)+1, 0, 0, 0, 0, 0, time.UTC), Value: v}
	}
	months := []model.Observation{month(2026, 4, 47), month(2026, 5, 45), month(2026, 6, 40), month(2026, 8, 30), month(2026, 9, 30)}
	for _, tc := range []struct {
		name   string
		obs    []model.Observation
		goLive time.Time
		want   string
	}{
		{"go-live inside a month", months, day("2026-05-31"), "5 values from 2026-04 to 2026-09: 45 at go-live (2026-05), lowest 30 (2026-08), highest 47 (2026-04)."},
		{"first day of a month", months, day("2026-06-01"), "5 values from 2026-04 to 2026-09: 40 at go-live (2026-06), lowest 30 (2026-08), highest 47 (2026-04)."},
		{"before the first", months, day("2026-03-15"), "5 values from 2026-04 to 2026-09: go-live 2026-03-15 before the first, lowest 30 (2026-08), highest 47 (2026-04)."},
		{"after the last", months, day("2026-10-01"), "5 values from 2026-04 to 2026-09: go-live 2026-10-01 after the last, lowest 30 (2026-08), highest 47 (2026-04)."},
		{"in a gap", months, day("2026-07-10"), "5 values from 2026-04 to 2026-09: no value at go-live 2026-07-10, lowest 30 (2026-08), highest 47 (2026-04)."},
		{"no go-live", months, time.Time{}, "5 values from 2026-04 to 2026-09: lowest 30 (2026-08), highest 47 (2026-04)."},
		{"quarters", []model.Observation{quarter(2026, 1, 1.5), quarter(2026, 2, 2.25)}, day("2026-04-01"), "2 values from 2026-Q1 to 2026-Q2: 2.25 at go-live (2026-Q2), lowest 1.5 (2026-Q1), highest 2.25 (2026-Q2)."},
		{"one value", []model.Observation{month(2026, 9, 1234.5)}, time.Time{}, "1 value, 1,234.5 in 2026-09."},
		// The year ends after the month but starts before it: the go-live
		// is in the year's period, not the month's, though the month ends
		// first on or after it.
		{"a later period starting earlier", []model.Observation{month(2026, 6, 5),
			{Period: model.Period{Kind: model.Year, Year: 2026}, End: day("2026-12-31"), Value: 9}}, day("2026-03-15"),
			"2 values from 2026-06 to 2026: 9 at go-live (2026), lowest 5 (2026-06), highest 9 (2026)."},
		{"one value at go-live", []model.Observation{month(2026, 9, 1234.5)}, day("2026-09-10"), "1 value, 1,234.5 in 2026-09: 1,234.5 at go-live (2026-09)."},
		{"none", nil, day("2026-04-01"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := &index{obs: map[string][]model.Observation{"M-01": tc.obs}}
			if got := x.trendGist(&model.MetricResult{ID: "M-01"}, tc.goLive); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestWriteChartScript(t *testing.T) {
	var buf bytes.Buffer
	if err := writeChartScript(&buf, Chart{ID: "chart-metric-M-01", Option: `{"a":"\u003c/script\u003e"}`}); err != nil {
		t.Fatal(err)
	}
	want := `(window.opsalignCharts=window.opsalignCharts||{})["chart-metric-M-01-option"]={"a":"\u003c/script\u003e"};` + "\n"
	if buf.String() != want {
		t.Errorf("got  %s\nwant %s", buf.String(), want)
	}
	if err := writeChartScript(&buf, Chart{ID: "chart-x"}); err == nil {
		t.Error("a chart without an option: no error")
	}
}
