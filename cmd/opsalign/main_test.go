package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/commands"
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
		{[]string{"--version"}, exitOK, "opsalign dev"},
		{[]string{"version", "extra"}, exitUsage, "want 0 argument(s), got 1"},
		{[]string{"build", "extra"}, exitUsage, "want 0 argument(s), got 1"},
		{[]string{"new"}, exitUsage, "want 1 argument(s), got 0"},
		{[]string{"close", "2026-Q3", "2026-Q4"}, exitUsage, "want 1 argument(s), got 2"},
		{[]string{"check", "-h"}, exitOK, "-json"},
		{[]string{"serve", "--port", "70000"}, exitUsage, "--port 70000"},
		{[]string{"serve", "--port", "-1"}, exitUsage, "--port -1"},
		{[]string{"serve", "--poll", "-2s"}, exitUsage, "--poll"},
		{[]string{"serve", "--allow-host", "http://review.corp/"}, exitUsage, "want a host name"},
		{[]string{"serve", "--allow-host", "review.corp:1414"}, exitUsage, "want a host name"},
		{[]string{"build", "--json"}, exitUsage, "flag provided but not defined: -json"},
		{[]string{"check", "--force"}, exitUsage, "flag provided but not defined: -force"},
		{[]string{"--config", bad, "check"}, exitFail, "bad.toml:1: titel: unknown key"},
		{[]string{"--strict", "--config", missing, "build"}, exitFail, "nope.toml"},
		{[]string{"close", "2026-Q5", "--config", empty}, exitUsage, `period "2026-Q5": want a quarter`},
		{[]string{"close", "FY2026-Q1", "--config", empty}, exitUsage, "needs fiscal_year_start"},
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

// TestParseArgs pins the flags of outputs.md and their defaults.
func TestParseArgs(t *testing.T) {
	asOf := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		args []string
		want invocation
	}{
		{[]string{"build"}, invocation{cmd: "build", more: moreFlags{paper: "a4"}}},
		{[]string{"build", "--pdf", "--appendix"},
			invocation{cmd: "build", o: commands.Options{Appendix: true}, more: moreFlags{pdf: true, paper: "a4"}}},
		{[]string{"build", "--pdf", "--paper", "letter", "--strict", "--quiet"},
			invocation{cmd: "build", o: commands.Options{Strict: true, Quiet: true}, more: moreFlags{pdf: true, paper: "letter"}}},
		{[]string{"serve"}, invocation{cmd: "serve", more: moreFlags{bind: "127.0.0.1", port: 1414}}},
		{[]string{"serve", "--bind", "0.0.0.0", "--port", "8080", "--poll", "2s"},
			invocation{cmd: "serve", more: moreFlags{bind: "0.0.0.0", port: 8080, poll: 2 * time.Second}}},
		{[]string{"serve", "--allow-host", "review.corp.example", "--allow-host=box"},
			invocation{cmd: "serve", more: moreFlags{bind: "127.0.0.1", port: 1414, allowHosts: []string{"review.corp.example", "box"}}}},
		{[]string{"check", "--json", "--config", "site/x.toml", "--as-of", "2026-06-30"},
			invocation{cmd: "check", asJSON: true, o: commands.Options{Config: "site/x.toml", AsOf: asOf}}},
		{[]string{"--config", "site/x.toml", "--as-of=2026-06-30", "check", "--json"},
			invocation{cmd: "check", asJSON: true, o: commands.Options{Config: "site/x.toml", AsOf: asOf}}},
		{[]string{"close", "2026-Q3", "--force"}, invocation{cmd: "close", pos: []string{"2026-Q3"}, more: moreFlags{force: true}}},
		{[]string{"--quiet", "close", "--force", "2026-Q3"},
			invocation{cmd: "close", pos: []string{"2026-Q3"}, o: commands.Options{Quiet: true}, more: moreFlags{force: true}}},
		{[]string{"new", "acme"}, invocation{cmd: "new", pos: []string{"acme"}}},
		{[]string{"version"}, invocation{cmd: "version"}},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var errb bytes.Buffer
			got, code, ok := parseArgs(tc.args, &errb)
			if !ok || code != exitOK {
				t.Fatalf("parseArgs: ok %v, code %d: %s", ok, code, errb.String())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestCommandFirst(t *testing.T) {
	tests := []struct{ in, want string }{
		{"build --strict", "build --strict"},
		{"--strict build", "build --strict"},
		{"--config build check", "check --config build"},
		{"-config=a.toml --as-of 2026-06-30 close 2026-Q3", "close -config=a.toml --as-of 2026-06-30 2026-Q3"},
		{"--strict", "--strict"},
		{"-- build", "-- build"},
	}
	for _, tc := range tests {
		if got := strings.Join(commandFirst(strings.Fields(tc.in)), " "); got != tc.want {
			t.Errorf("commandFirst(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
