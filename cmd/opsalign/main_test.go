package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.toml")
	empty := filepath.Join(dir, "site", "opsalign.toml")
	os.MkdirAll(filepath.Dir(empty), 0o755)
	os.WriteFile(empty, []byte("data_dir = \"data\"\n"), 0o644)
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("titel = \"x\"\n"), 0o644)
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{nil, exitUsage, "usage:"},
		{[]string{"help"}, exitOK, "usage:"},
		{[]string{"bogus"}, exitUsage, `unknown command "bogus"`},
		{[]string{"check", "--nope"}, exitUsage, "flag provided but not defined"},
		{[]string{"close"}, exitUsage, "want 1 argument"},
		{[]string{"check", "--as-of", "30/09/2026"}, exitUsage, "--as-of"},
		{[]string{"build", "--paper", "legal"}, exitUsage, "unknown paper"},
		{[]string{"check", "--config", missing}, exitFail, "nope.toml"},
		{[]string{"check", "--config", bad}, exitFail, "bad.toml:1: titel: unknown key"},
		{[]string{"check", "--config", empty}, exitFail, "data"},
		{[]string{"version"}, exitOK, "opsalign dev"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, &out, &errb)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.code, errb.String())
			}
			if all := out.String() + errb.String(); !strings.Contains(all, tc.msg) {
				t.Errorf("output %q does not contain %q", all, tc.msg)
			}
		})
	}
}

func TestFlagsAfterArguments(t *testing.T) {
	var out, errb bytes.Buffer
	// "close" with its flag after the period must parse (and then fail on
	// the missing config, exit 1 — not a usage error).
	code := run([]string{"close", "2026-Q3", "--force", "--config", filepath.Join(t.TempDir(), "x.toml")}, &out, &errb)
	if code != exitFail {
		t.Fatalf("exit %d, want %d: %s", code, exitFail, errb.String())
	}
}
