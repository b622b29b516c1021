package schema

import (
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// fieldIndexes lists the constants above by table, for the test that
// keeps them in step with
var fieldIndexes = map[model.Table][]struct {
	name string
	idx  int
}{
	model.TableInitiatives: {
		{"id", IniID},
		{"name", IniName},
		{"category", IniCategory},
		{"business_unit", IniBusinessUnit},
		{"business_owner", IniBusinessOwner},
		{"it_owner", IniITOwner},
		{"metrics", IniMetrics},
		{"budget", IniBudget},
		{"spend", IniSpend},
		{"plan_line", IniPlanLine},
		{"start", IniStart},
		{"go_live", IniGoLive},
		{"status", IniStatus},
		{"rollout", IniRollout},
		{"automation", IniAutomation},
		{"process_standardized", IniProcessStandardized},
		{"training_plan", IniTrainingPlan},
		{"adoption_owner", IniAdoptionOwner},
		{"adoption", IniAdoption},
		{"risk", IniRisk},
		{"dr_tested", IniDRTested},
	},
	model.TableMetrics: {
		{"id", MetID},
		{"name", MetName},
		{"kind", MetKind},
		{"unit", MetUnit},
		{"direction", MetDirection},
		{"baseline", MetBaseline},
		{"target", MetTarget},
		{"owner", MetOwner},
		{"business_unit", MetBusinessUnit},
	},
	model.TableActuals: {
		{"metric", ActMetric},
		{"period", ActPeriod},
		{"value", ActValue},
	},
	model.TableCalendar: {
		{"name", CalName},
		{"start", CalStart},
		{"end", CalEnd},
		{"kind", CalKind},
		{"business_unit", CalBusinessUnit},
	},
	model.TablePlan: {
		{"plan_line", PlnPlanLine},
		{"business_unit", PlnBusinessUnit},
		{"category", PlnCategory},
		{"period", PlnPeriod},
		{"amount", PlnAmount},
	},
	model.TableIncidents: {
		{"id", IncID},
		{"opened", IncOpened},
		{"resolved", IncResolved},
		{"severity", IncSeverity},
		{"initiative", IncInitiative},
		{"business_unit", IncBusinessUnit},
		{"service", IncService},
	},
	model.TableReviews: {
		{"date", RevDate},
		{"business_unit", RevBusinessUnit},
		{"it_attended", RevITAttended},
	},
}

func TestFields(t *testing.T) {
	fs := Fields(model.TableInitiatives)
	if len(fs) != 21 || fs[0].Name != "id" || !fs[0].Required || fs[7].Name != "budget" || fs[7].Type != "money" {
		t.Fatalf("Fields(initiatives) = %+v", fs[:min(8, len(fs))])
	}
	fs[0].Aliases[0] = "changed"
	if Fields(model.TableInitiatives)[0].Aliases[0] != "ID" {
		t.Error("Fields returns shared alias slices")
	}
	want := map[model.Table]int{model.TableMetrics: 9, model.TableActuals: 3, model.TableCalendar: 5, model.TablePlan: 5, model.TableIncidents: 7, model.TableReviews: 3}
	for tb, n := range want {
		if got := len(Fields(tb)); got != n {
			t.Errorf("len(Fields(%s)) = %d, want %d", tb, got, n)
		}
	}
	if Fields("nope") != nil && len(Fields("nope")) != 0 {
		t.Error("Fields of an unknown table is not empty")
	}
}

func TestEnumSpellings(t *testing.T) {
	cat := EnumSpellings("category")
	if len(cat) != 3 || cat["run"][1] != "KTLO" {
		t.Errorf("EnumSpellings(category) = %v", cat)
	}
	if len(EnumSpellings("kind")) != len(model.Kinds) {
		t.Errorf("EnumSpellings(kind) has %d values, want %d", len(EnumSpellings("kind")), len(model.Kinds))
	}
	if EnumSpellings("money") != nil {
		t.Error("EnumSpellings(money) is not nil")
	}
}

func TestFieldIndexes(t *testing.T) {
	for tb, want := range fieldIndexes {
		fs := Fields(tb)
		if len(fs) != len(want) {
			t.Errorf("%s: %d fields, %d index constants", tb, len(fs), len(want))
		}
		for _, w := range want {
			if w.idx >= len(fs) || fs[w.idx].Name != w.name {
				t.Errorf("%s: index of %s is %d, but schema has it elsewhere", tb, w.name, w.idx)
			}
		}
	}
	if len(fieldIndexes) != len(model.Tables) {
		t.Errorf("index constants for %d tables, want %d", len(fieldIndexes), len(model.Tables))
	}
}
