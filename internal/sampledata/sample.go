package sampledata

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"
)

// SampleSeed seeds the noise of the sample company's actuals and incidents.
const SampleSeed = 20260930

// Sample file names, as finance names them.
const (
	sampleRegister      = "FY26 IT initiative register.xlsx"
	samplePlan          = "Operating plan FY26.xlsx"
	sampleActuals       = "Ops KPI actuals.xlsx"
	sampleIncidentsFile = "incident_export.csv"
	sampleReviews       = "ops_review_log.csv"
)

// SampleFiles lists the files WriteSample writes, in name order.
func SampleFiles() []string {
	return []string{sampleRegister, sampleActuals, samplePlan, sampleIncidentsFile, sampleReviews}
}

// WriteSample writes the sample company's finance drop into dir, creating
// dir if needed. The files are the same bytes on every call.
func WriteSample(ctx context.Context, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(SampleSeed, 1))
	steps := []func() error{
		func() error { return writeXLSX(filepath.Join(dir, sampleRegister), sampleRegisterBook()) },
		func() error { return writeXLSX(filepath.Join(dir, samplePlan), samplePlanBook()) },
		func() error { return writeXLSX(filepath.Join(dir, sampleActuals), sampleActualsBook(r)) },
		func() error { return writeCSV(filepath.Join(dir, sampleIncidentsFile), sampleIncidentFile(r)) },
		func() error { return writeCSV(filepath.Join(dir, sampleReviews), sampleReviewFile()) },
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(); err != nil {
			return fmt.Errorf("sample data: %w", err)
		}
	}
	return nil
}

// registerHeader is the register's header row: alias spellings as a
// portfolio tool exports them, and one column the model does not know.
var registerHeader = []any{"Initiative ID", "Initiative Name", "Investment Type", "Business Unit", "Exec Sponsor",
	"IT Lead", "KPIs", "Approved Budget", "Spend to Date", "Budget Line", "Kick-off", "Go-Live Date", "Status",
	"Rollout Approach", "Automates Process", "SOP In Place", "Training Plan", "Change Lead", "Adoption Rate",
	"Risk Rating", "Last DR Test", "PMO Comments"}

// sampleRegisterBook is the initiative register: an instructions sheet, then
// the register with title rows above the header and a totals row below.
func sampleRegisterBook() workbook {
	instructions := sheet{name: "Instructions", widths: []float64{110}, rows: [][]any{
		{"How to maintain the IT initiative register"},
		nil,
		{"1. One row per initiative; never reuse an Initiative ID, even for cancelled work."},
		{"2. Investment Type is Run, Improve or Transform as agreed at the quarterly portfolio board."},
		{"3. List the operating-plan KPI codes (M-xx) the initiative is accountable for, separated by commas."},
		{"4. Amounts are in US dollars unless marked otherwise; Spend to Date comes from the ledger on the 5th working day."},
		{"5. Do not edit the Total row: it is recalculated by the PMO."},
		nil,
		{"Questions: pmo@northwind-distribution.example"},
	}}
	rows := [][]any{
		{"Northwind Distribution: IT initiative register FY2026"},
		{"Portfolio export, status as at 30 September 2026. Figures in USD."},
		nil,
		registerHeader,
	}
	var budget, spend float64
	for _, in := range sampleInitiatives {
		rows = append(rows, in.row())
		if in.text["budget"] == "" {
			budget += in.budget
		}
		spend += in.spend
	}
	first, last := 5, 4+len(sampleInitiatives)
	rows = append(rows, nil, []any{"Total", nil, nil, nil, nil, nil, nil,
		formulaCell{fmt.Sprintf("SUM(H%d:H%d)", first, last), budget},
		formulaCell{fmt.Sprintf("SUM(I%d:I%d)", first, last), spend}})
	lists := sheet{name: "Lists", hidden: true, rows: [][]any{
		{"Type list", "Stage list", "Rating list"},
		{"Run", "Proposed", "Low"},
		{"Improve", "Approved", "Medium"},
		{"Transform", "In Flight", "High"},
		{nil, "Live"}, {nil, "Closed"}, {nil, "On Hold"}, {nil, "Cancelled"},
	}}
	register := sheet{name: "Register", rows: rows, header: 4, stream: true,
		widths: []float64{12, 42, 14, 20, 18, 16, 14, 16, 16, 14, 12, 14, 12, 14, 10, 10, 10, 16, 10, 10, 12, 44},
		merges: [][2]string{{"A1", "H1"}}}
	return workbook{sheets: []sheet{instructions, register, lists}}
}

// row renders one initiative the way the register holds it.
func (in initiativeDef) row() []any {
	text := func(field string, v any) any {
		if s, ok := in.text[field]; ok {
			return s
		}
		return v
	}
	date := func(s, format string) any {
		if s == "" {
			return nil
		}
		return dateCell{day(s), format}
	}
	yesNo := func(s string) any {
		switch s {
		case "Y":
			return "Yes"
		case "N":
			return "No"
		}
		return nil
	}
	var sop any
	if in.sop != "" {
		sop = in.sop == "Y"
	}
	var budget any = numCell{in.budget, fmtMoney}
	if in.budgetFormula != "" {
		budget = formulaCell{in.budgetFormula, in.budget}
	}
	start := date(in.start, fmtDMY)
	if in.serialStart {
		start = numCell{excelSerial(day(in.start)), "0"}
	}
	var adoption any
	if in.adoption != noReport {
		adoption = numCell{in.adoption, fmtPercent}
	}
	return []any{
		in.id, in.name, in.category, in.unit, in.bizOwner, in.itOwner, text("metrics", in.metrics),
		text("budget", budget),
		text("spend", numCell{in.spend, fmtMoney}),
		in.planLine,
		text("start", start),
		text("goLive", date(in.goLive, fmtDayMon)),
		in.status, in.rollout, in.automation, sop, yesNo(in.training), in.changeLead,
		text("adoption", adoption),
		in.risk,
		text("drTested", date(in.drTested, fmtMDY)),
		in.comment,
	}
}

// samplePlanBook is the operating plan: notes, the KPI definitions, the
// funding lines and the operations calendar.
func samplePlanBook() workbook {
	notes := sheet{name: "Notes", widths: []float64{100}, rows: [][]any{
		{"Operating plan FY2026, approved by the executive committee on 12 December 2025."},
		{"KPI baselines are FY2024 averages; targets are the FY2026 exit rates."},
		{"Plan lines are the only approved funding lines for IT initiatives; see the Plan tab."},
	}}
	kpis := [][]any{
		{"Operating plan KPIs"},
		nil,
		{"KPI ID", "KPI", "Category", "UoM", "Better", "Baseline", "Target", "Ops Owner", "Business Unit"},
	}
	for _, m := range sampleMetrics {
		var dir any
		if m.direction != "" {
			dir = m.direction
		}
		kpis = append(kpis, []any{m.id, m.name, m.kind, m.unit, dir, m.baseline, m.target, m.owner, m.unit2})
	}
	plan := [][]any{
		{"IT funding lines"},
		nil,
		{"Plan Line", "Business Unit", "Category", "FY", "Planned Spend"},
	}
	var total float64
	for _, p := range samplePlanLines {
		plan = append(plan, []any{p.id, p.unit, p.category, p.period, numCell{p.amount, fmtMoney}})
		total += p.amount
	}
	plan = append(plan, []any{"Grand Total", nil, nil, nil, numCell{total, fmtMoney}})
	cal := [][]any{{"Event", "From", "To", "Type", "Scope"}}
	for _, w := range sampleCalendar {
		cal = append(cal, []any{w.name, dateCell{day(w.from), fmtDMY}, dateCell{day(w.to), fmtDMY}, w.kind, w.scope})
	}
	return workbook{sheets: []sheet{
		notes,
		{name: "KPIs", rows: kpis, header: 3, widths: []float64{8, 40, 22, 14, 16, 10, 10, 18, 20}},
		{name: "Plan", rows: plan, header: 3, widths: []float64{14, 20, 12, 8, 16}},
		{name: "Calendar", rows: cal, header: 1, widths: []float64{36, 12, 12, 16, 16}},
	}}
}

// sampleActualsBook is the wide monthly actuals sheet: the first year's
// month headers are real Excel dates, the second year's are text.
func sampleActualsBook(r *rand.Rand) workbook {
	header := []any{"Metric ID"}
	for i := range sampleMonths {
		m := sampleFirstMonth.AddDate(0, i, 0)
		if i < 12 {
			header = append(header, dateCell{m, fmtMonthHdr})
		} else {
			header = append(header, m.Format("Jan-06"))
		}
	}
	rows := [][]any{{"Operational KPI actuals, monthly (source: operations data warehouse)"}, nil, header}
	for _, m := range sampleMetrics {
		row := []any{m.id}
		for _, v := range m.series(r, sampleMonths) {
			switch {
			case math.IsNaN(v):
				row = append(row, nil)
			case m.decimals == 0:
				// Pasted from a report as text with thousands separators.
				row = append(row, thousands(v))
			default:
				row = append(row, v)
			}
		}
		rows = append(rows, row)
	}
	widths := []float64{10}
	for range sampleMonths {
		widths = append(widths, 9)
	}
	return workbook{sheets: []sheet{{name: "Actuals", rows: rows, header: 3, widths: widths,
		merges: [][2]string{{"A1", "H1"}}}}}
}

// thousands formats a whole number with comma thousands separators.
func thousands(v float64) string {
	s := fmt.Sprintf("%.0f", math.Abs(v))
	out := ""
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out += ","
		}
		out += string(c)
	}
	if v < 0 {
		out = "-" + out
	}
	return out
}

// planLineDef is one funding line of the sample operating plan.
type planLineDef struct {
	id, unit, category, period string
	amount                     float64
}

var samplePlanLines = []planLineDef{
	{"OP-DIS-RUN", buDistribution, "Run", "FY2026", 12_800_000},
	{"OP-DIS-IMP", buDistribution, "Improve", "FY2026", 4_000_000},
	{"OP-DIS-TRN", buDistribution, "Transform", "FY2026", 7_500_000},
	{"OP-FS-RUN", buField, "Run", "FY2026", 6_500_000},
	{"OP-FS-IMP", buField, "Improve", "FY2026", 3_000_000},
	{"OP-FS-TRN", buField, "Transform", "FY2026", 1_500_000},
	{"OP-CO-RUN", buCustomer, "Run", "FY2026", 4_200_000},
	{"OP-CO-IMP", buCustomer, "Improve", "FY2026", 1_600_000},
	{"OP-CO-TRN", buCustomer, "Transform", "FY2026", 1_400_000},
	{"OP-SS-RUN", buShared, "Run", "FY2026", 4_500_000},
	{"OP-SS-IMP", buShared, "Improve", "FY2026", 2_400_000},
	{"OP-GRP-RUN", "Group", "Run", "FY2026", 2_000_000},
	{"OP-GRP-TRN", "Group", "Transform", "FY2026", 1_000_000},
	{"OP25-DIS-RUN", buDistribution, "Run", "FY2025", 11_900_000},
	{"OP25-FS-RUN", buField, "Run", "FY2025", 6_100_000},
	{"OP25-CO-RUN", buCustomer, "Run", "FY2025", 4_000_000},
	{"OP25-SS-RUN", buShared, "Run", "FY2025", 4_700_000},
}

// windowDef is one window of the sample operations calendar.
type windowDef struct {
	name, from, to, kind, scope string
}

var sampleCalendar = []windowDef{
	{"Peak season 2024", "2024-11-15", "2024-12-31", "Peak Season", "All"},
	{"Year-end change freeze 2024", "2024-12-15", "2025-01-05", "Change Freeze", "All"},
	{"Q1 2025 close", "2025-03-27", "2025-04-04", "Quarter Close", buShared},
	{"Q2 2025 close", "2025-06-26", "2025-07-04", "Quarter Close", buShared},
	{"Q3 2025 close", "2025-09-26", "2025-10-03", "Quarter Close", buShared},
	{"Peak season 2025", "2025-11-15", "2025-12-31", "Peak Season", "All"},
	{"Year-end change freeze 2025", "2025-12-15", "2026-01-05", "Change Freeze", ""},
	{"Year-end close 2025", "2026-01-02", "2026-01-23", "Close", buShared},
	{"Spring service campaign", "2026-03-02", "2026-03-20", "Blackout", buField},
	{"Q1 2026 close", "2026-03-27", "2026-04-03", "Quarter Close", buShared},
	{"Q2 2026 close", "2026-06-26", "2026-07-03", "Quarter Close", buShared},
	{"Q3 2026 close", "2026-09-25", "2026-10-02", "Quarter Close", buShared},
	{"Peak season 2026", "2026-11-15", "2026-12-31", "Peak Season", "All"},
	{"Year-end change freeze 2026", "2026-12-14", "2027-01-04", "Change Freeze", "All"},
}

// excelSerial is t as an Excel serial day number (1900 date system).
func excelSerial(t time.Time) float64 {
	return float64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// monthStart returns the first day of month i of the sample's actuals.
func monthStart(i int) time.Time { return sampleFirstMonth.AddDate(0, i, 0) }
