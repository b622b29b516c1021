package archtest

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// stages ranks opsalign's packages in the order a build runs through
// them (docs/architecture.md): a package may import packages of its own
// stage or an earlier one, never a later one. A package not named here
// takes the stage of the latest package it imports (so a new package
// needs no entry to pass, and gets one when it must not be imported
// early).
var stages = []struct {
	name string
	pkgs []string
}{
	{"foundation", []string{"generator/model", "generator/money", "generator/parallel", "generator/durable",
		"generator/sitefs", "generator/site", "generator/browser", "generator/listview", "internal/xlsxzip", "themes"}},
	{"config", []string{"generator/config"}},
	{"read", []string{"generator/read/csvrecord", "generator/read/xlsx", "generator/read/schema",
		"generator/read/value", "generator/read", "generator/scaffold"}},
	{"score", []string{"generator/score"}},
	{"present", []string{"generator/narrative", "generator/export", "generator/console", "generator/history",
		"generator/boardpack", "generator/decisions", "generator/search"}},
	{"render", []string{"generator/render"}},
	{"publish", []string{"generator/publish"}},
	{"pipeline", []string{"generator/pipeline"}},
	{"serve", []string{"generator/serve", "generator/serve/servetest"}},
	{"commands", []string{"generator/commands"}},
	{"main", []string{"cmd/opsalign"}},
}

// graph returns the module's packages (paths relative to the module, as
// "generator/read") and the module packages each imports, from the
// imports of their non-test Go files.
func graph(t *testing.T) map[string][]string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod names no module")
	}
	module := string(m[1]) + "/"
	g := map[string][]string{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" ||
				name == "bench-data" || name == "public" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		deps := g[pkg]
		for _, imp := range f.Imports {
			ip, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			if dep, ok := strings.CutPrefix(ip, module); ok && !slices.Contains(deps, dep) {
				deps = append(deps, dep)
			}
		}
		g[pkg] = deps
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(g["generator/pipeline"]) == 0 {
		t.Fatalf("found no imports of generator/pipeline under %s: is the walk right?", root)
	}
	return g
}

func TestNoCycle(t *testing.T) {
	g := graph(t)
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(p string)
	visit = func(p string) {
		switch state[p] {
		case open:
			i := slices.Index(stack, p)
			t.Errorf("import cycle: %s", strings.Join(append(slices.Clone(stack[i:]), p), " → "))
			return
		case done:
			return
		}
		state[p] = open
		stack = append(stack, p)
		for _, d := range g[p] {
			visit(d)
		}
		stack = stack[:len(stack)-1]
		state[p] = done
	}
	for _, p := range sortedKeys(g) {
		visit(p)
	}
}

func TestNoLaterStage(t *testing.T) {
	g := graph(t)
	for _, s := range stages {
		for _, p := range s.pkgs {
			if _, ok := g[p]; !ok {
				t.Errorf("stage %s names %s, which has no Go files: take it out of the list", s.name, p)
			}
		}
	}
	for _, v := range laterImports(g, stages, func(p, stage string) {
		if strings.HasPrefix(p, "generator/") {
			t.Logf("%s is in no stage; it counts as %s (what it imports)", p, stage)
		}
	}) {
		t.Error(v)
	}
	// read's inner packages are not imported from outside read, except
	// its schema (the spreadsheet templates of scaffold write its columns)
	// and by internal tools.
	for _, p := range sortedKeys(g) {
		for _, d := range g[p] {
			if strings.HasPrefix(d, "generator/read/") && !strings.HasPrefix(p, "generator/read") &&
				d != "generator/read/schema" && !strings.HasPrefix(p, "internal/") {
				t.Errorf("%s imports %s, an inner package of read", p, d)
			}
		}
	}
}

// TestLaterImportsFound checks laterImports on a made-up graph: a package
// importing a later stage, directly or through a package in no stage, is
// reported; imports of the same or an earlier stage are not.
func TestLaterImportsFound(t *testing.T) {
	st := []struct {
		name string
		pkgs []string
	}{{"first", []string{"a", "a2"}}, {"second", []string{"b"}}, {"third", []string{"c"}}}
	g := map[string][]string{
		"a":      {"a2"},     // same stage
		"a2":     {"helper"}, // helper is in no stage and imports c: third
		"b":      {"a"},      // earlier
		"c":      {"b", "a"}, // earlier
		"helper": {"c"},
	}
	got := laterImports(g, st, nil)
	want := []string{"a2 (stage first) imports helper (stage third, later)"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	g["b"] = append(g["b"], "c")
	if got := laterImports(g, st, nil); len(got) != 2 || got[1] != "b (stage second) imports c (stage third, later)" {
		t.Errorf("b importing c: got %q", got)
	}
}

// laterImports returns, in package order, each import by a package of a
// stage of a package of a later stage. A package in no stage counts as the
// latest stage of what it imports; unstaged, when not nil, is told each.
func laterImports(g map[string][]string, stages []struct {
	name string
	pkgs []string
}, unstaged func(p, stage string)) []string {
	rank := map[string]int{}
	for i, s := range stages {
		for _, p := range s.pkgs {
			rank[p] = i
		}
	}
	var rankOf func(p string, seen map[string]bool) int
	rankOf = func(p string, seen map[string]bool) int {
		if r, ok := rank[p]; ok {
			return r
		}
		if seen[p] {
			return 0 // a cycle; TestNoCycle reports it
		}
		seen[p] = true
		r := 0
		for _, d := range g[p] {
			r = max(r, rankOf(d, seen))
		}
		return r
	}
	var out []string
	for _, p := range sortedKeys(g) {
		r, ok := rank[p]
		if !ok {
			if unstaged != nil {
				unstaged(p, stages[rankOf(p, map[string]bool{})].name)
			}
			continue
		}
		for _, d := range g[p] {
			if dr := rankOf(d, map[string]bool{}); dr > r {
				out = append(out, fmt.Sprintf("%s (stage %s) imports %s (stage %s, later)", p, stages[r].name, d, stages[dr].name))
			}
		}
	}
	return out
}

// TestOnePool checks that the worker pool is written once: only
// generator/parallel sizes a pool by GOMAXPROCS or NumCPU.
func TestOnePool(t *testing.T) {
	root := "../.."
	re := regexp.MustCompile(`runtime\.(GOMAXPROCS|NumCPU)\(`)
	for _, dir := range []string{"generator", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			rel := filepath.ToSlash(p)
			if path.Base(path.Dir(rel)) == "parallel" {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if re.Match(b) {
				t.Errorf("%s sizes a pool of its own: use parallel.Do", rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func sortedKeys(g map[string][]string) []string {
	keys := make([]string, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
