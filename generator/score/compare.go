package score

import "math"

// eps is the tolerance of every comparison of a computed figure with a
// threshold. Figures are shares, progress and ratios of order 1, so 1e-9 is
// far below any meaningful difference and far above float64 noise: 3/4
// attendance passes a 0.75 threshold and a CV of 0.15000000000000002 passes
// a 0.15 maximum, as a person computing by hand expects.
const eps = 1e-9

// atLeast reports whether x ≥ t, up to eps.
func atLeast(x, t float64) bool { return x >= t-eps }

// atMost reports whether x ≤ t, up to eps.
func atMost(x, t float64) bool { return x <= t+eps }

// positive reports whether x > 0 beyond float noise.
func positive(x float64) bool { return x > eps }

// moneyAbove reports whether a > b for money amounts, with a tolerance
// relative to their size (a cent on a million is noise of the multiplication).
func moneyAbove(a, b float64) bool {
	return a > b+eps*math.Max(1, math.Abs(b))
}

// roundHalfAway rounds x to the nearest integer, halves away from zero,
// treating a value within eps of a half as that half (12.4999999999 from
// float noise rounds like 12.5).
func roundHalfAway(x float64) int {
	return int(math.Round(x + math.Copysign(eps, x)))
}
