// Package boardpack builds the quarter's board pack: the view model that
// the theme's board-pack.html template renders (a cover with the headline
// answer, one section per principle with its figure and exceptions, the
// exceptions the board must see, and what changed since the last closed
// quarter), and the PDF of the rendered pack printed by a local Chromium.
//
// Build and Compare are pure functions of the scorecard: every fact they
// show (which incidents were change-caused, which go-lives fall in a peak
// window, whether a share lies in its band) is one the scorer decided and
// published. They hold figures, not HTML, so that every text reaches the
// page through html/template's escaping.
package boardpack
