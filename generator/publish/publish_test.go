package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/opsalign/opsalign/generator/site"
)

func putAll(files map[string]string) func(site.Sink) error {
	return func(s site.Sink) error {
		keys := make([]string, 0, len(files))
		for k := range files {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if err := s.Put(k, []byte(files[k])); err != nil {
				return err
			}
		}
		return nil
	}
}

// tree returns every regular file under dir with its content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestDirWritesAndReplaces(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Dir(context.Background(), out, putAll(map[string]string{"index.html": "one", "a/b.html": "b"})); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "one", "a/b.html": "b", Marker: markerText}
	if got := tree(t, out); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("first build: got %v, want %v", got, want)
	}
	if err := Dir(context.Background(), out, putAll(map[string]string{"index.html": "two"})); err != nil {
		t.Fatal(err)
	}
	want = map[string]string{"index.html": "two", Marker: markerText}
	if got := tree(t, out); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("second build: got %v, want %v (a stale file survived or a new one is missing)", got, want)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Fatalf("parent holds %d entries, want only public/: staging or old folders left behind", len(entries))
	}
}

func TestDirFailedRenderLeavesOldSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Dir(context.Background(), out, putAll(map[string]string{"index.html": "good"})); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("template error")
	err := Dir(context.Background(), out, func(s site.Sink) error {
		if err := s.Put("index.html", []byte("half")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the render error", err)
	}
	if got := tree(t, out)["index.html"]; got != "good" {
		t.Fatalf("index.html = %q after a failed build, want the previous %q", got, "good")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Fatalf("a failed build left %d entries beside public/", len(entries)-1)
	}
}

func TestDirFailedFirstBuildWritesNothing(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	err := Dir(context.Background(), out, func(site.Sink) error { return errors.New("bad") })
	if err == nil {
		t.Fatal("want error")
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("public/ exists after a failed first build (stat err %v)", err)
	}
}

func TestDirCancelled(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	ctx, cancel := context.WithCancel(context.Background())
	err := Dir(ctx, out, func(s site.Sink) error { cancel(); return s.Put("x.html", nil) })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a cancelled build published its output")
	}
}

func TestDirRefusesForeignFolder(t *testing.T) {
	tests := []struct {
		name  string
		setup func(out string)
		ok    bool
	}{
		{"missing", func(string) {}, true},
		{"empty", func(out string) { os.Mkdir(out, 0o755) }, true},
		{"ours", func(out string) {
			os.Mkdir(out, 0o755)
			os.WriteFile(filepath.Join(out, Marker), nil, 0o644)
			os.WriteFile(filepath.Join(out, "old.html"), nil, 0o644)
		}, true},
		{"foreign", func(out string) {
			os.Mkdir(out, 0o755)
			os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("precious"), 0o644)
		}, false},
		{"file", func(out string) { os.WriteFile(out, []byte("x"), 0o644) }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			tc.setup(out)
			before, _ := os.ReadFile(filepath.Join(out, "thesis.docx"))
			err := Dir(context.Background(), out, putAll(map[string]string{"index.html": "x"}))
			if tc.ok != (err == nil) {
				t.Fatalf("err = %v, want ok=%v", err, tc.ok)
			}
			if !tc.ok {
				if !errors.Is(err, ErrNotOurs) {
					t.Fatalf("err = %v, want ErrNotOurs", err)
				}
				after, _ := os.ReadFile(filepath.Join(out, "thesis.docx"))
				if string(after) != string(before) {
					t.Fatal("a refused build touched the folder")
				}
			}
		})
	}
}

func TestSinkRejectsEscapingPaths(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, p := range []string{"../x.html", "/etc/passwd", "a/../../x", "a\\b", ""} {
		err := Dir(context.Background(), out, putAll(map[string]string{p: "x"}))
		if err == nil {
			t.Errorf("path %q was accepted", p)
		}
	}
}

// TestKilledBuildLeavesOldSite kills a real build process in the middle of
// writing and checks the published site is the old one, whole, and that
// the next build clears what the killed one left.
func TestKilledBuildLeavesOldSite(t *testing.T) {
	if os.Getenv("OPSALIGN_PUBLISH_CHILD") != "" {
		out := os.Getenv("OPSALIGN_PUBLISH_CHILD")
		Dir(context.Background(), out, func(s site.Sink) error {
			s.Put("index.html", []byte("new"))
			os.Stdout.WriteString("writing\n")
			select {} // hang here until killed
		})
		return
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Dir(context.Background(), out, putAll(map[string]string{"index.html": "old", "x.html": "x"})); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildLeavesOldSite$")
	cmd.Env = append(os.Environ(), "OPSALIGN_PUBLISH_CHILD="+out)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8)
	if _, err := stdout.Read(buf); err != nil || string(buf[:7]) != "writing" {
		t.Fatalf("child did not start writing: %q %v", buf, err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	want := map[string]string{"index.html": "old", "x.html": "x", Marker: markerText}
	if got := tree(t, out); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after a killed build public/ = %v, want the old site %v", got, want)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Fatalf("want public/ and the killed build's staging folder, got %d entries", len(entries))
	}
	if err := Dir(context.Background(), out, putAll(map[string]string{"index.html": "next"})); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Fatalf("the next build left %d entries beside public/, want the stale staging folder removed", len(entries)-1)
	}
}

// TestRemoveStaleKeepsRunningBuilds checks that a build leaves alone the
// staging folder of a build still running beside it, and removes those of
// builds that are gone (and of older versions, whose names hold no pid).
func TestRemoveStaleKeepsRunningBuilds(t *testing.T) {
	parent := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	names := map[string]bool{ // folder → kept
		".public.staging-" + strconv.Itoa(os.Getpid()) + "-123":      true,
		".public.staging-" + strconv.Itoa(dead.Process.Pid) + "-456": false,
		".public.old-" + strconv.Itoa(dead.Process.Pid) + "-789":     false,
		".public.staging-98765":                                      false, // before pids were in the name
		".other.staging-1-1":                                         true,  // another output folder's
	}
	for n := range names {
		if err := os.Mkdir(filepath.Join(parent, n), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := Recover(filepath.Join(parent, "public")); err != nil {
		t.Fatal(err)
	}
	for n, kept := range names {
		_, err := os.Stat(filepath.Join(parent, n))
		if got := err == nil; got != kept {
			t.Errorf("%s kept = %v, want %v", n, got, kept)
		}
	}
}

// TestConcurrentBuilds checks that two builds of one output folder at
// once leave one of the two sites whole, and nothing else beside it.
func TestConcurrentBuilds(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	render := func(tag string) func(site.Sink) error {
		return func(s site.Sink) error {
			for i := range 200 {
				if err := s.Put(fmt.Sprintf("p/%03d.html", i), []byte(tag)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	errs := make(chan error, 2)
	for _, tag := range []string{"a", "b"} {
		go func() { errs <- Dir(context.Background(), out, render(tag)) }()
	}
	e1, e2 := <-errs, <-errs
	if e1 != nil && e2 != nil {
		t.Fatalf("both builds failed: %v; %v", e1, e2)
	}
	first, err := os.ReadFile(filepath.Join(out, "p", "000.html"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		b, err := os.ReadFile(filepath.Join(out, "p", fmt.Sprintf("%03d.html", i)))
		if err != nil || !bytes.Equal(b, first) {
			t.Fatalf("file %d: %q, %v; want %q: the site is not whole", i, b, err, first)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("%d entries beside public/, want none", len(entries)-1)
	}
}
