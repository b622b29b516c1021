package commands

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersion: the version, then the Go version and every dependency with
// its version, one a line.
func TestVersion(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.0", Deps: []*debug.Module{
		{Path: "github.com/BurntSushi/toml", Version: "v1.6.0"},
		{Path: "github.com/xuri/excelize/v2", Version: "v2.11.1"},
		{Path: "github.com/yuin/goldmark", Version: "v1.8.7", Replace: &debug.Module{Path: "../goldmark", Version: ""}},
	}}
	tests := []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, "opsalign v1.2.3\n"},
		{bi, "opsalign v1.2.3\n  go1.26.0\n  github.com/BurntSushi/toml v1.6.0\n  github.com/xuri/excelize/v2 v2.11.1\n  github.com/yuin/goldmark ../goldmark\n"},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		writeVersion(&out, "v1.2.3", tc.bi)
		if out.String() != tc.want {
			t.Errorf("version prints\n%q\nwant\n%q", out.String(), tc.want)
		}
	}
	var out bytes.Buffer
	if err := Version(Options{Stdout: &out, Version: "dev"}); err != nil || !strings.HasPrefix(out.String(), "opsalign dev\n") {
		t.Errorf("Version: %v, %q", err, out.String())
	}
}
