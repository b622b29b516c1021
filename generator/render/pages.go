package render

import (
	"fmt"
	"strings"

	"github.com/opsalign/opsalign/generator/narrative"
	"github.com/opsalign/opsalign/generator/pagekey"
	"github.com/opsalign/opsalign/generator/search"
	"github.com/opsalign/opsalign/generator/site"
)

// pages lists the page jobs of the site: each is a layout of the theme
// and its view, a function of the index (page_*.go). The pages that list
// every initiative come first, so that no worker is left with one of them
// while the others have nothing more to do; the thousands of small pages
// fill in around them.
func (e *Engine) pages(x *index) ([]site.Job, error) {
	l := &e.layouts
	js := []site.Job{
		l.index.page("index.html", true, x.indexView),
		l.initiatives.page("initiatives/index.html", false, always(x.initiativesView)),
		l.metrics.page("metrics/index.html", false, always(x.metricsView)),
		l.portfolio.page("portfolio.html", false, always(x.portfolioView)),
		l.calendar.page("calendar.html", false, always(x.calendarView)),
		l.reliability.page("reliability.html", false, always(x.reliabilityView)),
		l.dataQuality.page("data-quality.html", false, always(x.dataQualityView)),
		l.boardPack.page("board-pack.html", true, x.boardPackView),
		{Path: initiativesData, Make: x.initiativesData},
		// The report period's incidents and the metrics: the context's.
		{Path: incidentsData, Make: x.incidentsData, Input: func() (pagekey.Key, bool) { return x.contextInput(incidentsData) }},
	}
	// The metrics list, the portfolio and reliability show the context
	// alone (ids of initiatives, no names; TestInputKeys).
	for i := range js {
		switch p := js[i].Path; p {
		case "metrics/index.html", "portfolio.html", "reliability.html":
			js[i].Input = func() (pagekey.Key, bool) { return x.contextInput(p) }
		}
	}
	for _, s := range x.searchJobs() {
		j := site.Job{Path: s.path, Make: s.make}
		if s.path != search.InitiativesPath {
			j.Input = func() (pagekey.Key, bool) { return x.contextInput(s.path) }
		}
		js = append(js, j)
	}
	js = append(js, x.trendScriptJobs()...)
	if len(x.in.History) > 0 {
		// Narrative: it counts the board pack's decisions.
		js = append(js, l.quarters.page("quarters.html", true, always(x.quartersView)), x.feedJob())
	}
	taken := map[string]string{}
	for _, p := range builtIn() {
		taken[strings.ToLower(p)] = "a built-in page"
	}
	for _, cp := range narrative.Standalone(x.in.Content) {
		p := FileStem(cp.Name) + ".html"
		if by, ok := taken[strings.ToLower(p)]; ok {
			return nil, fmt.Errorf("render: %s: page %s is already %s", cp.File, p, by)
		}
		taken[strings.ToLower(p)] = cp.File
		js = append(js, l.page.page(p, true, func() (*ContentView, error) { return x.contentView(cp, p) }))
	}
	l.initiative.parts.expectPages(len(x.sc.Initiatives))
	seen := map[string]bool{}
	for i := range x.sc.Initiatives {
		ir := &x.sc.Initiatives[i]
		p := "initiatives/" + x.iniFiles[ir.ID]
		if seen[p] {
			continue // a duplicate id: the first one has the page
		}
		seen[p] = true
		j := l.initiative.page(p, false, func() (*InitiativeView, error) { return x.initiativeView(i, p), nil })
		j.Input = func() (pagekey.Key, bool) { return x.initiativeInputAt(i) }
		js = append(js, j)
	}
	for i := range x.sc.Metrics {
		mr := &x.sc.Metrics[i]
		p := "metrics/" + x.metFiles[mr.ID]
		if seen[p] {
			continue
		}
		seen[p] = true
		j := l.metric.page(p, false, func() (*MetricView, error) { return x.metricView(mr, p), nil })
		j.Input = func() (pagekey.Key, bool) { return x.metricInput(l.metric.name, mr, p) }
		js = append(js, j)
	}
	return js, nil
}

// always makes a view that cannot fail one of a page job.
func always[V any](view func() V) func() (V, error) {
	return func() (V, error) { return view(), nil }
}

// builtIn lists the site paths of the fixed pages; a content page may not
// take one of them.
func builtIn() []string {
	return []string{"index.html", "portfolio.html", "calendar.html", "reliability.html", "data-quality.html", "board-pack.html", "quarters.html"}
}
