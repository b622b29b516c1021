package history

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/site"
)

// Quarter is one closed quarter as Load finds it.
type Quarter struct {
	Period    string
	AsOf      string // the quarter's last day, 2026-09-30
	Manifest  Manifest
	Scorecard *model.Scorecard
}

// Load returns the closed quarters of the site folder, oldest first (by
// as_of, then period). A site without history/ has none. Folders whose
// name starts with "." (a close in progress) are skipped; a closed quarter
// that cannot be read is an error naming its file.
func Load(siteDir string) ([]Quarter, error) {
	root := filepath.Join(siteDir, Dir)
	entries, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Quarter
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		q := Quarter{Period: e.Name()}
		if err := readJSON(root, e.Name(), ManifestFile, &q.Manifest); err != nil {
			return nil, err
		}
		q.Scorecard = new(model.Scorecard)
		if err := readJSON(root, e.Name(), ScorecardFile, q.Scorecard); err != nil {
			return nil, err
		}
		if q.Manifest.Period != q.Period || q.Scorecard.Period != q.Period {
			return nil, fmt.Errorf("%s: the folder holds period %q (manifest) / %q (scorecard)", path.Join(Dir, q.Period), q.Manifest.Period, q.Scorecard.Period)
		}
		q.AsOf = q.Scorecard.AsOf
		out = append(out, q)
	}
	slices.SortFunc(out, func(a, b Quarter) int {
		if c := strings.Compare(a.AsOf, b.AsOf); c != 0 {
			return c
		}
		return strings.Compare(a.Period, b.Period)
	})
	return out, nil
}

func readJSON(root, period, name string, v any) error {
	rel := path.Join(Dir, period, name)
	b, err := os.ReadFile(filepath.Join(root, period, name))
	if err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	return nil
}

// Previous returns the latest quarter closed before the report period of
// sc (its as_of earlier than sc's, and not sc's own period), or nil.
// quarters are as Load returns them.
func Previous(quarters []Quarter, sc *model.Scorecard) *Quarter {
	for i := len(quarters) - 1; i >= 0; i-- {
		q := &quarters[i]
		if q.Period != sc.Period && q.AsOf < sc.AsOf {
			return q
		}
	}
	return nil
}

// CopyTo puts every file under the site folder's history/ into dst under
// history/, byte for byte and in path order, skipping names that start
// with "." (a close in progress).
func CopyTo(siteDir string, dst site.Sink) error {
	root := filepath.Join(siteDir, Dir)
	fsys := os.DirFS(root)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return dst.Put(path.Join(Dir, p), b)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
