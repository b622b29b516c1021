package score

import "time"

// Options are the site settings scoring needs.
type Options struct {
	AsOf            time.Time      // zero: the end of the latest period that has any actual
	FiscalYearStart int            // 1–12
	Location        *time.Location // site time zone (nil = UTC)
	Currency        string
}
