package render

import (
	"bytes"

	"github.com/opsalign/opsalign/generator/search"
)

// searchJobs are the shards of the search index (package search).
func (x *index) searchJobs() []searchJob {
	return []searchJob{
		{search.InitiativesPath, x.searchInitiatives},
		{search.MetricsPath, x.searchMetrics},
		{search.IncidentsPath, x.searchIncidents},
	}
}

type searchJob struct {
	path string
	make func(*bytes.Buffer) error
}

func (x *index) searchInitiatives(buf *bytes.Buffer) error {
	es := make([]search.Initiative, 0, len(x.sc.Initiatives))
	seen := map[string]bool{}
	for i := range x.sc.Initiatives {
		ir := &x.sc.Initiatives[i]
		if seen[ir.ID] {
			continue // a duplicate id: the first one has the page
		}
		seen[ir.ID] = true
		e := search.Initiative{ID: ir.ID, Name: ir.Name, Unit: ir.BusinessUnit, File: x.iniFiles[ir.ID]}
		if rec := x.iniRecs[ir.ID]; rec != nil {
			e.Owners = owners(rec.BusinessOwner, rec.ITOwner)
		}
		es = append(es, e)
	}
	return search.WriteInitiatives(buf, es)
}

func (x *index) searchMetrics(buf *bytes.Buffer) error {
	es := make([]search.Metric, 0, len(x.sc.Metrics))
	seen := map[string]bool{}
	for i := range x.sc.Metrics {
		mr := &x.sc.Metrics[i]
		if seen[mr.ID] {
			continue
		}
		seen[mr.ID] = true
		es = append(es, search.Metric{ID: mr.ID, Name: mr.Name, Unit: mr.Unit, File: x.metFiles[mr.ID]})
	}
	return search.WriteMetrics(buf, es)
}

// searchIncidents indexes the incidents of the report period, newest
// first, as the incident list holds them.
func (x *index) searchIncidents(buf *bytes.Buffer) error {
	incs := x.periodIncidents()
	es := make([]search.Incident, 0, len(incs))
	for _, inc := range incs {
		es = append(es, search.Incident{ID: inc.ID, Severity: inc.Severity, Service: inc.Service, Unit: inc.BusinessUnit, Initiative: inc.Initiative})
	}
	return search.WriteIncidents(buf, es)
}
