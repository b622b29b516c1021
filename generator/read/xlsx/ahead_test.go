package xlsx

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// TestAhead reads through ahead what readers give, in blocks of every
// size, and wants the same bytes and the same error at their end.
func TestAhead(t *testing.T) {
	data := make([]byte, 5*aheadBlock+123)
	for i := range data {
		data[i] = byte(i*7 + i>>9)
	}
	bad := errors.New("flate: corrupt input")
	for _, tc := range []struct {
		name string
		r    func() io.Reader
		want []byte
		err  error
	}{
		{"empty", func() io.Reader { return bytes.NewReader(nil) }, nil, nil},
		{"short", func() io.Reader { return bytes.NewReader(data[:10]) }, data[:10], nil},
		{"one block", func() io.Reader { return bytes.NewReader(data[:aheadBlock]) }, data[:aheadBlock], nil},
		{"blocks", func() io.Reader { return bytes.NewReader(data) }, data, nil},
		{"byte by byte", func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data[:3*aheadBlock/2])) }, data[:3*aheadBlock/2], nil},
		{"data then error", func() io.Reader { return io.MultiReader(bytes.NewReader(data[:aheadBlock+5]), iotest.ErrReader(bad)) }, data[:aheadBlock+5], bad},
		{"error with a block's last byte", func() io.Reader {
			return iotest.DataErrReader(io.MultiReader(bytes.NewReader(data[:aheadBlock]), iotest.ErrReader(bad)))
		}, data[:aheadBlock], bad},
		{"its own unexpected EOF", func() io.Reader {
			return io.MultiReader(bytes.NewReader(data[:aheadBlock+7]), iotest.ErrReader(io.ErrUnexpectedEOF))
		}, data[:aheadBlock+7], io.ErrUnexpectedEOF},
		{"error with data", func() io.Reader {
			return iotest.DataErrReader(io.MultiReader(bytes.NewReader(data[:99]), iotest.ErrReader(bad)))
		}, data[:99], bad},
	} {
		for _, size := range []int{1, 1000, aheadBlock, 3 * aheadBlock} {
			a := newAhead(tc.r())
			var got []byte
			p := make([]byte, size)
			var err error
			for {
				var n int
				n, err = a.Read(p)
				got = append(got, p[:n]...)
				if err != nil {
					break
				}
			}
			if tc.err == nil && err != io.EOF || tc.err != nil && !errors.Is(err, tc.err) {
				t.Errorf("%s, reads of %d: error %v, want %v", tc.name, size, err, tc.err)
			}
			if !bytes.Equal(got, tc.want) {
				t.Errorf("%s, reads of %d: %d bytes, want the %d given", tc.name, size, len(got), len(tc.want))
			}
			a.Close()
		}
	}
}

// endless is a reader that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

// TestAheadClose closes an ahead in the middle of an endless stream: the
// goroutine stops (Close returns) and reads no further block.
func TestAheadClose(t *testing.T) {
	a := newAhead(endless{})
	p := make([]byte, 100)
	if n, err := a.Read(p); n != 100 || err != nil {
		t.Fatalf("Read = %d, %v", n, err)
	}
	a.Close()
	a.Close() // twice is harmless
}
