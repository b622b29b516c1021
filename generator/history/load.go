package history

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/generator/sitefs"
)

// Quarter is one closed quarter as Load finds it.
type Quarter struct {
	Period   string
	AsOf     string // the quarter's last day, 2026-09-30
	Manifest Manifest
	// Scorecard is the frozen scorecard; nil when it cannot be read
	// (Unreadable says why).
	Scorecard *model.Scorecard
	// Unreadable is why the frozen scorecard cannot be read, such as a
	// schema this opsalign does not read: "scorecard.json has schema 0;
	// this opsalign reads schema 1". Its figures are never guessed.
	Unreadable string

	// files are the quarter's files as read and checked against the
	// manifest, by path under history/PERIOD/ (manifest.json included).
	files map[string][]byte
}

// ErrTampered is wrapped by the error of a closed quarter whose files are
// not those its manifest lists.
var ErrTampered = errors.New("a closed quarter's files do not match its manifest.json")

// Load returns the closed quarters of the site folder, oldest first (by
// as_of, then period). A site without history/ has none. Names that start
// with "." (a close in progress, or one a killed close left) are skipped.
//
// Every file of a quarter is checked against its manifest.json: a file
// listed there must have its size and SHA-256, and the folder may hold no
// other file. A quarter that cannot be read or does not match is an error
// naming the file (wrapping ErrTampered for a mismatch). Files are read
// through sitefs: a link leading out of history/ is an error naming it.
func Load(siteDir string) ([]Quarter, error) {
	root := sitefs.Open(siteDir, Dir)
	entries, err := root.ReadDir(".")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Quarter
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		fi, err := root.Stat(e.Name()) // a link is followed only inside history/
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			continue // history/ holds quarter folders; a loose file is not published
		}
		q, err := loadQuarter(root, e.Name())
		if err != nil {
			return nil, err
		}
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

// loadQuarter reads and checks the quarter folder name of history/.
func loadQuarter(root sitefs.Folder, name string) (Quarter, error) {
	q := Quarter{Period: name, files: map[string][]byte{}}
	rel := func(f string) string { return path.Join(Dir, name, f) }
	man, err := root.ReadFile(path.Join(name, ManifestFile))
	if err != nil {
		return q, err
	}
	if err := json.Unmarshal(man, &q.Manifest); err != nil {
		return q, fmt.Errorf("%s: %w", rel(ManifestFile), err)
	}
	q.files[ManifestFile] = man
	for _, f := range q.Manifest.Files {
		if !fs.ValidPath(f.File) || f.File == ManifestFile || f.File == "." {
			return q, fmt.Errorf("%s: lists %q, which is no file of the quarter's folder", rel(ManifestFile), f.File)
		}
		b, err := root.ReadFile(path.Join(name, f.File))
		if errors.Is(err, fs.ErrNotExist) {
			return q, fmt.Errorf("%s: listed in %s but missing: %w (%s)", rel(f.File), ManifestFile, ErrTampered, remedy)
		}
		if err != nil {
			return q, err
		}
		if got := Sum(f.File, b); got != f {
			return q, fmt.Errorf("%s: %s, but %s lists %s: %w (%s)", rel(f.File), describe(got), ManifestFile, describe(f), ErrTampered, remedy)
		}
		q.files[f.File] = b
	}
	// Nothing else may lie in the folder: close writes only what the
	// manifest lists.
	err = fs.WalkDir(root, name, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if _, err := root.Stat(p); err != nil {
				return err // a link leading out of history/ is named as such
			}
		}
		f := strings.TrimPrefix(p, name+"/")
		if _, ok := q.files[f]; !ok {
			return fmt.Errorf("%s: not listed in %s: %w (a closed quarter holds only what close wrote; remove it, or close the quarter again with --force)", path.Join(Dir, p), ManifestFile, ErrTampered)
		}
		return nil
	})
	if err != nil {
		return q, err
	}
	sc, ok := q.files[ScorecardFile]
	if !ok {
		return q, fmt.Errorf("%s: %s does not list %s", rel(ManifestFile), ManifestFile, ScorecardFile)
	}
	var head struct {
		Schema int `json:"schema"`
	}
	if err := json.Unmarshal(sc, &head); err != nil {
		return q, fmt.Errorf("%s: %w", rel(ScorecardFile), err)
	}
	if head.Schema != model.SchemaVersion {
		// Closed by an opsalign of another scorecard schema: named, not read.
		q.Unreadable = fmt.Sprintf("%s has schema %d; this opsalign reads schema %d", ScorecardFile, head.Schema, model.SchemaVersion)
		if q.Manifest.Period != q.Period {
			return q, fmt.Errorf("%s: the folder holds period %q (manifest)", path.Join(Dir, q.Period), q.Manifest.Period)
		}
		q.AsOf = q.Manifest.AsOf
		return q, nil
	}
	q.Scorecard = new(model.Scorecard)
	if err := json.Unmarshal(sc, q.Scorecard); err != nil {
		return q, fmt.Errorf("%s: %w", rel(ScorecardFile), err)
	}
	if q.Manifest.Period != q.Period || q.Scorecard.Period != q.Period {
		return q, fmt.Errorf("%s: the folder holds period %q (manifest) / %q (scorecard)", path.Join(Dir, q.Period), q.Manifest.Period, q.Scorecard.Period)
	}
	q.AsOf = q.Scorecard.AsOf
	return q, nil
}

// remedy is what a person does about a quarter that does not match its
// manifest.
const remedy = "restore the folder from version control, or close the quarter again with --force"

// describe shows a file's size and the start of its SHA-256.
func describe(f FileSum) string {
	return fmt.Sprintf("%d bytes (sha256 %s…)", f.Bytes, f.SHA256[:min(12, len(f.SHA256))])
}

// Previous returns the latest quarter closed before the report period of
// sc (its as_of earlier than sc's, and not sc's own period) whose
// scorecard can be read, or nil. quarters are as Load returns them.
func Previous(quarters []Quarter, sc *model.Scorecard) *Quarter {
	for i := len(quarters) - 1; i >= 0; i-- {
		q := &quarters[i]
		if q.Scorecard != nil && q.Period != sc.Period && q.AsOf < sc.AsOf {
			return q
		}
	}
	return nil
}

// File returns a frozen file of the quarter (DecisionsFile, …) as Load
// read and checked it.
func (q *Quarter) File(name string) ([]byte, bool) {
	b, ok := q.files[name]
	return b, ok
}

// Copy puts the files of the closed quarters, as Load read and checked
// them, into dst under history/PERIOD/, byte for byte and in path order.
func Copy(quarters []Quarter, dst site.Sink) error {
	for _, q := range quarters {
		names := make([]string, 0, len(q.files))
		for n := range q.files {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			if err := dst.Put(path.Join(Dir, q.Period, n), q.files[n]); err != nil {
				return err
			}
		}
	}
	return nil
}
