// Package model holds the typed records that flow through the opsalign
// pipeline: the seven input tables of a finance drop (initiatives, metrics,
// actuals, calendar, plan, incidents, reviews), the issues found while reading
// them, the scoring policy, and the scorecard that scoring produces.
//
// The package imports no other opsalign package; every stage depends on it.
package model
