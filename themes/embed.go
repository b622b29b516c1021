// Package themes holds the themes built into opsalign, so that a lone
// binary can build a site whose folder has no themes/ of its own.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var files embed.FS

// Default returns the default theme: templates under layouts/, static
// files under assets/.
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic("themes: " + err.Error()) // unreachable: "default" is embedded
	}
	return sub
}
