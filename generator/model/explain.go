package model

// The explanation facts below are decided by the scorer, beside the
// verdicts they explain, so that pages and the board pack say why a
// verdict is what it is and what would change it without deciding it
// again.

// Verdict thresholds of scorecard.md: an initiative is aligned when no
// check fails and its score is at least AlignedMinScore, and not aligned
// when its score is below NotAlignedBelow or a blocking check fails.
const (
	AlignedMinScore = 80
	NotAlignedBelow = 50
)

// BlockingChecks are the checks whose failure makes an initiative not
// aligned whatever its score, in principle order.
var BlockingChecks = []string{CheckOutcomeLinked, CheckImpactRealized, CheckStableInOperation}

// VerdictRule is the verdict rule as the scorer applies it, published so
// that every page states the same rule with the same thresholds.
type VerdictRule struct {
	AlignedMinScore int      `json:"aligned_min_score"`
	NotAlignedBelow int      `json:"not_aligned_below"`
	Blocking        []string `json:"blocking"`
	// Lines state the rule, one verdict a line, best first:
	// "Aligned: no check fails and score ≥ 80".
	Lines []string `json:"lines"`
}

// Explanation says why an initiative has its verdict and what would make
// it aligned.
type Explanation struct {
	// Because is the rule that decided the verdict, in words:
	// "a check fails (peak_clear); aligned needs no failing check and a
	// score ≥ 80".
	Because string `json:"because"`
	// ToAlign are the ids of the checks to lift, in report order, for
	// the initiative to be aligned: every failing check, then the
	// warnings of most weight until the score would reach
	// AlignedMinScore. Each check's Fix says how. Empty when aligned or
	// not scored.
	ToAlign []string `json:"to_align"`
	// Blank lists the blank register fields an initiative is
	// judged without (business_unit, status): a blank unit makes
	// it_embedded n/a, a blank status leaves "live" to the go-live date.
	Blank []string `json:"blank"`
}

// Cell is a cell of an input table: the record's source, the field and
// the column it was read from (Column "" when the field's column is not
// known, as for a field with no column in the sheet).
type Cell struct {
	File   string `json:"file"`
	Sheet  string `json:"sheet"`
	Row    int    `json:"row"`
	Column string `json:"column"`
	Field  string `json:"field"`
}

// Ref is the cell's reference, compiler-style: file:Sheet!F12.
func (c Cell) Ref() string { return Ref(c.File, c.Sheet, c.Row, c.Column) }

// CellOf returns the cell of a field of a record read from s.
func CellOf(s Source, field string) *Cell {
	return &Cell{File: s.File, Sheet: s.Sheet, Row: s.Row, Column: s.Columns[field], Field: field}
}

// IssueEffect says what an issue of the input touches: the initiative or
// metric of its row and the figure it moves, and how to fix it.
type IssueEffect struct {
	// Issue is the index of the issue in Scorecard.Issues.
	Issue int `json:"issue"`
	// Initiative or Metric is the id of the record the issue's row holds;
	// both "" when the issue is about a sheet, a file or a row of another
	// table.
	Initiative string `json:"initiative,omitempty"`
	Metric     string `json:"metric,omitempty"`
	// Figure is the figure the issue moves, in words ("budget USD 640,000
	// counted in totals and aligned spend"); "" when none.
	Figure string `json:"figure"`
	// Fix is what to do about it.
	Fix string `json:"fix"`
}
