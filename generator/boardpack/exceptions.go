package boardpack

import (
	"cmp"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// Exceptions are the lists the board must see.
type Exceptions struct {
	// NotAligned are the initiatives with verdict not_aligned, by id, with
	// their failing checks.
	NotAligned []NotAligned
	// PeakCollisions are go-lives inside a peak or freeze window (the
	// peak_clear check warns or fails).
	PeakCollisions []Exception
	// OwnershipGaps are initiatives without a business owner, or whose
	// business owner is the IT owner.
	OwnershipGaps []Exception
	// ChangeIncidents are the severity 1–2 incidents attributed to an
	// initiative and opened in the report period, oldest first.
	ChangeIncidents []Incident
}

// NotAligned is one not-aligned initiative.
type NotAligned struct {
	Initiative string
	Name       string
	Unit       string
	Score      *int
	Failed     []model.CheckResult // its failing checks, in report order
}

// Incident is one change-caused incident.
type Incident struct {
	ID         string
	Opened     time.Time
	Resolved   time.Time // zero while open
	Severity   int
	Initiative string // the initiative id as the scorecard spells it
	Service    string
	Source     model.Source
}

// Hours is the time to resolve, in hours; nil while open.
func (i Incident) Hours() *float64 {
	if i.Resolved.IsZero() {
		return nil
	}
	h := i.Resolved.Sub(i.Opened).Hours()
	return &h
}

func exceptions(in Input) Exceptions {
	sc := in.Scorecard
	var ex Exceptions
	for i := range sc.Initiatives {
		ir := &sc.Initiatives[i]
		if ir.Verdict == model.NotAligned {
			na := NotAligned{Initiative: ir.ID, Name: ir.Name, Unit: ir.BusinessUnit, Score: ir.Score}
			for _, r := range ir.Checks {
				if r.Result == model.Fail {
					na.Failed = append(na.Failed, r)
				}
			}
			ex.NotAligned = append(ex.NotAligned, na)
		}
		for _, r := range ir.Checks {
			if r.Result != model.Warn && r.Result != model.Fail {
				continue
			}
			e := Exception{Initiative: ir.ID, Name: ir.Name, Unit: ir.BusinessUnit, Check: r.ID, Result: r.Result, Reason: r.Reason}
			switch r.ID {
			case model.CheckPeakClear:
				ex.PeakCollisions = append(ex.PeakCollisions, e)
			case model.CheckBusinessOwned:
				ex.OwnershipGaps = append(ex.OwnershipGaps, e)
			}
		}
	}
	ex.ChangeIncidents = changeIncidents(in)
	return ex
}

// changeIncidents lists the incidents behind the change_incidents figure.
func changeIncidents(in Input) []Incident {
	if in.Dataset == nil {
		return nil
	}
	loc := in.Location
	if loc == nil {
		loc = time.UTC
	}
	ids := map[string]string{} // exact and folded id -> scorecard id
	for i := range in.Scorecard.Initiatives {
		id := in.Scorecard.Initiatives[i].ID
		if _, dup := ids[fold(id)]; !dup {
			ids[fold(id)] = id
		}
	}
	for i := range in.Scorecard.Initiatives {
		id := in.Scorecard.Initiatives[i].ID
		ids[id] = id
	}
	var out []Incident
	for _, inc := range in.Dataset.Incidents {
		if inc.Severity < 1 || inc.Severity > 2 || inc.Initiative == "" {
			continue
		}
		id, ok := ids[inc.Initiative]
		if !ok {
			id, ok = ids[fold(inc.Initiative)]
		}
		if !ok {
			continue
		}
		d := inc.Opened.In(loc)
		day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		if model.QuarterOf(day, in.FiscalYearStart).String() != in.Scorecard.Period {
			continue
		}
		out = append(out, Incident{ID: inc.ID, Opened: inc.Opened, Resolved: inc.Resolved, Severity: inc.Severity,
			Initiative: id, Service: inc.Service, Source: inc.Source})
	}
	return sortedCopy(out, func(a, b Incident) int {
		return cmp.Or(a.Opened.Compare(b.Opened), cmp.Compare(a.ID, b.ID))
	})
}

// fold is how ids are compared when they do not match exactly.
func fold(id string) string { return strings.ToLower(strings.TrimSpace(id)) }
