package sampledata

import "time"

// The sample company: Northwind Distribution, a distribution and
// field-services business with four business units. Everything here is
// hand-written so that the scorecard tells the story of README.md.

// Business units of the sample company.
const (
	buDistribution = "Distribution"
	buField        = "Field Services"
	buCustomer     = "Customer Operations"
	buShared       = "Shared Services"
)

// sampleUnits lists the business units in report order.
var sampleUnits = []string{buDistribution, buField, buCustomer, buShared}

// sampleAsOf is the as_of date the sample is tuned for.
var sampleAsOf = day("2026-09-30")

// sampleFirstMonth is the first month of actuals (24 months to 2026-09).
var sampleFirstMonth = day("2024-10-01")

// sampleMonths is the number of months of actuals.
const sampleMonths = 24

// day parses an ISO date; it is only used on literals.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// metricDef is one metric of the sample and the path its actuals follow.
type metricDef struct {
	id, name, kind, unit string
	direction            string // as finance spells it; "" leaves it implied
	baseline, target     float64
	owner, unit2         string  // accountable owner, business unit
	final                float64 // progress at as_of
	from, to             int     // months (0 = 2024-10) over which progress moves to final
	decimals             int
	blank                []int // months left empty
}

var sampleMetrics = []metricDef{
	{id: "M-01", name: "Order-to-ship cycle time", kind: "Cycle time", unit: "hours", direction: "Lower is better",
		baseline: 38, target: 24, owner: "Marcus Oyelaran", unit2: buDistribution, final: 0.62, from: 8, to: 22, decimals: 1},
	{id: "M-02", name: "Lines picked per labour hour", kind: "Throughput", unit: "lines/hour", direction: "Higher is better",
		baseline: 92, target: 115, owner: "Marcus Oyelaran", unit2: buDistribution, final: 0.45, from: 9, to: 23, decimals: 1},
	{id: "M-03", name: "Cost per order shipped", kind: "Cost per transaction", unit: "USD", direction: "↓",
		baseline: 4.85, target: 4.10, owner: "Dana Whitfield", unit2: buDistribution, final: 0.30, from: 12, to: 23, decimals: 2},
	{id: "M-04", name: "On-time in-full (OTIF)", kind: "On-time delivery", unit: "%", direction: "Higher",
		baseline: 91.5, target: 96, owner: "Dana Whitfield", unit2: buDistribution, final: -0.15, from: 14, to: 23, decimals: 1},
	{id: "M-05", name: "Service fleet availability", kind: "Reliability", unit: "%", direction: "higher",
		baseline: 95.2, target: 98, owner: "Tomás Reyes", unit2: buField, final: 0.55, from: 7, to: 20, decimals: 1},
	{id: "M-06", name: "Jobs completed per technician-day", kind: "throughput", unit: "jobs", direction: "up",
		baseline: 3.6, target: 4.2, owner: "Helen Brandt", unit2: buField, final: 0.12, from: 12, to: 23, decimals: 2},
	{id: "M-07", name: "Mean time to restore customer equipment", kind: "Recovery time", unit: "hours", direction: "Lower",
		baseline: 6.5, target: 4.0, owner: "Tomás Reyes", unit2: buField, final: 0.40, from: 10, to: 23, decimals: 2},
	{id: "M-08", name: "Supplier invoice error rate", kind: "Error rate", unit: "%", direction: "Lower is better",
		baseline: 2.8, target: 1.2, owner: "Gwen Holloway", unit2: buShared, final: 0.70, from: 6, to: 20, decimals: 2},
	{id: "M-09", name: "Manual touches per 100 invoices", kind: "Manual effort", unit: "touches", direction: "",
		baseline: 46, target: 20, owner: "Raj Patel", unit2: buShared, final: 0.50, from: 5, to: 18, decimals: 1},
	{id: "M-10", name: "Demand forecast accuracy", kind: "Forecast accuracy", unit: "%", direction: "Higher is better",
		baseline: 72, target: 82, owner: "Priya Raman", unit2: buDistribution, final: -0.05, from: 12, to: 23, decimals: 1, blank: []int{9}},
	{id: "M-11", name: "Customer operations running cost", kind: "Operating cost", unit: "USD k/month", direction: "",
		baseline: 1850, target: 1600, owner: "Aisha Karimi", unit2: buCustomer, final: -0.30, from: 16, to: 23, decimals: 0, blank: []int{0, 1, 2}},
	{id: "M-12", name: "Average handle time", kind: "cycle_time", unit: "minutes", direction: "down",
		baseline: 9.4, target: 7.5, owner: "Ben Lacroix", unit2: buCustomer, final: 0.08, from: 10, to: 23, decimals: 2},
}

// initiativeDef is one row of the sample register. Dates left zero are
// blank cells; text holds cells written as text instead of typed values
// (keyed by field name), the way people type into a register.
type initiativeDef struct {
	id, name, category, unit   string
	bizOwner, itOwner, metrics string
	budget, spend              float64
	planLine                   string
	start, goLive              string
	status, rollout            string
	automation, sop, training  string
	changeLead                 string
	adoption                   float64 // -1 when not reported
	risk, drTested             string
	comment                    string
	text                       map[string]string
	budgetFormula              string // budget typed as a formula, saved with its result
	serialStart                bool   // start typed as a bare serial number, its date format lost
}

// People of the sample company.
const (
	coo      = "Margaret Oduya"
	dana     = "Dana Whitfield"
	marcus   = "Marcus Oyelaran"
	priya    = "Priya Raman"
	tomas    = "Tomás Reyes"
	helen    = "Helen Brandt"
	aisha    = "Aisha Karimi"
	ben      = "Ben Lacroix"
	gwen     = "Gwen Holloway"
	raj      = "Raj Patel"
	sam      = "Sam Okafor"
	wei      = "Wei Chen"
	lena     = "Lena Fischer"
	jordan   = "Jordan Mills"
	olivia   = "Olivia Grant"
	kofi     = "Kofi Mensah"
	carlos   = "Carlos Mendes"
	ines     = "Inês Duarte"
	noReport = -1
)

var sampleInitiatives = []initiativeDef{
	{id: "INI-001", name: "Warehouse management system replatform", category: "Transform", unit: buDistribution,
		bizOwner: dana, itOwner: sam, metrics: "M-01, M-02", budget: 4_900_000, spend: 4_350_000, planLine: "OP-DIS-TRN",
		start: "2025-04-01", goLive: "2026-11-20", status: "In Flight", rollout: "Phased", automation: "N", training: "Y",
		changeLead: marcus, adoption: noReport, risk: "High", comment: "Cutover weekend agreed with DC GMs"},
	{id: "INI-002", name: "Pick-path slotting optimisation", category: "Improve", unit: buDistribution,
		bizOwner: marcus, itOwner: sam, metrics: "M-02", budget: 650_000, spend: 610_000, planLine: "OP-DIS-IMP",
		start: "2025-03-03", goLive: "2025-09-15", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: priya, adoption: 0.84, risk: "Medium"},
	{id: "INI-003", name: "Dock scheduling portal", category: "Improve", unit: buDistribution,
		bizOwner: marcus, itOwner: sam, metrics: "M-01", budget: 480_000, spend: 452_300, planLine: "OP-DIS-IMP",
		start: "2024-12-02", goLive: "2025-06-02", status: "Live", rollout: "Pilot", automation: "N", training: "Y",
		changeLead: marcus, adoption: 0.78, risk: "Low", text: map[string]string{"adoption": "78%"}},
	{id: "INI-004", name: "Demand sensing forecast model", category: "Transform", unit: buDistribution,
		bizOwner: priya, itOwner: wei, metrics: "M-10", budget: 1_600_000, spend: 1_720_000, planLine: "OP-DIS-TRN",
		start: "2025-01-13", goLive: "2025-11-03", status: "Live", rollout: "Phased", automation: "Y", sop: "Y", training: "Y",
		changeLead: priya, adoption: 0.55, risk: "Medium", comment: "Planners still override the model weekly"},
	{id: "INI-005", name: "Route optimisation engine", category: "Transform", unit: buDistribution,
		bizOwner: dana, itOwner: sam, metrics: "M-03; M-04", budget: 2_100_000, spend: 2_250_000, planLine: "OP-DIS-TRN",
		start: "2025-07-07", goLive: "2026-06-08", status: "Live", rollout: "Big Bang", automation: "Y", sop: "Y", training: "Y",
		changeLead: carlos, adoption: 0.91, risk: "High", drTested: "2026-05-20", comment: "P1 on 17 Aug: manifests not published"},
	{id: "INI-006", name: "Yard management telematics", category: "Improve", unit: buDistribution,
		bizOwner: marcus, itOwner: sam, metrics: "M-01", budget: 900_000, spend: 310_000, planLine: "OP-DIS-IMP",
		start: "2026-03-02", goLive: "2026-10-19", status: "In Flight", rollout: "Phased", automation: "N", training: "N",
		adoption: noReport, risk: "Medium"},
	{id: "INI-007", name: "Label printer fleet refresh", category: "KTLO", unit: buDistribution,
		bizOwner: marcus, itOwner: kofi, metrics: "M-01", budget: 900_000, spend: 884_500, planLine: "OP-DIS-RUN",
		start: "2024-11-04", goLive: "2025-03-10", status: "Closed", rollout: "Wave", automation: "N", training: "N",
		adoption: noReport, risk: "Low"},
	{id: "INI-008", name: "DC network and Wi-Fi lifecycle", category: "Run", unit: buDistribution,
		bizOwner: dana, itOwner: kofi, metrics: "M-02", budget: 3_200_000, spend: 3_050_000, planLine: "OP-DIS-RUN",
		start: "2025-06-02", goLive: "2026-01-03", status: "Live", rollout: "Phased", automation: "N", training: "N",
		adoption: noReport, risk: "Medium", comment: "Cutover moved into the freeze by the carrier",
		text: map[string]string{"goLive": "03/01/2026"}},
	{id: "INI-009", name: "Inventory accuracy RFID pilot", category: "Improve", unit: buDistribution,
		bizOwner: priya, itOwner: sam, metrics: "M-10", budget: 1_100_000, spend: 320_000, planLine: "OP-DIS-IMP",
		start: "2025-05-05", status: "Cancelled", rollout: "Pilot", automation: "N", training: "Y", changeLead: priya,
		adoption: noReport, risk: "Medium", comment: "Stopped at gate 2: tag read rates below 92%"},
	{id: "INI-010", name: "Voice picking for chilled zone", category: "Improve", unit: buDistribution,
		bizOwner: marcus, itOwner: sam, metrics: "M-02", budget: 720_000, spend: 690_000, planLine: "OP-DIS-IMP",
		start: "2025-10-06", goLive: "2026-03-02", status: "Live", rollout: "Pilot", automation: "Y", sop: "N", training: "Y",
		changeLead: marcus, adoption: 0.73, risk: "Medium"},
	{id: "INI-011", name: "Field service mobile app v3", category: "Improve", unit: buField,
		bizOwner: tomas, itOwner: lena, metrics: "M-06", budget: 850_000, spend: 880_000, planLine: "OP-FS-IMP",
		start: "2025-03-03", goLive: "2025-10-06", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: helen, adoption: 0.81, risk: "Medium"},
	{id: "INI-012", name: "Technician scheduling optimiser", category: "Transform", unit: buField,
		bizOwner: helen, itOwner: lena, metrics: "M-06\nM-07", budget: 1_400_000, spend: 1_380_000, planLine: "OP-FS-TRN",
		start: "2025-06-02", goLive: "2026-03-30", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: helen, adoption: 0.62, risk: "High", drTested: "2025-06-10"},
	{id: "INI-013", name: "Van telematics and predictive maintenance", category: "Improve", unit: buField,
		bizOwner: tomas, itOwner: lena, metrics: "M-05", budget: 950_000, spend: 902_000, planLine: "OP-FS-IMP",
		start: "2024-10-07", goLive: "2025-05-12", status: "Live", rollout: "Phased", automation: "Y", sop: "Y", training: "Y",
		changeLead: helen, adoption: 0.88, risk: "Medium"},
	{id: "INI-014", name: "Parts inventory visibility", category: "Improve", unit: buField,
		bizOwner: lena, itOwner: lena, metrics: "M-07", budget: 420_000, spend: 401_000, planLine: "OP-FS-IMP",
		start: "2025-02-03", goLive: "2025-08-04", status: "Live", rollout: "Pilot", automation: "N", training: "Y",
		changeLead: helen, adoption: 0.74, risk: "Low", comment: "Sponsor to be confirmed by Field Services"},
	{id: "INI-015", name: "Field radio network upgrade", category: "Run", unit: buField,
		bizOwner: tomas, itOwner: kofi, metrics: "M-05", budget: 2_400_000, spend: 2_200_000, planLine: "OP-FS-RUN",
		start: "2024-10-14", goLive: "2025-02-10", status: "Live", rollout: "Phased", automation: "N", training: "N",
		adoption: noReport, risk: "High", drTested: "2026-02-14"},
	{id: "INI-016", name: "Customer self-booking for service visits", category: "Improve", unit: buField,
		bizOwner: helen, itOwner: lena, metrics: "M-06", budget: 600_000, spend: 80_000, planLine: "OP-FS-IMP",
		start: "2026-09-07", goLive: "2027-02-01", status: "Approved", rollout: "Pilot", automation: "N", training: "Y",
		changeLead: helen, adoption: noReport, risk: "Low"},
	{id: "INI-017", name: "Field service ERP module upgrade", category: "Run", unit: buField,
		bizOwner: tomas, itOwner: lena, metrics: "M-07", budget: 2_800_000, spend: 1_900_000,
		start: "2026-01-12", status: "In Flight", rollout: "Big Bang", automation: "N", training: "Y",
		adoption: noReport, risk: "Medium", comment: "Go-live TBC; funding line not yet agreed"},
	{id: "INI-018", name: "Contact centre platform migration", category: "Transform", unit: buCustomer,
		bizOwner: aisha, itOwner: jordan, metrics: "M-11; M-12", budget: 1_300_000, spend: 1_410_000, planLine: "OP-CO-TRN",
		start: "2025-05-05", goLive: "2026-02-23", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: ben, adoption: 0.66, risk: "High", drTested: "2026-01-20"},
	{id: "INI-019", name: "IVR self-service redesign", category: "Improve", unit: buCustomer,
		bizOwner: ben, itOwner: jordan, metrics: "M-12", budget: 550_000, spend: 520_000, planLine: "OP-CO-IMP",
		start: "2025-01-06", goLive: "2025-07-14", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: ben, adoption: 0.72, risk: "Low"},
	{id: "INI-020", name: "Customer operations workforce management", category: "Improve", unit: buCustomer,
		bizOwner: aisha, itOwner: jordan, metrics: "M-11", budget: 700_000, spend: 740_000, planLine: "OP-CO-IMP",
		start: "2025-04-07", goLive: "2025-11-10", status: "Live", rollout: "Big Bang", automation: "N", training: "Y",
		changeLead: ben, adoption: 0.77, risk: "Medium"},
	{id: "INI-021", name: "CRM case de-duplication", category: "Run", unit: buCustomer,
		itOwner: jordan, metrics: "M-12", budget: 600_000, spend: 200_000, planLine: "OP-CO-RUN",
		start: "2026-05-04", goLive: "2026-10-26", status: "In Flight", rollout: "Phased", automation: "N", training: "N",
		adoption: noReport, risk: "Low"},
	{id: "INI-022", name: "Chat and messaging channel", category: "Improve", unit: buCustomer,
		bizOwner: aisha, itOwner: jordan, metrics: "M-12", budget: 300_000, spend: 20_000, planLine: "OP-CO-IMP",
		goLive: "2027-04-12", status: "Proposed", rollout: "Pilot", automation: "N", training: "N",
		adoption: noReport, risk: "Low"},
	{id: "INI-023", name: "AP invoice automation (RPA)", category: "Improve", unit: buShared,
		bizOwner: raj, itOwner: olivia, metrics: "M-09", budget: 380_000, spend: 362_000, planLine: "OP-SS-IMP",
		start: "2024-11-04", goLive: "2025-03-03", status: "Live", rollout: "Pilot", automation: "Y", sop: "N", training: "Y",
		changeLead: raj, adoption: 0.86, risk: "Low", comment: "Bots built before the AP process was mapped"},
	{id: "INI-024", name: "E-invoicing with top 50 suppliers", category: "Improve", unit: buShared,
		bizOwner: gwen, itOwner: olivia, metrics: "M-08, M-09", budget: 440_000, spend: 410_000, planLine: "OP-SS-IMP",
		start: "2025-04-07", goLive: "2025-10-13", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: raj, adoption: 0.79, risk: "Low"},
	{id: "INI-025", name: "Procure-to-pay approval workflow", category: "Improve", unit: buShared,
		bizOwner: raj, itOwner: olivia, metrics: "M-09", budget: 340_000, spend: 300_000, planLine: "OP-SS-IMP",
		start: "2025-09-01", goLive: "2026-01-19", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: raj, adoption: 0.71, risk: "Low"},
	{id: "INI-026", name: "Month-end close automation", category: "Improve", unit: buShared,
		bizOwner: gwen, itOwner: olivia, metrics: "M-08", budget: 360_000, spend: 330_000, planLine: "OP-SS-IMP",
		start: "2026-02-02", goLive: "2026-07-20", status: "Live", rollout: "Pilot", automation: "Y", sop: "Y", training: "Y",
		changeLead: gwen, adoption: 0.45, risk: "Low"},
	{id: "INI-027", name: "Invoice data capture (OCR)", category: "Improve", unit: buShared,
		bizOwner: gwen, itOwner: olivia, metrics: "M-08; M-8", budget: 300_000, spend: 296_000, planLine: "OP-SS-IMP",
		start: "2024-10-21", goLive: "2025-04-14", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: raj, adoption: 0.83, risk: "Low"},
	{id: "INI-028", name: "ERP finance support and patching", category: "Run", unit: buShared,
		bizOwner: gwen, itOwner: olivia, metrics: "M-08", budget: 4_600_000, spend: 4_400_000, planLine: "OP-SS-RUN",
		start: "2025-01-06", goLive: "2025-01-20", automation: "N", training: "N",
		adoption: noReport, risk: "Medium", comment: "Annual support contract; status not tracked in PPM",
		budgetFormula: "4*1150000"},
	{id: "INI-029", name: "Data platform and BI modernisation", category: "Transformation",
		bizOwner: coo, itOwner: wei, metrics: "M-04, M-10", budget: 800_000, spend: 550_000, planLine: "OP-GRP-TRN",
		start: "2026-01-05", goLive: "2027-03-01", status: "In Flight", rollout: "Phased", automation: "N", training: "Y",
		changeLead: ines, adoption: noReport, risk: "Medium"},
	{id: "INI-030", name: "Identity and access management", category: "Run",
		bizOwner: coo, itOwner: kofi, budget: 1_900_000, spend: 1_800_000, planLine: "OP-GRP-RUN",
		start: "2024-12-02", goLive: "2025-08-25", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		adoption: noReport, risk: "Medium", comment: "Security programme; no operational KPI agreed"},
	{id: "INI-031", name: "RF scanner replacement", category: "Run", unit: buDistribution,
		bizOwner: marcus, itOwner: kofi, metrics: "M-02", budget: 1_700_000, spend: 1_640_000, planLine: "OP-DIS-RUN",
		start: "2025-02-03", goLive: "2025-07-07", status: "Live", rollout: "Wave", automation: "N", training: "Y",
		adoption: noReport, risk: "Low", serialStart: true},
	{id: "INI-032", name: "Agent desktop and headset refresh", category: "Run", unit: buCustomer,
		bizOwner: ben, itOwner: kofi, metrics: "M-12", budget: 2_200_000, spend: 2_050_000, planLine: "OP-CO-RUN",
		start: "2025-08-04", goLive: "2025-10-27", status: "Done", rollout: "Wave", automation: "N", training: "N",
		adoption: noReport, risk: "Low"},
	{id: "INI-033", name: "SD-WAN for service depots", category: "Run", unit: buField,
		bizOwner: tomas, itOwner: kofi, metrics: "M-05", budget: 1_600_000, spend: 1_520_000, planLine: "OP-FS-RUN",
		start: "2025-11-03", goLive: "2026-05-18", status: "Live", rollout: "Wave", automation: "N", training: "N",
		adoption: noReport, risk: "Medium"},
	{id: "INI-034", name: "Transport management system support", category: "Keep the lights on", unit: buDistribution,
		bizOwner: dana, itOwner: wei, metrics: "M-03", budget: 2_100_000, spend: 2_100_000, planLine: "OP-DIS-RUN",
		start: "2025-01-06", goLive: "2025-01-06", status: "Live", automation: "N", training: "N",
		adoption: noReport, risk: "Low"},
	{id: "INI-035", name: "Warehouse control system (conveyor) upgrade", category: "Run", unit: buDistribution,
		bizOwner: marcus, itOwner: kofi, metrics: "M-01", budget: 3_400_000, spend: 3_300_000, planLine: "OP-DIS-RUN",
		start: "2025-09-01", goLive: "2026-04-13", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		adoption: noReport, risk: "High", comment: "DR test booked for Q4"},
	{id: "INI-036", name: "Service desk tooling consolidation", category: "Run", unit: buCustomer,
		bizOwner: aisha, itOwner: jordan, metrics: "M-12", budget: 1_200_000, spend: 1_100_000, planLine: "OP-CO-RUN-2",
		start: "2025-03-03", goLive: "2025-09-22", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		adoption: noReport, risk: "Low"},
	{id: "INI-037", name: "Fleet fuel card integration", category: "Improve", unit: buField,
		bizOwner: helen, itOwner: lena, metrics: "M-05", budget: 200_000, spend: 50_000, planLine: "OP-FS-IMP",
		start: "2026-02-02", status: "On Hold", rollout: "Pilot", automation: "Y", sop: "Y", training: "Y",
		changeLead: helen, adoption: noReport, risk: "Low", comment: "Paused pending card provider tender"},
	{id: "INI-038", name: "Returns processing automation", category: "Improve", unit: buDistribution,
		bizOwner: priya, itOwner: sam, metrics: "M-03", budget: 500_000, spend: 120_000, planLine: "OP-DIS-IMP",
		goLive: "2027-01-25", status: "In Flight", rollout: "Pilot", automation: "Y", sop: "N", training: "Y",
		changeLead: priya, adoption: noReport, risk: "Low"},
	{id: "INI-039", name: "Supplier portal", category: "Improve", unit: buShared,
		bizOwner: raj, itOwner: olivia, metrics: "M-08", budget: 640_000, spend: 750_000, planLine: "OP-SS-IMP",
		start: "2024-12-09", goLive: "2025-06-16", status: "Live", rollout: "Phased", automation: "N", training: "Y",
		changeLead: raj, adoption: 0.76, risk: "Low", comment: "Contract signed in euros",
		text: map[string]string{"budget": "EUR 640,000"}},
	{id: "INI-040", name: "Carrier integration hub (EDI)", category: "Run", unit: buDistribution,
		bizOwner: dana, itOwner: wei, metrics: "M-04", budget: 2_000_000, spend: 1_900_000, planLine: "OP-DIS-RUN",
		start: "2025-03-03", goLive: "2025-10-20", status: "Live", rollout: "Phased", automation: "N", training: "N",
		adoption: noReport, risk: "Medium"},
}
