package pipeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/narrative"
	"github.com/opsalign/opsalign/generator/render"
	"github.com/opsalign/opsalign/generator/site"
)

// input gathers what rendering res's site takes besides the scorecard:
// the narrative pages, the closed quarters, the board pack's decisions
// and the logo.
func input(cfg config.Config, res *Result, md *narrative.Renderer, version string) (render.Input, error) {
	pages, err := narrative.Load(contentFS(cfg))
	if err != nil {
		return render.Input{}, err
	}
	closed, err := history.Load(cfg.Dir)
	if err != nil {
		return render.Input{}, fmt.Errorf("history: %w", err)
	}
	dec, err := packDecisions(pages, res.Scorecard, closed)
	if err != nil {
		return render.Input{}, err
	}
	logo, err := loadLogo(cfg)
	if err != nil {
		return render.Input{}, err
	}
	return render.Input{
		Logo:      logo,
		Config:    cfg,
		Dataset:   res.Dataset,
		Scorecard: res.Scorecard,
		Content:   pages,
		Markdown:  md,
		Version:   version,
		History:   closed,
		Decisions: dec,
	}, nil
}

// Files are the files of one site, each made only when asked for: what
// `opsalign close` renders of the site it freezes.
type Files struct {
	jobs map[string]site.Job
}

// NewFiles prepares the files of the site of res (its config, dataset and
// scorecard) with the site's theme and narrative, without making any.
func NewFiles(res *Result, version string) (*Files, error) {
	cfg := res.Config
	theme, layouts, err := ThemeFS(cfg)
	if err != nil {
		return nil, err
	}
	e, err := render.Parse(theme, layouts)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	in, err := input(cfg, res, narrative.NewRenderer(cfg.UnsafeHTML), version)
	if err != nil {
		return nil, err
	}
	pages, err := e.Jobs(in)
	if err != nil {
		return nil, err
	}
	f := &Files{jobs: map[string]site.Job{}}
	for _, j := range append(append(downloads(res.Scorecard), decisionsJob(in.Decisions)...), pages...) {
		f.jobs[j.Path] = j
	}
	return f, nil
}

// Make makes the files at paths (site paths such as "board-pack.html")
// into out, in parallel; a path the site has no file for is an error.
func (f *Files) Make(ctx context.Context, out site.Sink, paths ...string) error {
	jobs := make([]site.Job, 0, len(paths))
	for _, p := range paths {
		j, ok := f.jobs[p]
		if !ok {
			return fmt.Errorf("the site has no %s", p)
		}
		j.Lazy = false // made now: asked for
		jobs = append(jobs, j)
	}
	if err := site.Make(ctx, jobs, out); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

// Has reports whether the site has a file at path.
func (f *Files) Has(path string) bool {
	_, ok := f.jobs[path]
	return ok
}

// Paths lists the paths of every file of the site, sorted.
func (f *Files) Paths() []string {
	out := make([]string, 0, len(f.jobs))
	for p := range f.jobs {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
