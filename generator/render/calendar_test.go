package render

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/score"
)

// calendarOption is the part of the calendar chart's option that places
// the windows.
type calendarOption struct {
	Grid  map[string]any
	YAxis []struct {
		Type string
		Show *bool
		Data []string
		Min  *float64
		Max  *float64
	}
	Series []struct {
		Name       string
		YAxisIndex int
		MarkArea   *struct {
			Data [][]struct {
				Name  string
				Coord []any
			}
		}
	}
}

// area is one shaded area as the test expects it: its name and the y
// coordinates of its two corners (nil: the end of the axis).
type area struct {
	name   string
	y0, y1 any
}

// TestCalendarWindowRows checks where the calendar chart's option puts a
// window: a window of one unit on that unit's row of the hidden value axis
// ([i, i+1] for the i-th row from the bottom), one of every unit ("",
// "All" in any case and spacing) with null y, the full height.
func TestCalendarWindowRows(t *testing.T) {
	const start, end = "2026-12-20", "2027-01-05"
	tests := []struct {
		name  string
		unit  string             // the window's business unit
		extra []model.Initiative // go-lives besides the fixture's (Claims and Logistics)
		rows  []string
		areas []area
	}{
		{"unit", "Logistics", nil, []string{"Claims", "Logistics"},
			[]area{{"W (freeze, Logistics)", 1.0, 2.0}}},
		{"first row", "Claims", nil, []string{"Claims", "Logistics"},
			[]area{{"W (freeze, Claims)", 0.0, 1.0}}},
		{"unit in another case, with spaces", "  logistics ", nil, []string{"Claims", "Logistics"},
			[]area{{"W (freeze, logistics)", 1.0, 2.0}}},
		{"every unit: empty", "", nil, []string{"Claims", "Logistics"},
			[]area{{"W (freeze)", nil, nil}}},
		{"every unit: All", "All", nil, []string{"Claims", "Logistics"},
			[]area{{"W (freeze)", nil, nil}}},
		{"every unit: all, spaced", " ALL ", nil, []string{"Claims", "Logistics"},
			[]area{{"W (freeze)", nil, nil}}},
		// A unit without a go-live gets its row, in order.
		{"unit without go-lives", "Depot", nil, []string{"Claims", "Depot", "Logistics"},
			[]area{{"W (freeze, Depot)", 1.0, 2.0}}},
		// Two rows of one unit spelt two ways are both shaded.
		{"unit of two rows", "claims", []model.Initiative{{ID: "INI-009", Name: "Intake", BusinessUnit: "CLAIMS", GoLive: day("2026-02-02")}},
			[]string{"CLAIMS", "Claims", "Logistics"},
			[]area{{"W (freeze, claims)", 0.0, 1.0}, {"W (freeze, claims)", 1.0, 2.0}}},
		// A go-live without a unit is a row of its own, which a unit's
		// window does not shade.
		{"row without a unit", "Logistics", []model.Initiative{{ID: "INI-009", Name: "Intake", GoLive: day("2026-02-02")}},
			[]string{"(no unit)", "Claims", "Logistics"},
			[]area{{"W (freeze, Logistics)", 2.0, 3.0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, ds, sc := fixture()
			ds.Initiatives = append(ds.Initiatives, tt.extra...)
			ds.Calendar = []model.Window{
				{Name: "W", Start: day(start), End: day(end), Kind: model.WindowFreeze, BusinessUnit: tt.unit},
				{Name: "Month end", Start: day(start), End: day(end), Kind: model.WindowClose, BusinessUnit: "Nowhere"},
			}
			// The windows' unit keys are the scorer's.
			sc.Calendar = score.Score(ds, cfg.Policy, score.Options{AsOf: cfg.AsOf}).Calendar
			b := newIndex(Input{Config: cfg, Dataset: ds, Scorecard: sc}, parseDefault(t))
			c := b.calendarChart()
			var o calendarOption
			if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
				t.Fatal(err)
			}
			if o.Grid == nil {
				t.Errorf("no grid")
			}
			if len(o.YAxis) != 2 {
				t.Fatalf("%d y axes, want 2", len(o.YAxis))
			}
			if y := o.YAxis[0]; y.Type != "category" || !slices.Equal(y.Data, tt.rows) {
				t.Errorf("y axis %s %q, want category %q", y.Type, y.Data, tt.rows)
			}
			if y := o.YAxis[1]; y.Type != "value" || y.Show == nil || *y.Show || y.Min == nil || *y.Min != 0 || y.Max == nil || *y.Max != float64(len(tt.rows)) {
				t.Errorf("window axis %+v, want a hidden value axis from 0 to %d", y, len(tt.rows))
			}
			var got []area
			for _, s := range o.Series {
				if s.MarkArea == nil || len(s.MarkArea.Data) == 0 {
					continue
				}
				if s.Name != freezeSeries || s.YAxisIndex != 1 {
					t.Errorf("mark areas on series %q (y axis %d), want %q on the window axis", s.Name, s.YAxisIndex, freezeSeries)
				}
				for _, d := range s.MarkArea.Data {
					if len(d) != 2 || len(d[0].Coord) != 2 || len(d[1].Coord) != 2 || d[0].Coord[0] != start || d[1].Coord[0] != end {
						t.Fatalf("area %+v, want two corners from %s to %s", d, start, end)
					}
					got = append(got, area{d[0].Name, d[0].Coord[1], d[1].Coord[1]})
				}
			}
			if !reflect.DeepEqual(got, tt.areas) {
				t.Errorf("areas %v, want %v", got, tt.areas)
			}
			if h := 130 + 40*len(tt.rows); c.Height != max(260, h) {
				t.Errorf("height %d, want %d", c.Height, max(260, h))
			}
			// The window is a row of the chart's table too; the close is not drawn.
			unit := strings.TrimSpace(tt.unit)
			if strings.EqualFold(unit, "all") || unit == "" {
				unit = "All"
			}
			want := []string{start + " – " + end, "W (freeze window)", unit, "–"}
			last := c.Table.Rows[len(c.Table.Rows)-1]
			var cells []string
			for _, cl := range last {
				cells = append(cells, cl.Text)
			}
			if !slices.Equal(cells, want) {
				t.Errorf("last table row %q, want %q", cells, want)
			}
		})
	}
}

// TestCalendarHeatMapNoDecals checks that the heat map of a large
// portfolio draws its cells without decals (and with ARIA on): a decal
// per cell is an SVG pattern per cell, which a print rasterises one by
// one, while the list-sized calendar keeps ECharts' decals.
func TestCalendarHeatMapNoDecals(t *testing.T) {
	for _, n := range []int{0, calendarHeatMapAt + 1} {
		cfg, ds, sc := fixture()
		for i := range n {
			ds.Initiatives = append(ds.Initiatives, model.Initiative{ID: fmt.Sprintf("INI-%04d", 100+i), Name: "x",
				BusinessUnit: []string{"Claims", "Logistics"}[i%2], GoLive: day("2026-10-05").AddDate(0, 0, i%120)})
		}
		b := newIndex(Input{Config: cfg, Dataset: ds, Scorecard: sc}, parseDefault(t))
		c := b.calendarChart()
		var o struct {
			Aria struct {
				Enabled bool
				Decal   struct{ Show bool }
			}
			Series []struct{ Type string }
		}
		if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
			t.Fatal(err)
		}
		heat := len(o.Series) > 0 && o.Series[0].Type == "heatmap"
		if heat != (n > 0) {
			t.Fatalf("%d extra go-lives: first series %+v, heat map %v", n, o.Series, n > 0)
		}
		if !o.Aria.Enabled || o.Aria.Decal.Show == heat {
			t.Errorf("%d extra go-lives: aria %+v, want enabled with decals %v", n, o.Aria, !heat)
		}
	}
}

func TestNearestCollisions(t *testing.T) {
	cs := []Collision{{GoLive: "2026-01-10"}, {GoLive: "2026-12-01"}, {GoLive: "2026-09-30"}, {GoLive: "2025-06-01"}, {GoLive: "2026-10-02"}, {GoLive: "2026-09-29"}}
	var got []string
	for _, c := range nearest(cs, "2026-09-30") {
		got = append(got, c.GoLive)
	}
	want := []string{"2026-09-30", "2026-10-02", "2026-12-01", "2026-09-29", "2026-01-10", "2025-06-01"}
	if !slices.Equal(got, want) {
		t.Errorf("nearest = %q, want %q", got, want)
	}
	if cs[0].GoLive != "2026-01-10" {
		t.Error("nearest sorted its argument")
	}
}

// TestCalendarAtMostRows: a calendar with more collisions than
// calendarRows writes that many, says how many there are and links to
// where every one is; with fewer it writes them all, in the scorecard's
// order.
func TestCalendarAtMostRows(t *testing.T) {
	for _, n := range []int{calendarRows, calendarRows + 7} {
		x := &index{sc: &model.Scorecard{AsOf: "2026-09-30"}, ds: &model.Dataset{}}
		x.sc.Calendar.Windows = []model.CalendarWindow{{Name: "Peak"}}
		for i := range n {
			d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 3*i)
			x.sc.Calendar.Collisions = append(x.sc.Calendar.Collisions, model.Collision{Initiative: fmt.Sprintf("INI-%03d", i), GoLive: model.DateOf(d)})
		}
		var v CalendarView
		v.Collisions, v.More = x.calendarCollisions("")
		if len(v.Collisions) != calendarRows {
			t.Fatalf("%d collisions: %d written, want %d", n, len(v.Collisions), calendarRows)
		}
		if n == calendarRows {
			if v.More != nil || v.Collisions[0].GoLive != "2026-01-01" {
				t.Errorf("%d collisions: more %+v, first %s", n, v.More, v.Collisions[0].GoLive)
			}
			continue
		}
		if v.More == nil || v.More.Total != n || v.More.Shown != calendarRows || v.More.Peak != "initiatives/index.html#sort=peak_clear" {
			t.Fatalf("%d collisions: more %+v", n, v.More)
		}
		// Upcoming from 2026-09-30 first: go-live 92, 2026-10-01.
		if v.Collisions[0].GoLive != "2026-10-01" {
			t.Errorf("%d collisions: the first written is %s, want 2026-10-01", n, v.Collisions[0].GoLive)
		}
	}
}
