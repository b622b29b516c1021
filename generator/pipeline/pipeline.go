// Package pipeline runs the stages of opsalign in order — read, score,
// render, publish — for the commands of cmd/opsalign and for serve. It owns
// no logic of its own beyond wiring: which config, which theme, which
// content, and where the output goes.
package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read"
	"github.com/opsalign/opsalign/generator/score"
)

// LoadConfig reads the site config at path. The file may be absent only
// when it was not named explicitly (then every default applies); a
// non-zero asOf overrides the config's as_of.
func LoadConfig(path string, explicit bool, asOf time.Time) (config.Config, error) {
	cfg, err := config.Load(path, !explicit)
	if err != nil {
		return cfg, err
	}
	if !asOf.IsZero() {
		cfg.AsOf = asOf
	}
	return cfg, nil
}

// Result is what reading and scoring a site produced.
type Result struct {
	Config    config.Config
	Dataset   *model.Dataset
	Scorecard *model.Scorecard
}

// Check reads the site's data folder and scores it. cache may be nil. The
// error is a file-level error: nothing could be scored.
func Check(ctx context.Context, cfg config.Config, cache *read.Cache) (*Result, error) {
	ds, err := read.Read(ctx, cfg, cache)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sc := score.Score(ds, cfg.Policy, ScoreOptions(cfg))
	return &Result{Config: cfg, Dataset: ds, Scorecard: sc}, nil
}

// ScoreOptions are the site settings the scorer needs.
func ScoreOptions(cfg config.Config) score.Options {
	return score.Options{AsOf: cfg.AsOf, FiscalYearStart: cfg.FiscalYearStart, Location: cfg.Location, Currency: cfg.Currency}
}

// Path resolves a path of the config (data_dir, output_dir, …) against the
// site folder.
func Path(cfg config.Config, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(cfg.Dir, p)
}

// ErrorCount counts the error-level issues of a dataset (for --strict).
func ErrorCount(ds *model.Dataset) int {
	n := 0
	for _, i := range ds.Issues {
		if i.Severity == model.SevError {
			n++
		}
	}
	return n
}

// StrictError is returned by commands run with --strict when error-level
// issues were found.
type StrictError struct{ Errors int }

func (e *StrictError) Error() string {
	return fmt.Sprintf("--strict: %d error-level issue(s) in the data", e.Errors)
}

// Rescore scores res's dataset again as of another day (the data as read:
// reading does not depend on as_of), with res's config but for its as_of.
func Rescore(res *Result, asOf time.Time) *Result {
	cfg := res.Config
	cfg.AsOf = asOf
	return &Result{Config: cfg, Dataset: res.Dataset, Scorecard: score.Score(res.Dataset, cfg.Policy, ScoreOptions(cfg))}
}
