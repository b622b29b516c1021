// Package feed writes an Atom feed (RFC 4287) of a site's quarters:
// feed.xml, one entry per closed quarter and one for the current report,
// which intranet portals and Teams or Outlook connectors can subscribe to.
//
// The feed is deterministic: every date comes from a quarter's as_of,
// never from the clock, so two builds of the same input write the same
// bytes.
package feed

import (
	"bytes"
	"encoding/xml"
	"time"
)

// NS is the Atom namespace.
const NS = "http://www.w3.org/2005/Atom"

// Feed is an Atom feed.
type Feed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  Person   `xml:"author"`
	Links   []Link   `xml:"link"`
	Entries []Entry  `xml:"entry"`
}

// Person is an Atom person construct.
type Person struct {
	Name string `xml:"name"`
}

// Link is an Atom link.
type Link struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

// Entry is one quarter.
type Entry struct {
	ID      string `xml:"id"`
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Link    Link   `xml:"link"`
	Summary string `xml:"summary"`
}

// Date returns the Atom date-time of a YYYY-MM-DD day (midnight UTC), or
// the zero time's when day is no date.
func Date(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		t = time.Time{}
	}
	return t.UTC().Format(time.RFC3339)
}

// Encode writes the feed as XML with its declaration and a final newline.
func (f *Feed) Encode() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
