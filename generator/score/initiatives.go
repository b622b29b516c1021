package score

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/parallel"
)

// checkFunc computes one per-initiative check: its result and reason.
type checkFunc func(x *index, in *subject) (model.Result, string)

// subject is an initiative with what several checks derive from it,
// computed once.
type subject struct {
	*model.Initiative
	known  []*model.Metric // linked metrics that exist, in listed order, each once
	unit   string          // folded business unit ("all" is a unit like any other here)
	severe []int32         // its severity 1–2 incidents: indexes into index.incidents
	goLive time.Time       // go-live date, midnight UTC; zero when not given
	live   bool            // live at as_of
	grace  bool            // live, and go-live + impact_grace_days ≤ as_of
}

// checkFor returns the function of a per-initiative check id.
func checkFor(id string) checkFunc {
	switch id {
	case model.CheckOutcomeLinked:
		return outcomeLinked
	case model.CheckBusinessOwned:
		return businessOwned
	case model.CheckITEmbedded:
		return itEmbedded
	case model.CheckProcessStable:
		return processStable
	case model.CheckPlanFunded:
		return planFunded
	case model.CheckPeakClear:
		return peakClear
	case model.CheckImpactRealized:
		return impactRealized
	case model.CheckChangeManaged:
		return changeManaged
	case model.CheckStableInOperation:
		return stableInOperation
	}
	return nil
}

// slots are the results' pointed-to values, allocated together for all
// initiatives rather than one by one: ten thousand initiatives would
// otherwise cost forty thousand small allocations.
type slots struct {
	spends   []float64
	statuses []model.Status
	scores   []int
	checks   []model.CheckResult
}

func newSlots(n int) *slots {
	return &slots{
		spends:   make([]float64, n),
		statuses: make([]model.Status, n),
		scores:   make([]int, n),
		checks:   make([]model.CheckResult, n*len(model.Checks)),
	}
}

// scoreInitiative runs the nine checks on initiative i and sums them up. A
// Cancelled initiative is listed but not scored.
func scoreInitiative(x *index, i int, mem *slots) model.InitiativeResult {
	s := &x.subjects[i]
	in := s.Initiative
	r := model.InitiativeResult{
		ID:           in.ID,
		Name:         in.Name,
		Category:     in.Category,
		BusinessUnit: in.BusinessUnit,
		Budget:       in.Budget,
		Verdict:      model.NotScored,
		Source:       in.Source,
	}
	if in.Status != model.StatusNone {
		mem.statuses[i] = in.Status
		r.Status = &mem.statuses[i]
	}
	mem.spends[i] = x.spend(in)
	r.Spend = &mem.spends[i]
	if in.Status == model.StatusCancelled {
		r.Explanation = explain(x, s, &r)
		return r
	}
	n := len(model.Checks)
	r.Checks = mem.checks[i*n : i*n : (i+1)*n]
	for _, c := range model.Checks {
		res, reason := checkFor(c.ID)(x, s)
		r.Checks = append(r.Checks, model.CheckResult{ID: c.ID, Principle: c.Principle, Result: res, Reason: oneLine(reason)})
	}
	if score, ok := scoreOf(r.Checks, x.policy); ok {
		mem.scores[i] = score
		r.Score = &mem.scores[i]
	}
	r.Verdict = verdictOf(r.Checks, r.Score)
	r.Explanation = explain(x, s, &r)
	return r
}

// scoreInitiatives scores every initiative, ordered by id (input order
// among equal ids). The initiatives are scored in as many runs of
// consecutive ones as there are processors (at most one a 256), in
// parallel: each run reads the index through its own copy, with its own
// memos (the only fields a check writes), so the results are those of
// one run over all, slot for slot.
func scoreInitiatives(x *index) []model.InitiativeResult {
	return scoreInitiativesIn(x, parallel.Workers((len(x.subjects)+255)/256))
}

// scoreInitiativesIn is scoreInitiatives in the given number of runs.
func scoreInitiativesIn(x *index, runs int) []model.InitiativeResult {
	out := make([]model.InitiativeResult, len(x.subjects))
	mem := newSlots(len(x.subjects))
	if runs <= 1 {
		for i := range x.subjects {
			out[i] = scoreInitiative(x, i, mem)
		}
	} else {
		// Each run's copy of the index is made here, before any run
		// starts, so no run reads the index while another copies it.
		xs := make([]*index, runs)
		for r := range xs {
			xs[r] = x.withOwnMemos()
		}
		// The calls never fail, so Do's error is always nil.
		_ = parallel.Do(context.Background(), runs, func(_ context.Context, r int) error {
			lo, hi := r*len(out)/runs, (r+1)*len(out)/runs
			for i := lo; i < hi; i++ {
				out[i] = scoreInitiative(xs[r], i, mem)
			}
			return nil
		})
	}
	slices.SortStableFunc(out, func(a, b model.InitiativeResult) int { return cmp.Compare(a.ID, b.ID) })
	return out
}
