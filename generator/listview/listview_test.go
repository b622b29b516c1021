package listview

import "testing"

func TestInitiativesHref(t *testing.T) {
	tests := []struct {
		root string
		v    Initiatives
		want string
	}{
		{"", Initiatives{}, "initiatives/index.html"},
		{"", Initiatives{Unit: "Distribution", Verdict: "at_risk", Sort: "-spend"}, "initiatives/index.html#unit=Distribution&verdict=at_risk&sort=-spend"},
		{"../", Initiatives{Metric: "KPI-0028"}, "../initiatives/index.html#metric=KPI-0028"},
		{"", Initiatives{Query: "cloud migration", Unit: "R&D / Labs"}, "initiatives/index.html#q=cloud%20migration&unit=R%26D%20%2F%20Labs"},
		{"", Initiatives{Unit: "Zürich=1#2+3"}, "initiatives/index.html#unit=Z%C3%BCrich%3D1%232%2B3"},
		{"", Initiatives{Sort: "name", Category: "run", Verdict: "not_aligned", Query: "x"}, "initiatives/index.html#q=x&category=run&verdict=not_aligned&sort=name"},
		{"", Initiatives{Status: "(blank)", Unit: "(blank)", Metric: "M-1"}, "initiatives/index.html#unit=%28blank%29&status=%28blank%29&metric=M-1"},
	}
	for _, tc := range tests {
		if got := InitiativesHref(tc.root, tc.v); got != tc.want {
			t.Errorf("InitiativesHref(%q, %+v) = %q, want %q", tc.root, tc.v, got, tc.want)
		}
	}
}

func TestIncidentsHref(t *testing.T) {
	tests := []struct {
		root string
		v    Incidents
		want string
	}{
		{"", Incidents{}, "reliability.html#incidents"},
		{"../", Incidents{Severity: "all", Initiative: "INI-005"}, "../reliability.html#severity=all&initiative=INI-005"},
		{"", Incidents{Query: "payments api", Sort: "-severity", Unit: "Retail"}, "reliability.html#q=payments%20api&unit=Retail&sort=-severity"},
	}
	for _, tc := range tests {
		if got := IncidentsHref(tc.root, tc.v); got != tc.want {
			t.Errorf("IncidentsHref(%q, %+v) = %q, want %q", tc.root, tc.v, got, tc.want)
		}
	}
}
