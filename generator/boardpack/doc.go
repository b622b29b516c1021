// Package boardpack builds the quarter's board pack: the view model that
// the theme's board-pack.html template renders (a cover with the headline
// answer, one section per principle with its figure and exceptions, the
// exceptions the board must see, and what changed since the last closed
// quarter), and the PDF of the rendered pack printed by a local Chromium.
//
// Build and Compare are pure functions of the scorecard (and the dataset
// for incidents): they hold figures, not HTML, so that every text reaches
// the page through html/template's escaping.
package boardpack
