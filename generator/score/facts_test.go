package score

import (
	"slices"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// The incidents change_incidents counts are published beside it: ids
// matched exactly (a lower-case or padded id is not the register's),
// severity 1–2, opened in the report period in the site time zone, oldest
// first.
func TestChangeIncidentList(t *testing.T) {
	berlin := time.FixedZone("CEST", 2*3600)
	at := func(s string) time.Time { return dt(s, time.UTC) }
	second := baseInitiative()
	second.ID = "INI-002"
	ds := baseDataset(baseInitiative(), second)
	ds.Incidents = []model.Incident{
		{ID: "INC-4", Opened: at("2026-09-30 23:00"), Severity: 2, Initiative: "INI-002"},                                   // 1 October in Berlin
		{ID: "INC-1", Opened: at("2026-07-01 08:00"), Resolved: at("2026-07-01 14:30"), Severity: 1, Initiative: "INI-001"}, // in Q3
		{ID: "INC-2", Opened: at("2026-07-02 08:00"), Severity: 3, Initiative: "INI-001"},                                   // severity 3
		{ID: "INC-3", Opened: at("2026-06-30 08:00"), Severity: 1, Initiative: "INI-001"},                                   // Q2
		{ID: "INC-5", Opened: at("2026-08-01 08:00"), Severity: 1, Initiative: "ini-002"},                                   // not an id of the register
		{ID: "INC-6", Opened: at("2026-08-01 08:00"), Severity: 1},                                                          // no initiative
		{ID: "INC-7", Opened: at("2026-08-15 08:00"), Severity: 2, Initiative: "INI-002"},
		{ID: "INC-0", Opened: at("2026-08-15 08:00"), Severity: 2, Initiative: "INI-001"}, // same time as INC-7: by id
	}
	for _, tt := range []struct {
		loc  *time.Location
		want []string
	}{
		{nil, []string{"INC-1", "INC-0", "INC-7", "INC-4"}},
		{berlin, []string{"INC-1", "INC-0", "INC-7"}},
	} {
		o := testOptions()
		o.Location = tt.loc
		p := Score(ds, model.DefaultPolicy(), o).Portfolio
		var got []string
		for _, i := range p.ChangeIncidentList {
			got = append(got, i.ID)
		}
		if !slices.Equal(got, tt.want) || p.ChangeIncidents == nil || *p.ChangeIncidents != len(got) {
			t.Errorf("zone %v: change incidents %v listing %v, want %v", tt.loc, p.ChangeIncidents, got, tt.want)
		}
		first := p.ChangeIncidentList[0]
		if first.Initiative != "INI-001" || first.Severity != 1 || first.Resolved == nil || first.Resolved.Sub(first.Opened) != 390*time.Minute {
			t.Errorf("zone %v: first change incident %+v", tt.loc, first)
		}
		if r := p.ChangeIncidentList[1].Resolved; r != nil {
			t.Errorf("zone %v: open incident resolved %v, want nil", tt.loc, r)
		}
	}
	// Without an incidents table there is neither figure nor list.
	ds.Present = map[model.Table]bool{model.TableInitiatives: true, model.TableMetrics: true}
	if p := Score(ds, model.DefaultPolicy(), testOptions()).Portfolio; p.ChangeIncidents != nil || p.ChangeIncidentList != nil {
		t.Errorf("without incidents table: %v %v, want nil", p.ChangeIncidents, p.ChangeIncidentList)
	}
}

// Each category's band is published with whether its share lies inside
// it, bounds inclusive, as split_within_policy decides.
func TestSplitBandsPublished(t *testing.T) {
	rs := []model.InitiativeResult{
		result("A", model.Run, 50, 0, model.Aligned),
		result("B", model.Improve, 30, 0, model.Aligned),
		result("C", model.Transform, 20, 0, model.Aligned),
	}
	p := model.DefaultPolicy()
	delete(p.Split, model.Improve)
	x := newIndex(&model.Dataset{}, p, testOptions(), testAsOf)
	got := portfolio(x, rs, nil).Split.Bands
	want := []model.SplitBand{
		{Category: model.Run, Band: model.Band{0.55, 0.75}, Within: false},
		{Category: model.Transform, Band: model.Band{0.05, 0.20}, Within: true}, // on its upper bound
	}
	if !slices.Equal(got, want) {
		t.Errorf("bands %+v, want %+v", got, want)
	}
	// No budget: no share is within.
	got = portfolio(x, nil, nil).Split.Bands
	if len(got) != 2 || got[0].Within || got[1].Within {
		t.Errorf("bands without budget %+v, want none within", got)
	}
}

// The calendar publishes every window a go-live falls in — of every unit
// (empty or All) or of the initiative's unit however it is spelt, bounds
// inclusive — and peak_clear names the earliest of them.
func TestCalendarCollisions(t *testing.T) {
	ini := func(id, unit, golive string, c model.Category, s model.Status) model.Initiative {
		in := baseInitiative()
		in.ID, in.BusinessUnit, in.GoLive, in.Category, in.Status = id, unit, d(golive), c, s
		return in
	}
	ds := baseDataset(
		ini("INI-1", "Stores", "2026-11-15", model.Run, model.StatusInFlight),        // first day of Peak, before the Stores freeze
		ini("INI-2", "  stores ", "2026-12-31", model.Improve, model.StatusApproved), // last day of both; unit spelt otherwise
		ini("INI-3", "Plant", "2026-12-20", model.Improve, model.StatusInFlight),     // Peak only: the freeze is Stores'
		ini("INI-4", "Stores", "2026-12-01", model.Run, model.StatusCancelled),       // cancelled: not scored
		ini("INI-5", "Stores", "2027-01-01", model.Run, model.StatusInFlight),        // after every window
		ini("INI-6", "", "2026-11-20", model.Transform, model.StatusInFlight),        // no unit: every-unit windows only
	)
	ds.Calendar = []model.Window{
		window("Stores freeze", "2026-12-01", "2026-12-31", model.WindowFreeze, "STORES"),
		window("Peak", "2026-11-15", "2026-12-31", model.WindowPeak, "All"),
		window("Quarter close", "2026-12-28", "2026-12-31", model.WindowClose, ""),
	}
	sc := Score(ds, model.DefaultPolicy(), testOptions())
	c := sc.Calendar
	if len(c.Windows) != 2 || c.Windows[0].UnitKey != "stores" || c.Windows[0].BusinessUnit != "STORES" ||
		c.Windows[1].UnitKey != "" || c.Windows[1].BusinessUnit != "" || c.Windows[1].Start.String() != "2026-11-15" {
		t.Errorf("windows %+v, want the freeze of stores and the peak of every unit", c.Windows)
	}
	var got []string
	for _, col := range c.Collisions {
		got = append(got, col.Initiative+"@"+c.Windows[col.Window].Name)
	}
	want := []string{"INI-1@Peak", "INI-2@Stores freeze", "INI-2@Peak", "INI-3@Peak", "INI-6@Peak"}
	if !slices.Equal(got, want) {
		t.Errorf("collisions %v, want %v", got, want)
	}
	if k := c.UnitKeys["  stores "]; k != "stores" || c.UnitKeys["Plant"] != "plant" {
		t.Errorf("unit keys %v", c.UnitKeys)
	}
	// peak_clear names the earliest-starting window it falls in, and
	// fails exactly the initiatives listed.
	reasons := map[string]string{}
	for _, ir := range sc.Initiatives {
		for _, r := range ir.Checks {
			if r.ID == model.CheckPeakClear && r.Result != model.Pass && r.Result != model.NA {
				reasons[ir.ID] = r.Reason
			}
		}
	}
	if len(reasons) != 4 || reasons["INI-2"] != "go-live 2026-12-31 falls in Peak (2026-11-15 – 2026-12-31); category improve" {
		t.Errorf("peak_clear %v", reasons)
	}
}
