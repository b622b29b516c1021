package feed

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestEncodeParsesBack(t *testing.T) {
	f := &Feed{
		ID: "urn:opsalign:feed:x", Title: "Northwind <ops> & IT", Updated: Date("2026-09-30"),
		Author: Person{Name: "opsalign"},
		Links:  []Link{{Rel: "self", Type: "application/atom+xml", Href: "feed.xml"}},
		Entries: []Entry{
			{ID: "urn:opsalign:quarter:2026-Q3", Title: "2026-Q3: No", Updated: Date("2026-09-30"), Link: Link{Href: "board-pack.html"}, Summary: "Aligned spend 55% < 60% & \"x\""},
		},
	}
	b, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<feed xmlns="http://www.w3.org/2005/Atom">`) {
		t.Errorf("feed starts %q", b[:80])
	}
	var back Feed
	if err := xml.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.XMLName.Space != NS || back.Title != f.Title || len(back.Entries) != 1 || back.Entries[0] != f.Entries[0] || back.Updated != "2026-09-30T00:00:00Z" {
		t.Errorf("parsed back %+v", back)
	}
	if Date("30/09/2026") != "0001-01-01T00:00:00Z" {
		t.Errorf("Date of no date = %s", Date("30/09/2026"))
	}
}
