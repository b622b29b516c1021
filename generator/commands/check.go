package commands

import (
	"context"
	"errors"

	"github.com/opsalign/opsalign/generator/console"
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
	if asJSON {
		if err := writeJSON(o.Stdout, res.Scorecard); err != nil {
			return err
		}
	} else {
		console.WriteCheck(o.Stdout, res.Dataset, res.Scorecard, console.Options{Quiet: o.Quiet})
		writeNextSteps(o.Stdout, res.Dataset)
	}
	if n := pipeline.ErrorCount(res.Dataset); o.Strict && n > 0 {
		return &pipeline.StrictError{Errors: n}
	}
	return nil
}
