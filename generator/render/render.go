package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sync"

	"github.com/opsalign/opsalign/generator/site"
)

// Renderer holds a theme's parsed templates and static assets. Parse once,
// render many: a Renderer is safe for concurrent use.
type Renderer struct {
	common   *template.Template            // base and partials, for chart blocks
	kinds    map[string]*template.Template // page kind → its template set
	partials map[string]*partialCache      // page kind → its partial cache
	assets   []asset
	bufs     sync.Pool
}

// asset is one static file of the theme.
type asset struct {
	path string // site path, "assets/site.css"
	data []byte
}

// Parse reads and parses a theme's templates (layouts/) and static files
// (assets/). A template in layouts, whose root is the site's layouts
// folder, replaces the theme's template of the same name; layouts may be
// nil.
func Parse(theme, layouts fs.FS) (*Renderer, error) {
	common, kinds, partials, err := parseTemplates(theme, layouts)
	if err != nil {
		return nil, err
	}
	assets, err := readAssets(theme)
	if err != nil {
		return nil, err
	}
	r := &Renderer{common: common, kinds: kinds, partials: partials, assets: assets}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	return r, nil
}

// job renders one file of the site.
type job struct {
	path      string
	run       func(buf *bytes.Buffer) error
	narrative bool // the page embeds narrative from content/
	// download: a file made from the scorecard alone (the workbook,
	// data/scorecard.json), made on first read when the Sink is a
	// site.LazySink.
	download bool
}

// Render renders every page of the site from in into out: the pages,
// data/scorecard.json and the theme's assets. Pages are rendered in
// parallel; the first error stops the rest and is returned.
func (r *Renderer) Render(ctx context.Context, in Input, out site.Sink) error {
	if in.Scorecard == nil {
		return errors.New("render: no scorecard")
	}
	b, err := newBuild(r, in)
	if err != nil {
		return err
	}
	jobs, err := b.jobs()
	if err != nil {
		return err
	}
	if in.Prev != nil {
		if jobs, err = reuse(jobs, in.Prev, out); err != nil {
			return err
		}
	}
	return r.run(ctx, jobs, out)
}

// reuse puts into out every file of prev that jobs would render again
// unchanged — all but the pages that embed narrative — and returns the jobs
// left to run.
func reuse(jobs []job, prev *site.Memory, out site.Sink) ([]job, error) {
	mem, _ := out.(*site.Memory)
	var left []job
	for _, j := range jobs {
		if j.narrative || !prev.Has(j.path) {
			left = append(left, j)
			continue
		}
		if mem != nil {
			// Shared as it is: a download not made yet stays so.
			if err := mem.ShareFile(j.path, prev); err != nil {
				return nil, fmt.Errorf("render: %w", err)
			}
			continue
		}
		b, _, err := prev.Load(j.path)
		if err == nil {
			err = out.Put(j.path, b)
		}
		if err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
	}
	return left, nil
}

// maxKeptBuffer is the largest page buffer a worker keeps for its next
// page: the few pages of tens of megabytes at 10k initiatives (the
// initiatives index, reliability) should not hold that memory for the
// rest of the build.
const maxKeptBuffer = 4 << 20

// run executes jobs on a bounded set of goroutines; a download is only
// put, to be made when first read, when out is a site.LazySink.
func (r *Renderer) run(ctx context.Context, jobs []job, out site.Sink) error {
	if lazy, ok := out.(site.LazySink); ok {
		var eager []job
		for _, j := range jobs {
			if !j.download {
				eager = append(eager, j)
				continue
			}
			if err := lazy.PutLazy(j.path, func() ([]byte, error) {
				var buf bytes.Buffer
				err := j.run(&buf)
				return buf.Bytes(), err
			}); err != nil {
				return fmt.Errorf("render: %w", err)
			}
		}
		jobs = eager
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan job)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := r.bufs.Get().(*bytes.Buffer)
			defer r.bufs.Put(buf)
			for j := range next {
				if ctx.Err() != nil {
					continue // drain: the feeder stops soon
				}
				buf.Reset()
				if err := j.run(buf); err != nil {
					cancel(fmt.Errorf("render: %s: %w", j.path, err))
					continue
				}
				if err := out.Put(j.path, buf.Bytes()); err != nil {
					cancel(fmt.Errorf("render: %w", err))
				}
				if buf.Cap() > maxKeptBuffer {
					buf = new(bytes.Buffer) // let a big page's buffer go
				}
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return err
	}
	return nil
}

// execute renders a page kind's template with data into buf.
func (r *Renderer) execute(buf *bytes.Buffer, kind string, data any) error {
	t, ok := r.kinds[kind]
	if !ok {
		return fmt.Errorf("no template %s", kind)
	}
	return t.ExecuteTemplate(buf, kind, data)
}
