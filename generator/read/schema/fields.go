package schema

// Field indexes into each table's fields, in the order Fields returns them
// (see TestFieldIndexes): the reader reads a row's fields by index, not by
// name.
const (
	IniID = iota
	IniName
	IniCategory
	IniBusinessUnit
	IniBusinessOwner
	IniITOwner
	IniMetrics
	IniBudget
	IniSpend
	IniPlanLine
	IniStart
	IniGoLive
	IniStatus
	IniRollout
	IniAutomation
	IniProcessStandardized
	IniTrainingPlan
	IniAdoptionOwner
	IniAdoption
	IniRisk
	IniDRTested
)

const (
	MetID = iota
	MetName
	MetKind
	MetUnit
	MetDirection
	MetBaseline
	MetTarget
	MetOwner
	MetBusinessUnit
)

const (
	ActMetric = iota
	ActPeriod
	ActValue
)

const (
	CalName = iota
	CalStart
	CalEnd
	CalKind
	CalBusinessUnit
)

const (
	PlnPlanLine = iota
	PlnBusinessUnit
	PlnCategory
	PlnPeriod
	PlnAmount
)

const (
	IncID = iota
	IncOpened
	IncResolved
	IncSeverity
	IncInitiative
	IncBusinessUnit
	IncService
)

const (
	RevDate = iota
	RevBusinessUnit
	RevITAttended
)
