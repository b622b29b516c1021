package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// fullSampleSite copies the repository's sample site with its closed
// quarters (history/) into a temporary folder and returns the folder.
func fullSampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	copyFile(t, filepath.Join(root, "opsalign.toml"), filepath.Join(dir, "opsalign.toml"))
	for _, sub := range []string{"sample-data", "content", "history"} {
		err := filepath.WalkDir(filepath.Join(root, sub), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			copyFile(t, p, filepath.Join(dir, rel))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// touch gives p a modification time later than any before, as a save
// does (the read cache keys files by size and modification time).
func touch(t *testing.T, p string, n int) {
	t.Helper()
	later := time.Now().Add(time.Duration(n) * time.Minute)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
}

// editRegister opens the sample register, lets edit change its Register
// sheet and saves it.
func editRegister(t *testing.T, p string, edit func(f *excelize.File, row func(id string) int)) {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Register")
	if err != nil {
		t.Fatal(err)
	}
	row := func(id string) int {
		for i, r := range rows {
			if len(r) > 0 && r[0] == id {
				return i + 1
			}
		}
		t.Fatalf("no row of %s in the register", id)
		return 0
	}
	edit(f, row)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
}

func setCell(t *testing.T, f *excelize.File, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue("Register", cell, v); err != nil {
		t.Fatal(err)
	}
}

// TestIncrementalEqualsFresh makes a series of edits to the data, the
// narrative and the config of the sample site (with its closed
// quarters), rebuilding after each with one Builder as serve does, and
// compares every file of each rebuild with a fresh Builder's build, byte
// for byte. Each rebuild must also make only what the edit touched: made
// lists pages that must have been made again, kept pages that must be the
// previous build's.
func TestIncrementalEqualsFresh(t *testing.T) {
	dir := fullSampleSite(t)
	cfgPath := filepath.Join(dir, "opsalign.toml")
	register := filepath.Join(dir, "sample-data", "FY26 IT initiative register.xlsx")
	incidents := filepath.Join(dir, "sample-data", "incident_export.csv")
	overview := filepath.Join(dir, "content", "_index.md")
	method := filepath.Join(dir, "content", "methodology.md")
	originals := map[string][]byte{}
	for _, p := range []string{register, incidents, overview, method, cfgPath} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		originals[p] = b
	}
	write := func(p string, b []byte) {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bl := NewBuilder(cfgPath, true, time.Time{}, "test")
	build(t, bl, nil)
	initiativePages := func(s []string) int {
		n := 0
		for _, p := range s {
			if strings.HasPrefix(p, "initiatives/INI-") {
				n++
			}
		}
		return n
	}
	steps := []struct {
		name string
		edit func() []string // returns the changed paths
		made []string        // pages that must be made again
		kept []string        // pages that must be shared
		all  int             // 1: every initiative page made (the frame changed); -1: not; 0: either
	}{
		{
			name: "register saved again unchanged",
			edit: func() []string { return []string{register} },
			kept: []string{"index.html", "initiatives/index.html", "initiatives/INI-003.html", "board-pack.html", "reliability.html"},
			all:  -1,
		},
		{
			name: "a column that is not read (PMO comments)",
			edit: func() []string {
				editRegister(t, register, func(f *excelize.File, row func(string) int) {
					setCell(t, f, "V"+strconv.Itoa(row("INI-003")), "Reviewed in serve")
				})
				return []string{register}
			},
			kept: []string{"index.html", "initiatives/INI-003.html", "data/initiatives.json", "assets/site.css"},
			all:  -1,
		},
		{
			name: "one initiative's name",
			edit: func() []string {
				editRegister(t, register, func(f *excelize.File, row func(string) int) {
					setCell(t, f, "B"+strconv.Itoa(row("INI-003")), "Dock scheduling portal (phase 2)")
				})
				return []string{register}
			},
			// M-01's page lists the initiatives that claim it by name.
			made: []string{"initiatives/INI-003.html", "initiatives/index.html", "metrics/M-01.html"},
			kept: []string{"initiatives/INI-001.html", "initiatives/INI-002.html", "reliability.html", "metrics/M-02.html"},
			all:  -1,
		},
		{
			name: "one initiative's IT owner (a field of its row alone)",
			edit: func() []string {
				editRegister(t, register, func(f *excelize.File, row func(string) int) {
					setCell(t, f, "F"+strconv.Itoa(row("INI-003")), "Dana Reyes")
				})
				return []string{register}
			},
			made: []string{"initiatives/INI-003.html", "initiatives/index.html"},
			kept: []string{"initiatives/INI-001.html", "metrics/M-01.html", "reliability.html", "data/charts/metric-M-01.js"},
			all:  -1,
		},
		{
			name: "the go-live of an initiative that claims a metric",
			edit: func() []string {
				editRegister(t, register, func(f *excelize.File, row func(string) int) {
					setCell(t, f, "L"+strconv.Itoa(row("INI-003")), time.Date(2025, 6, 9, 0, 0, 0, 0, time.UTC))
				})
				return []string{register}
			},
			// M-01's chart marks the go-lives of its initiatives.
			made: []string{"initiatives/INI-003.html", "metrics/M-01.html"},
		},
		{
			name: "spend that moves the headline",
			edit: func() []string {
				editRegister(t, register, func(f *excelize.File, row func(string) int) {
					setCell(t, f, "I"+strconv.Itoa(row("INI-002")), 9100000)
				})
				return []string{register}
			},
			made: []string{"index.html", "initiatives/INI-002.html"},
			all:  1,
		},
		{
			name: "an incident of one initiative",
			edit: func() []string {
				b := slices.Clone(originals[incidents])
				b = append(b, "INC0099999,2026-08-12 10:00:00,Dock portal login loop,3 - Moderate,Closed,Dock Portal,DOCK-PORTAL-L2,2026-08-12 14:00:00,INI-003,Distribution\n"...)
				write(incidents, b)
				return []string{incidents}
			},
			made: []string{"initiatives/INI-003.html"},
			kept: []string{"initiatives/INI-001.html", "initiatives/index.html"},
			all:  -1,
		},
		{
			name: "a new initiative",
			edit: func() []string {
				editRegister(t, register, func(f *excelize.File, row func(string) int) {
					r := row("INI-003")
					if err := f.DuplicateRow("Register", r); err != nil {
						t.Fatal(err)
					}
					setCell(t, f, "A"+strconv.Itoa(r+1), "INI-099")
					setCell(t, f, "B"+strconv.Itoa(r+1), "Yard camera analytics")
				})
				return []string{register}
			},
			// Its spend moves the headline: every page.
			made: []string{"initiatives/INI-099.html", "initiatives/index.html"},
			all:  1,
		},
		{
			name: "the new initiative removed",
			edit: func() []string {
				editRegister(t, register, func(f *excelize.File, row func(string) int) {
					if err := f.RemoveRow("Register", row("INI-099")); err != nil {
						t.Fatal(err)
					}
				})
				return []string{register}
			},
			made: []string{"initiatives/index.html"},
			all:  1,
		},
		{
			name: "an error in a budget cell",
			edit: func() []string {
				editRegister(t, register, func(f *excelize.File, row func(string) int) {
					setCell(t, f, "H"+strconv.Itoa(row("INI-010")), "1.6m?")
				})
				return []string{register}
			},
			made: []string{"data-quality.html", "initiatives/index.html"},
			all:  1, // the data-quality banner of every page
		},
		{
			name: "the overview's narrative",
			edit: func() []string {
				write(overview, append(slices.Clone(originals[overview]), "\nA line added in serve.\n"...))
				return []string{overview}
			},
			made: []string{"index.html"},
			kept: []string{"initiatives/INI-001.html", "initiatives/index.html"},
			all:  -1,
		},
		{
			name: "a content page's title (every page's navigation)",
			edit: func() []string {
				write(method, bytes.Replace(originals[method], []byte(`title = "`), []byte(`title = "Our `), 1))
				return []string{method}
			},
			made: []string{"methodology.html", "index.html"},
			all:  1,
		},
		{
			name: "the site title in the config",
			edit: func() []string {
				write(cfgPath, bytes.Replace(originals[cfgPath], []byte(`title = "Northwind`), []byte(`title = "Northwind Group`), 1))
				return []string{cfgPath}
			},
			all: 1,
		},
		{
			name: "every file back as it was",
			edit: func() []string {
				var changed []string
				for p, b := range originals {
					write(p, b)
					changed = append(changed, p)
				}
				slices.Sort(changed)
				return changed
			},
			all: 1,
		},
	}
	for i, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			changed := s.edit()
			if b, err := os.ReadFile(changed[0]); err == nil && i > 0 && bytes.Equal(b, originals[changed[0]]) && len(changed) == 1 {
				t.Fatalf("the edit left %s as it was", changed[0])
			}
			for _, p := range changed {
				touch(t, p, i+1)
			}
			got := build(t, bl, changed)
			made := bl.LastStats().Made
			want := build(t, NewBuilder(cfgPath, true, time.Time{}, "test"), nil)
			sameSite(t, got, want)
			for _, p := range s.made {
				if !slices.Contains(made, p) {
					t.Errorf("%s not made again", p)
				}
			}
			for _, p := range s.kept {
				if slices.Contains(made, p) {
					t.Errorf("%s made again, want the previous build's", p)
				}
			}
			if all := initiativePages(made) == initiativePages(got.Paths()); s.all != 0 && all != (s.all > 0) {
				t.Errorf("every initiative page made: %t, want %t (made %d files)", all, s.all > 0, len(made))
			}
			t.Logf("made %d of %d files", len(made), bl.LastStats().Files)
		})
	}
}
