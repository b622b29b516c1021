package export

import (
	"bytes"
	"encoding/json"

	"github.com/opsalign/opsalign/generator/model"
)

// JSON writes the scorecard as the site's data/scorecard.json: compact,
// as json.Encoder writes it, ending in a newline. Compact, not indented:
// at 10,000 initiatives the indentation was 9 MB of the site's 120 MB
// budget (issue 14); jq or a browser shows it indented.
func JSON(sc *model.Scorecard, buf *bytes.Buffer) error {
	src, err := json.Marshal(sc)
	if err != nil {
		return err
	}
	buf.Write(src)
	buf.WriteByte('\n')
	return nil
}
