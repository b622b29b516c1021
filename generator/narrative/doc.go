// Package narrative reads the markdown pages of a site's content folder and
// renders them to HTML with live values placed in them.
//
// A page is a markdown file with optional TOML front matter between "+++"
// lines (title, weight, draft). Its body is rendered with goldmark (GitHub
// tables, footnotes, typographer, stable heading ids). Inside the body,
// shortcodes place live values supplied by a Resolver:
//
//	{{ figure "aligned_spend_share" }}   a figure, as escaped text
//	{{ check "INI-001" "peak_clear" }}   a check's result, inline HTML
//	{{ chart "split" }}                  a chart, HTML
//	{{ table "exceptions" }}             a table, HTML
//
// A chart or table that stands in a paragraph of its own (or splits one) is
// placed as a block, never inside <p>; anywhere else (a table cell, a list
// item, a heading) a shortcode stays inline. Shortcodes are not expanded in
// code spans, code blocks or raw HTML, and `\{{` writes literal braces.
// An unknown name or a malformed shortcode is an *Error naming the file and
// line.
package narrative
