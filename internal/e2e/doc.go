// Package e2e holds the end-to-end tests of opsalign: whole sites built
// through the pipeline and opened in headless Chromium (console errors,
// requests, charts, sorting, hostile spreadsheet text), byte-for-byte
// determinism of two builds, and the opsalign binary's publishing and exit
// statuses. It has no code of its own beyond its tests.
package e2e
