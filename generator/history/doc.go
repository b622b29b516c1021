// Package history keeps a site's closed quarters (`opsalign close PERIOD`).
//
// A closed quarter is a folder history/PERIOD/ of the site folder holding
// scorecard.json, the rendered board-pack.html with the assets it
// references, and manifest.json: the SHA-256 of every input file and of
// every frozen file, the opsalign version and as_of. The scorecard of a
// closed quarter is computed as of the quarter's last day, whatever the
// site's as_of, so that it shows the quarter exactly as it ended.
//
// A closed quarter is never rewritten except by an explicit force, and
// builds copy history/ into the site byte for byte (CopyTo). Load returns
// the closed quarters for quarter-over-quarter comparison.
package history

// Dir is the folder of closed quarters, relative to the site folder (and
// to the built site).
const Dir = "history"

// Names of the files of a closed quarter.
const (
	ManifestFile  = "manifest.json"
	ScorecardFile = "scorecard.json"
	BoardPackFile = "board-pack.html"
	// DecisionsFile is the quarter's decisions (package decisions), frozen
	// from the build's data/decisions.json when its board pack has any.
	DecisionsFile = "decisions.json"
)

// ScorecardSource is the site path of the scorecard a closed quarter
// freezes as ScorecardFile.
const ScorecardSource = "data/scorecard.json"
