package scaffold

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/opsalign/opsalign/generator/model"
)

// fill replaces the example rows of one template with rows, the way a
// user fills it in Excel: values typed into the cells under the header.
func fill(t *testing.T, dir string, tb model.Table, rows [][]any) {
	t.Helper()
	p := filepath.Join(dir, DataDir, FileName(tb))
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := SheetName(tb)
	for range examples(tb) {
		if err := f.RemoveRow(sh, 2); err != nil {
			t.Fatal(err)
		}
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(sh, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func TestFilledTemplatesRead(t *testing.T) {
	dir := newSite(t)
	d := func(s string) time.Time { tm, _ := time.Parse("2006-01-02", s); return tm }
	fill(t, dir, model.TableInitiatives, [][]any{
		{"INI-001", "Warehouse slotting", "Improve", "Distribution", "Ana Ops", "Ian IT", "M-01", 400000, 380000, "PL-1",
			d("2025-09-01"), d("2026-02-01"), "Live", "Phased", "Yes", "Yes", "Yes", "Carla Change", 0.9, "Medium", d("2026-01-10")},
		{"INI-002", "ERP upgrade", "KTLO", "Finance", "Fay Fin", "Ian IT", "M-02", "1.2m", nil, "PL-2",
			nil, d("2026-11-20"), "In Progress", "Big Bang", "No", "No", "No", "", nil, "High", nil},
	})
	fill(t, dir, model.TableMetrics, [][]any{
		{"M-01", "Pick cycle time", "Cycle time", "min", "lower", 30, 20, "Ana Ops", "Distribution"},
		{"M-02", "Close days", "cycle_time", "days", "", 8, 5, "Fay Fin", "Finance"},
	})
	fill(t, dir, model.TableActuals, [][]any{
		{"M-01", "2026-05", 27},
		{"M-01", "2026-06", 24},
	})
	fill(t, dir, model.TableCalendar, [][]any{{"Peak season", d("2026-11-15"), d("2026-12-31"), "Peak", "All"}})
	fill(t, dir, model.TablePlan, [][]any{
		{"PL-1", "Distribution", "Improve", "2026", 400000},
		{"PL-2", "Finance", "Run", "2026", 1200000},
	})
	fill(t, dir, model.TableIncidents, [][]any{{"INC0001", time.Date(2026, 6, 2, 8, 0, 0, 0, time.UTC), time.Date(2026, 6, 2, 11, 30, 0, 0, time.UTC), "1 - Critical", "INI-001", "Distribution", "WMS"}})
	fill(t, dir, model.TableReviews, [][]any{{d("2026-06-05"), "Distribution", "Yes"}, {d("2026-06-12"), "Finance", "No"}})

	_, ds := readSite(t, dir)
	for _, i := range ds.Issues {
		if i.Severity != model.SevInfo {
			t.Errorf("issue in filled templates: %s", i)
		}
	}
	want := map[model.Table]int{model.TableInitiatives: 2, model.TableMetrics: 2, model.TableActuals: 2, model.TableCalendar: 1,
		model.TablePlan: 2, model.TableIncidents: 1, model.TableReviews: 2}
	for _, ts := range ds.Summary.Tables {
		if ts.Rows != want[ts.Table] {
			t.Errorf("%s: %d rows, want %d", ts.Table, ts.Rows, want[ts.Table])
		}
	}
	if len(ds.Initiatives) == 2 {
		a, b := ds.Initiatives[0], ds.Initiatives[1]
		if a.Budget != 400000 || a.Spend == nil || *a.Spend != 380000 || !a.GoLive.Equal(d("2026-02-01")) || a.Adoption == nil || *a.Adoption != 0.9 {
			t.Errorf("INI-001 read as %+v", a)
		}
		if b.Category != model.Run || b.Budget != 1.2e6 || b.Rollout != model.RolloutBigBang || b.Risk != model.RiskHigh || b.Status != model.StatusInFlight {
			t.Errorf("INI-002 read as %+v", b)
		}
	}
	if len(ds.Incidents) == 1 && ds.Incidents[0].Severity != 1 {
		t.Errorf("severity %d, want 1", ds.Incidents[0].Severity)
	}
	if steps := NextSteps(ds); steps != nil {
		t.Errorf("NextSteps after filling every template: %s", strings.Join(steps, "\n"))
	}
}
