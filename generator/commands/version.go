package commands

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Version prints the opsalign version and the versions of its main
// dependencies.
func Version(o Options) error {
	bi, _ := debug.ReadBuildInfo()
	writeVersion(o.Stdout, o.Version, bi)
	return nil
}

// writeVersion prints version, then the Go version and every dependency
// of bi (nil: none known), one a line.
func writeVersion(w io.Writer, version string, bi *debug.BuildInfo) {
	fmt.Fprintf(w, "opsalign %s\n", version)
	if bi == nil {
		return
	}
	fmt.Fprintf(w, "  %s\n", bi.GoVersion)
	for _, d := range bi.Deps {
		v := d.Version
		if d.Replace != nil {
			v = strings.TrimSpace(d.Replace.Path + " " + d.Replace.Version)
		}
		fmt.Fprintf(w, "  %s %s\n", d.Path, v)
	}
}
