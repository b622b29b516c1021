package export

import (
	"bytes"
	"encoding/json"

	"github.com/opsalign/opsalign/generator/model"
)

// JSON writes the scorecard as the site's data/scorecard.json: compact,
// as json.Encoder writes it, ending in a newline. Compact, not indented:
// at 10,000 initiatives the indentation was 9 MB of the site's 120 MB
// budget (issue 14); jq or a browser shows it indented. The encoder
// writes into buf straight from its own buffer: json.Marshal would return
// a copy of it (17.9 MB at 10,000 initiatives) to be copied again.
func JSON(sc *model.Scorecard, buf *bytes.Buffer) error {
	return json.NewEncoder(buf).Encode(sc)
}
