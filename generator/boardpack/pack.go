package boardpack

import (
	"slices"

	"github.com/opsalign/opsalign/generator/model"
)

// Input is what a board pack is built from.
type Input struct {
	Scorecard *model.Scorecard
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
	// PrevAnswer is the previous closed quarter's answer ("yes" or "no"),
	// PrevPeriod its period; both "" when no quarter has been closed.
	PrevAnswer, PrevPeriod string
}

// Build makes the board pack of in.Scorecard.
func Build(in Input) *Pack {
	sc := in.Scorecard
	p := &Pack{
		Period:   sc.Period,
		AsOf:     sc.AsOf,
		Currency: sc.Currency,
		Headline: sc.Headline,
		Split:    split(sc),
	}
	p.Sections = sections(sc)
	p.Exceptions = exceptions(sc)
	if in.Previous != nil {
		p.Changes = Compare(in.Previous, sc)
		p.PrevAnswer, p.PrevPeriod = in.Previous.Headline.Answer, in.Previous.Period
		for i, s := range sections(in.Previous) {
			c := s.Counts
			p.Sections[i].Prev = &c
		}
	}
	return p
}

// SplitRow is one category's share of budget and spend against its band.
type SplitRow struct {
	Category model.Category
	Budget   *float64 // share of budget; nil when the total is 0
	Spend    *float64
	Band     model.Band // [0, 0] when the policy sets none
	// Within is true when the budget share lies inside the band, as the
	// split_within_policy check decided.
	Within bool
}

func split(sc *model.Scorecard) []SplitRow {
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
		r := SplitRow{Category: c, Budget: get(s.Budget, c), Spend: get(s.Spend, c)}
		for _, b := range s.Bands {
			if b.Category == c {
				r.Band, r.Within = b.Band, b.Within
			}
		}
		out = append(out, r)
	}
	return out
}

func sortedCopy[T any](s []T, cmp func(a, b T) int) []T {
	out := slices.Clone(s)
	slices.SortStableFunc(out, cmp)
	return out
}
