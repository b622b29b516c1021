package read

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
)

// The value parsers must never panic and must keep their promises on any
// input: finite numbers, fractions within 0–1, real calendar dates.

// fuzzSite is a site with metrics and initiatives so that a fuzzed file is

// read through the whole pipeline.

func fuzzSite(t *testing.T) config.Config {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "a/initiatives.csv"), []byte(minimalInitiatives))
	writeFile(t, dataPath(cfg, "a/metrics.csv"), []byte(minimalMetrics))
	return cfg
}

// checkResult asserts what Read promises for any input: a dataset or a

// file error, never both, and issues that point into the data.

func checkResult(t *testing.T, ds *model.Dataset, err error) {
	if err != nil {
		if ds != nil {
			t.Fatalf("Read returned a dataset and an error: %v", err)
		}
		if len(fileErrors(err)) == 0 {
			t.Fatalf("error is not a *model.FileError: %v", err)
		}
		return
	}
	for _, i := range ds.Issues {
		if i.File == "" || i.Row < 0 || i.Severity == "" || i.Message == "" {
			t.Fatalf("bad issue %+v", i)
		}
	}
	for _, in := range ds.Initiatives {
		if in.ID == "" || in.Name == "" || in.Category == "" || math.IsNaN(in.Budget) {
			t.Fatalf("initiative used without its required fields: %+v", in)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("ID,Name,Category,Budget\nINI-1,x,Run,5\n"), false)
	f.Add([]byte("\ufeffID;Name;Category;Budget;Go Live\r\nINI-1;\"a;\nb\";Run;1.234,5 €;03/25/2026\r\nTotal;;;9\r\n"), true)
	f.Add(utf16File("Metric\tJan 2026\tFeb-26\nM-01\t1\t2\n", false), false)
	f.Add([]byte("Name,Start,End,Kind\nPeak,2026-11-16,2026-01-01,Peak\n"), false)
	f.Add([]byte("Number,Opened,Resolved,Priority\nINC1,2026-01-01 10:00,2025-01-01,1 - Critical\n"), false)
	f.Add([]byte("\"unterminated\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, comma bool) {
		cfg := fuzzSite(t)
		if comma {
			cfg.DecimalSeparator = ","
		}
		writeFile(t, dataPath(cfg, "b/data.csv"), data)
		ds, err := Read(context.Background(), cfg, nil)
		checkResult(t, ds, err)
	})
}

// FuzzReadXLSX fuzzes whole workbooks two ways: the raw file bytes (most

// mutations break the zip, which must fail cleanly), and the XML of the

// first worksheet spliced into a valid package, which reaches the row

// reader.

func FuzzReadXLSX(f *testing.F) {
	dir := f.TempDir()
	tmpl := filepath.Join(dir, "template.xlsx")
	writeXLSX(f, tmpl, false, sheetSpec{name: "Initiatives", rows: [][]any{{"ID", "Name", "Category", "Budget", "Go Live"}, {"INI-2", "x", "Run", 5, 46000}}})
	parts := zipParts(f, tmpl)
	raw, err := os.ReadFile(tmpl)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw, true)
	f.Add(parts["xl/worksheets/sheet1.xml"], false)
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="3"><c r="A3" t="s"><v>0</v></c><c r="XFD3" t="inlineStr"><is><t>Budget</t></is></c></row>`+
		`<row r="1048576"><c r="B1048576"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData></worksheet>`), false)
	f.Add([]byte("PK\x03\x04garbage"), true)
	f.Add(append(append([]byte{}, oleMagic...), 0), true)
	f.Fuzz(func(t *testing.T, data []byte, rawFile bool) {
		cfg := fuzzSite(t)
		if !rawFile {
			data = zipWith(t, parts, "xl/worksheets/sheet1.xml", data)
		}
		writeFile(t, dataPath(cfg, "b/book.xlsx"), data)
		ds, err := Read(context.Background(), cfg, nil)
		checkResult(t, ds, err)
	})
}

// zipParts reads every part of a zip file.

func zipParts(t testing.TB, path string) map[string][]byte {
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
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
		out[zf.Name] = b
	}
	return out
}

// zipWith builds a zip of parts with one part replaced, in name order.

func zipWith(t testing.TB, parts map[string][]byte, name string, data []byte) []byte {
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if n == name {
			w.Write(data)
		} else {
			w.Write(parts[n])
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
