package xlsx

import (
	"io"
	"sync"

	"github.com/opsalign/opsalign/generator/parallel"
)

// Unpacking a large worksheet ahead of its scanning: the part's
// decompression and checksum take about a quarter of the time its rows
// take to read, and run on another core while the scanner reads the
// blocks already unpacked.
const (
	aheadMin    = 1 << 20  // a part this large or larger is unpacked ahead
	aheadBlock  = 64 << 10 // the bytes of one block
	aheadBlocks = 4        // blocks in hand at most: unpacked, or being read
)

// ahead reads r on a goroutine of its own (parallel.Go), at most
// aheadBlocks blocks ahead of its reader, and gives its bytes in order
// and then its error, as r would have. Close stops the goroutine.
type ahead struct {
	full  chan []byte   // blocks unpacked, in order; closed after the last
	free  chan []byte   // blocks read out, to fill again
	stop  chan struct{} // closed by Close
	wait  func() error
	cur   []byte // the unread rest of the block being read
	block []byte // the block cur is in, returned to free once read
	once  sync.Once
}

func newAhead(r io.Reader) *ahead {
	a := &ahead{full: make(chan []byte, aheadBlocks), free: make(chan []byte, aheadBlocks), stop: make(chan struct{})}
	for range aheadBlocks {
		a.free <- make([]byte, aheadBlock)
	}
	a.wait = parallel.Go(func() error {
		defer close(a.full)
		for {
			var b []byte
			select {
			case b = <-a.free:
				b = b[:cap(b)]
			case <-a.stop:
				return nil
			}
			// Fill the block; r's error, EOF or not, comes after the
			// bytes read with it (io.ReadFull would drop an error that
			// comes with the block's last byte, and turn r's own
			// io.ErrUnexpectedEOF, a cut deflate stream, into an end).
			n, err := 0, error(nil)
			for n < len(b) && err == nil {
				var k int
				k, err = r.Read(b[n:])
				n += k
			}
			if n > 0 {
				select {
				case a.full <- b[:n]:
				case <-a.stop:
					return nil
				}
			}
			if err == io.EOF {
				return nil // the end of r: its bytes are all given
			}
			if err != nil {
				return err
			}
		}
	})
	return a
}

// Read reads the next bytes of r; at its end, r's error or io.EOF.
func (a *ahead) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for len(a.cur) == 0 {
		if a.block != nil {
			a.free <- a.block // never blocks: there are aheadBlocks places
			a.block = nil
		}
		b, ok := <-a.full
		if !ok {
			if err := a.wait(); err != nil {
				return 0, err
			}
			return 0, io.EOF
		}
		a.cur, a.block = b, b
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// Close stops the reading ahead and waits for its goroutine to return.
func (a *ahead) Close() error {
	a.once.Do(func() { close(a.stop) })
	a.wait()
	return nil
}
