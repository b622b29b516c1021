package read

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
)

// The workbooks under testdata/programs were written by LibreOffice,
// Gnumeric, SheetJS and ExcelJS from one finance drop (make.sh there; its
// README.md names each program's version). Each must read the same.

// programSite copies fixture files into a fresh site's data folder and
// sets the site to New York time and euros, as the drop is.
func programSite(t *testing.T, files ...string) config.Config {
	t.Helper()
	cfg := newSite(t)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	cfg.Location, cfg.Currency = ny, "EUR"
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("testdata", "programs", f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dataPath(cfg, filepath.Base(f)), b)
	}
	return cfg
}

// TestProgramsReadAlike reads the drop as each program saved it: ids and
// unit codes keep their leading zeros whether the program stored them as
// shared strings, inline strings or formula results; a serial number
// typed as text in a date column is not a date; TRUE() reads as yes;
// date-times are wall-clock in the site's zone, serial and ISO cells alike.
func TestProgramsReadAlike(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	at := func(d, h, m, s, ns int) time.Time { return time.Date(2026, 4, d, h, m, s, ns, ny) }
	for _, tt := range []struct {
		files []string
		sheet bool // a workbook (issues name the sheet)
		// opened of INC0002: SheetJS wrote 22:15 as 22:14:59.999
		opened2 time.Time
	}{
		{[]string{"libreoffice/finance.xlsx"}, true, at(2, 22, 15, 0, 0)},
		{[]string{"libreoffice/finance.xlsm"}, true, at(2, 22, 15, 0, 0)},
		{[]string{"gnumeric/finance.xlsx"}, true, at(2, 22, 15, 0, 0)},
		{[]string{"sheetjs/finance.xlsx"}, true, at(2, 22, 14, 59, 999_000_000)},
		{[]string{"exceljs/finance.xlsx"}, true, at(2, 22, 15, 0, 0)},
		{[]string{"libreoffice-csv/finance-Initiatives.csv", "libreoffice-csv/finance-Metrics.csv", "libreoffice-csv/finance-Incidents.csv"}, false, at(2, 22, 15, 0, 0)},
	} {
		t.Run(tt.files[0], func(t *testing.T) {
			cfg := programSite(t, tt.files...)
			ds := mustRead(t, cfg)
			file, sheet := "data/"+filepath.Base(tt.files[0]), ""
			if tt.sheet {
				sheet = "Initiatives"
			}
			checkIssues(t, ds, []issueAt{{model.SevWarning, file, sheet, 3, "F", "go_live", `cannot read "46068" as a date`}})

			type ini struct {
				id, unit            string
				budget              float64
				goLive              time.Time
				automation, trained bool
			}
			var got []ini
			for _, in := range ds.Initiatives {
				got = append(got, ini{in.ID, in.BusinessUnit, in.Budget, in.GoLive, in.Automation, in.TrainingPlan})
			}
			want := []ini{
				{"000101", "0042", 250000, day(2026, 3, 15), true, true},
				{"INI-102", "Ops", 1185400, time.Time{}, false, false},
				{"000103", "0007", 90000, day(2026, 5, 1), false, true},
				{"000104", "0099", 1000, day(2026, 6, 30), true, false},
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("initiatives:\n got %+v\nwant %+v", got, want)
			}

			type inc struct {
				id, initiative, unit string
				opened, resolved     time.Time
				severity             int
			}
			var incs []inc
			for _, in := range ds.Incidents {
				incs = append(incs, inc{in.ID, in.Initiative, in.BusinessUnit, in.Opened, in.Resolved, in.Severity})
			}
			wantInc := []inc{
				{"INC0001", "000101", "0042", at(1, 9, 0, 0, 0), at(1, 11, 30, 0, 0), 2},
				{"INC0002", "INI-102", "Ops", tt.opened2, at(3, 1, 45, 30, 0), 3},
			}
			if len(incs) != len(wantInc) {
				t.Fatalf("incidents %+v, want %+v", incs, wantInc)
			}
			for i := range incs {
				g, w := incs[i], wantInc[i]
				if g.id != w.id || g.initiative != w.initiative || g.unit != w.unit || !g.opened.Equal(w.opened) || !g.resolved.Equal(w.resolved) || g.severity != w.severity {
					t.Errorf("incident %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// TestUnreadableSpreadsheets puts an .xls and an .ods beside a workbook
// that reads: each is a file-level error naming the file and the way
// out, and the error lists what was read and what was refused.
func TestUnreadableSpreadsheets(t *testing.T) {
	cfg := programSite(t, "libreoffice/finance.xlsx", "libreoffice/finance.xls", "libreoffice/finance.ods")
	writeFile(t, dataPath(cfg, "Budget.numbers"), []byte("not read"))
	writeFile(t, dataPath(cfg, "notes.txt"), []byte("not a spreadsheet: left alone"))
	writeFile(t, dataPath(cfg, ".~lock.finance.ods#"), []byte("LibreOffice's lock file"))
	ds, err := Read(context.Background(), cfg, nil)
	if ds != nil || err == nil {
		t.Fatalf("Read = %v, %v; want file errors", ds, err)
	}
	var re *Error
	if !errors.As(err, &re) {
		t.Fatalf("error %T is not a *read.Error", err)
	}
	if want := []string{"data/finance.xlsx"}; !slices.Equal(re.Files, want) {
		t.Errorf("files read %q, want %q", re.Files, want)
	}
	wantRefused := []string{"data/Budget.numbers", "data/finance.ods", "data/finance.xls"}
	if got := re.Refused; !slices.Equal(got, wantRefused) {
		t.Errorf("refused %q, want %q", got, wantRefused)
	}
	fes := fileErrors(err)
	if len(fes) != 3 {
		t.Fatalf("%d file errors: %v", len(fes), err)
	}
	for i, want := range []string{"Apple Numbers", "OpenDocument spreadsheet (.ods) cannot be read; in LibreOffice use File > Save As", "Excel 97-2003 workbook (.xls) cannot be read; save it as Excel Workbook (.xlsx) or CSV, or move it out of the data folder"} {
		if fes[i].File != wantRefused[i] || !strings.Contains(fes[i].Err.Error(), want) {
			t.Errorf("error %d = %v, want %s: …%s…", i, fes[i], wantRefused[i], want)
		}
	}
}
