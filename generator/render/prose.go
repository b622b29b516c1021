package render

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// CheckProse returns an initiative's check result as a fragment of a
// sentence (a narrative's check inside running text): its reason without
// the badge and without the technical suffix ("; category transform"),
// with dates written for people, and no closing full stop.
func (rs *resolver) CheckProse(initiative, check string) (string, error) {
	for i := range rs.x.sc.Initiatives {
		ir := &rs.x.sc.Initiatives[i]
		if ir.ID != initiative {
			continue
		}
		for _, c := range ir.Checks {
			if c.ID == check {
				return proseReason(c.Reason), nil
			}
		}
		return "", fmt.Errorf("unknown check %q", check)
	}
	return "", fmt.Errorf("unknown initiative %q", initiative)
}

var (
	isoRange = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})\b`)
	isoDate  = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})\b`)
	isoMonth = regexp.MustCompile(`\bin (\d{4}-\d{2})\b`)
)

// proseReason rewrites a check's reason for a sentence.
func proseReason(r string) string {
	if i := strings.Index(r, "; category "); i >= 0 {
		r = r[:i]
	}
	if rest, ok := strings.CutPrefix(r, "go-live "); ok {
		r = "its go-live on " + rest
	}
	r = isoRange.ReplaceAllStringFunc(r, func(m string) string {
		p := isoRange.FindStringSubmatch(m)
		a, errA := time.Parse("2006-01-02", p[1])
		b, errB := time.Parse("2006-01-02", p[2])
		if errA != nil || errB != nil {
			return m
		}
		if a.Year() == b.Year() {
			return a.Format("2 Jan") + " – " + b.Format("2 Jan 2006")
		}
		return a.Format("2 Jan 2006") + " – " + b.Format("2 Jan 2006")
	})
	r = isoDate.ReplaceAllStringFunc(r, func(m string) string {
		d, err := time.Parse("2006-01-02", m)
		if err != nil {
			return m
		}
		return d.Format("2 Jan 2006")
	})
	r = isoMonth.ReplaceAllStringFunc(r, func(m string) string {
		d, err := time.Parse("2006-01", m[3:])
		if err != nil {
			return m
		}
		return "in " + d.Format("Jan 2006")
	})
	return strings.TrimRight(strings.TrimSpace(r), ".")
}
