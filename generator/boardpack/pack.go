package boardpack

import (
	"slices"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// Input is what a board pack is built from.
type Input struct {
	Scorecard *model.Scorecard
	// Dataset supplies the incidents behind change_incidents; nil leaves
	// the change-caused incident list empty.
	Dataset *model.Dataset
	Policy  model.Policy
	// FiscalYearStart and Location place incidents in the report period
	// as the scorer does (month 1–12; nil means UTC).
	FiscalYearStart int
	Location        *time.Location
	// Previous is the latest quarter closed before this one; nil when no
	// quarter has been closed.
	Previous *model.Scorecard
}

// Pack is the board pack's view model.
type Pack struct {
	Period   string
	AsOf     string
	Currency string
	Headline model.Headline
	// Sections holds one section per principle, 1 to 9.
	Sections []Section
	// Split is the run/improve/transform split against the policy bands
	// (principle 5).
	Split []SplitRow
	// Exceptions are what the board must see.
	Exceptions Exceptions
	// Changes compares with the previous closed quarter; nil when there is
	// none.
	Changes *Changes
}

// Build makes the board pack of in.Scorecard.
func Build(in Input) *Pack {
	sc := in.Scorecard
	p := &Pack{
		Period:   sc.Period,
		AsOf:     sc.AsOf,
		Currency: sc.Currency,
		Headline: sc.Headline,
		Split:    split(sc, in.Policy),
	}
	p.Sections = sections(sc)
	p.Exceptions = exceptions(in)
	if in.Previous != nil {
		p.Changes = Compare(in.Previous, sc)
	}
	return p
}

// SplitRow is one category's share of budget and spend against its band.
type SplitRow struct {
	Category model.Category
	Budget   *float64 // share of budget; nil when the total is 0
	Spend    *float64
	Band     model.Band
	// Within is true when the budget share lies inside the band.
	Within bool
}

func split(sc *model.Scorecard, pol model.Policy) []SplitRow {
	s := sc.Portfolio.Split
	get := func(sh model.Shares, c model.Category) *float64 {
		switch c {
		case model.Run:
			return sh.Run
		case model.Improve:
			return sh.Improve
		}
		return sh.Transform
	}
	out := make([]SplitRow, 0, len(model.Categories))
	for _, c := range model.Categories {
		r := SplitRow{Category: c, Budget: get(s.Budget, c), Spend: get(s.Spend, c), Band: pol.Split[c]}
		r.Within = r.Budget != nil && *r.Budget >= r.Band[0] && *r.Budget <= r.Band[1]
		out = append(out, r)
	}
	return out
}

func sortedCopy[T any](s []T, cmp func(a, b T) int) []T {
	out := slices.Clone(s)
	slices.SortStableFunc(out, cmp)
	return out
}
