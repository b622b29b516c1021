package sampledata

import (
	"math"
	"math/rand/v2"
)

// progressAt is the planned progress of m in month i: flat at 0 until
// m.from, then a straight line to m.final at m.to, flat after.
func (m metricDef) progressAt(i int) float64 {
	switch {
	case i <= m.from:
		return 0
	case i >= m.to:
		return m.final
	}
	return m.final * float64(i-m.from) / float64(m.to-m.from)
}

// series returns the monthly actuals of m: the planned path plus noise of
// up to 4% of |target − baseline|, rounded to m.decimals; NaN marks a blank
// month. The last month carries no noise, so the latest progress is exactly
// the planned one and the story does not depend on the seed.
func (m metricDef) series(r *rand.Rand, months int) []float64 {
	span := m.target - m.baseline
	out := make([]float64, months)
	for i := range out {
		noise := (r.Float64()*2 - 1) * 0.04 * math.Abs(span)
		if i == months-1 {
			noise = 0
		}
		out[i] = round(m.baseline+span*m.progressAt(i)+noise, m.decimals)
	}
	for _, b := range m.blank {
		out[b] = math.NaN()
	}
	return out
}

// round rounds v half away from zero to d decimals.
func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}
