package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/opsalign/opsalign/generator/config"
)

// contentFS returns the file system and folder in it that hold a site's
// narrative. A content_dir inside the site folder is read from the site
// folder, so that messages name files as "content/notes.md"; one outside
// it (an absolute path, or "../shared") is read from its own folder.
func contentFS(cfg config.Config) (fs.FS, string) {
	dir := Path(cfg, cfg.ContentDir)
	if rel, err := filepath.Rel(cfg.Dir, dir); err == nil && filepath.IsLocal(rel) {
		return os.DirFS(cfg.Dir), filepath.ToSlash(rel) // "." for the site folder itself
	}
	return os.DirFS(dir), "."
}
