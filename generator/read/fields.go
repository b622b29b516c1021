package read

// Field indexes into each table's fields, in schema order (see schema and
// TestFieldIndexes): rows read fields by index, not by name.
const (
	iniID = iota
	iniName
	iniCategory
	iniBusinessUnit
	iniBusinessOwner
	iniITOwner
	iniMetrics
	iniBudget
	iniSpend
	iniPlanLine
	iniStart
	iniGoLive
	iniStatus
	iniRollout
	iniAutomation
	iniProcessStandardized
	iniTrainingPlan
	iniAdoptionOwner
	iniAdoption
	iniRisk
	iniDRTested
)

const (
	metID = iota
	metName
	metKind
	metUnit
	metDirection
	metBaseline
	metTarget
	metOwner
	metBusinessUnit
)

const (
	actMetric = iota
	actPeriod
	actValue
)

const (
	calName = iota
	calStart
	calEnd
	calKind
	calBusinessUnit
)

const (
	plnPlanLine = iota
	plnBusinessUnit
	plnCategory
	plnPeriod
	plnAmount
)

const (
	incID = iota
	incOpened
	incResolved
	incSeverity
	incInitiative
	incBusinessUnit
	incService
)

const (
	revDate = iota
	revBusinessUnit
	revITAttended
)
