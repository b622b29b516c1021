// Package listview names views of the site's list pages — the initiatives
// list and the reliability page's incident list — as links: the filters,
// search words and sort order a list shows, written in the page address's
// fragment ("initiatives/index.html#unit=Distribution&verdict=at_risk&sort=-spend").
// The theme's list script reads the fragment when the page opens and
// writes it back as the reader filters and sorts, so a view can be kept,
// reloaded and sent on; Go code (the board pack's "and N more") builds
// the same links here.
//
// The fragment is a list of key=value pairs joined by "&", in the order
// of the fields below, each value percent-encoded (every byte but
// A–Z a–z 0–9 - _ . ~); a field left empty is left out, and the default
// view has no fragment at all.
package listview

import "strings"

// InitiativesPath is the site path of the initiatives list.
const InitiativesPath = "initiatives/index.html"

// IncidentsPath is the site path of the page with the incident list.
const IncidentsPath = "reliability.html"

// Blank is the filter value of a blank field: initiatives without a
// business unit, or without a status.
const Blank = "(blank)"

// Initiatives is a view of the initiatives list. Each filter is exact but
// Query, which matches words of an initiative's id, name, unit and owners.
type Initiatives struct {
	Query    string // q: words every shown initiative contains
	Unit     string // unit: business unit name; "(blank)" for none
	Category string // category: run, improve or transform
	Verdict  string // verdict: aligned, at_risk, not_aligned or not_scored
	Status   string // status: proposed, approved, in_flight, live, closed, on_hold, cancelled; "(blank)" for none
	Metric   string // metric: id of a metric the initiative claims
	// Sort is the key of the column to sort by, "-" before it for
	// descending: id, name, unit, category, owners, budget, spend,
	// score, verdict or a check id (plan_funded). Empty is by id.
	Sort string
}

// Fragment is the view as a URL fragment with its "#", "" for the
// default view.
func (v Initiatives) Fragment() string {
	return fragment([][2]string{
		{"q", v.Query}, {"unit", v.Unit}, {"category", v.Category},
		{"verdict", v.Verdict}, {"status", v.Status}, {"metric", v.Metric}, {"sort", v.Sort},
	})
}

// InitiativesHref links to the initiatives list showing v from a page
// whose root prefix (the Root of its frame: "" or "../") is root.
func InitiativesHref(root string, v Initiatives) string {
	return root + InitiativesPath + v.Fragment()
}

// Incidents is a view of the reliability page's incident list, which
// holds the incidents opened in the report period.
type Incidents struct {
	Query string // q: words of an incident's number, service, unit or initiative
	// Severity is "1-2" (the default when empty), "all", or one
	// severity, "1" to "4".
	Severity   string
	Unit       string // unit: business unit name
	Initiative string // initiative: id of the initiative it is attributed to
	// Sort is a column key, "-" before it for descending: id, severity,
	// opened, resolved, initiative, unit, service. Empty is newest first
	// ("-opened").
	Sort string
}

// Fragment is the view as a URL fragment with its "#", "" for the
// default view.
func (v Incidents) Fragment() string {
	return fragment([][2]string{
		{"q", v.Query}, {"severity", v.Severity}, {"unit", v.Unit},
		{"initiative", v.Initiative}, {"sort", v.Sort},
	})
}

// IncidentsHref links to the incident list showing v (on the reliability
// page, at its list) from a page whose root prefix is root.
func IncidentsHref(root string, v Incidents) string {
	f := v.Fragment()
	if f == "" {
		f = "#incidents"
	}
	return root + IncidentsPath + f
}

// fragment joins the non-empty pairs.
func fragment(kv [][2]string) string {
	var b strings.Builder
	for _, p := range kv {
		if p[1] == "" {
			continue
		}
		if b.Len() == 0 {
			b.WriteByte('#')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(p[0])
		b.WriteByte('=')
		escape(&b, p[1])
	}
	return b.String()
}

// escape percent-encodes every byte of s but the unreserved ones, as
// JavaScript's encodeURIComponent does but for ! ' ( ) *, which it keeps.
func escape(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}
