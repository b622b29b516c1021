package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/htmlexec"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/narrative"
	"github.com/opsalign/opsalign/generator/pagekey"
)

// question is the COO's question that the headline answers.
const question = "Does technology execution measurably improve operational performance without increasing risk or instability?"

// index is one render's data: the input with the lookups the pages need,
// built once and then only read by the page jobs (each page's view is a
// function of it, see the view*.go files), and what is derived from it
// on first use (a metric's trend chart, the board pack).
type index struct {
	in  Input
	sc  *model.Scorecard
	ds  *model.Dataset
	fmt Formatter

	site *Site

	iniFiles map[string]string // initiative id → file name
	metFiles map[string]string // metric id → file name
	// idLens marks the lengths of the ids of iniFiles, metFiles and
	// listedInc (the last, any length from len(idLens)-1 up): segments
	// looks up only the tokens of those lengths. nil: every token.
	idLens *[65]bool
	// idFirst marks the first bytes of those ids (nil: any byte), which
	// segments checks too: most words of a reason start with another.
	idFirst *[256]bool

	iniRecs    map[string]*model.Initiative // id → record (first of duplicates)
	metRecs    map[string]*model.Metric
	metResults map[string]*model.MetricResult
	metRows    map[*model.MetricResult]MetricRow // every metric's row, built once
	// metPanels are the links of every metric's panel on an initiative
	// page, made once (10,000 pages show 200 metrics).
	metPanels map[*model.MetricResult]panelLinks
	obs       map[string][]model.Observation // metric id → observations by period end
	incidents map[string][]model.Incident    // initiative id → incidents by opened
	listedInc map[string]bool                // ids of the incidents in the reliability page's list
	// iniIssues and metIssues are the warnings and errors of the input
	// on an initiative's or metric's row: indexes into sc.IssueEffects.
	iniIssues, metIssues map[string][]int

	// prev is the quarter closed before the report period (nil: none),
	// prevIni its initiatives by id and changes what changed since.
	prev    *history.Quarter
	prevIni map[string]*model.InitiativeResult
	changes *boardpack.Changes
	// closedIni indexes the initiatives of every readable quarter closed
	// before the report (initiative_quarters.go).
	closedIni []closedInitiatives

	// shared are the engine's shared templates, which write the parts of
	// pages made once per render (a chart's markup, the chrome).
	shared *template.Template
	// sharedRun executes shared (htmlexec), for the charts' markup.
	sharedRun *htmlexec.Set

	// narrate renders a narrative page's body, resolving its figures,
	// charts and tables over this index (see resolver).
	narrate func(narrative.Page) (template.HTML, error)

	trendMu sync.Mutex
	trends  map[string]*trendOnce // metric id → its trend chart, built once

	gistMu sync.Mutex
	gists  map[string]*gist // metric id → what its trend shows (trendGist)

	// keys is the engine's Hasher, for the pages' input keys (inputs.go),
	// with memo for this build's data; ctxKey the key of this build's
	// context, made on first use.
	keys   *pagekey.Hasher
	memo   *pagekey.Memo
	ctxKey contextKey
	// iniKeys are the input keys of the initiatives' pages, by their
	// place in sc.Initiatives, each made once (initiativeInputAt) for
	// its page and its row of the list data; iniLayout the name of the
	// initiative pages' layout.
	iniKeys   []onceKey
	iniLayout string
	// iniRows are the initiatives' rows, by their place in
	// sc.Initiatives, each made once (initiativeRowAt).
	iniRows []onceRow

	// keyed: the build keys its files (Input.Keyed), and the list data
	// keeps its rows in rows, the engine's, for the next keyed build.
	keyed bool
	rows  *listRows
}

// newIndex indexes the input; the engine e executes the templates that
// narrative pages place (charts, tables).
func newIndex(in Input, e *Engine) *index {
	ds := in.Dataset
	if ds == nil {
		ds = &model.Dataset{}
	}
	sc := in.Scorecard
	x := &index{in: in, sc: sc, ds: ds, fmt: Formatter{Currency: sc.Currency}, shared: e.shared, sharedRun: e.sharedRun, trends: map[string]*trendOnce{}, keys: e.layouts.initiative.keys, memo: pagekey.NewMemo(),
		iniKeys: make([]onceKey, len(sc.Initiatives)), iniRows: make([]onceRow, len(sc.Initiatives)), iniLayout: e.layouts.initiative.name, keyed: in.Keyed, rows: &e.rows}
	if x.fmt.Currency == "" {
		x.fmt.Currency = in.Config.Currency
	}

	ids := make([]string, 0, len(sc.Initiatives))
	for _, i := range sc.Initiatives {
		ids = append(ids, i.ID)
	}
	x.iniFiles = fileNames(ids)
	ids = ids[:0]
	x.metResults = make(map[string]*model.MetricResult, len(sc.Metrics))
	for i := range sc.Metrics {
		ids = append(ids, sc.Metrics[i].ID)
		if _, dup := x.metResults[sc.Metrics[i].ID]; !dup {
			x.metResults[sc.Metrics[i].ID] = &sc.Metrics[i]
		}
	}
	x.metFiles = fileNames(ids)
	x.idLens = idLengths(x.iniFiles, x.metFiles)
	x.idFirst = idFirstBytes(x.iniFiles, x.metFiles)
	x.indexIssues()

	x.iniRecs = make(map[string]*model.Initiative, len(ds.Initiatives))
	for i := range ds.Initiatives {
		if _, dup := x.iniRecs[ds.Initiatives[i].ID]; !dup {
			x.iniRecs[ds.Initiatives[i].ID] = &ds.Initiatives[i]
		}
	}
	x.metRecs = make(map[string]*model.Metric, len(ds.Metrics))
	for i := range ds.Metrics {
		if _, dup := x.metRecs[ds.Metrics[i].ID]; !dup {
			x.metRecs[ds.Metrics[i].ID] = &ds.Metrics[i]
		}
	}
	x.obs = map[string][]model.Observation{}
	for _, o := range ds.Actuals {
		x.obs[o.Metric] = append(x.obs[o.Metric], o)
	}
	for _, os := range x.obs {
		slices.SortStableFunc(os, func(a, b model.Observation) int { return a.End.Compare(b.End) })
	}
	x.incidents = map[string][]model.Incident{}
	for _, inc := range ds.Incidents {
		if inc.Initiative != "" {
			x.incidents[inc.Initiative] = append(x.incidents[inc.Initiative], inc)
		}
	}
	for _, is := range x.incidents {
		slices.SortStableFunc(is, func(a, b model.Incident) int { return a.Opened.Compare(b.Opened) })
	}
	// The incidents of the report period are in the reliability page's
	// list: an id of one of them in a reason links to it there.
	x.listedInc = map[string]bool{}
	period := x.reportPeriod()
	for _, inc := range ds.Incidents {
		if period.contains(inc.Opened, in.Config.Location) {
			x.listedInc[inc.ID] = true
			x.idLens[min(len(inc.ID), len(x.idLens)-1)] = true // segments looks them up too
			if inc.ID != "" {
				x.idFirst[inc.ID[0]] = true
			}
		}
	}
	x.metRows = make(map[*model.MetricResult]MetricRow, len(sc.Metrics))
	x.metPanels = make(map[*model.MetricResult]panelLinks, len(sc.Metrics))
	for i := range sc.Metrics {
		mr := &sc.Metrics[i]
		row := x.newMetricRow(mr)
		x.metRows[mr] = row
		x.metPanels[mr] = panelLinks{more: row.Path + "#" + chartID("metric", mr.ID), script: x.trendScriptPath(mr.ID)}
	}
	if x.prev = history.Previous(in.History, sc); x.prev != nil {
		x.changes = boardpack.Compare(x.prev.Scorecard, sc)
		x.prevIni = make(map[string]*model.InitiativeResult, len(x.prev.Scorecard.Initiatives))
		for i := range x.prev.Scorecard.Initiatives {
			x.prevIni[x.prev.Scorecard.Initiatives[i].ID] = &x.prev.Scorecard.Initiatives[i]
		}
	}
	x.indexClosedInitiatives()
	x.site = x.newSite(newChromeCache(e.shared))
	rs := &resolver{e: e, x: x}
	x.narrate = func(p narrative.Page) (template.HTML, error) {
		if in.Markdown == nil {
			return "", nil
		}
		h, err := in.Markdown.Render(p, rs)
		if err != nil {
			return "", fmt.Errorf("%s: %w", p.File, err)
		}
		return h, nil
	}
	return x
}

// newSite builds what every page shares.
func (x *index) newSite(chrome *chromeCache) *Site {
	cfg := x.in.Config
	s := &Site{
		Title:    cfg.Title,
		Version:  x.in.Version,
		AsOf:     x.sc.AsOf,
		Period:   x.sc.Period,
		Currency: x.fmt.Currency,
		Accent:   cfg.Brand.Accent,
		Logo:     logoPath(x.in.Logo),
		Question: question,
		Headline: x.sc.Headline,
		Sources:  x.ds.Summary.Files,
		Fmt:      x.fmt,
		Closed:   x.closedQuarters(),
		Since:    x.since(),
		chrome:   chrome,
	}
	if s.Title == "" {
		s.Title = "Operations & IT alignment"
	}
	for _, r := range x.sc.Headline.Reasons {
		s.Reasons = append(s.Reasons, x.segments(r))
	}
	for _, t := range x.ds.Summary.Tables {
		s.Quality.Excluded += t.Excluded
	}
	for _, is := range x.sc.Issues {
		switch is.Severity {
		case model.SevError:
			s.Quality.Errors++
		case model.SevWarning:
			s.Quality.Warnings++
		}
	}
	s.Nav = []NavItem{
		{"index", "index.html", "Overview"},
		{"initiatives", "initiatives/index.html", "Initiatives"},
		{"metrics", "metrics/index.html", "Metrics"},
		{"portfolio", "portfolio.html", "Portfolio"},
		{"calendar", "calendar.html", "Calendar"},
		{"reliability", "reliability.html", "Reliability"},
		{"data-quality", "data-quality.html", "Data quality"},
		{"board-pack", "board-pack.html", "Board pack"},
	}
	if len(x.in.History) > 0 {
		s.Nav = append(s.Nav, NavItem{"quarters", "quarters.html", "Quarters"})
	}
	for _, p := range narrative.Standalone(x.in.Content) {
		s.Nav = append(s.Nav, NavItem{"page:" + p.Name, FileStem(p.Name) + ".html", pageTitle(p)})
	}
	return s
}

// frame returns the frame of the page at site path p.
func (x *index) frame(p, title, section string) Frame {
	return Frame{Site: x.site, Root: strings.Repeat("../", strings.Count(p, "/")), Path: p, Title: title, Section: section}
}

// content returns the narrative page named name, if any and not a draft.
func (x *index) content(name string) (narrative.Page, bool) {
	for _, p := range x.in.Content {
		if p.Name == name && !p.Draft {
			return p, true
		}
	}
	return narrative.Page{}, false
}

// pageTitle is a narrative page's title, its name when it has none.
func pageTitle(p narrative.Page) string {
	if p.Title != "" {
		return p.Title
	}
	return p.Name
}
