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
	return loadSide(cfg).input(cfg, res, md, version)
}

// side is what the pages take from the site folder besides the data —
// the narrative pages, the closed quarters and the logo — each with the
// error of its loading. None depends on the data, so Build loads them
// while the data are read.
type side struct {
	pages     []narrative.Page
	pagesErr  error
	closed    []history.Quarter
	closedErr error
	logo      *render.Logo
	logoErr   error
}

// loadSide loads the side of cfg's site; its errors are kept for input.
func loadSide(cfg config.Config) side {
	var s side
	s.pages, s.pagesErr = narrative.Load(contentFS(cfg))
	s.closed, s.closedErr = history.Load(cfg.Dir)
	s.logo, s.logoErr = loadLogo(cfg)
	return s
}

// input makes the render input of res's site from s, returning the first
// error in the order of the stages: the narrative, the closed quarters,
// the board pack's decisions (which take the scorecard), the logo.
func (s side) input(cfg config.Config, res *Result, md *narrative.Renderer, version string) (render.Input, error) {
	if s.pagesErr != nil {
		return render.Input{}, s.pagesErr
	}
	if s.closedErr != nil {
		return render.Input{}, fmt.Errorf("history: %w", s.closedErr)
	}
	dec, err := packDecisions(s.pages, res.Scorecard, s.closed)
	if err != nil {
		return render.Input{}, err
	}
	if s.logoErr != nil {
		return render.Input{}, s.logoErr
	}
	return render.Input{
		Logo:      s.logo,
		Config:    cfg,
		Dataset:   res.Dataset,
		Scorecard: res.Scorecard,
		Content:   s.pages,
		Markdown:  md,
		Version:   version,
		History:   s.closed,
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
