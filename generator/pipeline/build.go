package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/narrative"
	"github.com/opsalign/opsalign/generator/parallel"
	"github.com/opsalign/opsalign/generator/publish"
	"github.com/opsalign/opsalign/generator/read"
	"github.com/opsalign/opsalign/generator/render"
	"github.com/opsalign/opsalign/generator/score"
	"github.com/opsalign/opsalign/generator/site"
)

// Builder turns a site folder into a rendered site. It keeps what does not
// change between builds — the parsed spreadsheets (by path, size and
// modification time) and the parsed theme — so that serve rebuilds only
// what changed. A Builder is safe for concurrent use; builds run one at a
// time.
type Builder struct {
	configPath string
	explicit   bool
	asOf       time.Time
	version    string
	// Appendix adds the board pack's appendix whatever the config says
	// (build --appendix).
	Appendix bool

	mu        sync.Mutex
	cache     *read.Cache
	engine    *render.Engine
	themeKey  string // theme and layouts folders the renderer was parsed from
	markdown  *narrative.Renderer
	unsafeMD  bool
	lastCfg   config.Config
	hasConfig bool

	// prev is the last build into a *site.Memory, kept so that a rebuild
	// after a narrative edit renders only the narrative pages.
	prev *memoryBuild

	stage func(name string) // see SetStage; nil: not told
	stats RenderStats       // of the last build into memory
}

// RenderStats describe a build into memory: of its Files, those at the
// paths Made (sorted) were made; the others, but the downloads made on
// first read, are the previous build's, shared.
type RenderStats struct {
	Files int
	Made  []string
}

// LastStats returns the RenderStats of the last build into memory.
func (b *Builder) LastStats() RenderStats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.stats
}

// SetStage makes every build call f with the name of each stage as it
// begins ("Reading spreadsheets", "Rendering pages"), for a progress
// line. Call it before the first build.
func (b *Builder) SetStage(f func(name string)) {
	b.stage = f
}

func (b *Builder) report(name string) {
	if b.stage != nil {
		b.stage(name)
	}
}

// memoryBuild is a finished build into memory and what it was built from.
type memoryBuild struct {
	site   *site.Memory
	res    *Result
	engine *render.Engine
	nav    string // navKey of its narrative pages
	keys   site.Keys
}

// NewBuilder returns a Builder for the site whose config is at configPath
// (explicit: named on the command line, so it must exist). A non-zero
// asOf overrides the config's as_of.
func NewBuilder(configPath string, explicit bool, asOf time.Time, version string) *Builder {
	return &Builder{configPath: configPath, explicit: explicit, asOf: asOf, version: version, cache: read.NewCache()}
}

// Config loads the site config as the next build will see it.
func (b *Builder) Config() (config.Config, error) {
	cfg, err := LoadConfig(b.configPath, b.explicit, b.asOf)
	if b.Appendix {
		cfg.BoardPack.Appendix = true
	}
	return cfg, err
}

// Build reads, scores and renders the site into out. changed lists the
// absolute paths that changed since the previous build (nil: anything may
// have); the theme is parsed again only when a file of it changed.
func (b *Builder) Build(ctx context.Context, changed []string, out site.Sink) (*Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	prev := b.prev
	b.prev = nil // set again only when this build succeeds
	cfg, err := b.Config()
	if err != nil {
		return nil, err
	}
	mem, _ := out.(*site.Memory)
	narrativeOnly := prev != nil && mem != nil && onlyContent(cfg, changed) && reflect.DeepEqual(cfg, prev.res.Config)
	// The theme and the side of the site (narrative, closed quarters,
	// logo) do not depend on the data: they are parsed while the data are
	// read and scored, on a core the reading leaves idle part of the time.
	var (
		e        *render.Engine
		themeErr error
		sd       side
	)
	prep := parallel.Go(func() error {
		e, themeErr = b.theme(cfg, changed)
		sd = loadSide(cfg)
		return nil
	})
	defer prep() // b.engine is the goroutine's until it returns
	var res *Result
	if narrativeOnly {
		res = prev.res // no data file and no setting changed: the same scorecard
	} else {
		b.report("Reading spreadsheets")
		ds, err := read.Read(ctx, cfg, b.cache)
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if prev != nil && mem != nil && onlyData(cfg, changed) && reflect.DeepEqual(cfg, prev.res.Config) && reflect.DeepEqual(ds, prev.res.Dataset) {
			// The data files were saved with the data they had (or with a
			// change to cells that are not read): the previous site.
			for _, p := range prev.site.Paths() {
				if err := mem.ShareFile(p, prev.site); err != nil {
					return nil, err
				}
			}
			b.stats = RenderStats{Files: mem.Len()}
			b.prev = &memoryBuild{site: mem, res: prev.res, engine: prev.engine, nav: prev.nav, keys: prev.keys}
			return prev.res, nil
		}
		res = &Result{Config: cfg, Dataset: ds, Scorecard: score.Score(ds, cfg.Policy, ScoreOptions(cfg))}
	}
	dl := downloads(res.Scorecard)
	if _, lazy := out.(site.LazySink); !lazy {
		// Into files: the downloads (the slowest files) are started now,
		// made beside the preparation of the pages, which is serial.
		var wait func()
		dl, wait = startJobs(dl)
		defer wait() // none is left running when Build returns
	}
	prep()
	if themeErr != nil {
		return nil, themeErr
	}
	if b.markdown == nil || b.unsafeMD != cfg.UnsafeHTML {
		b.markdown, b.unsafeMD = narrative.NewRenderer(cfg.UnsafeHTML), cfg.UnsafeHTML
	}
	in, err := sd.input(cfg, res, b.markdown, b.version)
	if err != nil {
		return nil, err
	}
	in.Keyed = mem != nil // serve: keyed by site.MakeSince below
	pageJobs, err := e.Jobs(in)
	if err != nil {
		return nil, err
	}
	// The downloads first: the slowest single files.
	jobs := append(append(dl, decisionsJob(in.Decisions)...), pageJobs...)
	nav := navKey(in.Content)
	var (
		prevSite *site.Memory
		prevKeys site.Keys
		reused   map[string]bool // paths shared by Reuse
	)
	if prev != nil && e == prev.engine {
		// Pages are keyed by their data within one theme.
		prevSite, prevKeys = prev.site, prev.keys
	}
	if narrativeOnly && e == prev.engine && nav == prev.nav {
		// Only narrative changed: every other file is as prev made it.
		all := jobs
		if jobs, err = site.Reuse(jobs, prev.site, out); err != nil {
			return nil, err
		}
		reused = make(map[string]bool, len(all))
		for _, j := range all {
			reused[j.Path] = true
		}
		for _, j := range jobs {
			delete(reused, j.Path)
		}
	}
	b.report("Rendering pages")
	var (
		keys site.Keys
		made []string
	)
	if mem != nil {
		// Into memory (serve): a page whose data are those of its page in
		// the previous build is that page again, not rendered.
		if keys, made, err = site.MakeSince(ctx, jobs, prevSite, prevKeys, mem); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
		for p := range reused {
			if k, ok := prevKeys[p]; ok {
				keys[p] = k
			}
		}
	} else if err := site.Make(ctx, jobs, out); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	// Closed quarters are copied byte for byte: they never change.
	if err := history.Copy(in.History, out); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	if mem != nil {
		b.stats = RenderStats{Files: mem.Len(), Made: made}
		b.prev = &memoryBuild{site: mem, res: res, engine: e, nav: nav, keys: keys}
	}
	return res, nil
}

// onlyContent reports whether changed names some paths and all of them are
// Markdown files in the site's content folder, outside its data folder
// (content_dir may be the site folder itself): then the data are as the
// previous build read them.
func onlyContent(cfg config.Config, changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	dir, err := filepath.Abs(Path(cfg, cfg.ContentDir))
	if err != nil {
		return false
	}
	data, err := filepath.Abs(Path(cfg, cfg.DataDir))
	if err != nil {
		return false
	}
	for _, c := range changed {
		if !within(c, dir) || within(c, data) || !strings.EqualFold(filepath.Ext(c), ".md") {
			return false
		}
	}
	return true
}

// onlyData reports whether changed names some paths and all of them are
// data files (workbooks, CSV) in the site's data folder: then nothing but
// the dataset can differ from the previous build.
func onlyData(cfg config.Config, changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	data, err := filepath.Abs(Path(cfg, cfg.DataDir))
	if err != nil {
		return false
	}
	for _, c := range changed {
		switch strings.ToLower(filepath.Ext(c)) {
		case ".xlsx", ".xlsm", ".csv":
		default:
			return false
		}
		if !within(c, data) {
			return false
		}
	}
	return true
}

// navKey identifies what the navigation of every page takes from the
// narrative pages: the names, titles and weights of the pages of their
// own (not drafts, not the overview or board pack, which are rendered
// again anyway).
func navKey(ps []narrative.Page) string {
	var sb strings.Builder
	for _, p := range narrative.Standalone(ps) {
		fmt.Fprintf(&sb, "%q %q %d\n", p.Name, p.Title, p.Weight)
	}
	return sb.String()
}

// theme returns the parsed theme, parsing it again when the config names
// other folders or a changed path lies inside them.
func (b *Builder) theme(cfg config.Config, changed []string) (*render.Engine, error) {
	td, ld := ThemeDirs(cfg)
	key := cfg.Theme + "\x00" + td + "\x00" + ld
	stale := b.engine == nil || key != b.themeKey || changed == nil
	for _, c := range changed {
		if (td != "" && within(c, td)) || (ld != "" && within(c, ld)) {
			stale = true
		}
	}
	if !stale {
		return b.engine, nil
	}
	theme, layouts, err := ThemeFS(cfg)
	if err != nil {
		return nil, err
	}
	e, err := render.Parse(theme, layouts)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	b.engine, b.themeKey = e, key
	return e, nil
}

func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Publish builds the site into its output_dir atomically: nothing is
// written unless the whole build succeeds.
func (b *Builder) Publish(ctx context.Context) (*Result, string, error) {
	cfg, err := b.Config()
	if err != nil {
		return nil, "", err
	}
	out := Path(cfg, cfg.OutputDir)
	var res *Result
	err = publish.Dir(ctx, out, func(sink site.Sink) error {
		var err error
		res, err = b.Build(ctx, nil, sink)
		return err
	})
	return res, out, err
}
