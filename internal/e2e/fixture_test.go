package e2e

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// hostile are spreadsheet texts that try to break out of HTML, attributes,
// scripts, templates and URLs. Each sets window.__pwned if it ever runs.
var hostile = [8]string{
	`</script><script>window.__pwned=1</script>`,
	`<img src=x onerror="window.__pwned=2">`,
	`{{.}}`,
	`javascript:window.__pwned=3`,
	`"'><svg onload=window.__pwned=4>`,
	"line\u2028sep\u2029end",
	`=HYPERLINK("http://evil.example/","click")`, // must stay text in the workbook
	`@SUM(1+1)*cmd|' /C calc'!A0`,
}

// plain are harmless words in the places of hostile, for a site that is
// only small.
var plain = [8]string{"Order hub", "Warehouse", "Retail", "Finance", "Dock scan", "Fleet", "Payments", "hours"}

// writeSite writes a small, complete site folder into dir: opsalign.toml,
// one CSV file per table in data/, and content/_index.md. The eight words
// are put into ids, names, units, owners, business units, services,
// calendar windows and plan lines; the returned ids are the initiatives'.
func writeSite(t testing.TB, dir string, w [8]string) []string {
	t.Helper()
	ini := []string{w[0], w[1], "INI-3", w[4], w[3]}
	met := []string{"M-1", w[4]}
	files := map[string][][]string{
		"initiatives": {
			{"ID", "Name", "Category", "Business Unit", "Business Owner", "IT Owner", "Metrics", "Budget", "Spend", "Plan Line", "Start", "Go Live", "Status", "Rollout", "Automation", "Process Standardized", "Training Plan", "Adoption Owner", "Adoption", "Risk", "DR Tested"},
			{ini[0], w[1], "Run", w[2], w[3], w[4], met[0], "500000", "420000", w[3], "2026-01-15", "2026-06-15", "Live", "Phased", "Y", "Y", "Y", w[5], "80%", "Low", "2026-03-01"},
			{ini[1], w[0], "Improve", w[4], w[5], w[0], met[1], "1200000", "900000", "PL-2", "2026-02-01", "2026-09-10", "Live", "Pilot", "N", "Y", "Y", w[2], "65%", "High", "2025-11-30"},
			{ini[2], w[6], "Transform", w[5], w[0], w[1], met[0] + ", " + met[1], "2100000", "1500000", "PL-2", "2026-03-01", "2026-12-01", "In Flight", "Big Bang", "Y", "N", "N", "", "", "Medium", ""},
			{ini[3], w[2], "Run", w[2], w[1], w[2], met[1], "300000", "310000", w[3], "2025-10-01", "2026-04-20", "Closed", "Phased", "N", "Y", "Y", w[4], "95%", "Low", "2026-05-01"},
			{ini[4], w[5], "Improve", w[5], w[4], w[3], "", "750000", "", "PL-2", "2026-05-01", "2026-11-15", "Approved", "", "", "", "", "", "", "", ""},
		},
		"metrics": {
			{"ID", "Name", "Kind", "Unit", "Direction", "Baseline", "Target", "Owner", "Business Unit"},
			{met[0], w[0], "Cycle time", w[1], "lower", "10", "5", w[2], w[2]},
			{met[1], w[4], "Throughput", w[7], "higher", "50", "90", w[3], w[4]},
		},
		"actuals": {
			{"Metric", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"},
			{met[0], "10", "9.8", "9.5", "9", "8.7", "8", "7.5", "7", "6.8"},
			{met[1], "50", "52", "55", "58", "60", "63", "66", "70", "72"},
		},
		"calendar": {
			{"Name", "Start", "End", "Kind", "Business Unit"},
			{w[0], "2026-06-01", "2026-06-30", "Peak", w[2]},
			{w[1], "2026-09-01", "2026-09-15", "Freeze", "All"},
			{w[5], "2026-09-28", "2026-09-30", "Close", ""},
		},
		"plan": {
			{"Plan Line", "Business Unit", "Category", "Period", "Amount"},
			{w[3], w[2], "Run", "FY2026", "900000"},
			{"PL-2", w[4], "Improve", "FY2026", "2500000"},
		},
		"incidents": {
			{"ID", "Opened", "Resolved", "Severity", "Initiative", "Business Unit", "Service"},
			{w[1], "2026-07-01 10:00", "2026-07-01 14:30", "P1", ini[0], w[2], w[4]},
			{w[5], "2026-08-12 08:00", "2026-08-13 09:00", "2 - High", ini[1], w[4], w[0]},
			{"INC-3", "2026-09-20 22:00", "", "Sev 3", "", w[5], w[2]},
		},
		"reviews": {
			{"Date", "Business Unit", "IT Attended"},
			{"2026-07-10", w[2], "Y"},
			{"2026-08-10", w[2], "N"},
			{"2026-08-20", w[4], "Y"},
		},
	}
	for name, rows := range files {
		f, err := os.Create(filepath.Join(mkdir(t, dir, "data"), name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		cw := csv.NewWriter(f)
		cw.WriteAll(rows)
		if err := cw.Error(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(dir, "opsalign.toml"), `title = `+strconv.Quote(w[0]+" "+w[4])+`
data_dir = "data"
content_dir = "content"
output_dir = "public"
as_of = "2026-09-30"
currency = "USD"
date_order = "DMY"
`)
	write(t, filepath.Join(mkdir(t, dir, "content"), "_index.md"), `+++
title = "Overview"
+++
# The quarter

Aligned spend is {{ figure "aligned_spend_share" }} of scored spend.

{{ chart "split" }}
`)
	return ini
}

// mkdir makes dir/name and returns its path.
func mkdir(t testing.TB, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func write(t testing.TB, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hostileSheet and hostileFile name the workbook that holds the hostile
// site's initiatives: file and sheet names reach the pages too (where each
// figure came from).
const (
	hostileSheet = `<svg onload=window.__pwned=5>`
	hostileFile  = `"'><img src=x onerror=window.__pwned=6>.xlsx`
)

// moveToWorkbook moves data/initiatives.csv of the site in dir into the
// workbook data/hostileFile, on a sheet named hostileSheet, as text cells.
func moveToWorkbook(t testing.TB, dir string) {
	t.Helper()
	src := filepath.Join(dir, "data", "initiatives.csv")
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", hostileSheet); err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, v := range row {
			cells[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(hostileSheet, cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.SaveAs(filepath.Join(dir, "data", hostileFile)); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(src); err != nil {
		t.Fatal(err)
	}
}
