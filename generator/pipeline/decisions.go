package pipeline

import (
	"bytes"
	"fmt"
	"path"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/decisions"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/narrative"
	"github.com/opsalign/opsalign/generator/site"
)

// packDecisions reads the decisions of the board pack's front matter,
// checks them against sc, and follows up those frozen with the latest
// quarter closed before the report (decisions.Build).
func packDecisions(pages []narrative.Page, sc *model.Scorecard, closed []history.Quarter) (*decisions.Report, error) {
	var fm decisions.FrontMatter
	for _, p := range pages {
		if p.Name != narrative.BoardPack || p.FrontMatter == "" {
			continue
		}
		var err error
		if fm, err = decisions.Parse(p.File, p.FrontMatter, p.FrontMatterLine); err != nil {
			return nil, err
		}
	}
	var prev *decisions.Report
	if q := history.Previous(closed, sc); q != nil {
		if b, ok := q.File(history.DecisionsFile); ok {
			var err error
			if prev, err = decisions.Decode(b); err != nil {
				return nil, fmt.Errorf("%s: %w", path.Join(history.Dir, q.Period, history.DecisionsFile), err)
			}
		}
	}
	return decisions.Build(fm, sc, prev)
}

// decisionsJob writes data/decisions.json when the board pack asks for or
// follows up decisions (which close freezes with the quarter).
func decisionsJob(r *decisions.Report) []site.Job {
	if r.Empty() {
		return nil
	}
	return []site.Job{{Path: "data/" + decisions.File, Narrative: true, Make: func(buf *bytes.Buffer) error {
		b, err := r.Encode()
		buf.Write(b)
		return err
	}}}
}

// Decisions reads the board pack's decisions of the site of cfg and
// follows up those of the quarter closed before sc's, as a build does,
// without rendering anything: what `opsalign check` validates. Errors
// name the file and line (an `until` naming an unknown initiative or
// check, decisions in a page other than the board pack).
func Decisions(cfg config.Config, sc *model.Scorecard) (*decisions.Report, error) {
	pages, err := narrative.Load(contentFS(cfg))
	if err != nil {
		return nil, err
	}
	closed, err := history.Load(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return packDecisions(pages, sc, closed)
}
