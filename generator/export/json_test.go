package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// JSON writes what json.Encoder writes: compact, with a final newline.
func TestJSON(t *testing.T) {
	sc := &model.Scorecard{Schema: 1, AsOf: "2026-09-30", Period: "2026-Q3", Currency: "USD",
		Headline:    model.Headline{Answer: "no", Reasons: []string{"<b>&\u2028"}},
		Initiatives: []model.InitiativeResult{{ID: "INI-1", Name: `"quoted" \ name`}}}
	var want bytes.Buffer
	if err := json.NewEncoder(&want).Encode(sc); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := JSON(sc, &got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("JSON:\n%s\nwant:\n%s", got.String(), want.String())
	}
}
