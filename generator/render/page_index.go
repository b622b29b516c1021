package render

import (
	"html/template"

	"github.com/opsalign/opsalign/generator/model"
)

// IndexView is the overview page.
type IndexView struct {
	Frame
	Narrative  template.HTML
	Portfolio  *model.Portfolio
	Tiles      []Tile
	Rule       []string // the verdict rule, one verdict a line
	Counts     []VerdictCount
	Checks     []CheckRow
	Split      Chart
	Verdicts   Chart
	Scoreboard []MetricRow
}

func (x *index) indexView() (*IndexView, error) {
	v := &IndexView{
		Frame:      x.frame("index.html", "Overview", "index"),
		Portfolio:  &x.sc.Portfolio,
		Tiles:      x.tiles(),
		Rule:       x.sc.VerdictRule.Lines,
		Counts:     verdictCounts(x.sc.Portfolio.Verdicts),
		Checks:     portfolioChecks(x.sc.Portfolio.Checks),
		Split:      x.splitChart(),
		Verdicts:   x.verdictsByUnitChart(),
		Scoreboard: x.scoreboard(),
	}
	for i := range v.Checks {
		c := &v.Checks[i]
		c.Parts, c.Root = x.segments(c.Reason), v.Root
	}
	if p, ok := x.content("_index"); ok {
		h, err := x.narrate(p)
		if err != nil {
			return nil, err
		}
		v.Narrative = h
		if p.Title != "" {
			v.Title = p.Title
		}
	}
	return v, nil
}

// verdictCounts lists the verdict counts, best first.
func verdictCounts(c model.VerdictCounts) []VerdictCount {
	return []VerdictCount{
		{model.Aligned, verdictBadge(model.Aligned), c.Aligned},
		{model.AtRisk, verdictBadge(model.AtRisk), c.AtRisk},
		{model.NotAligned, verdictBadge(model.NotAligned), c.NotAligned},
		{model.NotScored, verdictBadge(model.NotScored), c.NotScored},
	}
}
