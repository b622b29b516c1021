package read

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestIssuesGolden pins every issue of the broken-cells site, messages
// included, as the CLI prints them. Run with -update after a deliberate
// change of wording, and read the diff.
func TestIssuesGolden(t *testing.T) {
	ds := mustRead(t, brokenSite(t))
	var b strings.Builder
	for _, i := range ds.Issues {
		b.WriteString(i.String())
		b.WriteString("\n")
	}
	golden := filepath.Join("testdata", "broken-cells.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("issues differ from %s (go test -update rewrites it):\n--- got\n%s--- want\n%s", golden, got, want)
	}
}
