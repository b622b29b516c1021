package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// sortedZip is an excelize.ZipWriter that writes the package's parts in
// one fixed order — reverse by name, as excelize orders the parts it holds
// — whatever order they were created in: excelize writes streamed sheets
// in map order, which would make the bytes differ from run to run.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer) *sortedZip {
	return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

// Create starts the part name.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if _, dup := z.parts[name]; dup {
		return nil, errors.New("export: zip part " + name + " written twice")
	}
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS is not used by excelize's writer.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("export: AddFS not supported") }

// Close writes every part, compressed, in order.
func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(b, a) })
	zw := zip.NewWriter(z.w)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			return err
		}
		if _, err := z.parts[n].WriteTo(w); err != nil {
			return err
		}
		delete(z.parts, n)
	}
	return zw.Close()
}
