package read

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/opsalign/opsalign/generator/publish"
)

// TestDataFilesSkipsBuiltSites checks that with data_dir = "." the site's
// output folder, and any folder another build wrote, are not data; hidden
// folders and Excel lock files neither.
func TestDataFilesSkipsBuiltSites(t *testing.T) {
	if siteMarker != publish.Marker {
		t.Fatalf("siteMarker %q is not publish.Marker %q", siteMarker, publish.Marker)
	}
	root := t.TempDir()
	files := map[string]string{
		"register.xlsx":                     "",
		"exports/incidents.csv":             "",
		"public/downloads/scorecard.xlsx":   "",
		"public/" + publish.Marker:          "",
		"old-site/data.csv":                 "",
		"old-site/" + publish.Marker:        "",
		".public.staging-1/downloads/x.csv": "",
		"~$register.xlsx":                   "",
		"notes.txt":                         "",
	}
	for p, s := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := dataFiles(root, filepath.Join(root, "public"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, df := range got {
		rel, _ := filepath.Rel(root, df.path)
		names = append(names, filepath.ToSlash(rel))
	}
	if want := []string{"exports/incidents.csv", "register.xlsx"}; !slices.Equal(names, want) {
		t.Errorf("dataFiles = %v, want %v", names, want)
	}
}
