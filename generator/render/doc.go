// Package render turns a scored dataset into the pages of a static report
// site: every page of outputs.md as HTML from the theme's html/template
// layouts, with charts as ECharts options written as JSON data blocks, and the
// theme's static files. The scorecard's downloads (data/scorecard.json,
// downloads/scorecard.xlsx) are made by package export, not here.
//
// The package has two halves:
//
//   - Engine (engine.go, templates.go) is a parsed theme: one layout per
//     page kind, typed by the view it shows (layout[*InitiativeView] for
//     initiative.html), the shared templates (base and partials) and the
//     theme's assets, with caches of template output that depend on the
//     theme alone (partial.go). Parse once, render many: serve keeps one
//     Engine across rebuilds until the theme changes.
//   - index (index.go) is one render's data: the Input with the lookups
//     the pages need. Every page's view is a function of it, in the file
//     named for the page (page_initiative.go holds InitiativeView and
//     index.initiativeView); charts are functions of it too (charts.go,
//     calendar.go), each metric's trend built once.
//
// Engine.Jobs pairs each page's layout with its view function as a
// site.Job (pages.go); the pipeline runs the jobs, with its own, in
// parallel. Narrative pages are rendered by package narrative with a
// resolver (resolver.go) that places the figures, charts and tables a
// page names.
//
// Spreadsheet text is untrusted. It reaches pages only through
// html/template's contextual escaping, and chart options only as JSON with
// <, >, & and U+2028/U+2029 escaped, so a name like
// "</script><script>alert(1)</script>" is shown as text everywhere.
package render
