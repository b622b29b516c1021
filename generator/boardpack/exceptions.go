package boardpack

import (
	"cmp"
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
	// AtRisk are the initiatives whose verdict is not_aligned or at_risk,
	// largest spend first: the exceptions of the pack's front page.
	AtRisk []NotAligned
}

// NotAligned is one not-aligned initiative.
type NotAligned struct {
	Initiative string
	Name       string
	Unit       string
	Score      *int
	Verdict    model.Verdict
	Spend      *float64
	Failed     []model.CheckResult // its failing checks, in report order
	// Warned are its warning checks, in report order.
	Warned []model.CheckResult
}

func exceptions(sc *model.Scorecard) Exceptions {
	ex := Exceptions{ChangeIncidents: sc.Portfolio.ChangeIncidentList}
	for i := range sc.Initiatives {
		ir := &sc.Initiatives[i]
		if ir.Verdict == model.NotAligned || ir.Verdict == model.AtRisk {
			na := NotAligned{Initiative: ir.ID, Name: ir.Name, Unit: ir.BusinessUnit, Score: ir.Score, Verdict: ir.Verdict, Spend: ir.Spend}
			for _, r := range ir.Checks {
				switch r.Result {
				case model.Fail:
					na.Failed = append(na.Failed, r)
				case model.Warn:
					na.Warned = append(na.Warned, r)
				}
			}
			if ir.Verdict == model.NotAligned {
				ex.NotAligned = append(ex.NotAligned, na)
			}
			ex.AtRisk = append(ex.AtRisk, na)
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
	ex.AtRisk = sortedCopy(ex.AtRisk, func(a, b NotAligned) int {
		return cmp.Or(cmp.Compare(spendOf(b.Spend), spendOf(a.Spend)), cmp.Compare(verdictRank(a.Verdict), verdictRank(b.Verdict)),
			cmp.Compare(a.Initiative, b.Initiative))
	})
	return ex
}

// verdictRank orders not_aligned before at_risk.
func verdictRank(v model.Verdict) int {
	if v == model.NotAligned {
		return 0
	}
	return 1
}
