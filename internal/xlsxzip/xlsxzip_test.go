package xlsxzip

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

func save(t *testing.T, zw func(io.Writer) excelize.ZipWriter) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetZipWriter(zw)
	for _, s := range []string{"B", "C", "D"} {
		f.NewSheet(s)
		sw, err := f.NewStreamWriter(s)
		if err != nil {
			t.Fatal(err)
		}
		sw.SetRow("A1", []any{s, 1.5})
		sw.Flush()
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSortedIsDeterministic(t *testing.T) {
	for _, tt := range []struct {
		name string
		zw   func(io.Writer) excelize.ZipWriter
	}{{"Sorted", Sorted}, {"Fast", Fast}} {
		t.Run(tt.name, func(t *testing.T) { testDeterministic(t, tt.zw) })
	}
}

func testDeterministic(t *testing.T, zw func(io.Writer) excelize.ZipWriter) {
	first := save(t, zw)
	for range 5 {
		if !bytes.Equal(first, save(t, zw)) {
			t.Fatal("two saves of the same workbook differ")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(zr.File); i++ {
		if zr.File[i-1].Name >= zr.File[i].Name {
			t.Errorf("parts out of order: %s before %s", zr.File[i-1].Name, zr.File[i].Name)
		}
		if !zr.File[i].Modified.IsZero() && zr.File[i].Modified.Year() > 1980 {
			t.Errorf("part %s carries a timestamp %v", zr.File[i].Name, zr.File[i].Modified)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(first))
	if err != nil {
		t.Fatalf("excelize cannot read its own sorted output: %v", err)
	}
	if v, _ := f.GetCellValue("C", "A1"); v != "C" {
		t.Errorf("C!A1 = %q", v)
	}
}

// Fast writes the parts Sorted writes, in the same order, with the same
// uncompressed bytes; only the deflated bytes differ.
func TestFastSameParts(t *testing.T) {
	parts := func(b []byte) (names []string, data [][]byte) {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			d, err := io.ReadAll(rc) // checks the CRC and size
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %v", zf.Name, err)
			}
			names, data = append(names, zf.Name), append(data, d)
		}
		return names, data
	}
	sorted, fast := save(t, Sorted), save(t, Fast)
	if bytes.Equal(sorted, fast) {
		t.Error("Fast wrote Sorted's bytes: not the other deflate")
	}
	sn, sd := parts(sorted)
	fn, fd := parts(fast)
	if !slices.Equal(sn, fn) {
		t.Fatalf("parts %v, want %v", fn, sn)
	}
	for i := range sn {
		if !bytes.Equal(sd[i], fd[i]) {
			t.Errorf("part %s differs", sn[i])
		}
	}
}
