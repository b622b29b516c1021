package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// Workbook is an open .xlsx or .xlsm file: its sheets in workbook order
// and its shared strings. Worksheets are read one row at a time (Rows).
type Workbook struct {
	f        io.Closer
	parts    parts
	lim      Limits
	sheets   []Sheet
	date1904 bool
	sst      *sharedStrings
}

// SheetKind tells a worksheet, which holds cells, from the sheets that
// hold none (charts, dialogs, Excel 4 macros).
type SheetKind int

// Kinds of sheet.
const (
	Worksheet SheetKind = iota
	Chartsheet
	OtherSheet // a dialog or macro sheet
)

// Sheet is one sheet of a workbook.
type Sheet struct {
	Name   string
	Hidden bool // hidden or very hidden: read all the same
	Kind   SheetKind
	part   *zip.File // nil when the workbook names no part for it
}

// Open opens the workbook at path, after checking its zip package against
// lim (entries, sizes, packing ratios), and reads its sheet list and
// shared strings. Close it when done.
func Open(path string, lim Limits) (*Workbook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	w, err := New(f, st.Size(), lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	w.f = f
	return w, nil
}

// newWorkbook reads the workbook in r (size bytes).
func New(r io.ReaderAt, size int64, lim Limits) (*Workbook, error) {
	zr, err := checkedZip(r, size, lim)
	if err != nil {
		return nil, err
	}
	w := &Workbook{f: io.NopCloser(nil), parts: newParts(zr), lim: lim}
	if err := w.load(); err != nil {
		return nil, err
	}
	return w, nil
}

// Close closes the file.
func (w *Workbook) Close() error { return w.f.Close() }

// Sheets returns the sheets in workbook order.
func (w *Workbook) Sheets() []Sheet { return w.sheets }

// Date1904 reports whether the workbook counts serial dates from 1904
// (old Mac workbooks) instead of 1900.
func (w *Workbook) Date1904() bool { return w.date1904 }

// rel is one relationship of a part.
type rel struct {
	typ, target string // target resolved to a part name
}

// relTo reports whether a relationship type is the one named by suffix
// (transitional and strict Office Open XML differ only before it).
func relTo(typ, suffix string) bool { return strings.HasSuffix(typ, "/"+suffix) }

// load reads the package's relationships, the workbook part and the
// shared strings.
func (w *Workbook) load() error {
	wbName := "xl/workbook.xml"
	rootRels, err := w.rels("_rels/.rels", "")
	if err != nil {
		return err
	}
	for _, r := range rootRels {
		if relTo(r.typ, "officeDocument") {
			wbName = r.target
			break
		}
	}
	wbPart := w.parts.get(wbName)
	if wbPart == nil {
		if w.parts.get("content.xml") != nil && w.parts.get("mimetype") != nil {
			return errors.New("not a spreadsheet Excel can open: it is an OpenDocument (.ods) file named .xlsx; save it as .xlsx from LibreOffice")
		}
		return errors.New("not a spreadsheet: the zip file holds no Excel workbook")
	}
	dir := path.Dir(wbName)
	wbRels, err := w.rels(path.Join(dir, "_rels", path.Base(wbName)+".rels"), dir)
	if err != nil {
		return err
	}
	byID := map[string]rel{}
	var sstName string
	for id, r := range wbRels {
		byID[id] = r
		if relTo(r.typ, "sharedStrings") {
			sstName = r.target
		}
	}
	if err := w.readWorkbook(wbPart, byID); err != nil {
		return fmt.Errorf("the workbook part cannot be read: %w", err)
	}
	if sstName == "" {
		sstName = path.Join(dir, "sharedStrings.xml")
	}
	if p := w.parts.get(sstName); p != nil {
		if w.sst, err = readSharedStrings(p, w.lim); err != nil {
			return err
		}
	}
	return nil
}

// open opens a part that is read whole (not a worksheet), refusing one
// that unpacks to more than the limit.
func (w *Workbook) open(zf *zip.File) (io.ReadCloser, error) {
	if zf.UncompressedSize64 > uint64(w.lim.Part) {
		return nil, fmt.Errorf("%s unpacks to %s, more than the limit of %s for a part other than a worksheet; refusing to read it",
			zf.Name, size(zf.UncompressedSize64), size(uint64(w.lim.Part)))
	}
	return zf.Open()
}

// rels reads a relationships part (none when it is missing), resolving
// targets against dir.
func (w *Workbook) rels(name, dir string) (map[string]rel, error) {
	out := map[string]rel{}
	zf := w.parts.get(name)
	if zf == nil {
		return out, nil
	}
	rc, err := w.open(zf)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	s := newScanner(rc, w.lim.Depth)
	for {
		if err := s.next(); err != nil {
			return nil, fmt.Errorf("%s cannot be read: %w", name, err)
		}
		if s.kind == tokEOF {
			return out, nil
		}
		if (s.kind != tokStart && s.kind != tokEmpty) || string(s.name) != "Relationship" {
			continue
		}
		if mode, _ := s.attr("TargetMode"); string(mode) == "External" {
			continue
		}
		id, _ := s.attr("Id")
		typ, _ := s.attr("Type")
		target, _ := s.attr("Target")
		idv, err1 := appendDecoded(nil, id)
		tv, err2 := appendDecoded(nil, target)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("%s cannot be read: %w", name, err)
		}
		t := strings.ReplaceAll(string(tv), `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out[string(idv)] = rel{typ: string(typ), target: t}
	}
}

// readWorkbook reads the sheet list and the date system.
func (w *Workbook) readWorkbook(zf *zip.File, byID map[string]rel) error {
	rc, err := w.open(zf)
	if err != nil {
		return err
	}
	defer rc.Close()
	s := newScanner(rc, w.lim.Depth)
	for {
		if err := s.next(); err != nil {
			return err
		}
		switch {
		case s.kind == tokEOF:
			return nil
		case s.kind != tokStart && s.kind != tokEmpty:
			continue
		}
		switch string(s.name) {
		case "workbookPr":
			if v, ok := s.attr("date1904"); ok {
				w.date1904 = string(v) == "1" || string(v) == "true"
			}
		case "sheet":
			if len(w.sheets) >= w.lim.Entries {
				return fmt.Errorf("the workbook lists more than %d sheets; refusing to read it", w.lim.Entries)
			}
			name, _ := s.attr("name")
			n, err := appendDecoded(nil, name)
			if err != nil {
				return err
			}
			state, _ := s.attr("state")
			id, _ := s.attr("id") // r:id
			idv, err := appendDecoded(nil, id)
			if err != nil {
				return err
			}
			sh := Sheet{Name: string(n), Hidden: string(state) == "hidden" || string(state) == "veryHidden", Kind: OtherSheet}
			if r, ok := byID[string(idv)]; ok {
				switch {
				case relTo(r.typ, "worksheet"):
					sh.Kind = Worksheet
				case relTo(r.typ, "chartsheet"):
					sh.Kind = Chartsheet
				}
				sh.part = w.parts.get(r.target)
			}
			w.sheets = append(w.sheets, sh)
		}
	}
}
