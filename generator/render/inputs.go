package render

import (
	"sync"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/pagekey"
)

// Input keys (site.Job.Input) let serve tell that a page is unchanged
// without making its view: a row edit of one initiative's name changes
// one initiative page of a thousand, and making and keying the views of
// the other 999 was half of the rebuild.
//
// An initiative page's view is a function of the build's context — every
// input of the render but the initiatives' own records and results — and
// of its initiative's record and result and the segments of its check
// reasons (which name the initiatives they mention). Its input key is the
// key of those. A metric's page is made of the context and the names and
// go-lives of the initiatives that claim it; a metric's trend chart
// script, the incident list's data, the metric and incident search
// shards, the metrics list, the portfolio and reliability pages of the
// context alone. When the context changes (an incident, a
// value, the headline, a setting), every input key changes and the pages
// fall back to their views' keys (site.MakeSince).
//
// These lists are by hand: a view that comes to read more of the index
// than they hold must add it to them. TestInputKeys edits the fixture
// field by field and fails when two builds with the same input key of a
// file have different views; pipeline's TestIncrementalEqualsFresh
// compares incremental builds with fresh ones byte for byte.

// pageContext is what the pages of one build share but the initiatives'
// records and results: the key of it is part of every input key.
type pageContext struct {
	Site      *Site
	Config    config.Config
	Dataset   model.Dataset   // with Initiatives nil
	Scorecard model.Scorecard // with Initiatives nil
	// IDs are the initiatives' ids, in order: their file names, and
	// which ids in a text are links.
	IDs     []string
	History []closedContext
}

// closedContext is what a page may show of a closed quarter.
type closedContext struct {
	Period, AsOf, Unreadable string
	Scorecard                *model.Scorecard
}

// contextKey is the key of the build's pageContext, made once.
type contextKey struct {
	once sync.Once
	key  pagekey.Key
	ok   bool
}

// context returns the key of the build's context, made on first use;
// false when it has none (then no page has an input key).
func (x *index) context() (pagekey.Key, bool) {
	c := &x.ctxKey
	c.once.Do(func() {
		if x.keys == nil {
			return
		}
		pc := pageContext{Site: x.site, Config: x.in.Config, Dataset: *x.ds, Scorecard: *x.sc}
		pc.Dataset.Initiatives, pc.Scorecard.Initiatives = nil, nil
		pc.IDs = make([]string, 0, len(x.sc.Initiatives))
		for i := range x.sc.Initiatives {
			pc.IDs = append(pc.IDs, x.sc.Initiatives[i].ID)
		}
		for _, q := range x.in.History {
			pc.History = append(pc.History, closedContext{Period: q.Period, AsOf: q.AsOf, Unreadable: q.Unreadable, Scorecard: q.Scorecard})
		}
		c.key, c.ok = x.keys.OfWith(x.memo, "context", pc)
	})
	return c.key, c.ok
}

// initiativeInputs is what an initiative's page is made of besides the
// context.
type initiativeInputs struct {
	Context pagekey.Key
	Path    string
	Result  *model.InitiativeResult
	Record  *model.Initiative
	// Named are the names of the initiatives its check reasons name by
	// id (segments shows each id with its name), one per id.
	Named []string
}

// initiativeInput returns the input key of the page at site path p of the
// initiative ir, for the layout name.
func (x *index) initiativeInput(name string, ir *model.InitiativeResult, p string) (pagekey.Key, bool) {
	ctx, ok := x.context()
	if !ok {
		return pagekey.Key{}, false
	}
	in := initiativeInputs{Context: ctx, Path: p, Result: ir, Record: x.iniRecs[ir.ID]}
	for _, c := range ir.Checks {
		in.Named = x.named(c.Reason, in.Named)
	}
	return x.keys.OfWith(x.memo, "input:"+name, in)
}

// onceKey is a key made once.
type onceKey struct {
	once sync.Once
	key  pagekey.Key
	ok   bool
}

// initiativeInputAt returns the input key of the page of the initiative
// at place i of the scorecard's (the page of the first of duplicate
// ids), made once a build.
func (x *index) initiativeInputAt(i int) (pagekey.Key, bool) {
	k := &x.iniKeys[i]
	k.once.Do(func() {
		ir := &x.sc.Initiatives[i]
		k.key, k.ok = x.initiativeInput(x.iniLayout, ir, "initiatives/"+x.iniFiles[ir.ID])
	})
	return k.key, k.ok
}

// contextInput returns the input key of a file made from the context
// alone, at site path p.
func (x *index) contextInput(p string) (pagekey.Key, bool) {
	ctx, ok := x.context()
	if !ok {
		return pagekey.Key{}, false
	}
	return x.keys.OfWith(x.memo, "input:"+p, ctx)
}

// claimant is what a metric's page shows of an initiative that claims
// the metric: its name in the list of claimants, and its go-live on the
// chart.
type claimant struct {
	ID     string
	Found  bool // a record of the id was read
	Name   string
	GoLive time.Time
}

// metricInputs is what a metric's page is made of besides the context.
type metricInputs struct {
	Context   pagekey.Key
	Path      string
	ID        string
	Claimants []claimant
}

// metricInput returns the input key of the page at site path p of the
// metric mr (a metric of the context's scorecard), for the layout name.
func (x *index) metricInput(name string, mr *model.MetricResult, p string) (pagekey.Key, bool) {
	ctx, ok := x.context()
	if !ok {
		return pagekey.Key{}, false
	}
	in := metricInputs{Context: ctx, Path: p, ID: mr.ID, Claimants: make([]claimant, 0, len(mr.Initiatives))}
	for _, id := range mr.Initiatives {
		c := claimant{ID: id}
		if rec := x.iniRecs[id]; rec != nil {
			c.Found, c.Name, c.GoLive = true, rec.Name, rec.GoLive
		}
		in.Claimants = append(in.Claimants, c)
	}
	return x.keys.OfWith(x.memo, "input:"+name, in)
}

// named appends to out the name (iniName) of each initiative that text
// names by id, as segments finds the ids.
func (x *index) named(text string, out []string) []string {
	for i, k := range x.idTokens(text) {
		if _, ok := x.iniFiles[text[i:k]]; ok {
			out = append(out, x.iniName(text[i:k]))
		}
	}
	return out
}
