package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// JSON writes what json.Encoder writes: compact, with a final newline,
// whatever the number of initiatives (chunk boundaries included).
func TestJSON(t *testing.T) {
	small := &model.Scorecard{Schema: 1, AsOf: "2026-09-30", Period: "2026-Q3", Currency: "USD",
		Headline:    model.Headline{Answer: "no", Reasons: []string{"<b>&\u2028", `"initiatives":[]`}},
		Initiatives: []model.InitiativeResult{{ID: "INI-1", Name: `"quoted" \ name "initiatives":[]`}}}
	many := func(n int) *model.Scorecard {
		sc := scorecard()
		base := sc.Initiatives
		sc.Initiatives = nil
		for i := range n {
			in := base[i%len(base)]
			in.ID = fmt.Sprintf("INI-%05d", i)
			in.Name = strings.Repeat("é<", i%7) + in.Name
			sc.Initiatives = append(sc.Initiatives, in)
		}
		return sc
	}
	none := scorecard()
	none.Initiatives = nil
	empty := scorecard()
	empty.Initiatives = []model.InitiativeResult{}
	tests := []struct {
		name string
		sc   *model.Scorecard
	}{
		{"one initiative", small},
		{"hostile workbook scorecard", scorecard()},
		{"initiatives null", none},
		{"initiatives empty", empty},
		{"a chunk", many(chunk)},
		{"a chunk and one", many(chunk + 1)},
		{"three chunks less one", many(3*chunk - 1)},
		{"1000", many(1000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want bytes.Buffer
			if err := json.NewEncoder(&want).Encode(tt.sc); err != nil {
				t.Fatal(err)
			}
			got := bytes.NewBufferString("head")
			if err := JSON(tt.sc, got); err != nil {
				t.Fatal(err)
			}
			if g := got.String(); g != "head"+want.String() {
				t.Errorf("JSON (%d bytes) differs from json.Encoder's (%d bytes)", len(g)-4, want.Len())
				if len(g) < 3000 {
					t.Errorf("JSON:\n%s\nwant:\n%s", g[4:], want.String())
				}
			}
		})
	}
}

// topLevelKey finds a member of the object itself, not one inside a
// nested object or array nor text inside a string.
func TestTopLevelKey(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{`{"initiatives":[]}`, 1},
		{`{"a":{"initiatives":[]},"b":["initiatives",{"initiatives":[]}],"initiatives":[]}`, 63},
		{`{"a":"\"initiatives\":[]","initiatives":[]}`, 26},
		{`{"a":"\\","initiatives":[]}`, 10},
		{`{"a":"\"","initiatives":[]}`, 10},
		{`{"a":"\"\\\"{[","initiatives":[]}`, 16},
		{`{"a":{"initiatives":[]}}`, -1},
		{`{"initiatives":null}`, -1},
		{`{}`, -1},
	}
	for _, tt := range tests {
		if got := topLevelKey([]byte(tt.in), initiativesKey); got != tt.want {
			t.Errorf("topLevelKey(%s) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
