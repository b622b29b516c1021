package commands

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/scaffold"
	"github.com/xuri/excelize/v2"
)

// newSite writes a fresh site (opsalign new) into a temporary folder and
// returns its folder and Options naming its config.
func newSite(t *testing.T) (string, Options, *bytes.Buffer) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Write(context.Background(), dir, scaffold.Options{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	return dir, Options{Config: filepath.Join(dir, "opsalign.toml"), Stdout: &out, Stderr: &out, Version: "test"}, &out
}

// setCell types v into one cell of a workbook of the site's data folder.
func setCell(t *testing.T, dir, file, sheet, cell string, v any) {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(dir, "data", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestCheckWritesNothing: check, with or without --json and --strict,
// leaves the site folder as it was (outputs.md: "writes nothing").
func TestCheckWritesNothing(t *testing.T) {
	dir, o, _ := newSite(t)
	before := readTree(t, dir)
	for _, asJSON := range []bool{false, true} {
		for _, strict := range []bool{false, true} {
			o.Strict = strict
			if err := Check(context.Background(), o, asJSON); err != nil {
				t.Fatalf("check json=%v strict=%v: %v", asJSON, strict, err)
			}
		}
	}
	after := readTree(t, dir)
	if !slices.Equal(slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after))) {
		t.Fatalf("check changed the files of the site folder:\n%q\n%q", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("check changed %s", p)
		}
	}
}

// TestCheckJSONIsScorecardJSON: check --json prints exactly the
// data/scorecard.json that build publishes.
func TestCheckJSONIsScorecardJSON(t *testing.T) {
	dir, o, out := newSite(t)
	if err := Check(context.Background(), o, true); err != nil {
		t.Fatal(err)
	}
	printed := bytes.Clone(out.Bytes())
	if _, _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	published, err := os.ReadFile(filepath.Join(dir, "public", "data", "scorecard.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(printed, published) {
		t.Errorf("check --json prints %d bytes, build publishes %d different bytes", len(printed), len(published))
	}
	if !bytes.HasPrefix(printed, []byte(`{"schema":1,"as_of":"2026-06-30","period":"2026-Q2",`)) {
		t.Errorf("check --json starts %q", printed[:min(80, len(printed))])
	}
}

// TestAsOfOverridesConfig: --as-of wins over the config's as_of and over
// the default (the end of the latest period with actuals).
func TestAsOfOverridesConfig(t *testing.T) {
	dir, o, out := newSite(t)
	cfg := filepath.Join(dir, "opsalign.toml")
	tests := []struct {
		config string // appended to opsalign.toml
		asOf   time.Time
		want   string
	}{
		{"", time.Time{}, `"as_of":"2026-06-30","period":"2026-Q2",`},
		{"", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), `"as_of":"2026-03-31","period":"2026-Q1",`},
		{"as_of = 2026-05-31\n", time.Time{}, `"as_of":"2026-05-31","period":"2026-Q2",`},
		{"as_of = 2026-05-31\n", time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), `"as_of":"2026-02-28","period":"2026-Q1",`},
	}
	orig, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		if err := os.WriteFile(cfg, append(bytes.Clone(orig), tc.config...), 0o644); err != nil {
			t.Fatal(err)
		}
		out.Reset()
		o.AsOf = tc.asOf
		if err := Check(context.Background(), o, true); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("config %q, --as-of %v: scorecard does not hold %q:\n%s", tc.config, tc.asOf, tc.want, out.String()[:200])
		}
	}
}

// TestStrict: an error-level issue fails check and build only with
// --strict; check still prints the issues, build writes nothing.
func TestStrict(t *testing.T) {
	dir, o, out := newSite(t)
	setCell(t, dir, "initiatives.xlsx", "Initiatives", "H2", "12,5OO")
	ctx := context.Background()
	if err := Check(ctx, o, false); err != nil {
		t.Fatalf("check without --strict: %v", err)
	}
	if !strings.Contains(out.String(), "data/initiatives.xlsx:Initiatives!H2: error:") {
		t.Errorf("check does not name the cell:\n%s", out.String())
	}
	o.Strict = true
	out.Reset()
	err := Check(ctx, o, false)
	var se *pipeline.StrictError
	if !errors.As(err, &se) || se.Errors != 1 {
		t.Fatalf("check --strict: err = %v, want 1 error-level issue", err)
	}
	if !strings.Contains(out.String(), "Initiatives!H2") {
		t.Errorf("check --strict does not print the issue it fails on:\n%s", out.String())
	}
	if _, _, err := Build(ctx, o); !errors.As(err, &se) {
		t.Fatalf("build --strict: err = %v, want a StrictError", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("build --strict with errors wrote public/: %v", err)
	}
	o.Strict = false
	if _, _, err := Build(ctx, o); err != nil {
		t.Fatalf("build without --strict: %v", err)
	}
}

// TestBuildErrorsNameFileAndLine: a template error and an unknown name in
// the narrative fail the build with the file and line, and leave the
// previous site in place.
func TestBuildErrorsNameFileAndLine(t *testing.T) {
	dir, o, _ := newSite(t)
	ctx := context.Background()
	if _, _, err := Build(ctx, o); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, filepath.Join(dir, "public"))
	tests := []struct {
		file, text, want string
	}{
		{"layouts/portfolio.html", "{{define \"content\"}}\n{{ .NoSuchField }\n{{end}}\n", "portfolio.html:2"},
		{"layouts/reliability.html", "{{template \"base\" .}}\n{{define \"main\"}}\n<p>{{ .NoSuchField }}</p>\n{{end}}\n", "reliability.html:3"},
		{"content/notes.md", "+++\ntitle = \"Notes\"\n+++\n\nSpend is {{ figure \"no_such_figure\" }}.\n", "content/notes.md:5"},
	}
	for _, tc := range tests {
		p := filepath.Join(dir, filepath.FromSlash(tc.file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := Build(ctx, o)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to name %s", tc.file, err, tc.want)
		}
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	after := readTree(t, filepath.Join(dir, "public"))
	if len(after) != len(before) {
		t.Errorf("failed builds left %d files in public/, want %d", len(after), len(before))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("a failed build changed public/%s", p)
		}
	}
}

// TestCheckListsReadAndRefused: check's summary names every file it read,
// and, when a spreadsheet it cannot read stops it, every file it refused.
func TestCheckListsReadAndRefused(t *testing.T) {
	dir, o, out := newSite(t)
	if err := Check(context.Background(), o, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "  files: data/") {
		t.Errorf("check's summary lists no files:\n%s", out)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "incident_export.xls"), []byte("\xd0\xcf\x11\xe0 an Excel 97-2003 file"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err := Check(context.Background(), o, false)
	if err == nil || !strings.Contains(err.Error(), "data/incident_export.xls: an Excel 97-2003 workbook (.xls) cannot be read; save it as Excel Workbook (.xlsx) or CSV") {
		t.Fatalf("check with an .xls: %v", err)
	}
	got := out.String()
	for _, want := range []string{"refused 1; nothing was scored", "  read:    data/", "  refused: data/incident_export.xls\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("check's output has no %q:\n%s", want, got)
		}
	}
}
