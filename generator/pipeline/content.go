package pipeline

import (
	"io/fs"
	"path/filepath"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/sitefs"
)

// contentFS returns the file system and folder in it that hold a site's
// narrative, opened so that no link leads out of the content folder
// (sitefs). A content_dir inside the site folder appears under its path
// in the site folder, so that messages name files as "content/notes.md";
// one outside it (an absolute path, or "../shared") is the file system's
// root.
func contentFS(cfg config.Config) (fs.FS, string) {
	dir := Path(cfg, cfg.ContentDir)
	folder := sitefs.Open(cfg.Dir, dir)
	if rel, err := filepath.Rel(cfg.Dir, dir); err == nil && filepath.IsLocal(rel) {
		rel = filepath.ToSlash(rel) // "." for the site folder itself
		return sitefs.Mount(rel, folder), rel
	}
	return folder, "."
}
