package commands

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/scaffold"
)

// TestCloseThenCompare closes 2026-Q1 and then 2026-Q2: the second board
// pack says what changed since the first, the first does not know of the
// second, and the build lists both and compares with the latest.
func TestCloseThenCompare(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Write(ctx, dir, scaffold.Options{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	o := Options{Config: filepath.Join(dir, "opsalign.toml"), Stdout: &out, Stderr: &out, Version: "test"}
	for _, q := range []string{"2026-Q1", "2026-Q2"} {
		if err := Close(ctx, o, q, false); err != nil {
			t.Fatalf("close %s: %v", q, err)
		}
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	q1, q2 := read("history/2026-Q1/board-pack.html"), read("history/2026-Q2/board-pack.html")
	if strings.Contains(q1, "What changed since") || strings.Contains(q1, "2026-Q2/board-pack.html") {
		t.Error("the 2026-Q1 board pack mentions a later quarter")
	}
	if !strings.Contains(q2, "What changed since 2026-Q1") || !strings.Contains(q2, `href="../../history/2026-Q1/board-pack.html"`) {
		t.Error("the 2026-Q2 board pack does not compare with 2026-Q1")
	}
	// The site's as_of is 2026-06-30, in 2026-Q2, which is closed: the
	// build compares with 2026-Q1 and lists both closed quarters.
	if _, _, err := Build(ctx, o); err != nil {
		t.Fatal(err)
	}
	index := read("public/index.html")
	for _, want := range []string{"<h2>Since 2026-Q1</h2>", `href="history/2026-Q2/board-pack.html"`, `href="history/2026-Q1/board-pack.html"`} {
		if !strings.Contains(index, want) {
			t.Errorf("overview does not contain %s", want)
		}
	}
	if read("public/history/2026-Q2/board-pack.html") != q2 {
		t.Error("the build changed a closed board pack")
	}
}
