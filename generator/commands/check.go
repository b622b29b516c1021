package commands

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/opsalign/opsalign/generator/console"
	"github.com/opsalign/opsalign/generator/decisions"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/read"
)

// Check reads and scores the site, prints issues, the summary and the
// headline (or, with asJSON, the scorecard JSON), and writes nothing.
func Check(ctx context.Context, o Options, asJSON bool) error {
	path, explicit := o.configPath()
	cfg, err := pipeline.LoadConfig(path, explicit, o.AsOf)
	if err != nil {
		return err
	}
	p := newProgress(o)
	p.stage("Reading spreadsheets")
	res, err := pipeline.Check(ctx, cfg, nil)
	p.done()
	if re := (*read.Error)(nil); errors.As(err, &re) && !asJSON {
		console.WriteRefusal(o.Stdout, re.Files, re.Refused)
	}
	if err != nil {
		return err
	}
	// The board pack's decisions are checked as a build checks them; a
	// bad one is reported after what was read, as the command's error.
	dec, decErr := pipeline.Decisions(cfg, res.Scorecard)
	if asJSON {
		if err := writeJSON(o.Stdout, res.Scorecard); err != nil {
			return err
		}
	} else {
		console.WriteCheck(o.Stdout, res.Dataset, res.Scorecard, console.Options{Quiet: o.Quiet})
		writeDecisions(o.Stdout, dec)
		writeNextSteps(o.Stdout, res.Dataset)
	}
	if decErr != nil {
		return decErr
	}
	if n := pipeline.ErrorCount(res.Dataset); o.Strict && n > 0 {
		return &pipeline.StrictError{Errors: n}
	}
	return nil
}

// writeDecisions says how many decisions the board pack asks for and how
// the previous closed quarter's stand; nothing when there are none.
func writeDecisions(w io.Writer, r *decisions.Report) {
	if r.Empty() {
		return
	}
	fmt.Fprintf(w, "\nDecisions: %d asked in the board pack", len(r.Decisions))
	if r.From != "" && len(r.Followed) > 0 {
		fmt.Fprintf(w, "; %s's: %s", r.From, r.Counts())
	}
	fmt.Fprintln(w, ".")
}
