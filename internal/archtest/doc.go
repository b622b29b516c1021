// Package archtest holds tests of the shape of the code rather than of
// what it does: the import graph of opsalign's packages has no cycle, and
// no package imports one of a later stage (read before score before render
// before publish; docs/architecture.md names the stages). It has no code
// of its own.
package archtest
