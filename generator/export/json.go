package export

import (
	"bytes"
	"encoding/json"

	"github.com/opsalign/opsalign/generator/model"
)

// JSON writes the scorecard as the site's data/scorecard.json: what
// json.Encoder with SetIndent("", "  ") writes, ending in a newline.
func JSON(sc *model.Scorecard, buf *bytes.Buffer) error {
	src, err := json.Marshal(sc)
	if err != nil {
		return err
	}
	buf.Grow(len(src) * 2)
	appendIndented(buf, src)
	buf.WriteByte('\n')
	return nil
}
