package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/export"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/model"
)

// question is the COO's question that the headline answers.
const question = "Does technology execution measurably improve operational performance without increasing risk or instability?"

// build is one Render call's indexes over the input, shared read-only by
// every page job.
type build struct {
	r   *Renderer
	in  Input
	sc  *model.Scorecard
	ds  *model.Dataset
	fmt Formatter

	site *Site

	iniFiles map[string]string // initiative id → file name
	metFiles map[string]string // metric id → file name

	iniRecs    map[string]*model.Initiative // id → record (first of duplicates)
	metRecs    map[string]*model.Metric
	metResults map[string]*model.MetricResult
	metRows    map[*model.MetricResult]MetricRow // every metric's row, built once
	obs        map[string][]model.Observation    // metric id → observations by period end
	incidents  map[string][]model.Incident       // initiative id → incidents by opened

	resolver *resolver

	chrome *chromeCache

	// prev is the quarter closed before the report period (nil: none),
	// prevIni its initiatives by id and changes what changed since.
	prev    *history.Quarter
	prevIni map[string]*model.InitiativeResult
	changes *boardpack.Changes

	trendMu sync.Mutex
	trends  map[string]*trendOnce // metric id → its trend chart, built once
}

// newBuild indexes the input.
func newBuild(r *Renderer, in Input) (*build, error) {
	ds := in.Dataset
	if ds == nil {
		ds = &model.Dataset{}
	}
	sc := in.Scorecard
	b := &build{r: r, in: in, sc: sc, ds: ds, fmt: Formatter{Currency: sc.Currency}, trends: map[string]*trendOnce{}}
	if b.fmt.Currency == "" {
		b.fmt.Currency = in.Config.Currency
	}

	ids := make([]string, 0, len(sc.Initiatives))
	for _, i := range sc.Initiatives {
		ids = append(ids, i.ID)
	}
	b.iniFiles = fileNames(ids)
	ids = ids[:0]
	b.metResults = make(map[string]*model.MetricResult, len(sc.Metrics))
	for i := range sc.Metrics {
		ids = append(ids, sc.Metrics[i].ID)
		if _, dup := b.metResults[sc.Metrics[i].ID]; !dup {
			b.metResults[sc.Metrics[i].ID] = &sc.Metrics[i]
		}
	}
	b.metFiles = fileNames(ids)

	b.iniRecs = make(map[string]*model.Initiative, len(ds.Initiatives))
	for i := range ds.Initiatives {
		if _, dup := b.iniRecs[ds.Initiatives[i].ID]; !dup {
			b.iniRecs[ds.Initiatives[i].ID] = &ds.Initiatives[i]
		}
	}
	b.metRecs = make(map[string]*model.Metric, len(ds.Metrics))
	for i := range ds.Metrics {
		if _, dup := b.metRecs[ds.Metrics[i].ID]; !dup {
			b.metRecs[ds.Metrics[i].ID] = &ds.Metrics[i]
		}
	}
	b.obs = map[string][]model.Observation{}
	for _, o := range ds.Actuals {
		b.obs[o.Metric] = append(b.obs[o.Metric], o)
	}
	for _, os := range b.obs {
		slices.SortStableFunc(os, func(a, b model.Observation) int { return a.End.Compare(b.End) })
	}
	b.incidents = map[string][]model.Incident{}
	for _, inc := range ds.Incidents {
		if inc.Initiative != "" {
			b.incidents[inc.Initiative] = append(b.incidents[inc.Initiative], inc)
		}
	}
	for _, is := range b.incidents {
		slices.SortStableFunc(is, func(a, b model.Incident) int { return a.Opened.Compare(b.Opened) })
	}
	b.metRows = make(map[*model.MetricResult]MetricRow, len(sc.Metrics))
	for i := range sc.Metrics {
		b.metRows[&sc.Metrics[i]] = b.newMetricRow(&sc.Metrics[i])
	}
	if b.prev = history.Previous(in.History, sc); b.prev != nil {
		b.changes = boardpack.Compare(b.prev.Scorecard, sc)
		b.prevIni = make(map[string]*model.InitiativeResult, len(b.prev.Scorecard.Initiatives))
		for i := range b.prev.Scorecard.Initiatives {
			b.prevIni[b.prev.Scorecard.Initiatives[i].ID] = &b.prev.Scorecard.Initiatives[i]
		}
	}
	b.chrome = newChromeCache(r.common)
	b.site = b.newSite()
	b.resolver = &resolver{b: b}
	return b, nil
}

// newSite builds what every page shares.
func (b *build) newSite() *Site {
	cfg := b.in.Config
	s := &Site{
		Title:    cfg.Title,
		Version:  b.in.Version,
		AsOf:     b.sc.AsOf,
		Period:   b.sc.Period,
		Currency: b.fmt.Currency,
		Accent:   cfg.Brand.Accent,
		Logo:     logoPath(b.in.Logo),
		Question: question,
		Headline: b.sc.Headline,
		Sources:  b.ds.Summary.Files,
		Fmt:      b.fmt,
		Closed:   b.closedQuarters(),
		Since:    b.since(),
	}
	if s.Title == "" {
		s.Title = "Operations & IT alignment"
	}
	for _, t := range b.ds.Summary.Tables {
		s.Quality.Excluded += t.Excluded
	}
	for _, is := range b.sc.Issues {
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
	for _, p := range b.contentPages() {
		s.Nav = append(s.Nav, NavItem{"page:" + p.Name, FileStem(p.Name) + ".html", pageTitle(p)})
	}
	return s
}

// frame returns the frame of the page at site path p.
func (b *build) frame(p, title, section string) Frame {
	return Frame{Site: b.site, Root: strings.Repeat("../", strings.Count(p, "/")), Path: p, Title: title, Section: section, chrome: b.chrome}
}

// contentPages returns the narrative pages that become pages of their own:
// not drafts, not _index or board-pack, by weight then name.
func (b *build) contentPages() []ContentPage {
	var out []ContentPage
	for _, p := range b.in.Content {
		if p.Draft || p.Name == "_index" || p.Name == "board-pack" {
			continue
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b ContentPage) int {
		if a.Weight != b.Weight {
			return a.Weight - b.Weight
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// content returns the narrative page named name, if any and not a draft.
func (b *build) content(name string) (ContentPage, bool) {
	for _, p := range b.in.Content {
		if p.Name == name && !p.Draft {
			return p, true
		}
	}
	return ContentPage{}, false
}

// narrative renders a narrative page's body.
func (b *build) narrative(p ContentPage) (template.HTML, error) {
	if b.in.Markdown == nil {
		return "", nil
	}
	h, err := b.in.Markdown(p, b.resolver, b.in.Config.UnsafeHTML)
	if err != nil {
		return "", fmt.Errorf("%s: %w", p.File, err)
	}
	return h, nil
}

func pageTitle(p ContentPage) string {
	if p.Title != "" {
		return p.Title
	}
	return p.Name
}

// builtIn lists the site paths of the fixed pages; a content page may not
// take one of them.
func builtIn() []string {
	return []string{"index.html", "portfolio.html", "calendar.html", "reliability.html", "data-quality.html", "board-pack.html"}
}

// jobs lists every file of the site.
func (b *build) jobs() ([]job, error) {
	var js []job
	// The slowest single files come first, so that no worker is left
	// with one of them while the others have nothing more to do: the
	// workbook, then data/scorecard.json, then the pages that list every
	// initiative; the thousands of small pages fill in around them.
	js = append(js, job{path: "downloads/scorecard.xlsx", run: func(buf *bytes.Buffer) error {
		x, err := export.Workbook(b.sc)
		if err != nil {
			return err
		}
		buf.Write(x)
		return nil
	}, download: true})
	js = append(js, job{path: "data/scorecard.json", run: func(buf *bytes.Buffer) error {
		// What json.Encoder with SetIndent("", "  ") writes.
		src, err := json.Marshal(b.sc)
		if err != nil {
			return err
		}
		buf.Grow(len(src) * 2)
		appendIndented(buf, src)
		buf.WriteByte('\n')
		return nil
	}, download: true})
	page := func(p, kind string, view func() (any, error)) {
		js = append(js, job{path: p, run: func(buf *bytes.Buffer) error {
			v, err := view()
			if err != nil {
				return err
			}
			return b.r.execute(buf, kind, v)
		}})
	}
	// narrative marks the last job as one that embeds narrative.
	narrative := func() { js[len(js)-1].narrative = true }
	page("index.html", kindIndex, b.indexView)
	narrative()
	page("initiatives/index.html", kindInitiatives, b.initiativesView)
	page("metrics/index.html", kindMetrics, b.metricsView)
	page("portfolio.html", kindPortfolio, b.portfolioView)
	page("calendar.html", kindCalendar, b.calendarView)
	page("reliability.html", kindReliability, b.reliabilityView)
	page("data-quality.html", kindDataQuality, b.dataQualityView)
	page("board-pack.html", kindBoardPack, b.boardPackView)
	narrative()

	taken := map[string]string{}
	for _, p := range builtIn() {
		taken[strings.ToLower(p)] = "a built-in page"
	}
	for _, cp := range b.contentPages() {
		p := FileStem(cp.Name) + ".html"
		if by, ok := taken[strings.ToLower(p)]; ok {
			return nil, fmt.Errorf("render: %s: page %s is already %s", cp.File, p, by)
		}
		taken[strings.ToLower(p)] = cp.File
		page(p, kindPage, func() (any, error) { return b.contentView(cp, p) })
		narrative()
	}
	seen := map[string]bool{}
	for i := range b.sc.Initiatives {
		ir := &b.sc.Initiatives[i]
		p := "initiatives/" + b.iniFiles[ir.ID]
		if seen[p] {
			continue // a duplicate id: the first one has the page
		}
		seen[p] = true
		js = append(js, job{path: p, run: func(buf *bytes.Buffer) error { return b.initiativePage(buf, ir, p) }})
	}
	for i := range b.sc.Metrics {
		mr := &b.sc.Metrics[i]
		p := "metrics/" + b.metFiles[mr.ID]
		if seen[p] {
			continue
		}
		seen[p] = true
		page(p, kindMetric, func() (any, error) { return b.metricView(mr, p) })
	}

	if p := logoPath(b.in.Logo); p != "" {
		js = append(js, job{path: p, run: func(buf *bytes.Buffer) error {
			buf.Write(b.in.Logo.Data)
			return nil
		}})
	}
	for _, a := range b.r.assets {
		js = append(js, job{path: a.path, run: func(buf *bytes.Buffer) error {
			buf.Write(a.data)
			return nil
		}})
	}
	return js, nil
}

// logoPath is where the site's logo is written, "" without one.
func logoPath(l *Logo) string {
	if l == nil {
		return ""
	}
	return "assets/brand-logo" + l.Ext
}
