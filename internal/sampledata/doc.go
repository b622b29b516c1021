// Package sampledata generates finance drops: the spreadsheets a finance team
// hands over (an initiative register, an operating plan, wide monthly
// actuals, an incident export and an operational review log), written as
// real .xlsx and .csv files the way planning and ticketing tools export
// them.
//
// [WriteSample] writes the repository's sample company, a distribution and
// field-services business whose data is tuned so that every check of the
// alignment scorecard shows each of its possible results (see README.md for
// which initiative exercises which result). [WriteSynthetic] writes a large
// synthetic company of any size for benchmarks. Both are deterministic: the
// same arguments always produce byte-identical files.
package sampledata
