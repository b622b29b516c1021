package e2e

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/publish"
)

// opsalign is the command built once for a test.
type opsalign struct {
	bin string
	dir string // the site folder it runs in
}

// buildBinary builds cmd/opsalign into a temporary folder, with the
// version the in-memory builds of this package use.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "opsalign")
	cmd := exec.CommandContext(t.Context(), "go", "build", "-ldflags", "-X main.version=test", "-o", bin, "./cmd/opsalign")
	cmd.Dir = repoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs the command with args in its site folder and returns its exit
// status and output.
func (o opsalign) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), o.bin, args...)
	cmd.Dir = o.dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("opsalign %q: %v", args, err)
	}
	return code, out.String(), errb.String()
}

// expect runs the command and fails t unless it exits with want.
func (o opsalign) expect(t *testing.T, want int, args ...string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := o.run(t, args...)
	if code != want {
		t.Fatalf("opsalign %q exited %d, want %d\nstdout:\n%s\nstderr:\n%s", args, code, want, stdout, stderr)
	}
	return stdout, stderr
}

// snapshot reads every file under dir, by slash path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// entries lists the names in dir, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestPublish runs the opsalign binary on a small site folder: build,
// a broken spreadsheet, --strict, a folder it did not write, usage errors.
func TestPublish(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the opsalign binary")
	}
	o := opsalign{bin: buildBinary(t), dir: t.TempDir()}
	writeSite(t, o.dir, plain)
	public := filepath.Join(o.dir, "public")
	siteFiles := []string{"content", "data", "opsalign.toml", "public"}

	t.Run("build", func(t *testing.T) {
		stdout, _ := o.expect(t, 0, "build")
		if !strings.Contains(stdout, "Built public") {
			t.Errorf("build says %q", stdout)
		}
		got := snapshot(t, public)
		if _, ok := got[publish.Marker]; !ok {
			t.Errorf("no %s marker in public/", publish.Marker)
		}
		delete(got, publish.Marker)
		// What the command publishes is exactly what the pipeline builds.
		mem := build(t, filepath.Join(o.dir, "opsalign.toml"))
		if !slices.Equal(slices.Sorted(maps.Keys(got)), mem.Paths()) {
			t.Fatalf("public/ holds\n%q\nthe build made\n%q", slices.Sorted(maps.Keys(got)), mem.Paths())
		}
		for _, p := range mem.Paths() {
			if b, _ := mem.Get(p); string(b) != got[p] {
				t.Errorf("public/%s differs from the in-memory build", p)
			}
		}
		if es := entries(t, o.dir); !slices.Equal(es, siteFiles) {
			t.Errorf("site folder holds %q after the build, want %q (no staging left)", es, siteFiles)
		}
		// A second build replaces the site it wrote, with the same bytes.
		first := snapshot(t, public)
		o.expect(t, 0, "build", "--quiet")
		if again := snapshot(t, public); !maps.Equal(first, again) {
			t.Errorf("a second build of the same input published different files")
		}
		if es := entries(t, o.dir); !slices.Equal(es, siteFiles) {
			t.Errorf("site folder holds %q after the second build, want %q", es, siteFiles)
		}
	})

	t.Run("broken spreadsheet", func(t *testing.T) {
		before := snapshot(t, public)
		broken := filepath.Join(o.dir, "data", "budget.xlsx")
		write(t, broken, "this is not a workbook")
		defer os.Remove(broken)
		_, stderr := o.expect(t, 1, "build")
		if !strings.Contains(stderr, "budget.xlsx") {
			t.Errorf("the message does not name the file:\n%s", stderr)
		}
		if after := snapshot(t, public); !maps.Equal(before, after) {
			t.Errorf("a failed build changed public/")
		}
		if es := entries(t, o.dir); !slices.Equal(es, siteFiles) {
			t.Errorf("site folder holds %q after a failed build, want %q", es, siteFiles)
		}
	})

	t.Run("strict", func(t *testing.T) {
		csvPath := filepath.Join(o.dir, "data", "initiatives.csv")
		orig, err := os.ReadFile(csvPath)
		if err != nil {
			t.Fatal(err)
		}
		defer os.WriteFile(csvPath, orig, 0o644)
		// Row 7 (header is row 1): its budget is unreadable, an error.
		write(t, csvPath, string(orig)+"INI-9,Bad budget,Run,Retail,,,,\"12,5OO\",,,,,,,,,,,,,\n")
		stdout, stderr := o.expect(t, 0, "check")
		if out := stdout + stderr; !strings.Contains(out, "data/initiatives.csv") || !strings.Contains(out, "12,5OO") {
			t.Errorf("check does not name the file and value:\n%s", out)
		}
		o.expect(t, 1, "check", "--strict")
		before := snapshot(t, public)
		o.expect(t, 1, "build", "--strict")
		if after := snapshot(t, public); !maps.Equal(before, after) {
			t.Errorf("build --strict with errors changed public/")
		}
	})

	t.Run("not our folder", func(t *testing.T) {
		other := opsalign{bin: o.bin, dir: t.TempDir()}
		writeSite(t, other.dir, plain)
		mine := filepath.Join(mkdir(t, other.dir, "public"), "mine.txt")
		write(t, mine, "keep me")
		_, stderr := other.expect(t, 1, "build")
		if !strings.Contains(stderr, publish.Marker) {
			t.Errorf("the message does not say why:\n%s", stderr)
		}
		if got := snapshot(t, filepath.Join(other.dir, "public")); !maps.Equal(got, map[string]string{"mine.txt": "keep me"}) {
			t.Errorf("public/ was touched: %q", slices.Sorted(maps.Keys(got)))
		}
	})

	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{
			{},
			{"frobnicate"},
			{"build", "--no-such-flag"},
			{"check", "--as-of", "30/09/2026"},
			{"close"},
			{"check", "extra"},
		} {
			before := entries(t, o.dir)
			o.expect(t, 2, args...)
			if after := entries(t, o.dir); !slices.Equal(before, after) {
				t.Errorf("opsalign %q changed the site folder: %q → %q", args, before, after)
			}
		}
	})
}
