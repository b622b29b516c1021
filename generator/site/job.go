package site

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/opsalign/opsalign/generator/parallel"
)

// Job makes one file of a site.
type Job struct {
	Path string
	// Make writes the file into buf, which is empty.
	Make func(buf *bytes.Buffer) error
	// Lazy marks a file made from the scorecard alone that a reader may
	// never ask for (the workbook, data/scorecard.json): into a LazySink
	// it is put to be made on first read.
	Lazy bool
	// Narrative marks a file that shows narrative from content/: after
	// an edit of the narrative alone it is the only kind made again.
	Narrative bool
}

// maxKeptBuffer is the largest buffer kept for the next job: the few
// files of tens of megabytes at 10k initiatives (the initiatives index,
// reliability) should not hold that memory for the rest of the build.
const maxKeptBuffer = 4 << 20

// Make runs jobs in parallel (parallel.Do), in their order as workers
// free up — put the slowest first — and puts each file into out. A Lazy
// job is only put, to be made on first read, when out is a LazySink. The
// first error stops the rest and is returned, naming the file.
func Make(ctx context.Context, jobs []Job, out Sink) error {
	if lazy, ok := out.(LazySink); ok {
		var eager []Job
		for _, j := range jobs {
			if !j.Lazy {
				eager = append(eager, j)
				continue
			}
			if err := lazy.PutLazy(j.Path, func() ([]byte, error) {
				var buf bytes.Buffer
				err := j.Make(&buf)
				return buf.Bytes(), err
			}); err != nil {
				return err
			}
		}
		jobs = eager
	}
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	return parallel.Do(ctx, len(jobs), func(_ context.Context, i int) error {
		j := jobs[i]
		buf := bufs.Get().(*bytes.Buffer)
		buf.Reset()
		if err := j.Make(buf); err != nil {
			return fmt.Errorf("%s: %w", j.Path, err)
		}
		err := out.Put(j.Path, buf.Bytes())
		if buf.Cap() <= maxKeptBuffer {
			bufs.Put(buf)
		}
		return err
	})
}

// Reuse puts into out every file of prev that a job would make again
// unchanged — every job but the Narrative ones, when only narrative
// changed since prev was made — and returns the jobs left to run. Into a
// *Memory, files are shared, not copied, and a lazy file not made yet
// stays so.
func Reuse(jobs []Job, prev *Memory, out Sink) ([]Job, error) {
	mem, _ := out.(*Memory)
	var left []Job
	for _, j := range jobs {
		if j.Narrative || !prev.Has(j.Path) {
			left = append(left, j)
			continue
		}
		if mem != nil {
			if err := mem.ShareFile(j.Path, prev); err != nil {
				return nil, err
			}
			continue
		}
		b, _, err := prev.Load(j.Path)
		if err == nil {
			err = out.Put(j.Path, b)
		}
		if err != nil {
			return nil, err
		}
	}
	return left, nil
}
