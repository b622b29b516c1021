package xlsxzip

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func save(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetZipWriter(Sorted)
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
	first := save(t)
	for range 5 {
		if !bytes.Equal(first, save(t)) {
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
