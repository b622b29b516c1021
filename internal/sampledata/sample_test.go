package sampledata

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// committed is the repository's sample-data folder, relative to this package.
const committed = "../../sample-data"

func writeSampleTo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := WriteSample(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestWriteSampleDeterministic(t *testing.T) {
	a, b := writeSampleTo(t), writeSampleTo(t)
	for _, name := range SampleFiles() {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestSampleMatchesCommitted(t *testing.T) {
	dir := writeSampleTo(t)
	for _, name := range SampleFiles() {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("sample-data/%s is stale: run `make sample-data` and commit it", name)
		}
	}
}

func TestWriteSampleCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteSample(ctx, t.TempDir()); err == nil {
		t.Fatal("WriteSample with a cancelled context: no error")
	}
}

// TestSampleCells reads cells back from the written workbooks: typed where
// finance types them, text where finance types text.
func TestSampleCells(t *testing.T) {
	dir := writeSampleTo(t)
	tests := []struct {
		file, sheet, cell string
		typ               excelize.CellType
		raw               string
	}{
		{sampleRegister, "Register", "A4", excelize.CellTypeInlineString, "Initiative ID"},
		{sampleRegister, "Register", "A5", excelize.CellTypeInlineString, "INI-001"},
		{sampleRegister, "Register", "H5", excelize.CellTypeUnset, "4900000"},
		{sampleRegister, "Register", "L5", excelize.CellTypeUnset, "46346"}, // 2026-11-20
		{sampleRegister, "Register", "L12", excelize.CellTypeInlineString, "03/01/2026"},
		{sampleRegister, "Register", "H43", excelize.CellTypeInlineString, "EUR 640,000"},
		{sampleRegister, "Register", "H32", excelize.CellTypeUnset, "4600000"}, // formula, saved result
		{sampleRegister, "Register", "P8", excelize.CellTypeBool, "1"},
		{sampleRegister, "Register", "A46", excelize.CellTypeInlineString, "Total"},
		{sampleRegister, "Register", "K35", excelize.CellTypeUnset, "45691"}, // bare serial of 2025-02-03
		{sampleRegister, "Lists", "A1", excelize.CellTypeSharedString, "Type list"},
		{samplePlan, "KPIs", "A4", excelize.CellTypeSharedString, "M-01"},
		{samplePlan, "Plan", "A21", excelize.CellTypeSharedString, "Grand Total"},
		{sampleActuals, "Actuals", "B3", excelize.CellTypeUnset, "45566"}, // 2024-10-01
		{sampleActuals, "Actuals", "N3", excelize.CellTypeSharedString, "Oct-25"},
		{sampleActuals, "Actuals", "Y4", excelize.CellTypeUnset, "29.3"},
		{sampleActuals, "Actuals", "B14", excelize.CellTypeUnset, ""}, // M-11 not yet tracked
		{sampleActuals, "Actuals", "Y14", excelize.CellTypeSharedString, "1,925"},
	}
	books := map[string]*excelize.File{}
	for _, tt := range tests {
		f := books[tt.file]
		if f == nil {
			var err error
			if f, err = excelize.OpenFile(filepath.Join(dir, tt.file)); err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			books[tt.file] = f
		}
		typ, err := f.GetCellType(tt.sheet, tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := f.GetCellValue(tt.sheet, tt.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if typ != tt.typ || raw != tt.raw {
			t.Errorf("%s:%s!%s = %q of type %v, want %q of type %v", tt.file, tt.sheet, tt.cell, raw, typ, tt.raw, tt.typ)
		}
	}
	if got, _ := books[sampleRegister].GetCellFormula("Register", "H32"); got != "4*1150000" {
		t.Errorf("Register!H32 formula = %q, want 4*1150000", got)
	}
	if visible, _ := books[sampleRegister].GetSheetVisible("Lists"); visible {
		t.Error("Lists sheet is visible, want hidden")
	}
}

// TestSampleSplit checks the budget split the story rests on: Transform
// above its 5–20% band, Run and Improve inside theirs. Cancelled work is
// left out; the euro-typed budget counts at face value.
func TestSampleSplit(t *testing.T) {
	var total float64
	by := map[string]float64{}
	norm := map[string]string{"Run": "run", "KTLO": "run", "Keep the lights on": "run",
		"Improve": "improve", "Transform": "transform", "Transformation": "transform"}
	for _, in := range sampleInitiatives {
		if in.status == "Cancelled" {
			continue
		}
		total += in.budget
		by[norm[in.category]] += in.budget
	}
	want := map[string]float64{"run": 30_600_000, "improve": 10_280_000, "transform": 12_100_000}
	if total != 52_980_000 {
		t.Errorf("scored budget = %.0f, want 52980000", total)
	}
	for c, w := range want {
		if by[c] != w {
			t.Errorf("%s budget = %.0f, want %.0f", c, by[c], w)
		}
	}
}

// TestSampleReviewAttendance checks IT attendance per unit in the trailing
// window 2026-04-02 … 2026-09-30.
func TestSampleReviewAttendance(t *testing.T) {
	want := map[string][2]int{buDistribution: {6, 6}, buField: {4, 6}, buCustomer: {2, 6}, buShared: {5, 6}}
	from, to := day("2026-04-02"), day("2026-09-30")
	for _, p := range sampleReviewPlans {
		var got [2]int
		for i := range sampleMonths {
			d := nthWeekday(monthStart(i), p.nth, p.weekday)
			if d.Before(from) || d.After(to) {
				continue
			}
			got[1]++
			if p.attended[i] == 'Y' {
				got[0]++
			}
		}
		if got != want[p.unit] {
			t.Errorf("%s: attended %d of %d, want %d of %d", p.unit, got[0], got[1], want[p.unit][0], want[p.unit][1])
		}
	}
}

func TestNthWeekday(t *testing.T) {
	tests := []struct {
		month string
		nth   int
		wd    time.Weekday
		want  string
	}{
		{"2026-04-01", 2, time.Tuesday, "2026-04-14"},
		{"2026-09-01", 1, time.Tuesday, "2026-09-01"},
		{"2026-09-01", 3, time.Thursday, "2026-09-17"},
		{"2024-10-01", 2, time.Wednesday, "2024-10-09"},
	}
	for _, tt := range tests {
		if got := nthWeekday(day(tt.month), tt.nth, tt.wd).Format(time.DateOnly); got != tt.want {
			t.Errorf("nthWeekday(%s, %d, %v) = %s, want %s", tt.month, tt.nth, tt.wd, got, tt.want)
		}
	}
}

func TestProgressAt(t *testing.T) {
	m := metricDef{final: 0.6, from: 4, to: 10}
	tests := []struct {
		month int
		want  float64
	}{{0, 0}, {4, 0}, {7, 0.3}, {10, 0.6}, {23, 0.6}}
	for _, tt := range tests {
		if got := m.progressAt(tt.month); round(got, 9) != tt.want {
			t.Errorf("progressAt(%d) = %v, want %v", tt.month, got, tt.want)
		}
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {1925, "1,925"}, {1234567, "1,234,567"}, {-1850, "-1,850"}}
	for _, tt := range tests {
		if got := thousands(tt.v); got != tt.want {
			t.Errorf("thousands(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}
