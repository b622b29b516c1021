// Package search writes the site's search index: what the search field in
// every page's header finds — initiatives by id, name, unit and owners;
// metrics by id, name and unit; the incidents of the report period by
// number, service and unit — as static script files under data/, one
// shard a kind, which the theme's search script (assets/search.js) loads
// on the field's first focus and searches as the reader types.
//
// Scripts, not JSON: a page opened from file:// may load a script but not
// fetch a file, and the site must work offline. Each shard sets one key
// of window.opsalignData to {"rows": [...]}, a row being an array of
// strings (and, for incidents, the severity) in the order its writer's
// doc gives; a page link is the file name in its folder, as the site
// writes it.
package search

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The shards' site paths.
const (
	InitiativesPath = "data/search-initiatives.js"
	MetricsPath     = "data/search-metrics.js"
	IncidentsPath   = "data/search-incidents.js"
)

// Initiative is an initiative as the search finds it.
type Initiative struct {
	ID, Name, Unit, Owners string
	File                   string // page file name in initiatives/, "INI-001.html"
}

// Metric is a metric as the search finds it.
type Metric struct {
	ID, Name, Unit string
	File           string // page file name in metrics/
}

// Incident is an incident of the report period as the search finds it;
// it links to the reliability page's incident list showing it.
type Incident struct {
	ID         string
	Severity   int
	Service    string
	Unit       string
	Initiative string // id of the initiative it is attributed to, or ""
}

// WriteInitiatives writes the initiatives shard. A row is id, name, unit,
// owners, file.
func WriteInitiatives(buf *bytes.Buffer, es []Initiative) error {
	rows := make([][5]string, len(es))
	for i, e := range es {
		rows[i] = [5]string{e.ID, e.Name, e.Unit, e.Owners, e.File}
	}
	return write(buf, "search-initiatives", rows)
}

// WriteMetrics writes the metrics shard. A row is id, name, unit, file.
func WriteMetrics(buf *bytes.Buffer, es []Metric) error {
	rows := make([][4]string, len(es))
	for i, e := range es {
		rows[i] = [4]string{e.ID, e.Name, e.Unit, e.File}
	}
	return write(buf, "search-metrics", rows)
}

// WriteIncidents writes the incidents shard. A row is number, severity
// (a number), service, unit, initiative id.
func WriteIncidents(buf *bytes.Buffer, es []Incident) error {
	rows := make([][5]any, len(es))
	for i, e := range es {
		rows[i] = [5]any{e.ID, e.Severity, e.Service, e.Unit, e.Initiative}
	}
	return write(buf, "search-incidents", rows)
}

// write writes a shard: a script putting {"rows": rows} into
// window.opsalignData[key]. The JSON encoder escapes <, >, &, U+2028 and
// U+2029, so no text of a spreadsheet can end the script or break it.
func write(buf *bytes.Buffer, key string, rows any) error {
	fmt.Fprintf(buf, "(window.opsalignData=window.opsalignData||{})[%q]=", key)
	b, err := json.Marshal(struct {
		Rows any `json:"rows"`
	}{rows})
	if err != nil {
		return fmt.Errorf("search: %s: %w", key, err)
	}
	buf.Write(b)
	buf.WriteString(";\n")
	return nil
}
