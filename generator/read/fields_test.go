package read

import "github.com/opsalign/opsalign/generator/model"

// fieldIndexes lists the constants above by table, for the test that
// keeps them in step with schema.
var fieldIndexes = map[model.Table][]struct {
	name string
	idx  int
}{
	model.TableInitiatives: {
		{"id", iniID},
		{"name", iniName},
		{"category", iniCategory},
		{"business_unit", iniBusinessUnit},
		{"business_owner", iniBusinessOwner},
		{"it_owner", iniITOwner},
		{"metrics", iniMetrics},
		{"budget", iniBudget},
		{"spend", iniSpend},
		{"plan_line", iniPlanLine},
		{"start", iniStart},
		{"go_live", iniGoLive},
		{"status", iniStatus},
		{"rollout", iniRollout},
		{"automation", iniAutomation},
		{"process_standardized", iniProcessStandardized},
		{"training_plan", iniTrainingPlan},
		{"adoption_owner", iniAdoptionOwner},
		{"adoption", iniAdoption},
		{"risk", iniRisk},
		{"dr_tested", iniDRTested},
	},
	model.TableMetrics: {
		{"id", metID},
		{"name", metName},
		{"kind", metKind},
		{"unit", metUnit},
		{"direction", metDirection},
		{"baseline", metBaseline},
		{"target", metTarget},
		{"owner", metOwner},
		{"business_unit", metBusinessUnit},
	},
	model.TableActuals: {
		{"metric", actMetric},
		{"period", actPeriod},
		{"value", actValue},
	},
	model.TableCalendar: {
		{"name", calName},
		{"start", calStart},
		{"end", calEnd},
		{"kind", calKind},
		{"business_unit", calBusinessUnit},
	},
	model.TablePlan: {
		{"plan_line", plnPlanLine},
		{"business_unit", plnBusinessUnit},
		{"category", plnCategory},
		{"period", plnPeriod},
		{"amount", plnAmount},
	},
	model.TableIncidents: {
		{"id", incID},
		{"opened", incOpened},
		{"resolved", incResolved},
		{"severity", incSeverity},
		{"initiative", incInitiative},
		{"business_unit", incBusinessUnit},
		{"service", incService},
	},
	model.TableReviews: {
		{"date", revDate},
		{"business_unit", revBusinessUnit},
		{"it_attended", revITAttended},
	},
}
