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
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
)

// The value parsers must never panic and must keep their promises on any
// input: finite numbers, fractions within 0–1, real calendar dates.

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1234.5", "1,234.5", "1 234,5", "(12)", "-12", "1.2k", "3.5m", "1.1bn", "12,5OO", "1\u00a0234", "", "(", "-", "1e308", "99999999999999999999bn"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		dec := "."
		if comma {
			dec = ","
		}
		v, err := ParseNumber(s, dec)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("ParseNumber(%q) = %v", s, v)
		}
		if err == nil && strings.TrimSpace(s) == "" {
			t.Errorf("ParseNumber(%q) accepted a blank", s)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"$1,234.50", "1.234,5 €", "EUR 5,000", "(£12k)", "USD", "$", "12EUR", "-$5", "¥"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		dec := "."
		if comma {
			dec = ","
		}
		v, code, err := ParseMoney(s, dec)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("ParseMoney(%q) = %v", s, v)
		}
		if err != nil && code != "" {
			t.Errorf("ParseMoney(%q) returned a code with an error", s)
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"45%", "0.45", "45", "100", "101", "-1%", "12,5 %", "lots"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		dec := "."
		if comma {
			dec = ","
		}
		v, err := ParsePercent(s, dec)
		if err == nil && !(v >= 0 && v <= 1) {
			t.Errorf("ParsePercent(%q) = %v, outside 0–1", s, v)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-15", "15/03/2026", "03/25/2026", "15.03.2026", "15-Mar-2026", "15 Mar 2026", "Mar 15, 2026",
		"March 15 2026", "31/02/2026", "2026-02-30 10:00", "Mon 15 Mar 2026", "1/1/1", "////", "9999-12-31"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, mdy bool) {
		order := "DMY"
		if mdy {
			order = "MDY"
		}
		d, err := ParseDate(s, order)
		if err != nil {
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Errorf("ParseDate(%q) = %v, not midnight UTC", s, d)
		}
		if d.Year() < 1900 || d.Year() > 9999 {
			t.Errorf("ParseDate(%q) = %v, year out of range", s, d)
		}
	})
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2026-03-15 14:30", "15/03/2026 09:05:07", "2026-03-15T14:30:00Z", "2026-03-15T14:30:00+02:00", "2026-03-15 2:30 PM",
		"2026-03-15 25:00", "1:1", "2026-03-15 12:00 UTC", "2026-03-15 24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := ParseDateTime(s, "DMY", time.UTC); err != nil {
			return
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026-01", "Jan-26", "Jan 2026", "January 2026", "2026-Q1", "Q1 2026", "FY2027-Q1", "Q1 FY27", "FY2026", "2026", "2026.01", "31/01/2026", "FY"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, plan bool) {
		var p model.Period
		var err error
		if plan {
			p, err = ParsePlanPeriod(s, "DMY")
		} else {
			p, err = ParsePeriod(s, "DMY")
		}
		if err != nil {
			return
		}
		switch {
		case p.Kind == model.Month && (p.N < 1 || p.N > 12),
			p.Kind == model.Quarter && (p.N < 1 || p.N > 4),
			p.Kind == model.Year && (!plan || p.N != 0),
			p.Kind == 0:
			t.Errorf("ParsePeriod(%q) = %+v", s, p)
		}
		for _, fy := range []int{1, 4, 7} {
			if p.End(fy).Before(p.Start(fy)) {
				t.Errorf("%q ends before it starts", s)
			}
		}
	})
}

func FuzzParseBoolAndEnums(f *testing.F) {
	for _, s := range []string{"Yes", "x", "✓", "no", "KTLO", "In Progress", "Big-bang", "Med", "Cycle time", "↑", "Blackout", "3 - Moderate", "Sev 1"} {
		f.Add(s)
	}
	ix := newEnumIndex()
	f.Fuzz(func(t *testing.T, s string) {
		ParseBool(s)
		for typ := range ix {
			ix.lookup(typ, s)
		}
		if n, ok := parseSeverity(ix, s); ok && (n < 1 || n > 4) {
			t.Errorf("parseSeverity(%q) = %d", s, n)
		}
		for _, id := range splitList(s) {
			if id == "" || strings.TrimSpace(id) != id {
				t.Errorf("splitList(%q) has %q", s, id)
			}
		}
	})
}

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
