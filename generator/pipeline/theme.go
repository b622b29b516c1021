package pipeline

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/sitefs"
	"github.com/opsalign/opsalign/themes"
)

// ThemeDirs returns the folders a site's look comes from: the theme folder
// (empty when the embedded default theme is used) and the layouts folder
// (empty when the site has none). serve watches them.
func ThemeDirs(cfg config.Config) (theme, layouts string) {
	t := filepath.Join(cfg.Dir, "themes", cfg.Theme)
	if isDir(t) {
		theme = t
	}
	l := filepath.Join(cfg.Dir, "layouts")
	if isDir(l) {
		layouts = l
	}
	return theme, layouts
}

// ThemeFS returns the theme and layouts file systems of a site: the
// site's themes/<theme>/ folder when it has one, else the default theme
// built into the binary; and the site's layouts/ folder, or nil. A link
// in either folder is followed only while it stays inside that folder
// (sitefs).
func ThemeFS(cfg config.Config) (theme, layouts fs.FS, err error) {
	td, ld := ThemeDirs(cfg)
	switch {
	case td != "":
		theme = sitefs.Open(cfg.Dir, td)
	case cfg.Theme == "default":
		theme = themes.Default()
	default:
		return nil, nil, fmt.Errorf("%s: theme: %q: no folder %s (the built-in theme is \"default\")", cfg.Pos("theme"), cfg.Theme,
			filepath.Join(cfg.Dir, "themes", cfg.Theme))
	}
	if ld != "" {
		layouts = sitefs.Open(cfg.Dir, ld)
	}
	return theme, layouts, nil
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
