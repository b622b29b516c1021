package render

import (
	"reflect"
	"strings"
	"testing"
)

func TestSegments(t *testing.T) {
	x := &index{
		iniFiles: map[string]string{"INI-005": "INI-005.html"},
		metFiles: map[string]string{"M-10": "M-10.html"},
		iniRecs:  nil,
		// INC0040347 is in the incident list (the report period's);
		// INC0000001 is an older incident, not in it.
		listedInc: map[string]bool{"INC0040347": true},
	}
	tests := []struct {
		in   string
		want []Segment
	}{
		{"no ids here", []Segment{{Text: "no ids here"}}},
		{"1 incident: INC0040347 (INI-005, sev 1, 2026-08-17)", []Segment{
			{Text: "1 incident: "},
			{Text: "INC0040347", Path: "reliability.html#q=INC0040347&severity=all", Title: "incident INC0040347 in the list of the quarter's incidents"},
			{Text: " ("}, {Text: "INI-005", Path: "initiatives/INI-005.html", Title: "INI-005"}, {Text: ", sev 1, 2026-08-17)"}}},
		{"severity 1 incident INC0000001 opened 2025-08-02", []Segment{{Text: "severity 1 incident INC0000001 opened 2025-08-02"}}},
		{"M-10 at 71.5", []Segment{{Text: "M-10", Path: "metrics/M-10.html"}, {Text: " at 71.5"}}},
		{"ends with INI-005.", []Segment{{Text: "ends with "}, {Text: "INI-005", Path: "initiatives/INI-005.html", Title: "INI-005"}, {Text: "."}}},
		// only whole tokens: INI-0050 and XINI-005 are other ids
		{"INI-0050 XINI-005", []Segment{{Text: "INI-0050 XINI-005"}}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := x.segments(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("segments(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
	// The same with the lookups limited to the lengths of the ids, and
	// ids of other lengths, one past the last length marked.
	long := "INI-" + strings.Repeat("X", 80)
	x.iniFiles[long], x.iniFiles["I1"] = "long.html", "I1.html"
	x.idLens = idLengths(x.iniFiles, x.metFiles)
	x.idLens[len("INC0040347")] = true // as newIndex marks the listed incidents' ids
	tests = append(tests,
		struct {
			in   string
			want []Segment
		}{"I1 and " + long + " and " + long + "Y", []Segment{{Text: "I1", Path: "initiatives/I1.html", Title: "I1"}, {Text: " and "},
			{Text: long, Path: "initiatives/long.html", Title: long}, {Text: " and " + long + "Y"}}})
	for _, tt := range tests {
		if got := x.segments(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("with idLens: segments(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
	// And with the first bytes of the ids marked too: only tokens that
	// start with one are looked up, a lower-case id among them.
	x.iniFiles["x9"] = "x9.html"
	x.idLens[2] = true
	x.idFirst = idFirstBytes(x.iniFiles, x.metFiles)
	x.idFirst['I'] = true // as newIndex marks the listed incidents' ids
	tests = append(tests,
		struct {
			in   string
			want []Segment
		}{"see x9, y9 and M-10.", []Segment{{Text: "see "}, {Text: "x9", Path: "initiatives/x9.html", Title: "x9"}, {Text: ", y9 and "},
			{Text: "M-10", Path: "metrics/M-10.html"}, {Text: "."}}})
	for _, tt := range tests {
		if got := x.segments(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("with idLens and idFirst: segments(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
	if f := idFirstBytes(map[string]string{"": "", "Ab": "", "ab": ""}); !f['A'] || !f['a'] || f['b'] || f[0] {
		t.Errorf("idFirstBytes: A %v a %v b %v NUL %v", f['A'], f['a'], f['b'], f[0])
	}
}
