// Package console writes what `opsalign check` prints: the issues one a
// line, compiler-style, a summary of what was read, the headline answer,
// the portfolio figures and a compact verdict table.
package console

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/money"
)

// Question is the COO's question that the headline answers.
const Question = "Does technology execution measurably improve operational performance without increasing risk or instability?"

// Options choose what WriteCheck prints.
type Options struct {
	// Quiet prints only errors and warnings and the headline line.
	Quiet bool
}

// WriteIssues prints every issue, one a line (info ones only when not quiet).
func WriteIssues(w io.Writer, issues []model.Issue, o Options) {
	for _, i := range issues {
		if o.Quiet && i.Severity == model.SevInfo {
			continue
		}
		fmt.Fprintln(w, oneLine(i.String()))
	}
}

// Safe returns s fit to print on a terminal, on one line (see oneLine).
func Safe(s string) string { return oneLine(s) }

// oneLine makes spreadsheet text safe for a terminal: line breaks and tabs
// become spaces, so that one issue is one line, and every other control
// character (escape sequences could recolour or rewrite the terminal)
// becomes U+FFFD, as do the bidirectional embeddings, overrides and
// isolates (U+202A–202E, U+2066–2069), which would make the terminal show
// the rest of a line in another order than it was written ("Trojan
// Source"): a file name or cell could then pass for another.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || isBidiControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate: LRE, RLE, PDF, LRO, RLO (U+202A–202E) and LRI, RLI, FSI, PDI
// (U+2066–2069).
func isBidiControl(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

// WriteCheck prints the whole report of `opsalign check`.
func WriteCheck(w io.Writer, ds *model.Dataset, sc *model.Scorecard, o Options) {
	WriteIssues(w, ds.Issues, o)
	if !o.Quiet {
		writeSummary(w, ds)
	}
	writeHeadline(w, sc)
	if o.Quiet {
		return
	}
	writePortfolio(w, sc)
	writeVerdicts(w, sc)
}

func writeSummary(w io.Writer, ds *model.Dataset) {
	var errs, warns, infos int
	for _, i := range ds.Issues {
		switch i.Severity {
		case model.SevError:
			errs++
		case model.SevWarning:
			warns++
		default:
			infos++
		}
	}
	fmt.Fprintf(w, "\nRead %d file(s): %d error(s), %d warning(s), %d note(s).\n", len(ds.Summary.Files), errs, warns, infos)
	fmt.Fprintf(w, "  files: %s\n", oneLine(strings.Join(ds.Summary.Files, ", ")))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  table\trows used\texcluded\ttotals skipped\tfrom")
	for _, t := range ds.Summary.Tables {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%s\n", t.Table, t.Rows, t.Excluded, t.Skipped, oneLine(strings.Join(t.Sources, ", ")))
	}
	tw.Flush()
	if len(ds.Summary.Ignored) > 0 {
		fmt.Fprintf(w, "  ignored: %s\n", oneLine(strings.Join(ds.Summary.Ignored, ", ")))
	}
}

// WriteRefusal prints the summary of a check that file-level errors
// stopped: the files it read and the files it refused; the errors
// themselves are printed one a line by the caller.
func WriteRefusal(w io.Writer, read, refused []string) {
	fmt.Fprintf(w, "\nRead %d file(s), refused %d; nothing was scored.\n", len(read), len(refused))
	if len(read) > 0 {
		fmt.Fprintf(w, "  read:    %s\n", oneLine(strings.Join(read, ", ")))
	}
	if len(refused) > 0 {
		fmt.Fprintf(w, "  refused: %s\n", oneLine(strings.Join(refused, ", ")))
	}
}

func writeHeadline(w io.Writer, sc *model.Scorecard) {
	fmt.Fprintf(w, "\n%s\n", Question)
	fmt.Fprintf(w, "  %s — as of %s (%s)\n", strings.ToUpper(sc.Headline.Answer), sc.AsOf, sc.Period)
	for _, r := range sc.Headline.Reasons {
		fmt.Fprintf(w, "  - %s\n", oneLine(r))
	}
}

func writePortfolio(w io.Writer, sc *model.Scorecard) {
	p := sc.Portfolio
	fmt.Fprintf(w, "\nPortfolio (%s)\n", sc.Currency)
	spendNote := ""
	if p.SpendAssumed {
		spendNote = " (no spend reported: budget stands in for spend)"
	}
	fmt.Fprintf(w, "  budget %s, spend %s%s\n", Money(p.BudgetTotal), Money(p.SpendTotal), spendNote)
	fmt.Fprintf(w, "  budget split  run %s  improve %s  transform %s\n", Share(p.Split.Budget.Run), Share(p.Split.Budget.Improve), Share(p.Split.Budget.Transform))
	fmt.Fprintf(w, "  spend split   run %s  improve %s  transform %s\n", Share(p.Split.Spend.Run), Share(p.Split.Spend.Improve), Share(p.Split.Spend.Transform))
	fmt.Fprintf(w, "  aligned spend %s, metrics improving %s, change incidents %s, MTTR %s h\n",
		Share(p.AlignedSpendShare), Share(p.MetricsImprovingShare), intOrDash(p.ChangeIncidents), numOrDash(p.MTTRHours))
	v := p.Verdicts
	fmt.Fprintf(w, "  verdicts: %d aligned, %d at risk, %d not aligned, %d not scored\n", v.Aligned, v.AtRisk, v.NotAligned, v.NotScored)
	for _, c := range p.Checks {
		fmt.Fprintf(w, "  %-4s %s: %s\n", c.Result, c.ID, oneLine(c.Reason))
	}
}

// checkAbbrev are the column heads of the verdict table, in model.Checks order.
var checkAbbrev = map[string]string{
	model.CheckOutcomeLinked: "OL", model.CheckBusinessOwned: "BO", model.CheckITEmbedded: "IE",
	model.CheckProcessStable: "PS", model.CheckPlanFunded: "PF", model.CheckPeakClear: "PC",
	model.CheckImpactRealized: "IR", model.CheckChangeManaged: "CM", model.CheckStableInOperation: "SO",
}

func writeVerdicts(w io.Writer, sc *model.Scorecard) {
	fmt.Fprintln(w, "\nInitiatives")
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	head := []string{"  id", "verdict", "score"}
	for _, c := range model.Checks {
		head = append(head, checkAbbrev[c.ID])
	}
	head = append(head, "name")
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, in := range sc.Initiatives {
		row := []string{"  " + oneLine(in.ID), string(in.Verdict), intOrDash(in.Score)}
		res := map[string]model.Result{}
		for _, c := range in.Checks {
			res[c.ID] = c.Result
		}
		for _, c := range model.Checks {
			row = append(row, mark(res[c.ID]))
		}
		row = append(row, oneLine(in.Name))
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	fmt.Fprintln(w, "  legend: + pass, ~ warn, x fail, . n/a; OL outcome_linked, BO business_owned, IE it_embedded, PS process_stable, PF plan_funded, PC peak_clear, IR impact_realized, CM change_managed, SO stable_in_operation")
}

func mark(r model.Result) string {
	switch r {
	case model.Pass:
		return "+"
	case model.Warn:
		return "~"
	case model.Fail:
		return "x"
	case model.NA:
		return "."
	}
	return " "
}

// Money formats an amount with thousands separators and no decimals,
// without a currency (money.Whole).
func Money(v float64) string { return money.Whole(v, "") }

// Share formats a fraction as a percentage with one decimal, "—" for nil.
func Share(v *float64) string {
	if v == nil {
		return "—"
	}
	return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
}

func intOrDash(v *int) string {
	if v == nil {
		return "—"
	}
	return strconv.Itoa(*v)
}

func numOrDash(v *float64) string {
	if v == nil {
		return "—"
	}
	return strconv.FormatFloat(*v, 'f', 1, 64)
}
