package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/opsalign/opsalign/internal/xlsxzip"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/xuri/excelize/v2"
)

// Sheet names, in workbook order.
const (
	SheetSummary     = "Summary"
	SheetInitiatives = "Initiatives"
	SheetChecks      = "Checks"
	SheetMetrics     = "Metrics"
	SheetIssues      = "Issues"
)

// Workbook returns the scorecard as an .xlsx: Summary, Initiatives,
// Checks, Metrics, Issues sheets.
func Workbook(sc *model.Scorecard) ([]byte, error) {
	var buf bytes.Buffer
	if err := workbook(&buf, sc, true); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WorkbookTo appends the workbook Workbook returns to buf, written
// straight into it (6.4 MB at 10k initiatives, not copied on its way).
func WorkbookTo(buf *bytes.Buffer, sc *model.Scorecard) error {
	return workbook(buf, sc, true)
}

// workbook is WorkbookTo; splice writes the data rows of simple sheets
// without the StreamWriter (see splices), with the same bytes.
func workbook(dst *bytes.Buffer, sc *model.Scorecard, splice bool) error {
	if sc == nil {
		return errors.New("export: no scorecard")
	}
	f := excelize.NewFile()
	defer f.Close()
	sp := &splices{rows: map[string]func(io.Writer) error{}}
	// The package goes into dst, not into the buffer excelize passes (it
	// would copy it out of that to be copied again into dst).
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return sp.wrap(xlsxzip.Fast(dst)) })
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("export: styles: %w", err)
	}
	if splice {
		st.splices = sp
	}
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, s := range []string{SheetInitiatives, SheetChecks, SheetMetrics, SheetIssues} {
		if _, err := f.NewSheet(s); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	// Before the sheets are streamed: afterwards excelize would parse every
	// streamed sheet back to mark the tabs.
	f.SetActiveSheet(0)
	steps := []struct {
		sheet string
		write func(*excelize.File, styles, *model.Scorecard) error
	}{
		{SheetSummary, writeSummary},
		{SheetInitiatives, writeInitiatives},
		{SheetChecks, writeChecks},
		{SheetMetrics, writeMetrics},
		{SheetIssues, writeIssues},
	}
	for _, s := range steps {
		if err := s.write(f, st, sc); err != nil {
			return fmt.Errorf("export: sheet %s: %w", s.sheet, err)
		}
	}
	if err := f.SetDocProps(docProps(sc)); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := f.WriteTo(io.Discard); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// docProps fixes the workbook's core properties; its times come from the
// scorecard's as_of, so that the bytes do not depend on the clock.
func docProps(sc *model.Scorecard) *excelize.DocProperties {
	p := &excelize.DocProperties{
		Title:       "opsalign scorecard " + sc.Period,
		Subject:     "Is IT spending aligned with operational priorities?",
		Creator:     "opsalign",
		Description: "Scorecard as of " + sc.AsOf,
		Language:    "en-US",
	}
	stamp := "2006-09-16T00:00:00Z" // excelize's fixed template time
	if d, err := time.Parse(time.DateOnly, sc.AsOf); err == nil {
		stamp = d.Format(time.RFC3339)
	}
	p.Created, p.Modified = stamp, stamp
	return p
}
