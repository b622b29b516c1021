package render

import (
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/themes"
)

// TestCollisions checks which go-lives the exceptions list as falling in
// a peak or freeze window: a window of every unit (empty or "All" in any
// case) catches every unit, a unit's window only that unit (matched
// trimmed, case-folded, inner spaces as one), bounds inclusive.
func TestCollisions(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name       string
		windowUnit string
		iniUnit    string
		goLive     string
		want       bool
	}{
		{"every unit, empty", "", "Claims", "2026-11-20", true},
		{"every unit, All", "All", "Claims", "2026-11-20", true},
		{"every unit, all spaced", "  aLL ", "Claims", "2026-11-20", true},
		{"same unit", "Claims", "Claims", "2026-11-20", true},
		{"same unit spelt differently", " field  SERVICES", "Field Services", "2026-11-20", true},
		{"other unit", "Logistics", "Claims", "2026-11-20", false},
		{"first day", "", "Claims", "2026-11-15", true},
		{"last day", "", "Claims", "2026-11-30", true},
		{"day after", "", "Claims", "2026-12-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, ds, sc := fixture()
			ds.Calendar = []model.Window{{Name: "Peak", Start: day("2026-11-15"), End: day("2026-11-30"), Kind: model.WindowPeak, BusinessUnit: tt.windowUnit}}
			ds.Initiatives = ds.Initiatives[:1]
			ds.Initiatives[0].BusinessUnit, ds.Initiatives[0].GoLive, ds.Initiatives[0].Status = tt.iniUnit, day(tt.goLive), model.StatusInFlight
			r, err := Parse(themes.Default(), nil)
			if err != nil {
				t.Fatal(err)
			}
			b, err := newBuild(r, Input{Config: cfg, Dataset: ds, Scorecard: sc})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(b.collisions()) == 1; got != tt.want {
				t.Errorf("collides = %v, want %v", got, tt.want)
			}
		})
	}
}
