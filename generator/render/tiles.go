package render

import (
	"strconv"

	"github.com/opsalign/opsalign/generator/boardpack"
)

// Tile is one key figure of the overview: its value, the target or band
// it is held to, and its change since the last closed quarter.
type Tile struct {
	Label string
	Value string
	// Target is the target or band the figure is held to ("target ≥
	// 60%"), or what it covers when it has none ("scored initiatives").
	Target string
	// Change is the change since the last closed quarter (nil without
	// one, or when either figure is unknown); Since names that quarter.
	Change *DeltaRow
	Since  string
	Note   string // a remark: the cancelled spend inside a total, an identical figure
}

// tiles are the overview's key figures.
func (x *index) tiles() []Tile {
	p := &x.sc.Portfolio
	f := x.fmt
	deltas := map[string]boardpack.Delta{}
	since := ""
	if x.changes != nil {
		since = x.prev.Period
		for _, d := range x.changes.Figures {
			deltas[d.ID] = d
		}
	}
	tile := func(id, label, value, target string) Tile {
		t := Tile{Label: label, Value: value, Target: target, Since: since}
		if d, ok := deltas[id]; ok && d.Change() != nil {
			row := x.deltaRow(d)
			t.Change = &row
		}
		return t
	}
	spendLabel := "Spend"
	if p.SpendAssumed {
		spendLabel = "Spend (budget assumed)"
	}
	out := []Tile{
		tile("aligned_spend_share", "Aligned spend", f.Pct(p.AlignedSpendShare), "target ≥ "+f.Share(p.AlignedSpendTarget)),
		tile("metrics_improving_share", "Metrics improving", f.Pct(p.MetricsImprovingShare), "target ≥ "+f.Share(p.MetricsImprovingTarget)),
		tile("budget_total", "Budget", f.Compact(p.BudgetTotal), "scored initiatives"),
		tile("spend_total", spendLabel, f.Compact(p.SpendTotal), ""),
		tile("change_incidents", "Change incidents", f.IntP(p.ChangeIncidents), "target 0 · sev 1–2 in "+x.sc.Period),
		tile("mttr_hours", "MTTR", f.Hours(p.MTTRHours), "sev 1–2 in "+x.sc.Period),
	}
	sp := &out[3]
	if p.CancelledCount > 0 {
		sp.Target = "incl. " + f.Compact(p.CancelledSpend) + " sunk cost of " + strconv.Itoa(p.CancelledCount) + " cancelled"
	}
	if d, ok := deltas["spend_total"]; ok && d.Prev != nil && d.Cur != nil && *d.Prev == *d.Cur {
		sp.Change = nil
		sp.Note = "identical to " + since + " to the " + unitWord(x.sc.Currency) + ": was spend updated?"
	}
	return out
}

// unitWord names the smallest unit money is compared in.
func unitWord(currency string) string {
	switch currency {
	case "USD", "AUD", "CAD":
		return "dollar"
	case "EUR":
		return "euro"
	case "GBP":
		return "pound"
	}
	return "unit"
}
