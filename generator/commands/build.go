package commands

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/opsalign/opsalign/generator/pipeline"
)

// Build reads, scores, renders and publishes the site into output_dir and
// says where it is. With --strict, error-level issues fail the build
// before anything is written.
func Build(ctx context.Context, o Options) (*pipeline.Result, string, error) {
	path, explicit := o.configPath()
	b := pipeline.NewBuilder(path, explicit, o.AsOf, o.Version)
	b.Appendix = o.Appendix
	p := newProgress(o)
	defer p.done()
	if p != nil {
		b.SetStage(p.stage)
	}
	cfg, err := b.Config()
	if err != nil {
		return nil, "", err
	}
	if err := recoverHistory(o, cfg.Dir); err != nil {
		return nil, "", err
	}
	if o.Strict {
		p.stage("Reading spreadsheets")
		res, err := pipeline.Check(ctx, cfg, nil)
		if err != nil {
			return nil, "", err
		}
		if n := pipeline.ErrorCount(res.Dataset); n > 0 {
			return nil, "", &pipeline.StrictError{Errors: n}
		}
	}
	res, out, err := b.Publish(ctx)
	p.done()
	if err != nil {
		return nil, "", err
	}
	if !o.Quiet {
		sc := res.Scorecard
		rel := out
		if r, err := filepath.Rel(res.Config.Dir, out); err == nil {
			rel = r
		}
		fmt.Fprintf(o.Stdout, "Built %s (as of %s, %s): %d initiatives, %d metrics, %d issues.\n",
			rel+string(filepath.Separator), sc.AsOf, sc.Period, len(sc.Initiatives), len(sc.Metrics), len(sc.Issues))
		fmt.Fprintf(o.Stdout, "Headline: %s. Open %s in a browser.\n", sc.Headline.Answer, filepath.Join(out, "index.html"))
	}
	return res, out, nil
}
