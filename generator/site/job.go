package site

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/opsalign/opsalign/generator/pagekey"
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
	// Prepare, when set, is Make in two steps, for MakeSince: it gathers
	// the file's data and returns their key and the function that writes
	// the file from them, so that a file whose data did not change since
	// the previous build is not written again.
	Prepare func() (Prepared, error)
	// Input, when set, returns a key of what the file is made from —
	// cheaper than Prepare's, which needs the file's data gathered: a
	// file whose Input key is the one its path had in the previous
	// build is that build's file, neither prepared nor written (for
	// MakeSince). Like Prepare's, the key must identify the file's bytes
	// within one theme; false: no key (then Prepare or Make runs).
	Input func() (pagekey.Key, bool)
}

// Prepared is a file whose data are gathered: their key and the function
// that writes the file from them.
type Prepared struct {
	// Key identifies everything the file's bytes depend on, within one
	// theme: two files of a path with the same key are the same bytes.
	Key pagekey.Key
	// Keyed is false when the data have no key: the file is written.
	Keyed bool
	Write func(buf *bytes.Buffer) error
}

// Keys are the keys of a build's files by path, for the next MakeSince.
type Keys map[string]FileKey

// FileKey is what a file was made from: the key of its data (Prepare)
// and of its inputs (Input), each when it has one.
type FileKey struct {
	Data, Input       pagekey.Key
	HasData, HasInput bool
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

// MakeSince makes jobs into out as Make does, but shares prev's file
// (rather than writing it again) for a job with Input whose input key is
// the one its path had in prevKeys, and for a job with Prepare whose data
// key is (prev is the build that prevKeys are the keys of; both may be
// nil, and prev must have been made with the same templates). It returns
// the keys of out's files for the next build and the paths of the files
// it made, sorted (the others, lazy files aside, it shared).
func MakeSince(ctx context.Context, jobs []Job, prev *Memory, prevKeys Keys, out *Memory) (Keys, []string, error) {
	var eager []Job
	for _, j := range jobs {
		if !j.Lazy {
			eager = append(eager, j)
			continue
		}
		if err := out.PutLazy(j.Path, func() ([]byte, error) {
			var buf bytes.Buffer
			err := j.Make(&buf)
			return buf.Bytes(), err
		}); err != nil {
			return nil, nil, err
		}
	}
	type done struct {
		key    FileKey
		shared bool
	}
	results := make([]done, len(eager))
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	err := parallel.Do(ctx, len(eager), func(_ context.Context, i int) error {
		j := eager[i]
		r := &results[i]
		old, hasOld := prevKeys[j.Path]
		hasOld = hasOld && prev != nil && prev.Has(j.Path)
		if j.Input != nil {
			r.key.Input, r.key.HasInput = j.Input()
			if hasOld && r.key.HasInput && old.HasInput && old.Input == r.key.Input {
				// The same inputs: the same file, and the same data.
				r.key.Data, r.key.HasData = old.Data, old.HasData
				r.shared = true
				return out.ShareFile(j.Path, prev)
			}
		}
		write := j.Make
		if j.Prepare != nil {
			p, err := j.Prepare()
			if err != nil {
				return fmt.Errorf("%s: %w", j.Path, err)
			}
			r.key.Data, r.key.HasData = p.Key, p.Keyed
			if hasOld && p.Keyed && old.HasData && old.Data == p.Key {
				r.shared = true
				return out.ShareFile(j.Path, prev)
			}
			write = p.Write
		}
		buf := bufs.Get().(*bytes.Buffer)
		buf.Reset()
		if err := write(buf); err != nil {
			return fmt.Errorf("%s: %w", j.Path, err)
		}
		err := out.Put(j.Path, buf.Bytes())
		if buf.Cap() <= maxKeptBuffer {
			bufs.Put(buf)
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	keys := Keys{}
	var made []string
	for i, r := range results {
		if r.key.HasData || r.key.HasInput {
			keys[eager[i].Path] = r.key
		}
		if !r.shared {
			made = append(made, eager[i].Path)
		}
	}
	slices.Sort(made)
	return keys, made, nil
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
