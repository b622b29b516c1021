package read

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/opsalign/opsalign/generator/read/xlsx"
)

// readXLSX streams every sheet of the workbook in f in workbook order.
func (rd *reader) readXLSX(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return rd.fileErr("", err)
	}
	wb, err := xlsx.New(f, st.Size(), rd.lim.xlsx)
	if err != nil {
		return rd.fileErr("", err)
	}
	rd.date1904 = wb.Date1904()
	var sheets []string
	for _, sh := range wb.Sheets() {
		sheets = append(sheets, sh.Name)
	}
	rd.res.sheets = sheets
	if len(sheets) == 0 {
		return rd.fileErr("", errors.New("the workbook has no sheets"))
	}
	var errs []error
	for _, src := range rd.cfg.Sources {
		if src.Sheet == "" || !samePath(src.File, rd.rel) {
			continue
		}
		found := false
		for _, name := range sheets {
			found = found || strings.EqualFold(strings.TrimSpace(src.Sheet), name)
		}
		if !found {
			errs = append(errs, rd.fileErr(src.Sheet, fmt.Errorf("[[sources]] (line %d) names sheet %q, but the workbook has only: %s", src.Line, src.Sheet, strings.Join(sheets, ", "))))
		}
	}
	rd.sheets = len(sheets)
	for i, name := range sheets {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		if err := rd.readSheet(wb, i, name); err != nil {
			errs = append(errs, err)
			if rd.fatal {
				break
			}
		}
	}
	if len(sheets) > 1 {
		for i := range rd.cfg.Sources {
			src := &rd.cfg.Sources[i]
			if src.Sheet == "" && samePath(src.File, rd.rel) && !rd.looseHit[src] {
				errs = append(errs, rd.fileErr("", fmt.Errorf("%s:%d: [[sources]] names this workbook for the %s table, but none of its sheets (%s) has a header row for it; name the sheet with sheet = \"…\"",
					rd.configName(), src.Line, src.Table, strings.Join(sheets, ", "))))
			}
		}
	}
	return errors.Join(errs...)
}

// readSheet streams one worksheet.
func (rd *reader) readSheet(wb *xlsx.Workbook, i int, name string) error {
	s, err := rd.newSheet(name, name)
	if err != nil {
		return err
	}
	rows, err := wb.Rows(i)
	if err != nil {
		return rd.fileErr(name, fmt.Errorf("the sheet cannot be read: %w", err))
	}
	defer rows.Close()
	var cells []cell
	prev := 0
	for rows.Next() {
		n := rows.Row()
		if err := rd.countRow(); err != nil {
			return err
		}
		if n&1023 == 0 {
			if err := rd.ctx.Err(); err != nil {
				return err
			}
		}
		// A row the file leaves out is blank: it counts while the header
		// row is looked for (the first rows, or the row [[sources]] names).
		for b := prev + 1; b < n && s.hdr == nil && !s.done; b++ {
			if err := s.feed(b, nil); err != nil {
				return err
			}
		}
		prev = n
		if s.done {
			break
		}
		cells = cells[:0]
		for _, c := range rows.Cells() {
			cells = append(cells, cell{v: c.Value, t: c.Type})
		}
		if err := s.feed(n, cells); err != nil {
			return err
		}
		if s.done {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return rd.fileErr(name, err)
	}
	return s.end()
}
