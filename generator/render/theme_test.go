package render

import (
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opsalign/opsalign/generator/narrative"
	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/themes"
)

// everyPlace is a narrative that places every table, a chart and a check,
// so that the templates only narrative reaches are rendered too.
func everyPlace() []narrative.Page {
	return []narrative.Page{
		{File: "content/_index.md", Name: "_index", Title: "Overview",
			Body: "{{ table \"scoreboard\" }}\n\n{{ table \"checks\" }}\n\n{{ table \"verdicts\" }}\n\n{{ table \"exceptions\" }}"},
		{File: "content/board-pack.md", Name: "board-pack", Title: "Board pack", Body: "{{ chart \"split\" }}"},
		{File: "content/about.md", Name: "about", Title: "About", Body: "- {{ check \"INI-002\" \"peak_clear\" }}\n\nIts go-live {{ check \"INI-002\" \"peak_clear\" }}."},
	}
}

// defineRE finds the opening action of a {{define}} block.
var defineRE = regexp.MustCompile(`\{\{-?\s*define\s+"([^"]+)"\s*-?\}\}`)

// TestEveryLayoutMatters edits each template of the default theme in turn —
// every {{define}} block of every file under layouts/, and the top of a
// file that defines none — and checks that the rendered site changes:
// no page is written from anything but its templates, and no template of
// the theme is dead.
func TestEveryLayoutMatters(t *testing.T) {
	def := themes.Default()
	files := map[string][]byte{}
	err := fs.WalkDir(def, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(def, p)
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	render := func(theme fs.FS) *site.Memory {
		t.Helper()
		cfg, ds, sc := fixture()
		in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Version: "test", Content: everyPlace(), Markdown: testMarkdown, History: closedFixture(t)}
		r, err := Parse(theme, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := site.NewMemory()
		if err := r.Render(context.Background(), in, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	shows := func(m *site.Memory, marker string) bool {
		for _, p := range m.Paths() {
			if b, _ := m.Get(p); strings.Contains(string(b), marker) {
				return true
			}
		}
		return false
	}
	if shows(render(def), "zqx") {
		t.Fatal("the unedited site already holds the marker")
	}
	n := 0
	for name, src := range files {
		if !strings.HasPrefix(name, "layouts/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		// Where to insert: after each define's opening action, or before
		// the first closing tag of a file without one.
		var at []int
		var what []string
		for _, m := range defineRE.FindAllSubmatchIndex(src, -1) {
			at, what = append(at, m[1]), append(what, string(src[m[2]:m[3]]))
		}
		if len(at) == 0 {
			i := strings.Index(string(src), "</")
			if i < 0 {
				t.Fatalf("%s: no define and no closing tag to edit", name)
			}
			at, what = append(at, i), append(what, "(the file)")
		}
		for i, pos := range at {
			n++
			marker := fmt.Sprintf("zqx%dedited", n)
			edited := string(src[:pos]) + marker + string(src[pos:])
			theme := fstest.MapFS{}
			for p, b := range files {
				theme[p] = &fstest.MapFile{Data: b}
			}
			theme[name] = &fstest.MapFile{Data: []byte(edited)}
			if !shows(render(theme), marker) {
				t.Errorf("editing %s, template %s, changes no page", name, what[i])
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d templates edited", n)
	}
}

// TestNoThemeInGo checks that the package's code does not reach for the
// default theme itself: it sees only the theme it is given, so that an
// edit of the embedded default (themes/default/layouts, built into the
// binary) changes the output as TestEveryLayoutMatters checks for an edit
// of a theme folder. (A Go copy of the default initiative page used to be
// chosen when the theme parsed to the embedded default's trees.)
func TestNoThemeInGo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); strings.HasSuffix(p, "/themes") {
				t.Errorf("%s imports %s", f, p)
			}
		}
	}
}
