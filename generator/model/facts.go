package model

import (
	"fmt"
	"time"
)

// The facts below are decided by the scorer and published in the
// scorecard, so that pages and the board pack show them without deciding
// them again: which incidents change_incidents counts, which peak or
// freeze window a go-live falls in, how a business unit matches a window's
// unit, and whether a category's budget share lies inside its band.

// ChangeIncident is a severity 1–2 incident attributed to an initiative of
// the register (its id matched exactly) and opened in the report period:
// one of the incidents Portfolio.ChangeIncidents counts.
type ChangeIncident struct {
	ID         string    `json:"id"`
	Initiative string    `json:"initiative"` // the initiative's id as the register spells it
	Severity   int       `json:"severity"`
	Opened     time.Time `json:"opened"`
	// Resolved is nil while the incident is open.
	Resolved *time.Time `json:"resolved"`
	Service  string     `json:"service"`
	Source   Source     `json:"source"`
}

// SplitBand is one category's policy band of budget share
// ([policy.split]) and whether the category's share lies inside it, as
// the split_within_policy check decides (bounds inclusive).
type SplitBand struct {
	Category Category `json:"category"`
	Band     Band     `json:"band"`
	// Within is false when there is no budget to split.
	Within bool `json:"within"`
}

// Calendar is the calendar as the peak_clear check reads it.
type Calendar struct {
	// Windows are the peak and freeze windows, in the order read.
	Windows []CalendarWindow `json:"windows"`
	// Collisions are the go-lives inside a window of their unit (or of
	// every unit), by initiative in the register's order, then by window
	// in the order read. Cancelled initiatives are left out, as the check
	// does not score them.
	Collisions []Collision `json:"collisions"`
	// UnitKeys maps each business unit of the register, as written, to
	// the key units are matched by: trimmed, case-folded, inner runs of
	// white space made one space.
	UnitKeys map[string]string `json:"unit_keys"`
}

// CalendarWindow is a peak or freeze window.
type CalendarWindow struct {
	Name string     `json:"name"`
	Kind WindowKind `json:"kind"`
	// BusinessUnit is the window's unit as written, trimmed; "" for a
	// window of every unit (empty or "All").
	BusinessUnit string `json:"business_unit"`
	// UnitKey is the key of BusinessUnit (see Calendar.UnitKeys); "" for
	// a window of every unit.
	UnitKey string `json:"unit_key"`
	Start   Date   `json:"start"`
	End     Date   `json:"end"` // inclusive
	Source  Source `json:"source"`
}

// Collision is a go-live that falls in a peak or freeze window.
type Collision struct {
	Initiative string   `json:"initiative"`
	GoLive     Date     `json:"go_live"`
	Category   Category `json:"category"`
	// Window is the index of the window in Calendar.Windows.
	Window int `json:"window"`
}

// Date is a day, written as "2026-11-20" in JSON.
type Date struct{ time.Time }

// DateOf returns the day of t (its year, month and day, at midnight UTC).
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return Date{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// String writes the day as 2026-11-20, "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MarshalJSON writes the day as "2026-11-20", null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads a day written by MarshalJSON.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	t, err := time.Parse(`"`+time.DateOnly+`"`, string(b))
	if err != nil {
		return fmt.Errorf("date %s: %w", b, err)
	}
	*d = Date{t}
	return nil
}
