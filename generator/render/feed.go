package render

import (
	"bytes"
	"path"
	"strings"

	"github.com/opsalign/opsalign/generator/feed"
	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/site"
)

// feedJob writes feed.xml: an Atom entry for the report and for each
// quarter closed before it, newest first, titled with the answer
// ("2026-Q3: No") and summed up by its reasons, linking to its board
// pack. Dates are as_of days; links are absolute when the config has a
// base_url and relative to feed.xml otherwise.
func (x *index) feedJob() site.Job {
	return site.Job{Path: "feed.xml", Make: func(buf *bytes.Buffer) error {
		b, err := x.feed().Encode()
		buf.Write(b)
		return err
	}}
}

func (x *index) feed() *feed.Feed {
	base := x.in.Config.BaseURL
	slug := slugOf(x.site.Title)
	entry := func(period, asOf, page, answer, unreadable string, reasons []string) feed.Entry {
		e := feed.Entry{ID: "urn:opsalign:" + slug + ":" + period, Updated: feed.Date(asOf), Link: feed.Link{Href: base + page}}
		switch answer {
		case "yes":
			e.Title = period + ": Yes"
		case "no":
			e.Title = period + ": No"
		default:
			e.Title = period + ": unreadable"
		}
		if unreadable != "" {
			e.Summary = "Closed by another opsalign: " + unreadable + "."
		} else {
			e.Summary = sentencesOf(reasons)
		}
		return e
	}
	f := &feed.Feed{
		ID:      "urn:opsalign:" + slug,
		Title:   x.site.Title,
		Updated: feed.Date(x.sc.AsOf),
		Author:  feed.Person{Name: x.site.Title},
		Links:   []feed.Link{{Rel: "self", Type: "application/atom+xml", Href: base + "feed.xml"}, {Rel: "alternate", Type: "text/html", Href: base + "quarters.html"}},
	}
	f.Entries = append(f.Entries, entry(x.sc.Period, x.sc.AsOf, "board-pack.html", x.sc.Headline.Answer, "", x.sc.Headline.Reasons))
	for i := len(x.in.History) - 1; i >= 0; i-- {
		q := &x.in.History[i]
		if q.Period == x.sc.Period || q.AsOf >= x.sc.AsOf {
			continue
		}
		var answer string
		var reasons []string
		if q.Scorecard != nil {
			answer, reasons = q.Scorecard.Headline.Answer, q.Scorecard.Headline.Reasons
		}
		f.Entries = append(f.Entries, entry(q.Period, q.AsOf, path.Join(history.Dir, q.Period, history.BoardPackFile), answer, q.Unreadable, reasons))
	}
	return f
}

// sentencesOf joins reasons into sentences.
func sentencesOf(rs []string) string {
	var b strings.Builder
	for _, r := range rs {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(r)
		if !strings.HasSuffix(r, ".") {
			b.WriteByte('.')
		}
	}
	return b.String()
}

// slugOf makes a name an id part: lower-case letters and digits, runs of
// anything else one "-" ("northwind-distribution-operations-it-alignment").
func slugOf(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "site"
	}
	return b.String()
}
