package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// tree makes a site folder beside a secret file outside it:
//
//	secret.txt
//	site/content/a.md, sub/b.md
//	site/content/in.md       -> a.md            (stays inside)
//	site/content/sub/up.md   -> ../a.md         (stays inside)
//	site/content/out.md      -> ../../secret.txt
//	site/content/abs.md      -> /…/site/content/a.md (absolute, though inside)
//	site/content/sibling.md  -> ../notes.md     (inside the site, outside content/)
//	site/content/dir         -> ../../          (a folder outside)
//	site/content/chain.md    -> in2.md -> ../../secret.txt
//	site/notes.md
//	site/evil                -> ../             (a folder of the site that is a link out)
func tree(t *testing.T) (siteDir string) {
	t.Helper()
	top := t.TempDir()
	site := filepath.Join(top, "site")
	c := filepath.Join(site, "content")
	must(t, os.MkdirAll(filepath.Join(c, "sub"), 0o755))
	must(t, os.WriteFile(filepath.Join(top, "secret.txt"), []byte("root:x:0:0"), 0o644))
	must(t, os.WriteFile(filepath.Join(c, "a.md"), []byte("# A"), 0o644))
	must(t, os.WriteFile(filepath.Join(c, "sub", "b.md"), []byte("# B"), 0o644))
	must(t, os.WriteFile(filepath.Join(site, "notes.md"), []byte("# notes"), 0o644))
	for link, target := range map[string]string{
		"content/in.md":      "a.md",
		"content/sub/up.md":  "../a.md",
		"content/out.md":     "../../secret.txt",
		"content/abs.md":     filepath.Join(c, "a.md"),
		"content/sibling.md": "../notes.md",
		"content/dir":        "../../",
		"content/chain.md":   "in2.md",
		"content/in2.md":     "../../secret.txt",
		"evil":               "../",
	} {
		must(t, os.Symlink(target, filepath.Join(site, filepath.FromSlash(link))))
	}
	return site
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestFolderLinks(t *testing.T) {
	site := tree(t)
	c := Open(site, "content")
	tests := []struct {
		name string
		want string // the content, or the start of the error
	}{
		{"a.md", "# A"},
		{"in.md", "# A"},
		{"sub/up.md", "# A"},
		{"sub/b.md", "# B"},
		{"out.md", "content/out.md is a symbolic link to ../../secret.txt, which leads outside content/: refused"},
		{"abs.md", "content/abs.md is a symbolic link to " + filepath.Join(site, "content", "a.md") + ": refused, a link must be relative and stay inside content/"},
		{"sibling.md", "content/sibling.md is a symbolic link to ../notes.md, which leads outside content/"},
		{"dir/secret.txt", "content/dir is a symbolic link to ../../, which leads outside content/"},
		{"chain.md", "content/chain.md is a symbolic link to in2.md, which leads outside content/"},
		{"missing.md", "open content/missing.md: no such file or directory"},
	}
	for _, tt := range tests {
		b, err := c.ReadFile(tt.name)
		got := string(b)
		if err != nil {
			got = err.Error()
		}
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("ReadFile(%q) = %q, want %q…", tt.name, got, tt.want)
		}
		if strings.Contains(got, "root:x") {
			t.Errorf("ReadFile(%q) read the file outside", tt.name)
		}
		var le *LinkError
		if isLink := errors.As(err, &le); isLink != strings.Contains(tt.want, "symbolic link") {
			t.Errorf("ReadFile(%q): a *LinkError = %v", tt.name, isLink)
		}
		// Open and Stat refuse the same links.
		if f, err := c.Open(tt.name); err == nil {
			f.Close()
			if strings.Contains(tt.want, "symbolic link") {
				t.Errorf("Open(%q) opened a link leading outside", tt.name)
			}
		}
		if _, err := c.Stat(tt.name); (err != nil) != (b == nil) {
			t.Errorf("Stat(%q) err = %v, ReadFile err = %v", tt.name, err, b == nil)
		}
	}
	if _, err := fs.ReadFile(c, "../notes.md"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf(`ReadFile("../notes.md") err = %v, want fs.ErrInvalid`, err)
	}
}

// TestFolderItselfALink: a folder of the site that is a link out of the
// site folder is refused; one configured outside the site is trusted.
func TestFolderItselfALink(t *testing.T) {
	site := tree(t)
	_, err := Open(site, "evil").ReadFile("secret.txt")
	var le *LinkError
	if !errors.As(err, &le) || le.Link != "evil" || le.Folder != "." {
		t.Fatalf("evil/secret.txt: err = %v, want a LinkError naming evil", err)
	}
	if want := "evil is a symbolic link to ../, which leads outside the site folder"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %q, want %q…", err, want)
	}
	outside := Open(site, filepath.Dir(site)) // data_dir = "/…" outside the site: as given
	if b, err := outside.ReadFile("secret.txt"); err != nil || string(b) != "root:x:0:0" {
		t.Errorf("a folder configured outside the site: %q, %v", b, err)
	}
	if outside.Name() != filepath.ToSlash(filepath.Dir(site)) {
		t.Errorf("Name = %q", outside.Name())
	}
	// "." is the site folder itself: a link in it may reach any file of
	// the site, but not beyond.
	root := Open(site, ".")
	if b, err := root.ReadFile("content/sibling.md"); err != nil || string(b) != "# notes" {
		t.Errorf("site folder, content/sibling.md: %q, %v", b, err)
	}
	if _, err := root.ReadFile("content/out.md"); !errors.As(err, &le) || le.Link != "content/out.md" {
		t.Errorf("site folder, content/out.md: err = %v", err)
	}
}

// TestFolderWalk: walking lists links as links (never following a folder
// link) and every file can be read through the walk.
func TestFolderWalk(t *testing.T) {
	site := tree(t)
	fsys := Mount("content", Open(site, "content"))
	var files, refused []string
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if _, err := fs.ReadFile(fsys, p); err != nil {
			var le *LinkError
			if !errors.As(err, &le) {
				t.Errorf("%s: %v", p, err)
			}
			refused = append(refused, le.Link)
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/a.md", "content/in.md", "content/sub/b.md", "content/sub/up.md"}; !slices.Equal(files, want) {
		t.Errorf("read %q, want %q", files, want)
	}
	if want := []string{"content/abs.md", "content/chain.md", "content/dir", "content/in2.md", "content/out.md", "content/sibling.md"}; !slices.Equal(refused, want) {
		t.Errorf("refused %q, want %q", refused, want)
	}
}

func TestReadFileMax(t *testing.T) {
	site := tree(t)
	c := Open(site, "content")
	if b, err := c.ReadFileMax("a.md", 3); err != nil || string(b) != "# A" {
		t.Errorf("ReadFileMax at the limit = %q, %v", b, err)
	}
	var se *SizeError
	if _, err := c.ReadFileMax("a.md", 2); !errors.As(err, &se) || se.File != "content/a.md" {
		t.Errorf("ReadFileMax over the limit: err = %v", err)
	}
	var le *LinkError
	if _, err := c.ReadFileMax("out.md", 100); !errors.As(err, &le) {
		t.Errorf("ReadFileMax of a link out: err = %v", err)
	}
}

func TestMount(t *testing.T) {
	inner := fstest.MapFS{"x.md": {Data: []byte("x")}, "d/y.md": {Data: []byte("y")}}
	if err := fstest.TestFS(inner, "x.md"); err != nil {
		t.Fatal(err)
	}
	m := Mount("content", inner)
	for name, want := range map[string]string{"content/x.md": "x", "content/d/y.md": "y"} {
		if b, err := fs.ReadFile(m, name); err != nil || string(b) != want {
			t.Errorf("%s = %q, %v", name, b, err)
		}
	}
	for _, name := range []string{"x.md", "contentx.md", "content/../x.md", "other/x.md"} {
		if _, err := fs.ReadFile(m, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: err = %v, want not exist", name, err)
		}
	}
	if Mount(".", inner) == nil {
		t.Error("Mount(.) = nil")
	}
}
