package score

import (
	"fmt"
	"github.com/opsalign/opsalign/generator/money"
	"math"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// verdictRule is the verdict rule as verdictOf applies it, in words.
func verdictRule() model.VerdictRule {
	min, below := model.AlignedMinScore, model.NotAlignedBelow
	return model.VerdictRule{
		AlignedMinScore: min,
		NotAlignedBelow: below,
		Blocking:        model.BlockingChecks,
		Lines: []string{
			fmt.Sprintf("Aligned: no check fails and score ≥ %d", min),
			fmt.Sprintf("At risk: a check fails, or score %d–%d, unless not aligned", below, min-1),
			fmt.Sprintf("Not aligned: score < %d, or %s fails (whatever the score)", below, orList(titles(model.BlockingChecks))),
			"Not scored: status Cancelled",
		},
	}
}

// titles returns the titles of check ids.
func titles(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		for _, c := range model.Checks {
			if c.ID == id {
				out[i] = c.Title
			}
		}
	}
	return out
}

// orList writes "a, b or c".
func orList(ids []string) string {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return ids[0]
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " or " + ids[len(ids)-1]
}

// explain sets the fix and the cell of each check of a scored initiative
// and returns why its verdict is what it is.
func explain(x *index, s *subject, r *model.InitiativeResult) *model.Explanation {
	e := &model.Explanation{ToAlign: []string{}, Blank: []string{}}
	in := s.Initiative
	if strings.TrimSpace(in.BusinessUnit) == "" {
		e.Blank = append(e.Blank, "business_unit")
	}
	if in.Status == model.StatusNone {
		e.Blank = append(e.Blank, "status")
	}
	if in.Status == model.StatusCancelled {
		e.Because = "status Cancelled: a cancelled initiative is listed but not scored"
		return e
	}
	for i := range r.Checks {
		fixCheck(x, s, &r.Checks[i])
	}
	e.Because = because(r)
	if r.Verdict != model.Aligned {
		e.ToAlign = toAlign(x, r)
	}
	return e
}

// because states the rule that decided an initiative's verdict.
func because(r *model.InitiativeResult) string {
	var fails, blocking []string
	for _, c := range r.Checks {
		if c.Result != model.Fail {
			continue
		}
		fails = append(fails, c.ID)
		if isBlocking(c.ID) {
			blocking = append(blocking, c.ID)
		}
	}
	min, below := model.AlignedMinScore, model.NotAlignedBelow
	switch r.Verdict {
	case model.Aligned:
		return fmt.Sprintf("no check fails and score %d ≥ %d", *r.Score, min)
	case model.NotAligned:
		if len(blocking) > 0 {
			return fmt.Sprintf("%s %s, and a failing %s check makes an initiative not aligned whatever its score",
				list(titles(blocking)), noun(len(blocking), "fails", "fail"), orList(titles(model.BlockingChecks)))
		}
		return fmt.Sprintf("score %d < %d", *r.Score, below)
	}
	// At risk.
	var parts []string
	if len(fails) > 0 {
		parts = append(parts, list(titles(fails))+" "+noun(len(fails), "fails", "fail"))
	}
	switch {
	case r.Score == nil:
		parts = append(parts, "no score (every applicable check weighs 0)")
	case *r.Score < min:
		parts = append(parts, fmt.Sprintf("score %d < %d", *r.Score, min))
	case len(fails) > 0:
		parts[0] += fmt.Sprintf(" (score %d)", *r.Score)
	}
	return strings.Join(parts, " and ") + fmt.Sprintf("; aligned needs no failing check and score ≥ %d", min)
}

// isBlocking reports whether a check's failure decides not_aligned.
func isBlocking(id string) bool {
	for _, b := range model.BlockingChecks {
		if b == id {
			return true
		}
	}
	return false
}

// toAlign returns the checks to lift for an initiative to be aligned:
// every failing check, then warnings, heaviest first (report order among
// equal weights), until the score with those checks passing reaches
// AlignedMinScore. With no weight on any applicable check no score can be
// reached; every fail and warn is listed then.
func toAlign(x *index, r *model.InitiativeResult) []string {
	lifted := make([]model.CheckResult, len(r.Checks))
	copy(lifted, r.Checks)
	var need []int
	var warns []int
	for i, c := range lifted {
		switch c.Result {
		case model.Fail:
			lifted[i].Result = model.Pass
			need = append(need, i)
		case model.Warn:
			warns = append(warns, i)
		}
	}
	reached := func() bool {
		sc, ok := scoreOf(lifted, x.policy)
		return ok && sc >= model.AlignedMinScore
	}
	for !reached() && len(warns) > 0 {
		best := 0
		for k, i := range warns {
			if x.policy.Weight(lifted[i].ID) > x.policy.Weight(lifted[warns[best]].ID) {
				best = k
			}
		}
		i := warns[best]
		lifted[i].Result = model.Pass
		need = append(need, i)
		warns = append(warns[:best], warns[best+1:]...)
	}
	out := make([]string, 0, len(need))
	for i := range r.Checks { // report order
		for _, n := range need {
			if n == i {
				out = append(out, r.Checks[i].ID)
			}
		}
	}
	return out
}

// fixCheck sets the fix of a failing or warning check and the cell its
// result turns on.
func fixCheck(x *index, s *subject, c *model.CheckResult) {
	in := s.Initiative
	cell := func(field string) *model.Cell { return model.CellOf(in.Source, field) }
	if c.Result == model.NA {
		switch {
		case c.ID == model.CheckITEmbedded && s.unit == "" && x.present(model.TableReviews):
			c.Cell = cell("business_unit")
		case (c.ID == model.CheckPeakClear && x.present(model.TableCalendar) || c.ID == model.CheckImpactRealized && s.live) && in.GoLive.IsZero():
			c.Cell = cell("go_live")
		}
		return
	}
	if c.Result == model.Pass {
		return
	}
	switch c.ID {
	case model.CheckOutcomeLinked:
		c.Cell = cell("metrics")
		if len(in.Metrics) == 0 {
			c.Fix = "link at least one metric of the metrics table"
		} else {
			c.Fix = "link a metric of the metrics table (" + list(in.Metrics) + " " + noun(len(in.Metrics), "is", "are") + " not in it), or add it there"
		}
	case model.CheckBusinessOwned:
		c.Cell = cell("business_owner")
		if c.Result == model.Fail {
			c.Fix = "name a business owner"
		} else {
			c.Fix = "name a business owner who is not also the IT owner"
		}
	case model.CheckITEmbedded:
		c.Fix = attendanceFix(x, s)
	case model.CheckProcessStable:
		c.Cell = cell("process_standardized")
		c.Fix = "standardise the process before automating it and mark it standardised"
	case model.CheckPlanFunded:
		planFix(x, s, c)
	case model.CheckPeakClear:
		c.Cell = cell("go_live")
		c.Fix = peakFix(x, s)
	case model.CheckImpactRealized:
		c.Fix = impactFix(x, s)
	case model.CheckChangeManaged:
		changeFix(x, s, c)
	case model.CheckStableInOperation:
		stableFix(x, s, c)
	}
}

// attendanceFix says how many more of the unit's reviews IT must attend.
func attendanceFix(x *index, s *subject) string {
	unit := strings.TrimSpace(s.BusinessUnit)
	a := x.attendance[s.unit]
	if a.held == 0 {
		return "record " + unit + "'s operational reviews in the reviews table, with IT attending"
	}
	p := x.policy.ReviewAttendancePass
	need := int(math.Ceil(p*float64(a.held) - 1e-9))
	more := need - a.attended
	if more < 1 {
		more = 1
	}
	return fmt.Sprintf("IT to attend %d more of the %d %s %s in the trailing window (%d of %d reach %s)",
		more, a.held, unit, noun(a.held, "review", "reviews"), need, a.held, pct(p))
}

// planFix says how to fund an initiative from the plan.
func planFix(x *index, s *subject, c *model.CheckResult) {
	in := s.Initiative
	line := strings.TrimSpace(in.PlanLine)
	if line == "" {
		c.Cell, c.Fix = model.CellOf(in.Source, "plan_line"), "name a line of the operating plan"
		return
	}
	if _, ok := x.plan.get(line); !ok {
		c.Cell, c.Fix = model.CellOf(in.Source, "plan_line"), "name a line that is in the operating plan ("+line+" is not)"
		return
	}
	tol := x.policy.BudgetTolerance
	spend := x.spend(in)
	limit := in.Budget * (1 + tol)
	c.Cell = model.CellOf(in.Source, "spend")
	c.Fix = fmt.Sprintf("bring spend down by %s to %s, or raise budget to at least %s",
		money.Exact(spend-limit, x.currency), money.Exact(limit, x.currency), money.Exact(math.Ceil(spend/(1+tol)), x.currency))
}

// peakFix names the nearest go-live dates outside every window the
// initiative is held to.
func peakFix(x *index, s *subject) string {
	hits := x.collisions(s)
	if len(hits) == 0 {
		return ""
	}
	inWindow := func(d time.Time) (time.Time, time.Time, bool) {
		t := *s
		t.goLive = d
		hs := x.collisions(&t)
		if len(hs) == 0 {
			return time.Time{}, time.Time{}, false
		}
		lo, hi := x.peaks[hs[0]].Start.Time, x.peaks[hs[0]].End.Time
		for _, h := range hs[1:] {
			if w := x.peaks[h]; w.Start.Before(lo) {
				lo = w.Start.Time
			}
			if w := x.peaks[h]; w.End.After(hi) {
				hi = w.End.Time
			}
		}
		return lo, hi, true
	}
	before, after := s.goLive, s.goLive
	for i := 0; i < 64; i++ {
		lo, _, in := inWindow(before)
		if !in {
			break
		}
		before = addDays(lo, -1)
	}
	for i := 0; i < 64; i++ {
		_, hi, in := inWindow(after)
		if !in {
			break
		}
		after = addDays(hi, 1)
	}
	names := make([]string, 0, len(hits))
	for _, h := range hits {
		names = append(names, x.peaks[h].Name)
	}
	return fmt.Sprintf("move go-live %s out of %s: to %s or earlier, or %s or later",
		x.date(s.goLive), strings.Join(names, " and "), x.date(before), x.date(after))
}

// impactFix names the value a linked metric must reach.
func impactFix(x *index, s *subject) string {
	minP := x.policy.MinProgress
	var best *model.Metric
	var bestV float64
	for _, m := range s.known {
		o, ok := x.latest(m, x.asOf)
		if !ok || !o.End.After(s.goLive) {
			continue
		}
		p, ok := progress(m, o.Value)
		if !ok {
			continue
		}
		if bp, _ := progressOf(best, bestV); best == nil || p > bp {
			best, bestV = m, o.Value
		}
	}
	if best == nil {
		if len(s.known) == 0 {
			return "link a metric of the metrics table and report its values after go-live " + x.date(s.goLive)
		}
		return "report a value of " + list(metricIDs(s.known)) + " for a period after go-live " + x.date(s.goLive)
	}
	want := best.Baseline + minP*(best.Target-best.Baseline)
	word := "at least"
	if best.Target < best.Baseline {
		word = "at most"
	}
	return fmt.Sprintf("%s to reach %s %s (%s progress toward target %s; latest %s)",
		best.ID, word, num(want), pct(minP), num(best.Target), num(bestV))
}

func progressOf(m *model.Metric, v float64) (float64, bool) {
	if m == nil {
		return 0, false
	}
	return progress(m, v)
}

func metricIDs(ms []*model.Metric) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

// changeFix names the gaps of change management to close.
func changeFix(x *index, s *subject, c *model.CheckResult) {
	in := s.Initiative
	var fixes []string
	first := ""
	add := func(field, fix string) {
		if first == "" {
			first = field
		}
		fixes = append(fixes, fix)
	}
	if c.Result == model.Fail {
		if !in.TrainingPlan {
			add("training_plan", "record a training plan")
		}
		if strings.TrimSpace(in.AdoptionOwner) == "" {
			add("adoption_owner", "name an adoption owner")
		}
		if in.Risk == model.RiskHigh && in.Rollout == model.RolloutBigBang {
			add("rollout", "roll out in phases rather than Big Bang (risk High)")
		}
	} else {
		t := x.policy.AdoptionTarget
		if in.Adoption == nil {
			add("adoption", "report adoption (target "+pct(t)+")")
		} else {
			add("adoption", fmt.Sprintf("raise adoption from %s to at least %s", pct(*in.Adoption), pct(t)))
		}
	}
	if first != "" {
		c.Cell = model.CellOf(in.Source, first)
	}
	c.Fix = strings.Join(fixes, "; ")
}

// stableFix says when the incidents leave the trailing window, or which
// DR test to record.
func stableFix(x *index, s *subject, c *model.CheckResult) {
	in := s.Initiative
	if c.Result == model.Fail {
		var last time.Time
		for _, k := range s.severe {
			if d := x.incidents[k].day; x.trailing.contains(d) && d.After(last) {
				last = d
			}
		}
		if !last.IsZero() {
			c.Fix = fmt.Sprintf("no change to the data lifts it: it passes once its last severity 1–2 incident (%s) leaves the trailing window, as of %s, if no other occurs",
				x.date(last), x.date(addDays(last, trailingDays)))
		}
		return
	}
	c.Cell = model.CellOf(in.Source, "dr_tested")
	c.Fix = fmt.Sprintf("record a DR test dated %s or later", x.date(addDays(x.asOf, -x.policy.DRMaxAgeDays)))
}
