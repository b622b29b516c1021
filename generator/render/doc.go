// Package render turns a scored dataset into a static report site held in
// memory: every page of outputs.md as HTML from the theme's html/template
// layouts, the charts as ECharts options built with go-echarts, the
// scorecard as JSON and the theme's static assets.
//
// Templates are parsed once by Parse; Render may then be called any number
// of times (serve re-renders on every save) and renders pages in parallel.
// Render never writes files: it puts them into a site.Sink.
//
// Spreadsheet text is untrusted. It reaches pages only through
// html/template's contextual escaping, and chart options only as JSON with
// <, >, & and U+2028/U+2029 escaped, so a name like
// "</script><script>alert(1)</script>" is shown as text everywhere.
package render
