// Package themes holds the default theme, built into the binary so that a
// lone opsalign binary can build a site. A site folder with its own
// themes/<name>/ folder uses that instead.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default returns the default theme's files (layouts/, assets/).
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // cannot happen: "default" is embedded above
	}
	return sub
}
