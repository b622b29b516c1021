package schema

import (
	"strings"

	"github.com/opsalign/opsalign/generator/model"
)

// EnumValue is one value of an enumerated field type with the spellings
// accepted for it, as a person writes them, the usual one first. Matching
// folds case, spaces, "-" and "_".
type EnumValue struct {
	Value     string // as the model holds it: "run", "in_flight"
	Spellings []string
}

// EnumTypes returns the enumerated field types in a fixed order:
// category, status, rollout, risk, kind, direction, window_kind,
// severity and bool.
func EnumTypes() []string {
	return []string{TypeCategory, TypeStatus, TypeRollout, TypeRisk, TypeKind, TypeDirection, TypeWindowKind, TypeSeverity, TypeBool}
}

// enums holds every enumerated type of inputs.md, by type name.
func enums() map[string][]EnumValue {
	kinds := make([]EnumValue, 0, len(model.Kinds))
	for _, k := range model.Kinds {
		kinds = append(kinds, EnumValue{string(k), []string{string(k), strings.ReplaceAll(string(k), "_", " ")}})
	}
	return map[string][]EnumValue{
		TypeCategory: {
			{string(model.Run), []string{"Run", "KTLO", "Keep the lights on", "Maintain", "Sustain", "BAU"}},
			{string(model.Improve), []string{"Improve", "Grow", "Enhance", "Optimise", "Optimize"}},
			{string(model.Transform), []string{"Transform", "Transformation", "Innovate", "Strategic"}},
		},
		TypeStatus: {
			{string(model.StatusProposed), []string{"Proposed", "Idea", "Draft"}},
			{string(model.StatusApproved), []string{"Approved"}},
			{string(model.StatusInFlight), []string{"In Flight", "In Progress", "Active", "Delivery", "Build"}},
			{string(model.StatusLive), []string{"Live", "Done", "Delivered", "Complete", "Completed", "In Production"}},
			{string(model.StatusClosed), []string{"Closed"}},
			{string(model.StatusOnHold), []string{"On Hold", "Paused"}},
			{string(model.StatusCancelled), []string{"Cancelled", "Canceled", "Stopped"}},
		},
		TypeRollout: {
			{string(model.RolloutPhased), []string{"Phased", "Staged", "Wave"}},
			{string(model.RolloutPilot), []string{"Pilot"}},
			{string(model.RolloutBigBang), []string{"Big Bang", "Big-bang", "Single cutover"}},
		},
		TypeRisk: {
			{string(model.RiskLow), []string{"Low", "L", "1"}},
			{string(model.RiskMedium), []string{"Medium", "Med", "M", "2"}},
			{string(model.RiskHigh), []string{"High", "H", "3"}},
		},
		TypeKind: kinds,
		TypeDirection: {
			{string(model.Higher), []string{"higher", "higher is better", "up", "↑", "max", "increase"}},
			{string(model.Lower), []string{"lower", "lower is better", "down", "↓", "min", "decrease"}},
		},
		TypeWindowKind: {
			{string(model.WindowPeak), []string{"Peak", "Peak Period", "Peak Season", "Seasonal Peak"}},
			{string(model.WindowFreeze), []string{"Freeze", "Change Freeze", "Blackout", "Moratorium"}},
			{string(model.WindowClose), []string{"Close", "Quarter Close", "Month End"}},
		},
		TypeSeverity: {
			{"1", []string{"1", "P1", "Sev1", "Sev 1", "S1", "Critical", "1 - Critical"}},
			{"2", []string{"2", "P2", "Sev2", "Sev 2", "S2", "High", "2 - High"}},
			{"3", []string{"3", "P3", "Sev3", "Sev 3", "S3", "Medium", "Moderate", "3 - Moderate"}},
			{"4", []string{"4", "P4", "Sev4", "Sev 4", "S4", "Low", "4 - Low", "5 - Planning"}},
		},
		TypeBool: {
			{"true", []string{"Y", "Yes", "TRUE", "1", "x", "✓", "✔"}},
			{"false", []string{"N", "No", "FALSE", "0"}},
		},
	}
}

// Enum returns the values of an enumerated field type in order, each with
// its spellings; nil for a type that is not enumerated. The result is a
// fresh copy the caller may change.
func Enum(typ string) []EnumValue {
	vals := enums()[typ]
	if vals == nil {
		return nil
	}
	out := make([]EnumValue, len(vals))
	for i, v := range vals {
		out[i] = EnumValue{v.Value, append([]string(nil), v.Spellings...)}
	}
	return out
}

// EnumSpellings returns the accepted spellings of each value of an
// enumerated field type ("category", "status", "rollout", "risk", "kind",
// "direction", "window_kind", "severity", "bool"), keyed by the value the
// model uses: EnumSpellings("category")["run"] holds "Run", "KTLO", ….
// It returns nil for a type that is not enumerated. The result is a fresh
// copy the caller may change.
func EnumSpellings(typ string) map[string][]string {
	vals := Enum(typ)
	if vals == nil {
		return nil
	}
	out := make(map[string][]string, len(vals))
	for _, v := range vals {
		out[v.Value] = v.Spellings
	}
	return out
}
