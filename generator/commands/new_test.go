package commands

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/scaffold"
)

func TestNewThenCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "acme")
	var out bytes.Buffer
	o := Options{Stdout: &out, Stderr: &out}
	if err := New(context.Background(), o, dir); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "data/initiatives.xlsx") {
		t.Errorf("new's output does not say what to fill in:\n%s", out.String())
	}
	out.Reset()
	o.Config = filepath.Join(dir, "opsalign.toml")
	o.Strict = true
	if err := Check(context.Background(), o, false); err != nil {
		t.Fatalf("check of a fresh site: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{"0 error(s), 0 warning(s)", "Fill in, in this order:", "1. data/initiatives.xlsx", "2. data/metrics.xlsx"} {
		if !strings.Contains(got, want) {
			t.Errorf("check of a fresh site does not say %q:\n%s", want, got)
		}
	}
	out.Reset()
	if _, _, err := Build(context.Background(), o); err != nil {
		t.Fatalf("build of a fresh site: %v\n%s", err, out.String())
	}
	for _, p := range []string{"index.html", "board-pack.html", "initiatives/EXAMPLE-1.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
			t.Errorf("build of a fresh site: %v", err)
		}
	}
	if err := New(context.Background(), o, dir); !errors.Is(err, scaffold.ErrNotEmpty) {
		t.Errorf("second new into %s: err = %v, want ErrNotEmpty", dir, err)
	}
	// outputs.md: config, starter narrative, and a blank spreadsheet
	// template for every table.
	for _, p := range []string{"opsalign.toml", "content/_index.md", "content/board-pack.md",
		"data/initiatives.xlsx", "data/metrics.xlsx", "data/actuals.xlsx", "data/calendar.xlsx",
		"data/plan.xlsx", "data/incidents.xlsx", "data/reviews.xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Error(err)
		}
	}
}
