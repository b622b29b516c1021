package commands

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/generator/scaffold"
)

// TestBuildPDF prints a fresh site's board pack. With a browser the PDF is
// written; without one PDF says so and still succeeds (build --pdf exits 0).
func TestBuildPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Write(ctx, dir, scaffold.Options{}); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	o := Options{Config: filepath.Join(dir, "opsalign.toml"), Stdout: &out, Stderr: &errs, Version: "test"}
	_, public, err := Build(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := PDF(ctx, o, public, "tabloid"); err == nil {
		t.Error("PDF on unknown paper: no error")
	}
	if err := PDF(ctx, o, public, "letter"); err != nil {
		t.Fatalf("PDF: %v\n%s", err, errs.String())
	}
	pdf, err := os.ReadFile(filepath.Join(public, "board-pack.pdf"))
	if _, ferr := browser.Find(); ferr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no browser under CI: %v", ferr)
		}
		if err == nil || !strings.Contains(errs.String(), "board-pack.pdf not written") || !strings.Contains(errs.String(), "chromium") {
			t.Errorf("without a browser: file err %v, stderr %q", err, errs.String())
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("board-pack.pdf starts with %q", pdf[:min(8, len(pdf))])
	}
	leftovers, _ := filepath.Glob(filepath.Join(public, ".board-pack-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}
