package read

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// enumSpelling lists the spellings of one value of an enumerated type, as
// a person writes them; matching folds case, spaces, "-" and "_".
type enumSpelling struct {
	value     string
	spellings []string
}

// enumTables holds every enumerated type of inputs.md, by type name.
func enumTables() map[string][]enumSpelling {
	kinds := make([]enumSpelling, 0, len(model.Kinds))
	for _, k := range model.Kinds {
		kinds = append(kinds, enumSpelling{string(k), []string{string(k), strings.ReplaceAll(string(k), "_", " ")}})
	}
	return map[string][]enumSpelling{
		typeCategory: {
			{string(model.Run), []string{"Run", "KTLO", "Keep the lights on", "Maintain", "Sustain", "BAU"}},
			{string(model.Improve), []string{"Improve", "Grow", "Enhance", "Optimise", "Optimize"}},
			{string(model.Transform), []string{"Transform", "Transformation", "Innovate", "Strategic"}},
		},
		typeStatus: {
			{string(model.StatusProposed), []string{"Proposed", "Idea", "Draft"}},
			{string(model.StatusApproved), []string{"Approved"}},
			{string(model.StatusInFlight), []string{"In Flight", "In Progress", "Active", "Delivery", "Build"}},
			{string(model.StatusLive), []string{"Live", "Done", "Delivered", "Complete", "Completed", "In Production"}},
			{string(model.StatusClosed), []string{"Closed"}},
			{string(model.StatusOnHold), []string{"On Hold", "Paused"}},
			{string(model.StatusCancelled), []string{"Cancelled", "Canceled", "Stopped"}},
		},
		typeRollout: {
			{string(model.RolloutPhased), []string{"Phased", "Staged", "Wave"}},
			{string(model.RolloutPilot), []string{"Pilot"}},
			{string(model.RolloutBigBang), []string{"Big Bang", "Big-bang", "Single cutover"}},
		},
		typeRisk: {
			{string(model.RiskLow), []string{"Low", "L", "1"}},
			{string(model.RiskMedium), []string{"Medium", "Med", "M", "2"}},
			{string(model.RiskHigh), []string{"High", "H", "3"}},
		},
		typeKind: kinds,
		typeDirection: {
			{string(model.Higher), []string{"higher", "higher is better", "up", "↑", "max", "increase"}},
			{string(model.Lower), []string{"lower", "lower is better", "down", "↓", "min", "decrease"}},
		},
		typeWindowKind: {
			{string(model.WindowPeak), []string{"Peak", "Peak Period", "Peak Season", "Seasonal Peak"}},
			{string(model.WindowFreeze), []string{"Freeze", "Change Freeze", "Blackout", "Moratorium"}},
			{string(model.WindowClose), []string{"Close", "Quarter Close", "Month End"}},
		},
		typeSeverity: {
			{"1", []string{"1", "P1", "Sev1", "Sev 1", "S1", "Critical", "1 - Critical"}},
			{"2", []string{"2", "P2", "Sev2", "Sev 2", "S2", "High", "2 - High"}},
			{"3", []string{"3", "P3", "Sev3", "Sev 3", "S3", "Medium", "Moderate", "3 - Moderate"}},
			{"4", []string{"4", "P4", "Sev4", "Sev 4", "S4", "Low", "4 - Low", "5 - Planning"}},
		},
		typeBool: {
			{"true", []string{"Y", "Yes", "TRUE", "1", "x", "✓", "✔"}},
			{"false", []string{"N", "No", "FALSE", "0"}},
		},
	}
}

// EnumSpellings returns the accepted spellings of each value of an
// enumerated field type ("category", "status", "rollout", "risk", "kind",
// "direction", "window_kind", "severity", "bool"), keyed by the value the
// model uses: EnumSpellings("category")["run"] holds "Run", "KTLO", ….
// It returns nil for a type that is not enumerated. The result is a fresh
// copy the caller may change.
func EnumSpellings(typ string) map[string][]string {
	t, ok := enumTables()[typ]
	if !ok {
		return nil
	}
	out := make(map[string][]string, len(t))
	for _, e := range t {
		out[e.value] = append([]string(nil), e.spellings...)
	}
	return out
}

// enumIndex maps folded spellings to values, per type; built once per Read.
type enumIndex map[string]map[string]string

func newEnumIndex() enumIndex {
	idx := enumIndex{}
	for typ, vals := range enumTables() {
		m := map[string]string{}
		for _, v := range vals {
			for _, s := range v.spellings {
				m[foldValue(s)] = v.value
			}
		}
		// Exact spellings as written, for a lookup without folding.
		for _, v := range vals {
			for _, s := range v.spellings {
				for _, x := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
					if _, ok := m[x]; !ok {
						m[x] = v.value
					}
				}
			}
		}
		idx[typ] = m
	}
	return idx
}

// lookup returns the value a cell names in an enumerated type.
func (ix enumIndex) lookup(typ, s string) (string, bool) { return lookupIn(ix[typ], s) }

// lookupIn looks s up in one type's spellings: as written first, then folded.
func lookupIn(m map[string]string, s string) (string, bool) {
	if v, ok := m[s]; ok {
		return v, true
	}
	v, ok := m[foldValue(cleanSpaces(s))]
	return v, ok
}

// ParseBool reads Y, Yes, TRUE, 1, x, ✓ as true and N, No, FALSE, 0 and
// an empty cell as false.
func ParseBool(s string) (bool, error) {
	switch s {
	case "Y", "Yes", "YES", "yes", "y", "TRUE", "True", "true", "1", "x", "X", "✓":
		return true, nil
	case "N", "No", "NO", "no", "n", "FALSE", "False", "false", "0", "":
		return false, nil
	}
	s = cleanSpaces(s)
	if s == "" {
		return false, nil
	}
	switch foldValue(s) {
	case "y", "yes", "true", "1", "x", "✓", "✔", "t":
		return true, nil
	case "n", "no", "false", "0", "f":
		return false, nil
	}
	return false, fmt.Errorf("%q is not yes or no", s)
}

// parseSeverity reads an incident severity 1–4, also from ServiceNow's
// "3 - Moderate" style and typed numbers.
func parseSeverity(ix enumIndex, s string) (int, bool) {
	if v, ok := ix.lookup(typeSeverity, s); ok {
		n, _ := strconv.Atoi(v)
		return n, true
	}
	f := foldValue(cleanSpaces(s))
	for _, p := range []string{"severity", "priority", "sev", "p", "s"} {
		if rest, ok := strings.CutPrefix(f, p); ok {
			if v, ok := ix.lookup(typeSeverity, rest); ok && allDigits(rest) {
				n, _ := strconv.Atoi(v)
				return n, true
			}
		}
	}
	if v, err := strconv.ParseFloat(f, 64); err == nil && v == float64(int(v)) && v >= 1 && v <= 5 {
		n := int(v)
		if n == 5 {
			n = 4
		}
		return n, true
	}
	return 0, false
}
