// Package xlsxzip makes excelize's output byte-identical from run to run.
// excelize writes streamed sheets in map order; Sorted buffers every part
// of the package and writes them in name order, with no timestamps, when
// the workbook is closed.
//
//	f.SetZipWriter(xlsxzip.Sorted)
//
// Fast does the same with a faster deflate (other bytes, the same parts).
package xlsxzip

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"

	kflate "github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

type sorted struct {
	w     io.Writer
	parts map[string]*part
	fast  bool     // deflate with klauspost/compress, not compress/flate
	fw    deflater // shared by the parts, one at a time
	open  *part    // the part being written, nil: none
}

// deflater is a flate.Writer of either package.
type deflater interface {
	io.WriteCloser
	Reset(w io.Writer)
}

// part is one part of the package, deflated as it is written: a sheet's
// XML is held compressed (a tenth of its size) rather than whole.
type part struct {
	z    *sorted
	data blocks // deflated bytes
	crc  hash.Hash32
	size uint64 // uncompressed bytes written
	done bool
}

// Write deflates p into the part; a part is written until the next one is
// created.
func (p *part) Write(b []byte) (int, error) {
	if p.done {
		return 0, errors.New("xlsxzip: write to a part after the next was created")
	}
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.z.fw.Write(b)
}

// finish flushes the open part's deflate stream.
func (z *sorted) finish() error {
	if z.open == nil {
		return nil
	}
	p := z.open
	z.open, p.done = nil, true
	return z.fw.Close()
}

// Sorted returns an excelize.ZipWriter that writes to w in name order.
func Sorted(w io.Writer) excelize.ZipWriter {
	return &sorted{w: w, parts: map[string]*part{}}
}

// Fast is Sorted deflating with github.com/klauspost/compress/flate at its
// fastest level: a 10k-initiative scorecard's 60 MB of sheet XML deflates
// in about half the CPU of compress/flate's fastest level, a few percent
// smaller. Its bytes differ from Sorted's; they are as deterministic.
func Fast(w io.Writer) excelize.ZipWriter {
	return &sorted{w: w, parts: map[string]*part{}, fast: true}
}

// Create starts the part name; a part may be written once.
func (z *sorted) Create(name string) (io.Writer, error) {
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("xlsxzip: part %s written twice", name)
	}
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &part{z: z, crc: crc32.NewIEEE()}
	// The fastest deflate level: a workbook is a quarter bigger, written
	// several times faster (compression was a third of the 10k workbook's cost).
	switch {
	case z.fw == nil && z.fast:
		fw, err := kflate.NewWriter(&p.data, kflate.BestSpeed)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	case z.fw == nil:
		fw, err := flate.NewWriter(&p.data, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	default:
		z.fw.Reset(&p.data)
	}
	z.parts[name], z.open = p, p
	return p, nil
}

// blocks holds bytes in blocks that are never moved nor copied as they
// grow: a bytes.Buffer copied a 10k workbook's 5 MB Checks part about twice
// over (and cleared each new array) on its way to 5 MB.
type blocks struct {
	b [][]byte
	n int // bytes held
}

// Write appends p.
func (b *blocks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(b.b) == 0 || len(b.b[len(b.b)-1]) == cap(b.b[len(b.b)-1]) {
			// Blocks double from 4 KiB to 1 MiB: a small part takes one.
			size := 4 << 10
			if len(b.b) > 0 {
				size = min(2*cap(b.b[len(b.b)-1]), 1<<20)
			}
			b.b = append(b.b, make([]byte, 0, size))
		}
		last := &b.b[len(b.b)-1]
		k := min(len(p), cap(*last)-len(*last))
		*last = append(*last, p[:k]...)
		p = p[k:]
	}
	b.n += n
	return n, nil
}

// WriteTo writes the bytes held to w.
func (b *blocks) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, blk := range b.b {
		k, err := w.Write(blk)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// AddFS adds every regular file of fsys as a part.
func (z *sorted) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// Close writes every part, deflated at the fastest level, in name order and closes the archive.
func (z *sorted) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	slices.Sort(names)
	if g, ok := z.w.(interface{ Grow(int) }); ok {
		// A buffer takes the archive in one allocation, not doubling.
		size := 22 // end of central directory
		for _, n := range names {
			// local header, data, data descriptor, central directory header
			size += 30 + len(n) + z.parts[n].data.n + 16 + 46 + len(n)
		}
		g.Grow(size)
	}
	zw := zip.NewWriter(z.w)
	for _, n := range names {
		p := z.parts[n]
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               n,
			Method:             zip.Deflate,
			Flags:              0x8, // a data descriptor, as CreateHeader writes
			CreatorVersion:     20,
			ReaderVersion:      20,
			CRC32:              p.crc.Sum32(),
			CompressedSize64:   uint64(p.data.n),
			UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := p.data.WriteTo(w); err != nil {
			return err
		}
		delete(z.parts, n)
	}
	return zw.Close()
}
