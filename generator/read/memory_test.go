package read

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/config"
)

// Memory is measured in a child process (the test binary again, see
// TestMain) that reads one site under debug.SetMemoryLimit and reports
// runtime.MemStats.Sys: everything the Go runtime took from the system,
// which never shrinks, so at the end it is the peak. (The race detector's
// shadow memory is not in it, so the figure holds under -race too.)

// memEnv names the site folder the child reads; memEnv+"_LIMIT" its
// memory limit in bytes.
const memEnv = "OPSALIGN_READ_MEMTEST"

// memResult is what the child reports, and its peak RSS.
type memResult struct {
	Sys       uint64 // bytes
	Err       string
	Incidents int
	RSS       int64 // peak resident set of the child, bytes (with -race, the detector's too)
}

// memChild reads the site in dir and prints a memResult.
func memChild(dir string) int {
	if limit, err := strconv.ParseInt(os.Getenv(memEnv+"_LIMIT"), 10, 64); err == nil {
		debug.SetMemoryLimit(limit)
	}
	cfg := config.Default()
	cfg.Dir, cfg.DataDir = dir, "data"
	ds, err := Read(context.Background(), cfg, nil)
	var res memResult
	if err != nil {
		res.Err = err.Error()
	} else {
		res.Incidents = len(ds.Incidents)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.Sys, res.RSS = ms.Sys, peakRSS()
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		return 1
	}
	return 0
}

// readInChild reads the site at dir in a fresh process with a soft memory
// limit of limit bytes.
func readInChild(t *testing.T, dir string, limit int64) memResult {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), memEnv+"="+dir, memEnv+"_LIMIT="+strconv.FormatInt(limit, 10))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, stderr.Bytes())
	}
	var res memResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("child said %q: %v", out, err)
	}
	return res
}

// peakRSS returns this process's peak resident set (VmHWM) on Linux, 0
// elsewhere. (The rusage of a child is no help: Linux keeps the parent's
// peak across the fork and exec.)
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

const mib = 1 << 20

// memSite returns a site folder with a metrics file, and the path of
// its data folder.
func memSite(t *testing.T) (dir, data string) {
	dir = t.TempDir()
	data = filepath.Join(dir, "data")
	writeFile(t, filepath.Join(data, "metrics.csv"), []byte(minimalMetrics))
	return dir, data
}

// TestRefusalsInBoundedMemory builds each hostile file of issue 18 and
// wants it refused with an error naming the file and the limit, the whole
// run within 256 MiB.
func TestRefusalsInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes files of up to 120 MB")
	}
	const limit = 256 * mib
	for _, tt := range []struct {
		name  string
		write func(t *testing.T, data string) // writes the hostile file
		want  string
	}{
		{"deflate bomb padded with random bytes", writePaddedBomb,
			"data/bomb.xlsx: xl/worksheets/sheet1.xml unpacks to 848 MB from 3 MB, more than 100 times its packed size (the limit)"},
		{"a million zip entries", writeManyEntries,
			"data/entries.xlsx: the workbook holds 1000000 files in its zip package, more than the limit of 10000"},
		{"900 MB of shared strings", writeSharedStringsBomb,
			"data/strings.xlsx: xl/sharedStrings.xml unpacks to 899 MB from 2 MB, more than 100 times its packed size (the limit)"},
		{"65 MB of shared strings packed 2 to 1", writeSharedStringsPart,
			"data/strings.xlsx: xl/sharedStrings.xml unpacks to 65 MB, more than the limit of 64 MB for a part other than a worksheet"},
		{"5M-deep XML", writeDeepXML,
			"data/deep.xlsx:Initiatives: row 1: the XML nests elements more than 100 deep"},
		{"400 MB cell", writeHugeCell(400*mib, false),
			"data/cell.xlsx: xl/worksheets/sheet1.xml unpacks to 399 MB from"},
		{"16 MB cell in a stored part", writeHugeCell(16*mib, true),
			"data/cell.xlsx:Initiatives: cell B2 holds more than 32,767 characters, Excel's limit for a cell"},
		{"a sheet that says it has 10M rows", writeTallDimension,
			"data/tall.xlsx:Initiatives: the sheet cannot be read: the sheet spans 10,000,000 rows (A1:D10000000), more than the limit of 1,048,576 rows (Excel's)"},
		{"a 64 MB CSV line", writeLongCSVLine(false),
			"data/initiatives.csv: row 2: the row is longer than 1 MB, the limit for a CSV row"},
		{"64 MB after an unclosed quote", writeLongCSVLine(true),
			"data/initiatives.csv: row 2, column B: a quote opened in this cell is not closed within 1 MB"},
		{"1.5M-row incidents CSV", writeIncidents(1_500_000),
			"data/incidents.csv: the file holds more than 1,048,576 rows, Excel's limit for a sheet"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir, data := memSite(t)
			writeFile(t, filepath.Join(data, "initiatives0.csv"), []byte(minimalInitiatives))
			tt.write(t, data)
			res := readInChild(t, dir, limit)
			if !strings.Contains(res.Err, tt.want) {
				t.Errorf("error %q\nwant %q", res.Err, tt.want)
			}
			t.Logf("%s: refused within %.0f MiB (peak RSS %.0f MiB)", tt.name, float64(res.Sys)/mib, float64(res.RSS)/mib)
			if res.Sys > limit || !raceEnabled && res.RSS > limit {
				t.Errorf("took %.0f MiB (peak RSS %.0f MiB), more than %d", float64(res.Sys)/mib, float64(res.RSS)/mib, limit/mib)
			}
		})
	}
}

// TestMillionIncidentsWithin600MiB reads a 1M-row incidents export of
// about 80 MB within 600 MiB.
func TestMillionIncidentsWithin600MiB(t *testing.T) {
	if testing.Short() {
		t.Skip("writes an 80 MB file")
	}
	dir, data := memSite(t)
	writeFile(t, filepath.Join(data, "initiatives.csv"), []byte(minimalInitiatives))
	writeIncidents(1_000_000)(t, data)
	st, err := os.Stat(filepath.Join(data, "incidents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	const limit = 600 * mib
	res := readInChild(t, dir, limit)
	if res.Err != "" || res.Incidents != 1_000_000 {
		t.Fatalf("read %d incidents: %s", res.Incidents, res.Err)
	}
	t.Logf("%.0f MB of incidents read within %.0f MiB (peak RSS %.0f MiB)", float64(st.Size())/1e6, float64(res.Sys)/mib, float64(res.RSS)/mib)
	if res.Sys > limit || !raceEnabled && res.RSS > limit {
		t.Errorf("took %.0f MiB (peak RSS %.0f MiB), more than %d", float64(res.Sys)/mib, float64(res.RSS)/mib, limit/mib)
	}
}

// writeIncidents writes an incidents export of n rows (78 bytes each).
func writeIncidents(n int) func(t *testing.T, data string) {
	return func(t *testing.T, data string) {
		f, err := os.Create(filepath.Join(data, "incidents.csv"))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString("Number,Opened,Resolved,Priority,Initiative,Service\n")
		b := make([]byte, 0, 128)
		for i := range n {
			b = b[:0]
			b = append(b, "INC"...)
			b = strconv.AppendInt(b, int64(1_000_000+i), 10)
			b = append(b, ",2026-04-01 09:00,2026-04-01 11:30,"...)
			b = strconv.AppendInt(b, int64(1+i%4), 10)
			b = append(b, ",INI-001,Order management platform\n"...)
			w.Write(b)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// writeLongCSVLine writes a 64 MB CSV line, or, when unclosed, a quote
// opened in the second cell of a row and never closed, 64 MB before the
// end of the file.
func writeLongCSVLine(unclosed bool) func(t *testing.T, data string) {
	return func(t *testing.T, data string) {
		f, err := os.Create(filepath.Join(data, "initiatives.csv"))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString("ID,Name,Category,Budget\nINI-1,")
		chunk := strings.Repeat("all work and no play ", 1<<10)
		if unclosed {
			w.WriteString(`"`)
			chunk += ",Run,5\nINI-2,x"
		}
		for n := 0; n < 64*mib; n += len(chunk) {
			w.WriteString(chunk)
		}
		w.WriteString(",Run,5\n")
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// writeWorkbook writes a workbook of one sheet, Initiatives, whose
// worksheet part sheet writes; extra writes more parts.
func writeWorkbook(t *testing.T, path string, sheet func(zw *zip.Writer), extra func(zw *zip.Writer)) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(bufio.NewWriterSize(f, 1<<20))
	for _, p := range [][2]string{
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Initiatives" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
	} {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p[1])
	}
	sheet(zw)
	if extra != nil {
		extra(zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// repeated writes a part whose content is head, chunk n times, then tail,
// deflated without deflating it all: chunk is compressed once and its
// blocks repeated (each flushed block refers only to bytes within
// itself), so a part of hundreds of MB costs milliseconds.
func repeated(t *testing.T, zw *zip.Writer, name, head, chunk, tail string, n int) {
	t.Helper()
	var body bytes.Buffer
	fw, _ := flate.NewWriter(&body, flate.BestCompression)
	deflate := func(s string) []byte {
		body.Reset()
		fw.Reset(&body)
		io.WriteString(fw, s)
		fw.Flush()
		return bytes.Clone(body.Bytes())
	}
	h, c, tl := deflate(head), deflate(chunk), deflate(tail)
	body.Reset()
	fw.Reset(&body)
	fw.Close() // an empty final block
	final := bytes.Clone(body.Bytes())
	crc := crc32.Update(0, crc32.IEEETable, []byte(head))
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, []byte(chunk))
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))
	size := uint64(len(head) + n*len(chunk) + len(tail))
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc, UncompressedSize64: size,
		CompressedSize64: uint64(len(h) + n*len(c) + len(tl) + len(final))})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(h)
	for range n {
		w.Write(c)
	}
	w.Write(tl)
	w.Write(final)
}

// writePaddedBomb writes 10M rows of initiatives in a sheet of 848 MB
// packed into about 3 MB, and 6 MB of noise beside it so that the file as
// a whole packs only about 100 to 1.
func writePaddedBomb(t *testing.T, data string) {
	row := `<row><c t="inlineStr"><is><t>INI</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>`
	writeWorkbook(t, filepath.Join(data, "bomb.xlsx"), func(zw *zip.Writer) {
		repeated(t, zw, "xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
			strings.Repeat(row, 1000), `</sheetData></worksheet>`, 10_000)
	}, func(zw *zip.Writer) {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/media/padding.bin", Method: zip.Store})
		buf := make([]byte, 6*mib)
		for i := range buf {
			buf[i] = byte(i*7919 + i>>8*31)
		}
		w.Write(buf)
	})
}

// writeSharedStringsBomb writes 900 MB of shared strings packed into
// about 1 MB.
func writeSharedStringsBomb(t *testing.T, data string) {
	writeWorkbook(t, filepath.Join(data, "strings.xlsx"), func(zw *zip.Writer) {
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		io.WriteString(w, `<worksheet><sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData></worksheet>`)
	}, func(zw *zip.Writer) {
		chunk := strings.Repeat("<si><t>Order management platform</t></si>", 1<<14)
		repeated(t, zw, "xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, chunk, `</sst>`, 900*mib/len(chunk))
	})
}

// writeSharedStringsPart writes 65 MB of shared strings that pack only
// about 2 to 1: the part limit, not the packing, refuses them.
func writeSharedStringsPart(t *testing.T, data string) {
	writeWorkbook(t, filepath.Join(data, "strings.xlsx"), func(zw *zip.Writer) {
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		io.WriteString(w, `<worksheet><sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData></worksheet>`)
	}, func(zw *zip.Writer) {
		var chunk strings.Builder
		x := uint32(1)
		for chunk.Len() < 1<<16 {
			chunk.WriteString("<si><t>")
			for range 24 {
				x ^= x << 13
				x ^= x >> 17
				x ^= x << 5
				chunk.WriteByte("0123456789abcdef"[x&15])
			}
			chunk.WriteString("</t></si>")
		}
		repeated(t, zw, "xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, chunk.String(), `</sst>`, 65*mib/chunk.Len()+1)
	})
}

// writeDeepXML writes a sheet of 5M nested elements, stored unpacked so
// that only the depth limit can refuse it.
func writeDeepXML(t *testing.T, data string) {
	writeWorkbook(t, filepath.Join(data, "deep.xlsx"), func(zw *zip.Writer) {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store})
		io.WriteString(w, `<worksheet><sheetData><row r="1"><c r="A1"><v>`)
		open := strings.Repeat("<a>", 1<<16)
		for range 5_000_000 / (1 << 16) {
			io.WriteString(w, open)
		}
	}, nil)
}

// writeHugeCell writes a cell of size bytes, stored or deflated.
func writeHugeCell(size int, store bool) func(t *testing.T, data string) {
	return func(t *testing.T, data string) {
		head := `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>ID</t></is></c><c t="inlineStr"><is><t>Name</t></is></c>` +
			`<c t="inlineStr"><is><t>Category</t></is></c><c t="inlineStr"><is><t>Budget</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>INI-1</t></is></c><c r="B2" t="inlineStr"><is><t>`
		tail := `</t></is></c></row></sheetData></worksheet>`
		chunk := strings.Repeat("Order management platform ", 1<<12)
		writeWorkbook(t, filepath.Join(data, "cell.xlsx"), func(zw *zip.Writer) {
			if !store {
				repeated(t, zw, "xl/worksheets/sheet1.xml", head, chunk, tail, size/len(chunk))
				return
			}
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store})
			io.WriteString(w, head)
			for range size / len(chunk) {
				io.WriteString(w, chunk)
			}
			io.WriteString(w, tail)
		}, nil)
	}
}

// writeTallDimension writes a sheet whose dimension says 10M rows.
func writeTallDimension(t *testing.T, data string) {
	writeWorkbook(t, filepath.Join(data, "tall.xlsx"), func(zw *zip.Writer) {
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		io.WriteString(w, `<worksheet><dimension ref="A1:D10000000"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row></sheetData></worksheet>`)
	}, nil)
}

// writeManyEntries writes a zip of a million empty entries (zip64), by
// hand: archive/zip's writer would take minutes under the race detector.
func writeManyEntries(t *testing.T, data string) {
	const n = 1_000_000
	f, err := os.Create(filepath.Join(data, "entries.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	le := binary.LittleEndian
	var dir bytes.Buffer
	off := uint64(0)
	name := []byte("xl/00000000")
	for i := range n {
		copy(name[3:], fmt.Sprintf("%08d", i))
		var lh [30]byte
		le.PutUint32(lh[0:], 0x04034b50)
		le.PutUint16(lh[4:], 20)
		le.PutUint16(lh[26:], uint16(len(name)))
		w.Write(lh[:])
		w.Write(name)
		var ch [46]byte
		le.PutUint32(ch[0:], 0x02014b50)
		le.PutUint16(ch[4:], 20)
		le.PutUint16(ch[6:], 20)
		le.PutUint16(ch[28:], uint16(len(name)))
		le.PutUint32(ch[42:], uint32(off))
		dir.Write(ch[:])
		dir.Write(name)
		off += uint64(len(lh) + len(name))
	}
	w.Write(dir.Bytes())
	dirEnd := off + uint64(dir.Len())
	var z64 [56]byte // zip64 end of central directory record
	le.PutUint32(z64[0:], 0x06064b50)
	le.PutUint64(z64[4:], 44)
	le.PutUint16(z64[12:], 45)
	le.PutUint16(z64[14:], 45)
	le.PutUint64(z64[24:], n)
	le.PutUint64(z64[32:], n)
	le.PutUint64(z64[40:], uint64(dir.Len()))
	le.PutUint64(z64[48:], off)
	w.Write(z64[:])
	var loc [20]byte
	le.PutUint32(loc[0:], 0x07064b50)
	le.PutUint64(loc[8:], dirEnd)
	le.PutUint32(loc[16:], 1)
	w.Write(loc[:])
	var eocd [22]byte
	le.PutUint32(eocd[0:], 0x06054b50)
	le.PutUint16(eocd[8:], 0xFFFF)
	le.PutUint16(eocd[10:], 0xFFFF)
	le.PutUint32(eocd[12:], 0xFFFFFFFF)
	le.PutUint32(eocd[16:], 0xFFFFFFFF)
	w.Write(eocd[:])
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
