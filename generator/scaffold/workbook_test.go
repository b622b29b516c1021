package scaffold

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
)

func openWorkbook(t *testing.T, tb model.Table) *excelize.File {
	t.Helper()
	b, err := Workbook(tb, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestHeaderRows(t *testing.T) {
	want := map[model.Table][]string{
		model.TableInitiatives: {"ID", "Name", "Category", "Business Unit", "Business Owner", "IT Owner", "Metrics", "Budget", "Spend",
			"Plan Line", "Start", "Go Live", "Status", "Rollout", "Automation", "Process Standardized", "Training",
			"Adoption Owner", "Adoption", "Risk", "DR Tested"},
		model.TableMetrics:   {"ID", "Name", "Kind", "Unit", "Direction", "Baseline", "Target", "Owner", "Business Unit"},
		model.TableActuals:   {"Metric ID", "Period", "Value"},
		model.TableCalendar:  {"Name", "Start", "End", "Kind", "Business Unit"},
		model.TablePlan:      {"Plan Line", "Business Unit", "Category", "Period", "Amount"},
		model.TableIncidents: {"ID", "Opened", "Resolved", "Severity", "Initiative", "Business Unit", "Service"},
		model.TableReviews:   {"Date", "Business Unit", "IT Attended"},
	}
	for _, tb := range model.Tables {
		f := openWorkbook(t, tb)
		if got := f.GetSheetList(); !slices.Equal(got, []string{SheetName(tb), "Instructions"}) {
			t.Errorf("%s: sheets %q", tb, got)
		}
		rows, err := f.GetRows(SheetName(tb))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], want[tb]) {
			t.Errorf("%s header\n got %q\nwant %q", tb, rows[0], want[tb])
		}
		if len(rows)-1 != len(examples(tb)) {
			t.Errorf("%s: %d example rows, want %d", tb, len(rows)-1, len(examples(tb)))
		}
		comments, err := f.GetComments(SheetName(tb))
		if err != nil {
			t.Fatal(err)
		}
		if len(comments) != len(want[tb]) {
			t.Errorf("%s: %d header comments, want %d", tb, len(comments), len(want[tb]))
		}
		for _, c := range comments {
			if !strings.HasSuffix(c.Cell, "1") || !(strings.Contains(c.Text, "Required.") || strings.Contains(c.Text, "Optional.")) {
				t.Errorf("%s: comment %s %q", tb, c.Cell, c.Text)
			}
		}
	}
}

// TestDropdownsMatchReader is the one-source-of-truth test: every
// enumerated column has a dropdown, every item of it reads back as a
// distinct value of that type, and every value the reader knows is offered.
func TestDropdownsMatchReader(t *testing.T) {
	enumerated := 0
	for _, tb := range model.Tables {
		f := openWorkbook(t, tb)
		dvs, err := f.GetDataValidations(SheetName(tb))
		if err != nil {
			t.Fatal(err)
		}
		byCol := map[string]*excelize.DataValidation{}
		for _, dv := range dvs {
			byCol[strings.TrimRight(strings.SplitN(dv.Sqref, ":", 2)[0], "0123456789")] = dv
		}
		for i, fd := range schema.Fields(tb) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			spell := schema.EnumSpellings(fd.Type)
			dv := byCol[col]
			if spell == nil {
				if dv != nil {
					t.Errorf("%s.%s (%s): dropdown on a free column", tb, fd.Name, fd.Type)
				}
				continue
			}
			enumerated++
			if dv == nil {
				t.Errorf("%s.%s (%s): no dropdown", tb, fd.Name, fd.Type)
				continue
			}
			if dv.Sqref != fmt.Sprintf("%s2:%s%d", col, col, validatedRows) {
				t.Errorf("%s.%s: dropdown covers %s", tb, fd.Name, dv.Sqref)
			}
			items := strings.Split(strings.Trim(dv.Formula1, `"`), ",")
			fold := map[string]string{}
			for v, ss := range spell {
				for _, s := range ss {
					fold[strings.ToLower(s)] = v
				}
			}
			var got []string
			for _, it := range items {
				v, ok := fold[strings.ToLower(it)]
				if !ok {
					t.Errorf("%s.%s: dropdown item %q is not a spelling the reader accepts", tb, fd.Name, it)
				}
				got = append(got, v)
			}
			want := sortedKeys(spell)
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s.%s: dropdown values %q, reader values %q", tb, fd.Name, got, want)
			}
		}
	}
	// category ×2, status, rollout, risk, 3 bools; kind, direction;
	// window kind; severity; it_attended.
	if enumerated != 13 {
		t.Errorf("%d enumerated columns, want 13", enumerated)
	}
}

func TestChoices(t *testing.T) {
	tests := []struct {
		typ  string
		want []string
	}{
		{"category", []string{"Run", "Improve", "Transform"}},
		{"status", []string{"Proposed", "Approved", "In Flight", "Live", "Closed", "On Hold", "Cancelled"}},
		{"rollout", []string{"Phased", "Pilot", "Big Bang"}},
		{"risk", []string{"Low", "Medium", "High"}},
		{"direction", []string{"higher", "lower"}},
		{"window_kind", []string{"Peak", "Freeze", "Close"}},
		{"severity", []string{"1 - Critical", "2 - High", "3 - Moderate", "4 - Low"}},
		{"bool", []string{"Yes", "No"}},
		{"money", nil},
	}
	for _, tt := range tests {
		if got := choices(tt.typ); !slices.Equal(got, tt.want) {
			t.Errorf("choices(%q) = %q, want %q", tt.typ, got, tt.want)
		}
	}
	if got := choices("kind"); len(got) != 11 || got[0] != "cycle_time" || got[10] != "other" {
		t.Errorf("choices(kind) = %q", got)
	}
}

func TestFormats(t *testing.T) {
	f := openWorkbook(t, model.TableInitiatives)
	sh := SheetName(model.TableInitiatives)
	tests := []struct {
		cell, shown, raw string
	}{
		{"A2", "EXAMPLE-1", "EXAMPLE-1"},
		{"H2", "250,000", "250000"},
		{"L2", "2026-04-15", "46127"},
		{"S2", "80%", "0.8"},
		{"C2", "Improve", "Improve"},
	}
	for _, tt := range tests {
		shown, _ := f.GetCellValue(sh, tt.cell)
		raw, _ := f.GetCellValue(sh, tt.cell, excelize.Options{RawCellValue: true})
		if shown != tt.shown || raw != tt.raw {
			t.Errorf("%s: shown %q raw %q, want %q %q", tt.cell, shown, raw, tt.shown, tt.raw)
		}
	}
	inc := openWorkbook(t, model.TableIncidents)
	if got, _ := inc.GetCellValue("Incidents", "B2"); got != "2026-05-03 09:30" {
		t.Errorf("incident opened shown as %q", got)
	}
	// A row the user adds below the example gets the column's format.
	if err := f.SetCellValue(sh, "H3", 1234567); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.GetCellValue(sh, "H3"); got != "1,234,567" {
		t.Errorf("new budget cell shown as %q", got)
	}
}

func TestWorkbookDeterministic(t *testing.T) {
	a, err := Files(Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Files(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) || len(a) != 3+len(model.Tables) {
		t.Fatalf("%d and %d files", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two calls", a[i].Path)
		}
	}
}

func TestWorkbookUnknownTable(t *testing.T) {
	if _, err := Workbook("budgets", "USD"); err == nil {
		t.Error("Workbook of an unknown table: no error")
	}
}
