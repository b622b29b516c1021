package commands

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/opsalign/opsalign/generator/console"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/render"
	"github.com/opsalign/opsalign/generator/serve"
	"github.com/opsalign/opsalign/generator/site"
)

// ServeOptions are the flags of `opsalign serve`.
type ServeOptions struct {
	Bind string
	Port int
	Poll time.Duration
	// AllowHosts are host names besides the bound address that the site
	// is served under (--allow-host).
	AllowHosts []string
}

// Serve builds the site in memory, serves it, and rebuilds and reloads
// open browsers on every save until ctx is cancelled. Nothing is written
// to output_dir.
func Serve(ctx context.Context, o Options, so ServeOptions) error {
	path, explicit := o.configPath()
	b := pipeline.NewBuilder(path, explicit, o.AsOf, o.Version)
	cfg, err := b.Config()
	if err != nil {
		return err
	}
	cfgFile := cfg.File
	if cfgFile == "" {
		cfgFile = filepath.Join(cfg.Dir, "opsalign.toml")
	}
	watch := []string{abs(cfgFile), pipeline.Path(cfg, cfg.ContentDir), pipeline.Path(cfg, cfg.DataDir),
		filepath.Join(cfg.Dir, "themes"), filepath.Join(cfg.Dir, "layouts"), filepath.Join(cfg.Dir, "history")}
	var last atomic.Pointer[pipeline.Result] // read by the names page while a build runs
	build := func(ctx context.Context, changed []string) (*site.Memory, error) {
		return serveBuild(ctx, b, o.Strict, changed, &last)
	}
	names := func() []string {
		res := last.Load()
		if res == nil {
			return nil
		}
		var out []string
		for _, n := range render.Names(res.Scorecard) {
			out = append(out, fmt.Sprintf("{{ %s %q }} — %s", n.Kind, n.Name, n.Doc))
		}
		return out
	}
	return serve.Run(ctx, serve.Options{
		Bind:       so.Bind,
		Port:       so.Port,
		Poll:       so.Poll,
		Watch:      watch,
		AllowHosts: so.AllowHosts,
		Ignore:     []string{pipeline.Path(cfg, cfg.OutputDir)},
		Logger:     o.Logger,
		Names:      names,
		Ready: func(url string) {
			fmt.Fprintf(o.Stdout, "Serving %s at %s (Ctrl-C to stop). Edits to content, data, theme and config reload the page.\n", console.Safe(cfg.Title), url)
		},
	}, build)
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// serveBuild builds the site into memory for serve and keeps its result in
// last. With strict, error-level issues fail the build: serve keeps the
// last good site and shows the error over it.
func serveBuild(ctx context.Context, b *pipeline.Builder, strict bool, changed []string, last *atomic.Pointer[pipeline.Result]) (*site.Memory, error) {
	mem := site.NewMemory()
	res, err := b.Build(ctx, changed, mem)
	if err != nil {
		return nil, err
	}
	last.Store(res)
	if n := pipeline.ErrorCount(res.Dataset); strict && n > 0 {
		return nil, &pipeline.StrictError{Errors: n}
	}
	return mem, nil
}
