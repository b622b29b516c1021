package model

// Band is an inclusive [low, high] range of shares.
type Band [2]float64

// Policy holds every threshold of the scorecard (config `[policy]`).
type Policy struct {
	Split                map[Category]Band
	ImpactGraceDays      int
	MinProgress          float64
	AdoptionTarget       float64
	StabilityCVMax       float64
	ReviewAttendancePass float64
	ReviewAttendanceWarn float64
	BudgetTolerance      float64
	DRMaxAgeDays         int
	AlignedSpendTarget   float64
	// Weights by check id; a check not listed weighs 1.
	Weights map[string]float64
}

// DefaultPolicy returns the policy of scorecard.md's defaults.
func DefaultPolicy() Policy {
	return Policy{
		Split: map[Category]Band{
			Run:       {0.55, 0.75},
			Improve:   {0.15, 0.30},
			Transform: {0.05, 0.20},
		},
		ImpactGraceDays:      90,
		MinProgress:          0.25,
		AdoptionTarget:       0.70,
		StabilityCVMax:       0.15,
		ReviewAttendancePass: 0.75,
		ReviewAttendanceWarn: 0.50,
		BudgetTolerance:      0.10,
		DRMaxAgeDays:         365,
		AlignedSpendTarget:   0.60,
		Weights:              map[string]float64{},
	}
}

// Weight returns the weight of a check id (1 unless configured).
func (p Policy) Weight(check string) float64 {
	if w, ok := p.Weights[check]; ok {
		return w
	}
	return 1
}
