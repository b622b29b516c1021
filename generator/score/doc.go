// Package score computes the alignment scorecard of scorecard.md from a
// dataset: nine checks, a score and a verdict per initiative, the portfolio
// figures and checks, and the headline answer to the COO's question.
//
// The package is pure: it reads no file and no clock. Everything it needs
// comes in through [Score]'s arguments, and the same arguments always give
// the same, deterministically ordered, Scorecard.
//
// # Choices where the spec leaves room
//
//   - Threshold comparisons allow a tolerance of 1e-9 (see [eps]) so that
//     a share exactly at a threshold (attendance 3/4, a CV of exactly 0.15,
//     spend exactly at budget × 1.10) behaves as when computed by hand.
//   - Metric ids (an initiative's linked metrics, actuals) and initiative
//     ids (incidents) are matched exactly, as the reader matches them when
//     it warns that an id is unknown: an id it warns about is never used,
//     and ids it keeps apart (M-01, m-01) stay apart.
//   - Business units, names and plan-line ids, which the reader does not
//     check, are matched trimmed and case-folded, with runs of whitespace
//     collapsed.
//   - The latest value of a metric at a date is the observation with the
//     latest period end on or before it; of two with the same end (a month
//     and the quarter it closes), the later one in input order wins.
package score
