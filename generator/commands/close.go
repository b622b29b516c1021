package commands

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/site"
)

// Close freezes a finished quarter into history/PERIOD/ of the site folder
// (`opsalign close PERIOD`). The quarter must have ended by the site's
// as_of (config, --as-of, or the end of the latest period with actuals);
// its scorecard and board pack are computed as of the quarter's last day.
// Closing a quarter again fails unless force is set.
func Close(ctx context.Context, o Options, period string, force bool) error {
	path, explicit := o.configPath()
	cfg, err := pipeline.LoadConfig(path, explicit, o.AsOf)
	if err != nil {
		return err
	}
	q, err := history.ParseQuarter(period, cfg.FiscalYearStart)
	if err != nil {
		return &UsageError{Err: err}
	}
	name := q.String()
	if err := recoverHistory(o, cfg.Dir); err != nil {
		return err
	}
	if closed, err := history.Closed(cfg.Dir, name); err != nil {
		return err
	} else if closed && !force {
		return fmt.Errorf("%s: %w (use --force to replace it)", filepath.Join(history.Dir, name), history.ErrClosed)
	}
	p := newProgress(o)
	defer p.done()
	p.stage("Reading spreadsheets")
	res, err := pipeline.Check(ctx, cfg, nil)
	if err != nil {
		return err
	}
	end := q.End(cfg.FiscalYearStart)
	if res.Scorecard.AsOf == "" {
		return fmt.Errorf("closing %s: the site has no as_of (no actuals); set as_of in opsalign.toml or pass --as-of", name)
	}
	asOf, err := time.Parse("2006-01-02", res.Scorecard.AsOf)
	if err != nil {
		return fmt.Errorf("as_of %q: %w", res.Scorecard.AsOf, err)
	}
	if end.After(asOf) {
		return fmt.Errorf("%s ends %s, after as_of %s: only a quarter that has ended can be closed", name, end.Format("2006-01-02"), res.Scorecard.AsOf)
	}
	if n := pipeline.ErrorCount(res.Dataset); o.Strict && n > 0 {
		return &pipeline.StrictError{Errors: n}
	}
	// The spreadsheets as read above, scored as of the quarter's end; of
	// its site only what the quarter keeps is rendered: the board pack,
	// the scorecard, the board pack's decisions if it has any and the
	// assets the board pack refers to (history.Freeze picks them).
	res = pipeline.Rescore(res, end)
	p.stage("Rendering the board pack")
	files, err := pipeline.NewFiles(res, o.Version)
	if err != nil {
		return err
	}
	built := site.NewMemory()
	frozen := []string{history.BoardPackFile, history.ScorecardSource}
	if dec := "data/" + history.DecisionsFile; files.Has(dec) {
		frozen = append(frozen, dec)
	}
	if err := files.Make(ctx, built, frozen...); err != nil {
		return err
	}
	pack, _ := built.Get(history.BoardPackFile)
	if err := files.Make(ctx, built, history.Referenced(pack)...); err != nil {
		return err
	}
	inputs := append([]string(nil), res.Dataset.Summary.Files...)
	if cfg.File != "" {
		inputs = append(inputs, filepath.Base(cfg.File)) // the config lies in the site folder
	}
	content, err := contentFiles(pipeline.Path(cfg, cfg.ContentDir), cfg.Dir)
	if err != nil {
		return err
	}
	sums, err := history.SumFiles(cfg.Dir, append(inputs, content...))
	if err != nil {
		return err
	}
	snap, err := history.Freeze(built, history.Manifest{Period: name, AsOf: res.Scorecard.AsOf, Version: o.Version, Inputs: sums})
	if err != nil {
		return err
	}
	write := history.Write
	if force {
		write = history.Replace
	}
	p.stage("Writing " + filepath.Join(history.Dir, name))
	if err := write(ctx, cfg.Dir, snap); err != nil {
		return err
	}
	p.done()
	if !o.Quiet {
		fmt.Fprintf(o.Stdout, "Closed %s as of %s into %s: %d files; headline %s.\n", name, res.Scorecard.AsOf,
			filepath.Join(history.Dir, name)+string(filepath.Separator), len(snap.Files)+1, res.Scorecard.Headline.Answer)
	}
	return nil
}

// contentFiles lists the markdown files under dir, slash-separated and
// relative to siteDir; a missing dir has none.
func contentFiles(dir, siteDir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".md") {
			return nil
		}
		rel, err := filepath.Rel(siteDir, p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out, err
}
