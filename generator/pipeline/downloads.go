package pipeline

import (
	"bytes"

	"github.com/opsalign/opsalign/generator/export"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/parallel"
	"github.com/opsalign/opsalign/generator/site"
)

// downloads are the site's files made from the scorecard alone, the
// workbook first (the slowest file of a site). They are Lazy: serve makes
// them only when a browser asks.
func downloads(sc *model.Scorecard) []site.Job {
	return []site.Job{
		{Path: "downloads/scorecard.xlsx", Lazy: true, Make: func(buf *bytes.Buffer) error {
			return export.WorkbookTo(buf, sc)
		}},
		{Path: "data/scorecard.json", Lazy: true, Make: func(buf *bytes.Buffer) error {
			return export.JSON(sc, buf)
		}},
	}
}

// startJobs starts making every job's file at once, each on a goroutine
// of its own (parallel.Go), and returns jobs whose Make waits for that
// file and writes it, and wait, which waits for them all: call it before
// the data they are made from may change.
func startJobs(jobs []site.Job) (started []site.Job, wait func()) {
	started = make([]site.Job, len(jobs))
	waits := make([]func() error, len(jobs))
	for i, j := range jobs {
		var buf bytes.Buffer
		mk := j.Make // j.Make is replaced below
		waits[i] = parallel.Go(func() error { return mk(&buf) })
		j.Make = func(out *bytes.Buffer) error {
			err := waits[i]()
			out.Write(buf.Bytes())
			return err
		}
		started[i] = j
	}
	return started, func() {
		for _, w := range waits {
			w()
		}
	}
}
