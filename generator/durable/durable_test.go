package durable

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func mk(t *testing.T, dir, file, text string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileSync(filepath.Join(dir, file), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExchange(t *testing.T) {
	d := t.TempDir()
	a, b := filepath.Join(d, "a"), filepath.Join(d, "b")
	mk(t, a, "x", "A")
	mk(t, b, "x", "B")
	err := Exchange(a, b)
	if runtime.GOOS != "linux" {
		if !errors.Is(err, ErrUnsupported) {
			t.Fatalf("Exchange off Linux: %v", err)
		}
		return
	}
	if errors.Is(err, ErrUnsupported) {
		t.Skip("this file system cannot exchange:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(a, "x")) != "B" || read(t, filepath.Join(b, "x")) != "A" {
		t.Error("Exchange did not swap the folders")
	}
	if err := Exchange(a, filepath.Join(d, "missing")); err == nil || errors.Is(err, ErrUnsupported) {
		t.Errorf("Exchange with a missing folder: %v", err)
	}
}

func TestRenameNoReplace(t *testing.T) {
	d := t.TempDir()
	a, b, c := filepath.Join(d, "a"), filepath.Join(d, "b"), filepath.Join(d, "c")
	mk(t, a, "x", "A")
	mk(t, b, "x", "B")
	if err := RenameNoReplace(a, b); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("onto an existing folder: %v, want fs.ErrExist", err)
	}
	if read(t, filepath.Join(b, "x")) != "B" {
		t.Fatal("the folder was replaced")
	}
	if err := RenameNoReplace(a, c); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(c, "x")) != "A" {
		t.Fatal("not moved")
	}
	if err := renameChecked(c, b); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("the portable path onto an existing folder: %v", err)
	}
}

func TestSyncTree(t *testing.T) {
	d := t.TempDir()
	mk(t, filepath.Join(d, "a", "b"), "x", "1")
	if err := os.Symlink("x", filepath.Join(d, "a", "b", "l")); err != nil {
		t.Fatal(err)
	}
	if err := SyncTree(d); err != nil {
		t.Fatal(err)
	}
	if err := SyncPath(filepath.Join(d, "a")); err != nil {
		t.Fatal(err)
	}
	if err := SyncTree(filepath.Join(d, "missing")); err == nil {
		t.Error("SyncTree of a missing folder: no error")
	}
}

func TestParseSpare(t *testing.T) {
	tests := []struct {
		name, base, kind string
		pid              int
		ok               bool
	}{
		{".public.staging-4242-a1b2c3", "public", "staging", 4242, true},
		{".public.old-17-ff", "public", "old", 17, true},
		{".public.trash-9-00", "public", "trash", 9, true},
		{".2026-Q2.closing-300-abc", "2026-Q2", "closing", 300, true},
		{".FY2027-Q1.old-5-x", "FY2027-Q1", "old", 5, true},
		{".public.staging-98765", "public", "staging", 0, true}, // older versions: no pid
		{".2026-Q2.closing-1234567", "2026-Q2", "closing", 0, true},
		{".my.site.staging-1-2", "my.site", "staging", 1, true},
		{"public", "", "", 0, false},
		{".gitkeep", "", "", 0, false},
		{".staging-1-2", "", "", 0, false},
	}
	for _, tt := range tests {
		base, kind, pid, ok := parseSpare(tt.name)
		if base != tt.base || kind != tt.kind || pid != tt.pid || ok != tt.ok {
			t.Errorf("parseSpare(%q) = %q %q %d %v", tt.name, base, kind, pid, ok)
		}
	}
}
