package render

import (
	"math"

	"github.com/opsalign/opsalign/generator/model"
)

// One colour meaning per site. Run, improve and transform own their
// colours wherever they are drawn; plan, budget and spend are drawn as
// outline, light and dark neutrals (never a category colour); verdicts
// keep green, amber and red; incidents are orange; a metric's own line is
// near-black. Each categorical series also carries an ECharts decal
// pattern (aria.decal), so that series tell apart on a greyscale print.

// categoryColour returns the colour of a run, improve or transform
// series: dark, middle and light in greyscale.
func categoryColour(c model.Category) string {
	switch c {
	case model.Run:
		return "#1f4e79"
	case model.Improve:
		return "#2a9d8f"
	}
	return "#b9a6e0"
}

// Colours of plan, budget and spend: an outline, a light and a dark bar.
const (
	planFill    = "#ffffff"
	planBorder  = "#404040"
	budgetFill  = "#b3b3b3"
	spendFill   = "#3a3a3a"
	policyShade = "rgba(64,64,64,0.10)"
)

// Colours of incidents: change-caused dark, other causes light.
const (
	changeIncidentColour = "#a84300"
	otherIncidentColour  = "#f4b183"
	mttrColour           = "#a84300"
)

// Colours of a metric trend: the metric near-black, the target green, the
// baseline grey, go-lives dashed grey-brown.
const (
	metricColour   = "#262626"
	targetColour   = "#2e7d32"
	baselineColour = "#7f7f7f"
	goLiveColour   = "#8c6d46"
)

// verdictColours colour verdicts best to worst, light to dark in greyscale
// order so they read without colour as well.
func verdictColours() []string {
	return []string{"#2e7d32", "#f9a825", "#c62828", "#9e9e9e"}
}

// maxColumns is the most categories a bar chart draws as columns; more
// become horizontal bars sorted by size, whose labels have a line each.
const maxColumns = 8

// niceScale returns a value axis for [lo, hi]: bounds widened a little
// and rounded out to a step of 1, 2 or 5 times a power of ten, and that
// step, so that ticks read 70, 75, 80, 85 and never 70, 72, 75, 78.
func niceScale(lo, hi float64) (nlo, nhi, step float64) {
	if lo > hi {
		lo, hi = hi, lo
	}
	span := hi - lo
	if span == 0 {
		span = math.Max(math.Abs(hi), 1)
	}
	raw := span / 5
	step = math.Pow(10, math.Floor(math.Log10(raw)))
	switch {
	case raw/step > 5:
		step *= 10
	case raw/step > 2:
		step *= 5
	case raw/step > 1:
		step *= 2
	}
	nlo = math.Floor((lo-span*0.05)/step) * step
	nhi = math.Ceil((hi+span*0.05)/step) * step
	if lo >= 0 && nlo < 0 {
		nlo = 0
	}
	return roundTo(nlo, 6), roundTo(nhi, 6), roundTo(step, 9)
}

// niceRange is niceScale's bounds.
func niceRange(lo, hi float64) (float64, float64) {
	nlo, nhi, _ := niceScale(lo, hi)
	return nlo, nhi
}
