package boardpack

import (
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
	// ChangeIncidents are the incidents change_incidents counts: severity
	// 1–2, attributed to an initiative, opened in the report period,
	// oldest first.
	ChangeIncidents []model.ChangeIncident
}

// NotAligned is one not-aligned initiative.
type NotAligned struct {
	Initiative string
	Name       string
	Unit       string
	Score      *int
	Failed     []model.CheckResult // its failing checks, in report order
}

func exceptions(sc *model.Scorecard) Exceptions {
	ex := Exceptions{ChangeIncidents: sc.Portfolio.ChangeIncidentList}
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
	return ex
}
