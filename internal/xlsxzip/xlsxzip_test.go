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

// growBuffer records the size a writer is asked to grow by.
type growBuffer struct {
	bytes.Buffer
	grown int
}

func (g *growBuffer) Grow(n int) { g.grown += n; g.Buffer.Grow(n) }

// A buffer is grown once, by the archive's exact size.
func TestGrowExact(t *testing.T) {
	for _, zw := range []func(io.Writer) excelize.ZipWriter{Sorted, Fast} {
		var g growBuffer
		f := excelize.NewFile()
		f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw(&g) })
		if err := f.Write(io.Discard); err != nil {
			t.Fatal(err)
		}
		if g.grown != g.Len() || g.Len() == 0 {
			t.Errorf("grown by %d for an archive of %d bytes", g.grown, g.Len())
		}
	}
}

// blocks keeps every byte written, in order, across block boundaries.
func TestBlocks(t *testing.T) {
	var b blocks
	var want []byte
	for i := range 300 {
		p := bytes.Repeat([]byte{byte(i)}, i*i%9000)
		if n, err := b.Write(p); n != len(p) || err != nil {
			t.Fatalf("Write(%d bytes) = %d, %v", len(p), n, err)
		}
		want = append(want, p...)
	}
	var got bytes.Buffer
	if n, err := b.WriteTo(&got); n != int64(len(want)) || err != nil || b.n != len(want) {
		t.Fatalf("WriteTo = %d, %v; n %d; want %d", n, err, b.n, len(want))
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Error("blocks changed the bytes")
	}
	if len(b.b) > 20 {
		t.Errorf("%d blocks for %d bytes", len(b.b), len(want))
	}
}
