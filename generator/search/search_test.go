package search

import (
	"bytes"
	"testing"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
		want  string
	}{
		{"initiatives", func(b *bytes.Buffer) error {
			return WriteInitiatives(b, []Initiative{
				{ID: "INI-001", Name: "Warehouse replatform", Unit: "Distribution", Owners: "Dana / Sam", File: "INI-001.html"},
				{ID: "</script><b>", Name: "a\u2028b & c", File: "x~~1a2b.html"},
			})
		}, `(window.opsalignData=window.opsalignData||{})["search-initiatives"]={"rows":[["INI-001","Warehouse replatform","Distribution","Dana / Sam","INI-001.html"],["\u003c/script\u003e\u003cb\u003e","a\u2028b \u0026 c","","","x~~1a2b.html"]]};` + "\n"},
		{"metrics", func(b *bytes.Buffer) error {
			return WriteMetrics(b, []Metric{{ID: "M-01", Name: "On-time delivery", Unit: "%", File: "M-01.html"}})
		}, `(window.opsalignData=window.opsalignData||{})["search-metrics"]={"rows":[["M-01","On-time delivery","%","M-01.html"]]};` + "\n"},
		{"incidents", func(b *bytes.Buffer) error {
			return WriteIncidents(b, []Incident{{ID: "INC0040347", Severity: 1, Service: "Route Planner", Unit: "Distribution", Initiative: "INI-005"}})
		}, `(window.opsalignData=window.opsalignData||{})["search-incidents"]={"rows":[["INC0040347",1,"Route Planner","Distribution","INI-005"]]};` + "\n"},
		{"none", func(b *bytes.Buffer) error { return WriteIncidents(b, nil) },
			`(window.opsalignData=window.opsalignData||{})["search-incidents"]={"rows":[]};` + "\n"},
	}
	for _, tc := range tests {
		var b bytes.Buffer
		if err := tc.write(&b); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if b.String() != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, b.String(), tc.want)
		}
	}
}
