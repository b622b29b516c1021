package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/parallel"
)

// Read reads every .xlsx, .xlsm and .csv file under cfg.DataDir (relative
// to cfg.Dir), in path order, skipping names that start with "." or "~$",
// and returns the typed dataset with its issues.
//
// A file-level error (corrupt, password-protected, not a spreadsheet, a
// spreadsheet format it cannot read such as .xls or .ods, a limit passed,
// required table or required column missing, data folder missing) stops
// it: the error is an *Error listing each *model.FileError and the files
// that were read, and the dataset is nil.
//
// cache may be nil; when given, files whose path, size and mtime are
// unchanged are not parsed again.
func Read(ctx context.Context, cfg config.Config, cache *Cache) (*model.Dataset, error) {
	return readWith(ctx, cfg, cache, defaultLimits())
}

// readWith is Read with limits other than the defaults (for tests).
func readWith(ctx context.Context, cfg config.Config, cache *Cache, lim limits) (*model.Dataset, error) {
	if cfg.Location == nil {
		cfg.Location = config.Default().Location
	}
	dataRel := filepath.ToSlash(filepath.Clean(cfg.DataDir))
	root := cfg.DataDir
	if !filepath.IsAbs(root) {
		root = filepath.Join(cfg.Dir, root)
	}
	out := cfg.OutputDir
	if out != "" && !filepath.IsAbs(out) {
		out = filepath.Join(cfg.Dir, out)
	}
	if err := checkDataFolder(cfg); err != nil {
		return nil, err
	}
	paths, err := dataFiles(root, out)
	if err != nil {
		return nil, &Error{Errs: []error{&model.FileError{File: dataRel, Err: err}}}
	}
	sc := newSchemas()
	key := cacheKey(cfg)
	// Files are parsed concurrently (the schemas are only read); results
	// and errors are kept in path order.
	type slot struct {
		path, file, rel string
		size            int64
		mod             time.Time
		res             *fileResult
		err             error
	}
	slots := make([]slot, len(paths))
	var todo []int
	keep := map[string]bool{}
	for i, df := range paths {
		p := df.path
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		file := rel
		if dataRel != "." {
			file = dataRel + "/" + rel
		}
		if filepath.IsAbs(cfg.DataDir) {
			if r, err := filepath.Rel(cfg.Dir, p); err == nil {
				file = filepath.ToSlash(r)
			}
		}
		keep[p] = true
		s := &slots[i]
		s.path, s.file, s.rel = p, file, rel
		if df.refused != "" {
			s.err = &model.FileError{File: file, Err: errors.New(df.refused)}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			s.err = &model.FileError{File: file, Err: err}
			continue
		}
		s.size, s.mod = st.Size(), st.ModTime()
		if res := cache.get(p, s.size, s.mod, key); res != nil {
			s.res = res
			continue
		}
		todo = append(todo, i)
	}
	// A file's error is its own (kept in its slot, every file is read);
	// only the end of ctx stops the reading.
	err = parallel.Do(ctx, len(todo), func(ctx context.Context, j int) error {
		s := &slots[todo[j]]
		s.res, s.err = readFile(ctx, cfg, sc, lim, s.path, s.file, s.rel)
		return nil
	})
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, ctxErr
	} else if err != nil {
		return nil, err
	}
	var results []*fileResult
	var errs []error
	var files, refused []string
	for i := range slots {
		s := &slots[i]
		if s.err != nil {
			errs = append(errs, s.err)
			refused = append(refused, s.file)
			continue
		}
		files = append(files, s.file)
		if slices.Contains(todo, i) {
			cache.put(s.path, s.size, s.mod, key, s.res)
		}
		results = append(results, s.res)
	}
	cache.prune(keep)
	errs = append(errs, unusedSources(cfg, dataRel, paths, root)...)
	if len(errs) > 0 {
		return nil, &Error{Files: files, Refused: refused, Errs: errs}
	}
	ds := merge(cfg, sc, results, cache == nil, lim)
	var missing []string
	for _, t := range []model.Table{model.TableInitiatives, model.TableMetrics} {
		if !ds.Present[t] {
			missing = append(missing, string(t))
		}
	}
	if len(missing) > 0 {
		return nil, &Error{Files: files, Errs: []error{&model.FileError{File: dataRel, Err: fmt.Errorf("no %s table found in the data folder (a sheet or CSV file named like %s, or with its header row); it is required",
			strings.Join(missing, " or "), strings.Join(missing, "/"))}}}
	}
	return ds, nil
}

// cacheKey is what a file's reading depends on besides its bytes.
func cacheKey(cfg config.Config) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%d|%s|%s|", cfg.DateOrder, cfg.DecimalSeparator, cfg.Currency, cfg.FiscalYearStart, cfg.Location.String(), cfg.File)
	for _, s := range cfg.Sources {
		fmt.Fprintf(&b, "%s|%s|%s|%d|%d|", s.File, s.Sheet, s.Table, s.HeaderRow, s.Line)
		keys := make([]string, 0, len(s.Columns))
		for k := range s.Columns {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s=%s|", k, s.Columns[k])
		}
	}
	return b.String()
}

// dataFile is a file of the data folder: one to read, or one refused
// with the reason (a spreadsheet format that cannot be read).
type dataFile struct {
	path    string
	refused string
}

// dataFiles lists the spreadsheet files under root in path order.
//
// The site's output folder (outDir) and any folder holding a built site's
// marker file are skipped: with data_dir = "." the workbook a build wrote
// must not be read back as data by the next one.
func dataFiles(root, outDir string) ([]dataFile, error) {
	st, err := os.Stat(root)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("the data folder does not exist (set data_dir in opsalign.toml): %w", err)
		}
		return nil, err
	}
	if !st.IsDir() {
		return nil, errors.New("data_dir is not a folder")
	}
	var out []dataFile
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != root && (outDir != "" && filepath.Clean(p) == filepath.Clean(outDir) || isBuiltSite(p)) {
				return filepath.SkipDir
			}
			return nil
		}
		switch ext := strings.ToLower(filepath.Ext(name)); {
		case ext == ".xlsx" || ext == ".xlsm" || ext == ".csv":
			out = append(out, dataFile{path: p})
		case unreadable(ext) != "":
			out = append(out, dataFile{path: p, refused: unreadable(ext)})
		}
		return nil
	})
	return out, err
}

// Ways out for the spreadsheet files that cannot be read.
const (
	saveAsXLSX = "; save it as Excel Workbook (.xlsx) or CSV, or move it out of the data folder (a table left out would change the verdicts)"
	fromCalc   = "; in LibreOffice use File > Save As and choose Excel 2007-365 (.xlsx), or export CSV, or move it out of the data folder (a table left out would change the verdicts)"
)

// unreadable returns, for the extension of a spreadsheet file that is not
// read, the reason and the way out ("" for any other extension):
// inputs.md makes such a file a file-level error, never a table silently
// left out.
func unreadable(ext string) string {
	switch ext {
	case ".xls":
		return "an Excel 97-2003 workbook (.xls) cannot be read" + saveAsXLSX
	case ".xlt":
		return "an Excel 97-2003 template (.xlt) cannot be read" + saveAsXLSX
	case ".xlsb":
		return "an Excel binary workbook (.xlsb) cannot be read" + saveAsXLSX
	case ".xltx", ".xltm":
		return "an Excel template (" + ext + ") cannot be read" + saveAsXLSX
	case ".ods":
		return "an OpenDocument spreadsheet (.ods) cannot be read" + fromCalc
	case ".ots", ".fods":
		return "an OpenDocument file (" + ext + ") cannot be read" + fromCalc
	case ".numbers":
		return "an Apple Numbers file cannot be read; in Numbers use File > Export To > Excel (.xlsx) or CSV, or move it out of the data folder (a table left out would change the verdicts)"
	case ".tsv":
		return "a tab-separated file (.tsv) is not read; rename it to .csv (tabs are recognised) or move it out of the data folder (a table left out would change the verdicts)"
	}
	return ""
}

// siteMarker is the file publish leaves in every folder it writes
// (publish.Marker).
const siteMarker = ".opsalign-site"

// isBuiltSite reports whether dir holds a site opsalign built.
func isBuiltSite(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, siteMarker))
	return err == nil
}

// readFile reads one data file.
func readFile(ctx context.Context, cfg config.Config, sc *schemas, lim limits, path, file, rel string) (*fileResult, error) {
	rd := &reader{ctx: ctx, cfg: cfg, sc: sc, res: newFileResult(file, lim), file: file, rel: rel, lim: lim}
	f, err := openData(cfg, file, rel) // no link out of the data folder
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		err = rd.readXLSX(f)
	default:
		base := filepath.Base(path)
		var size int64
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		reopen := func() (io.ReadCloser, error) { return openData(cfg, file, rel) }
		err = rd.readCSV(f, size, strings.TrimSuffix(base, filepath.Ext(base)), reopen)
	}
	if err != nil {
		return nil, err
	}
	return rd.res, nil
}

// unusedSources reports [[sources]] entries that name no file of the data
// folder: a typo there must not silently fall back to recognition.
func unusedSources(cfg config.Config, dataRel string, paths []dataFile, root string) []error {
	var errs []error
	for _, src := range cfg.Sources {
		found := false
		for _, df := range paths {
			rel, _ := filepath.Rel(root, df.path)
			if samePath(src.File, filepath.ToSlash(rel)) {
				found = true
				break
			}
		}
		if !found {
			where := cfg.File
			if where == "" {
				where = "opsalign.toml"
			}
			errs = append(errs, &model.FileError{File: path.Join(dataRel, filepath.ToSlash(src.File)),
				Err: fmt.Errorf("%s:%d: [[sources]] names this file, but there is no such .xlsx, .xlsm or .csv file in the data folder", where, src.Line)})
		}
	}
	return errs
}
