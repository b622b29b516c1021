package commands

import (
	"fmt"
	"runtime/debug"
)

// Version prints the opsalign version and the versions of its main
// dependencies.
func Version(o Options) error {
	fmt.Fprintf(o.Stdout, "opsalign %s\n", o.Version)
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	fmt.Fprintf(o.Stdout, "  %s\n", bi.GoVersion)
	for _, d := range bi.Deps {
		fmt.Fprintf(o.Stdout, "  %s %s\n", d.Path, d.Version)
	}
	return nil
}
