package read

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
)

// sheetSpec is one sheet of a generated test workbook.
type sheetSpec struct {
	name   string
	rows   [][]any // row i is written at row i+1; nil rows stay blank
	hidden bool
	merge  string // a merged range such as "A1:F1"
}

// writeXLSX writes a workbook with excelize: typed values stay typed
// (time.Time becomes a date cell), strings become text cells.
func writeXLSX(t testing.TB, path string, date1904 bool, sheets ...sheetSpec) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		on := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			if row == nil {
				continue
			}
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				var err error
				if str, ok := v.(string); ok {
					err = f.SetCellStr(s.name, ref, str)
				} else {
					err = f.SetCellValue(s.name, ref, v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		if s.merge != "" {
			a, b, _ := strings.Cut(s.merge, ":")
			if err := f.MergeCell(s.name, a, b); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, s := range sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// rewriteZipEntry replaces old with new in one part of a zip file (used to
// add a formula beside a cached value, which excelize does not write).
func rewriteZipEntry(t testing.TB, path, entry, old, new string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, zf := range zr.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == entry {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s has no %q:\n%s", entry, old, b)
			}
			b, found = bytes.Replace(b, []byte(old), []byte(new), 1), true
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no %s in %s", entry, path)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeFile writes a data file, creating folders.
func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// newSite returns a config for a fresh site folder with data_dir "data".
func newSite(t testing.TB) config.Config {
	cfg := config.Default()
	cfg.Dir = t.TempDir()
	cfg.DataDir = "data"
	return cfg
}

func dataPath(cfg config.Config, name string) string {
	return filepath.Join(cfg.Dir, cfg.DataDir, name)
}

// minimalMetrics is a metrics CSV that makes a site readable.
const minimalMetrics = "ID,Name,Baseline,Target\nM-01,Order cycle time,10,8\nM-02,Throughput,100,120\n"

// minimalInitiatives is an initiatives CSV that makes a site readable.
const minimalInitiatives = "ID,Name,Category,Budget\nINI-001,ERP upgrade,Run,1000\n"

func mustRead(t testing.TB, cfg config.Config) *model.Dataset {
	t.Helper()
	ds, err := Read(context.Background(), cfg, nil)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return ds
}

// issueAt is the position of an expected issue.
type issueAt struct {
	sev         model.Severity
	file, sheet string
	row         int
	col, field  string
	msgContains string
}

func (w issueAt) match(i model.Issue) bool {
	return i.Severity == w.sev && i.File == w.file && i.Sheet == w.sheet && i.Row == w.row && i.Column == w.col && i.Field == w.field &&
		strings.Contains(i.Message, w.msgContains)
}

// checkIssues asserts that the errors and warnings are exactly want.
func checkIssues(t *testing.T, ds *model.Dataset, want []issueAt) {
	t.Helper()
	var got []model.Issue
	for _, i := range ds.Issues {
		if i.Severity != model.SevInfo {
			got = append(got, i)
		}
	}
	for _, w := range want {
		found := false
		for _, i := range got {
			found = found || w.match(i)
		}
		if !found {
			t.Errorf("missing issue %+v", w)
		}
	}
	for _, i := range got {
		found := false
		for _, w := range want {
			found = found || w.match(i)
		}
		if !found {
			t.Errorf("unexpected issue %s (value %q)", i, i.Value)
		}
	}
}

// fileErrors returns the file-level errors inside err.
func fileErrors(err error) []*model.FileError {
	var out []*model.FileError
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *model.FileError
		if errors.As(e, &fe) {
			out = append(out, fe)
		}
	}
	walk(err)
	return out
}

// day returns midnight UTC of a date.
func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// oleMagic starts an OLE compound file: an .xls, or an encrypted .xlsx.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
