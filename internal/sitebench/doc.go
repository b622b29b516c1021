// Package sitebench measures whole-site builds: the opsalign binary building
// a synthetic company's site from its files into a fresh folder (wall
// time, CPU time, peak RSS), against a naive floor measured in the same
// run — read the register, render each initiative's page with one
// html/template and write it, with no scoring, charts or narrative.
//
// Run it with `make bench` after `make bench-data`.
package sitebench
