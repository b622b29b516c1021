package read

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
)

// TestReadBrokenCells puts one broken cell of each rule in a workbook and
// CSV files and checks each issue's exact position and which rows are used.
// brokenSite writes one broken cell of each rule into a workbook and CSV
// files.
func brokenSite(t *testing.T) config.Config {
	cfg := newSite(t)
	writeXLSX(t, dataPath(cfg, "register.xlsx"), false,
		sheetSpec{name: "Initiatives", rows: [][]any{
			{"ID", "Name", "Category", "Budget", "Spend", "Start", "Go Live", "Adoption", "Risk", "Metrics", "Training"},
			{"INI-001", "Good", "Run", 100, nil, "01/02/2026", "2026-02-30", "lots", "Extreme", "M-01,M-99", "maybe"}, // 2
			{"INI-002", "Bad budget", "Run", "12,5OO"},              // 3
			{"INI-003", "Bad category", "Moonshot", 100},            // 4
			{nil, "No id", "Run", 100},                              // 5
			{"INI-001", "Duplicate", "Run", 100},                    // 6
			{"INI-007", "Order", "Run", 100, "EUR 5", "03/25/2026"}, // 7
			{"INI-008", "No budget", "Improve"},                     // 8
			{"Grand Total", nil, nil, 400},                          // 9
		}},
		sheetSpec{name: "Metrics", rows: [][]any{
			{"ID", "Name", "Kind", "Direction", "Baseline", "Target"},
			{"M-01", "A", "velocity", "lower", 10, 20}, // 2
			{"M-02", "B", "", "", 5, 5},                // 3
			{"M-03", "C", "", "", "n/a", 5},            // 4
		}},
	)
	writeFile(t, dataPath(cfg, "actuals.csv"), []byte("Metric,Period,Value\nM-01,2026-01,1\nM-77,2026-01,2\nM-01,2026-13,3\nM-01,2026-02,\n"))
	writeFile(t, dataPath(cfg, "calendar.csv"), []byte("Name,Start,End,Kind,Business Unit\nPeak,2026-11-16,2026-12-31,Peak,All\nOops,2026-10-10,2026-10-01,Freeze,Stores\nOdd,2026-01-01,2026-01-02,Party,\n"))
	writeFile(t, dataPath(cfg, "incidents.csv"), []byte("ID,Opened,Resolved,Severity,Initiative\nINC1,2026-08-10 09:00,2026-08-09 09:00,1,INI-001\nINC2,2026-08-10 09:00,,P2,INI-404\nINC3,2026-08-10,,urgent,\n"))
	writeFile(t, dataPath(cfg, "reviews.csv"), []byte("Date,Business Unit,IT Attended\n2026-01-10,Stores,Yes\n2026-02-10,Stores,maybe\n2026-03-10,Stores,\n"))
	return cfg
}

func TestReadBrokenCells(t *testing.T) {
	cfg := brokenSite(t)
	ds := mustRead(t, cfg)

	const x = "data/register.xlsx"
	want := []issueAt{
		{model.SevWarning, x, "Initiatives", 2, "G", "go_live", `cannot read "2026-02-30" as a date`},
		{model.SevWarning, x, "Initiatives", 2, "H", "adoption", "lots"},
		{model.SevWarning, x, "Initiatives", 2, "I", "risk", "Extreme"},
		{model.SevWarning, x, "Initiatives", 2, "J", "metrics", "M-99"},
		{model.SevWarning, x, "Initiatives", 2, "K", "training_plan", "maybe"},
		{model.SevError, x, "Initiatives", 3, "D", "budget", `cannot read "12,5OO" as money`},
		{model.SevError, x, "Initiatives", 4, "C", "category", "Moonshot"},
		{model.SevError, x, "Initiatives", 5, "A", "id", "empty"},
		{model.SevError, x, "Initiatives", 6, "A", "id", "duplicate"},
		{model.SevWarning, x, "Initiatives", 7, "E", "spend", "EUR"},
		{model.SevError, x, "Initiatives", 7, "F", "start", "date_order"},
		{model.SevError, x, "Initiatives", 8, "D", "budget", "empty"},
		{model.SevWarning, x, "Metrics", 2, "C", "kind", "velocity"},
		{model.SevWarning, x, "Metrics", 2, "D", "direction", "stated direction is used"},
		{model.SevError, x, "Metrics", 3, "F", "target", "target equals baseline"},
		{model.SevError, x, "Metrics", 4, "E", "baseline", "n/a"},
		{model.SevWarning, "data/actuals.csv", "", 3, "A", "metric", "M-77"},
		{model.SevError, "data/actuals.csv", "", 4, "B", "period", "2026-13"},
		{model.SevError, "data/actuals.csv", "", 5, "C", "value", "empty"},
		{model.SevError, "data/calendar.csv", "", 3, "C", "end", "ends"},
		{model.SevError, "data/calendar.csv", "", 4, "D", "kind", "Party"},
		{model.SevError, "data/incidents.csv", "", 2, "C", "resolved", "before"},
		{model.SevWarning, "data/incidents.csv", "", 3, "E", "initiative", "INI-404"},
		{model.SevError, "data/incidents.csv", "", 4, "D", "severity", "urgent"},
		{model.SevError, "data/reviews.csv", "", 3, "C", "it_attended", "maybe"},
		{model.SevError, "data/reviews.csv", "", 4, "C", "it_attended", "empty"},
	}
	checkIssues(t, ds, want)

	ids := func(n int, get func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = get(i)
		}
		return out
	}
	if got := strings.Join(ids(len(ds.Initiatives), func(i int) string { return ds.Initiatives[i].ID }), " "); got != "INI-001 INI-007" {
		t.Errorf("initiatives used: %s", got)
	}
	if got := strings.Join(ids(len(ds.Metrics), func(i int) string { return ds.Metrics[i].ID }), " "); got != "M-01" {
		t.Errorf("metrics used: %s", got)
	}
	in := ds.Initiatives[0]
	if !in.GoLive.IsZero() || in.Adoption != nil || in.Risk != "" || in.TrainingPlan || len(in.Metrics) != 2 || !in.Start.Equal(day(2026, 2, 1)) {
		t.Errorf("INI-001 = %+v", in)
	}
	if s := ds.Initiatives[1].Spend; s == nil || *s != 5 || !ds.Initiatives[1].Start.IsZero() {
		t.Errorf("INI-007 spend %v start %v: want 5 (used despite EUR) and no start", s, ds.Initiatives[1].Start)
	}
	if m := ds.Metrics[0]; m.Kind != model.KindOther || m.Direction != model.Lower || !m.Stated {
		t.Errorf("M-01 = %+v", m)
	}
	if len(ds.Actuals) != 1 || len(ds.Calendar) != 1 || ds.Calendar[0].BusinessUnit != "" || len(ds.Incidents) != 1 || len(ds.Reviews) != 1 {
		t.Errorf("actuals %d calendar %+v incidents %d reviews %d", len(ds.Actuals), ds.Calendar, len(ds.Incidents), len(ds.Reviews))
	}
	if ds.Incidents[0].Severity != 2 || ds.Incidents[0].Initiative != "INI-404" {
		t.Errorf("incident = %+v", ds.Incidents[0])
	}

	// issues come sorted by file, sheet order, row and column
	for i := 1; i < len(ds.Issues); i++ {
		a, b := ds.Issues[i-1], ds.Issues[i]
		if a.File == b.File && a.Sheet == b.Sheet && (a.Row > b.Row || a.Row == b.Row && colIndex(a.Column) > colIndex(b.Column)) {
			t.Errorf("issues out of order: %s before %s", a, b)
		}
	}
	if first := ds.Issues[0]; first.File != "data/actuals.csv" {
		t.Errorf("first issue in %s, want data/actuals.csv (path order)", first.File)
	}
	var sheets []string
	for _, i := range ds.Issues {
		if i.File == x && (len(sheets) == 0 || sheets[len(sheets)-1] != i.Sheet) {
			sheets = append(sheets, i.Sheet)
		}
	}
	if strings.Join(sheets, ",") != "Initiatives,Metrics" {
		t.Errorf("sheet order of issues: %v", sheets)
	}
	var sum model.TableSummary
	for _, s := range ds.Summary.Tables {
		if s.Table == model.TableInitiatives {
			sum = s
		}
	}
	if sum.Rows != 2 || sum.Excluded != 5 || sum.Skipped != 1 {
		t.Errorf("initiatives summary = %+v, want 2 used, 5 excluded, 1 skipped", sum)
	}
}

func TestDateOrderMDY(t *testing.T) {
	for _, tt := range []struct {
		order      string
		start, end time.Time
		wantIssue  bool
	}{
		{"DMY", day(2026, 11, 1), day(2026, 12, 31), false},
		{"MDY", time.Time{}, time.Time{}, true},
	} {
		cfg := newSite(t)
		cfg.DateOrder = tt.order
		writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
		writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
		writeFile(t, dataPath(cfg, "calendar.csv"), []byte("Name,Start,End,Kind\nPeak,01/11/2026,31/12/2026,Peak\n"))
		ds := mustRead(t, cfg)
		if tt.wantIssue {
			checkIssues(t, ds, []issueAt{{model.SevError, "data/calendar.csv", "", 2, "C", "end", `date_order = "DMY"`}})
			if len(ds.Calendar) != 0 {
				t.Errorf("%s: a required date impossible in date_order must exclude the row", tt.order)
			}
			continue
		}
		checkIssues(t, ds, nil)
		if w := ds.Calendar[0]; !w.Start.Equal(tt.start) || !w.End.Equal(tt.end) {
			t.Errorf("%s: window %v–%v", tt.order, w.Start, w.End)
		}
	}
}

func TestIncidentTimeZone(t *testing.T) {
	cfg := newSite(t)
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	cfg.TimeZone, cfg.Location = "America/New_York", loc
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeXLSX(t, dataPath(cfg, "incidents.xlsx"), false, sheetSpec{name: "Incidents", rows: [][]any{
		{"Number", "Opened At", "Resolved At", "Priority"},
		{"INC1", 46096.75, "2026-03-16T01:00:00Z", "1 - Critical"},
	}})
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	in := ds.Incidents[0]
	if want := time.Date(2026, 3, 15, 18, 0, 0, 0, loc); !in.Opened.Equal(want) {
		t.Errorf("opened = %v, want %v", in.Opened, want)
	}
	if want := time.Date(2026, 3, 15, 21, 0, 0, 0, loc); !in.Resolved.Equal(want) || in.Resolved.Location() != loc {
		t.Errorf("resolved = %v, want %v in the site zone", in.Resolved, want)
	}
	if in.Severity != 1 {
		t.Errorf("severity = %d", in.Severity)
	}
}

// TestFileErrors checks that every file-level problem is a *model.FileError
// naming the file (and sheet), and that no dataset comes back.
func TestFileErrors(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		// a part that claims to unpack to 4 GB
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: 2, UncompressedSize64: 4 << 30})
		w.Write([]byte{3, 0})
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name   string
		setup  func(t *testing.T, cfg *config.Config)
		file   string
		sheet  string
		errHas string
	}{
		{"corrupt xlsx", func(t *testing.T, cfg *config.Config) {
			writeFile(t, dataPath(*cfg, "register.xlsx"), []byte("PK\x03\x04 this is not really a zip"))
		}, "data/register.xlsx", "", "not a spreadsheet"},
		{"password", func(t *testing.T, cfg *config.Config) {
			writeFile(t, dataPath(*cfg, "register.xlsx"), append(append([]byte{}, oleMagic...), make([]byte, 600)...))
		}, "data/register.xlsx", "", "password"},
		{"zip bomb", func(t *testing.T, cfg *config.Config) {
			writeFile(t, dataPath(*cfg, "register.xlsx"), bomb())
		}, "data/register.xlsx", "", "zip bomb"},
		{"binary csv", func(t *testing.T, cfg *config.Config) {
			writeFile(t, dataPath(*cfg, "plan.csv"), []byte("PK\x03\x04\x00\x00\x00binary"))
		}, "data/plan.csv", "", "binary"},
		{"missing required column", func(t *testing.T, cfg *config.Config) {
			writeXLSX(t, dataPath(*cfg, "book.xlsx"), false, sheetSpec{name: "Initiatives", rows: [][]any{{"ID", "Name", "Category"}, {"INI-1", "x", "Run"}}})
		}, "data/book.xlsx", "Initiatives", "budget"},
		{"header that lacks one column", func(t *testing.T, cfg *config.Config) {
			writeFile(t, dataPath(*cfg, "export.csv"), []byte("Code,KPI,Baseline\nM-9,x,1\n"))
		}, "data/export.csv", "", "target"},
		{"unknown field in renames", func(t *testing.T, cfg *config.Config) {
			writeFile(t, dataPath(*cfg, "extra.csv"), []byte("Ref,Title,Kind,Money\n"))
			cfg.File = "opsalign.toml"
			cfg.Sources = []config.Source{{File: "extra.csv", Table: model.TableInitiatives, Columns: map[string]string{"Money": "budgett"}, Line: 12}}
		}, "data/extra.csv", "", "opsalign.toml:12"},
		{"sources names a missing file", func(t *testing.T, cfg *config.Config) {
			cfg.File = "opsalign.toml"
			cfg.Sources = []config.Source{{File: "nope.xlsx", Table: model.TableInitiatives, Line: 7}}
		}, "data/nope.xlsx", "", "opsalign.toml:7"},
		{"sources names a missing sheet", func(t *testing.T, cfg *config.Config) {
			writeXLSX(t, dataPath(*cfg, "book.xlsx"), false, sheetSpec{name: "Notes", rows: [][]any{{"hello"}}})
			cfg.Sources = []config.Source{{File: "book.xlsx", Sheet: "Register", Table: model.TableInitiatives, Line: 3}}
		}, "data/book.xlsx", "Register", "Register"},
		{"rename of a missing column", func(t *testing.T, cfg *config.Config) {
			writeFile(t, dataPath(*cfg, "extra.csv"), []byte("ID,Name,Category,Budget\nI-9,z,Run,1\n"))
			cfg.Sources = []config.Source{{File: "extra.csv", Table: model.TableInitiatives, Columns: map[string]string{"Exec Sponsor": "business_owner"}, Line: 9}}
		}, "data/extra.csv", "", `opsalign.toml:9: [[sources]] renames column "Exec Sponsor", but the header row (row 1) has no such column`},
		{"sheet on a CSV file", func(t *testing.T, cfg *config.Config) {
			writeFile(t, dataPath(*cfg, "extra.csv"), []byte("ID,Name,Category,Budget\nI-9,z,Run,1\n"))
			cfg.Sources = []config.Source{{File: "extra.csv", Sheet: "Register", Table: model.TableInitiatives, Line: 5}}
		}, "data/extra.csv", "", `opsalign.toml:5: [[sources]] names sheet "Register", but a CSV file has no sheets`},
		{"no sheet fits", func(t *testing.T, cfg *config.Config) {
			writeXLSX(t, dataPath(*cfg, "book.xlsx"), false,
				sheetSpec{name: "Notes", rows: [][]any{{"nothing here"}}},
				sheetSpec{name: "Other", rows: [][]any{{"a", "b"}, {1, 2}}})
			cfg.Sources = []config.Source{{File: "book.xlsx", Table: model.TablePlan, Line: 6}}
		}, "data/book.xlsx", "", "opsalign.toml:6: [[sources]] names this workbook for the plan table, but none of its sheets (Notes, Other) has a header row for it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := newSite(t)
			writeFile(t, dataPath(cfg, "a-initiatives.csv"), []byte(minimalInitiatives))
			writeFile(t, dataPath(cfg, "a-metrics.csv"), []byte(minimalMetrics))
			tt.setup(t, &cfg)
			ds, err := Read(context.Background(), cfg, nil)
			if err == nil || ds != nil {
				t.Fatalf("Read = %v, %v; want a file error", ds, err)
			}
			fes := fileErrors(err)
			if len(fes) != 1 || fes[0].File != tt.file || fes[0].Sheet != tt.sheet || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("error %q (file errors %+v), want one for %s sheet %q mentioning %q", err, fes, tt.file, tt.sheet, tt.errHas)
			}
		})
	}
}

func TestMissingTablesAndFolder(t *testing.T) {
	cfg := newSite(t)
	if _, err := Read(context.Background(), cfg, nil); len(fileErrors(err)) != 1 || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing data folder: %v", err)
	}
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeFile(t, dataPath(cfg, "notes.csv"), []byte("Just,some,notes\n"))
	_, err := Read(context.Background(), cfg, nil)
	if fe := fileErrors(err); len(fe) != 1 || fe[0].File != "data" || !strings.Contains(err.Error(), "initiatives") {
		t.Errorf("missing initiatives: %v", err)
	}
}

// TestSourcesConfig reads a sheet whose name and headers say nothing,
// through a [[sources]] entry with a header row and column renames.
func TestSourcesConfig(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeXLSX(t, dataPath(cfg, "finance/FY27 book.xlsx"), false, sheetSpec{name: "Sheet A", rows: [][]any{
		{"Initiative", "Budget"}, // a decoy above the real header
		{"Code", "Label", "Bucket", "Money", "Exec Sponsor (Ops)"},
		{"X-1", "Thing", "Run", 5, "Dana"},
	}})
	cfg.Sources = []config.Source{{File: "finance/FY27 book.xlsx", Sheet: "sheet a", Table: model.TableInitiatives, HeaderRow: 2,
		Columns: map[string]string{"Code": "id", "Label": "name", "Bucket": "category", "Money": "budget", "Exec Sponsor (Ops)": "business_owner"}}}
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	if len(ds.Initiatives) != 1 || ds.Initiatives[0].BusinessOwner != "Dana" || ds.Initiatives[0].Source.Row != 3 || ds.Initiatives[0].Source.Columns["budget"] != "D" {
		t.Errorf("initiatives = %+v", ds.Initiatives)
	}
}

// TestRecognition checks recognition by name and by header, and that two
// sheets of the same table are concatenated.
func TestRecognition(t *testing.T) {
	cfg := newSite(t)
	writeXLSX(t, dataPath(cfg, "book.xlsx"), false,
		sheetSpec{name: "Register", rows: [][]any{{"ID", "Name", "Category", "Budget"}, {"INI-1", "a", "Run", 1}}},
		sheetSpec{name: "More projects", rows: [][]any{{"Project ID", "Project", "Type", "Funding"}, {"INI-2", "b", "Grow", 2}}},
		sheetSpec{name: "Pivot", rows: [][]any{{"Row Labels", "Sum of Budget"}, {"Run", 1}}},
		sheetSpec{name: "KPIs", rows: [][]any{{"ID", "Name", "Baseline", "Target"}, {"M-01", "x", 1, 2}}},
	)
	writeFile(t, dataPath(cfg, "operating-plan.csv"), []byte("Line,Amount,FY\nPL-1,100,FY2026\n"))
	writeFile(t, dataPath(cfg, "export_2026.csv"), []byte("Number,Opened,Priority,cmdb_ci\nINC1,2026-01-01 10:00,3 - Moderate,SAP\n"))
	ds := mustRead(t, cfg)
	checkIssues(t, ds, nil)
	if len(ds.Initiatives) != 2 || ds.Initiatives[1].Source.Sheet != "More projects" || ds.Initiatives[1].Category != model.Improve {
		t.Errorf("initiatives = %+v", ds.Initiatives)
	}
	if len(ds.Plan) != 1 || ds.Plan[0].Period != (model.Period{Kind: model.Year, Year: 2026, Fiscal: true}) {
		t.Errorf("plan = %+v", ds.Plan)
	}
	if len(ds.Incidents) != 1 || ds.Incidents[0].Severity != 3 || ds.Incidents[0].Service != "SAP" {
		t.Errorf("incidents = %+v", ds.Incidents)
	}
	if len(ds.Summary.Ignored) != 1 || ds.Summary.Ignored[0] != "data/book.xlsx:Pivot" {
		t.Errorf("ignored = %v", ds.Summary.Ignored)
	}
	if !ds.Present[model.TablePlan] || !ds.Present[model.TableIncidents] || ds.Present[model.TableReviews] {
		t.Errorf("present = %v", ds.Present)
	}
}

func TestHiddenAndLockFilesSkipped(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeFile(t, dataPath(cfg, "~$register.xlsx"), []byte("lock"))
	writeFile(t, dataPath(cfg, ".hidden.csv"), []byte("garbage"))
	writeFile(t, dataPath(cfg, ".git/x.csv"), []byte("garbage"))
	writeFile(t, dataPath(cfg, "readme.txt"), []byte("garbage"))
	ds := mustRead(t, cfg)
	if len(ds.Summary.Files) != 2 {
		t.Errorf("files = %v", ds.Summary.Files)
	}
}

func TestCache(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	c := NewCache()
	ds1, err := Read(context.Background(), cfg, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.entries) != 2 {
		t.Fatalf("cache holds %d files, want 2", len(c.entries))
	}
	// A cached result is returned as is: poison it to prove it is used.
	p := dataPath(cfg, "initiatives.csv")
	c.entries[p].res.initiatives.blocks[0][0].Name = "from cache"
	ds2, err := Read(context.Background(), cfg, c)
	if err != nil || ds2.Initiatives[0].Name != "from cache" {
		t.Fatalf("second read: %v %v", err, ds2.Initiatives)
	}
	_ = ds1
	// A changed file is read again.
	writeFile(t, p, []byte(minimalInitiatives+"INI-002,CRM,Improve,5\n"))
	os.Chtimes(p, time.Now(), time.Now().Add(time.Hour))
	ds3, err := Read(context.Background(), cfg, c)
	if err != nil || len(ds3.Initiatives) != 2 || ds3.Initiatives[0].Name != "ERP upgrade" {
		t.Fatalf("after a change: %v %+v", err, ds3.Initiatives)
	}
	// Different reading settings are not served from the cache.
	cfg.DecimalSeparator = ","
	if _, err := Read(context.Background(), cfg, c); err != nil {
		t.Fatal(err)
	}
	// A removed file is forgotten.
	os.Remove(p)
	Read(context.Background(), cfg, c)
	if _, ok := c.entries[p]; ok {
		t.Error("removed file still cached")
	}
}

func TestReadCancelled(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, cfg, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Read with a cancelled context = %v", err)
	}
}

// TestCacheConcurrent reads one site from several goroutines through one
// Cache, as opsalign serve may; run with -race.
func TestCacheConcurrent(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	c := NewCache()
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			ds, err := Read(context.Background(), cfg, c)
			if err == nil && len(ds.Initiatives) != 1 {
				err = errors.New("wrong initiatives")
			}
			errs <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
