package export

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/opsalign/opsalign/generator/model"
)

// initiativesKey is the scorecard's initiatives member as it is written
// with none.
const initiativesKey = `"initiatives":[]`

// chunk is how many initiatives are encoded at a time.
const chunk = 256

// JSON writes the scorecard as the site's data/scorecard.json: compact,
// as json.Encoder writes it, ending in a newline. Compact, not indented:
// at 10,000 initiatives the indentation was 9 MB of the site's 120 MB
// budget (issue 14); jq or a browser shows it indented.
//
// The initiatives, nine tenths of the bytes, are encoded a chunk at a
// time into buf, between the rest of the scorecard encoded without them:
// one Encode of the whole scorecard grew the encoder's own buffer to
// 17.9 MB by doubling, then copied it into buf (a build encodes it once,
// and paid 0.11 s where a warm encoder takes 0.07 s). The bytes are the
// same: encoding/json writes an array's elements each on its own.
func JSON(sc *model.Scorecard, buf *bytes.Buffer) error {
	n := len(sc.Initiatives)
	if n == 0 {
		return json.NewEncoder(buf).Encode(sc)
	}
	rest := *sc
	rest.Initiatives = []model.InitiativeResult{}
	var part bytes.Buffer
	enc := json.NewEncoder(&part)
	if err := enc.Encode(&rest); err != nil {
		return err
	}
	head := bytes.Clone(part.Bytes())
	at := topLevelKey(head, initiativesKey)
	if at < 0 {
		return errors.New("export: the scorecard's JSON has no initiatives member")
	}
	open := at + len(initiativesKey) - 1 // after its [
	buf.Write(head[:open])
	for i := 0; i < n; i += chunk {
		part.Reset()
		if err := enc.Encode(sc.Initiatives[i:min(n, i+chunk)]); err != nil {
			return err
		}
		b := part.Bytes() // [...]\n
		if i == 0 {
			// Room for the rest at the first chunk's bytes per
			// initiative, and a thirty-second more.
			k := min(n, chunk)
			rest := (len(b) - 2) * (n - k) / k
			buf.Grow(rest + rest/32 + len(head) - open)
		} else {
			buf.WriteByte(',')
		}
		buf.Write(b[1 : len(b)-2])
	}
	buf.Write(head[open:])
	return nil
}

// topLevelKey returns the offset in JSON object b of the member that
// starts with key (a quoted name and what follows it), -1 if none: a key
// of b itself, not of an object or array inside it nor inside a string.
func topLevelKey(b []byte, key string) int {
	depth, inString := 0, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '"':
			if depth == 1 && bytes.HasPrefix(b[i:], []byte(key)) {
				return i
			}
			inString = true
		}
	}
	return -1
}
