package read

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
	"github.com/opsalign/opsalign/generator/read/value"
)

// reader reads one data file into a fileResult.
type reader struct {
	ctx      context.Context
	cfg      config.Config
	sc       *schemas
	res      *fileResult
	file     string // relative to the site folder, forward slashes
	rel      string // relative to data_dir, for [[sources]]
	lim      limits
	date1904 bool
	rowHint  int // rows expected in the sheet, 0 when unknown
	rows     int // rows read from the file, every sheet
	// fatal: a limit of the whole file was passed; no other sheet is read
	fatal  bool
	floats []float64 // slab for the optional numbers of records
	strs   []string  // slab for the lists of records
	// sheets is the number of sheets of the workbook (0 for CSV), and
	// looseHit the [[sources]] entries without a sheet that a sheet of it
	// took (see sheet.loose).
	sheets   int
	looseHit map[*config.Source]bool
}

// sheet is the streaming state of one sheet or CSV file.
type sheet struct {
	rd      *reader
	name    string // "" for CSV
	label   string // name used for recognition
	src     *config.Source
	renames map[string]string
	// loose is a [[sources]] entry naming this sheet's workbook but no
	// sheet, in a workbook of several sheets: it applies to the sheets
	// whose header row fits its table; the others are recognised as
	// usual (a Notes sheet stays ignored).
	loose   *config.Source
	table   model.Table // known before the header: by config or by name
	partial *header     // a row that looks like a table's header but lacks one required column
	hdr     *header
	done    bool // ignored: stop feeding rows
	sum     *model.TableSummary
}

// newSheet decides what it can before seeing rows: a [[sources]] entry, or
// the sheet's (or CSV file's) name.
func (rd *reader) newSheet(name, label string) (*sheet, error) {
	s := &sheet{rd: rd, name: name, label: label}
	for i := range rd.cfg.Sources {
		src := &rd.cfg.Sources[i]
		if !samePath(src.File, rd.rel) {
			continue
		}
		if name == "" && src.Sheet != "" {
			return nil, rd.fileErr(name, fmt.Errorf("%s:%d: [[sources]] names sheet %q, but a CSV file has no sheets (remove sheet)", rd.configName(), src.Line, src.Sheet))
		}
		if src.Sheet != "" && !strings.EqualFold(strings.TrimSpace(src.Sheet), name) {
			continue
		}
		ts := rd.sc.by[src.Table]
		for h, f := range src.Columns {
			if _, ok := ts.byName[f]; !ok {
				return nil, rd.fileErr(name, fmt.Errorf("%s:%d: [[sources]] renames column %q to %q, which is not a field of %s (fields: %s)",
					rd.configName(), src.Line, h, f, src.Table, fieldNames(ts)))
			}
		}
		if src.Sheet == "" && rd.sheets > 1 {
			s.loose = src
			break
		}
		s.src, s.table, s.renames = src, src.Table, foldRenames(src.Columns)
		return s, nil
	}
	if t, ok := rd.sc.names[value.FoldName(label)]; ok {
		s.table = t
	}
	return s, nil
}

// configName is how issues name the config file.
func (rd *reader) configName() string {
	if rd.cfg.File == "" {
		return "opsalign.toml"
	}
	return rd.cfg.File
}

// checkRenames reports a [[sources]] column rename whose header is not in
// the header row (cells): a header renamed in next month's export must not
// leave its field silently empty.
func (s *sheet) checkRenames(row int, cells []cell) error {
	if s.src == nil || len(s.src.Columns) == 0 {
		return nil
	}
	have := map[string]bool{}
	for _, c := range cells {
		have[value.FoldHeader(value.CleanSpaces(c.v))] = true
	}
	var missing []string
	for h := range s.src.Columns {
		if !have[value.FoldHeader(h)] {
			missing = append(missing, fmt.Sprintf("%q", h))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	return s.rd.fileErr(s.name, fmt.Errorf("%s:%d: [[sources]] renames column %s, but the header row (row %d) has no such column",
		s.rd.configName(), s.src.Line, strings.Join(missing, ", "), row))
}

func fieldNames(ts *tableSchema) string {
	n := make([]string, len(ts.fields))
	for i, f := range ts.fields {
		n[i] = f.Name
	}
	return strings.Join(n, ", ")
}

func samePath(a, b string) bool {
	a = path.Clean(strings.TrimPrefix(strings.ReplaceAll(a, `\`, "/"), "./"))
	return a == b || strings.EqualFold(a, b)
}

// newFloat returns a pointer to v, allocated from a slab: one allocation
// per 1024 optional numbers instead of one each.
func (rd *reader) newFloat(v float64) *float64 {
	if len(rd.floats) == cap(rd.floats) {
		rd.floats = make([]float64, 0, 1024)
	}
	rd.floats = append(rd.floats, v)
	return &rd.floats[len(rd.floats)-1]
}

// newStrings returns a copy of items (never nil, its capacity its length)
// allocated from a slab: one allocation per 1024 strings instead of one
// per list.
func (rd *reader) newStrings(items []string) []string {
	switch {
	case len(items) == 0:
		return []string{}
	case len(items) > 64:
		return append(make([]string, 0, len(items)), items...)
	case cap(rd.strs)-len(rd.strs) < len(items):
		rd.strs = make([]string, 0, 1024)
	}
	n := len(rd.strs)
	rd.strs = append(rd.strs, items...)
	return rd.strs[n:len(rd.strs):len(rd.strs)]
}

func (rd *reader) fileErr(sheet string, err error) *model.FileError {
	return &model.FileError{File: rd.file, Sheet: sheet, Err: err}
}

// feed takes the next row (1-based number n). It returns a file-level
// error when the sheet cannot be read.
func (s *sheet) feed(n int, cells []cell) error {
	if s.done {
		return nil
	}
	if s.hdr != nil {
		s.rd.dataRow(s, n, cells)
		return nil
	}
	if s.src != nil && s.src.HeaderRow > 0 {
		if n < s.src.HeaderRow {
			return nil
		}
		if err := s.checkRenames(n, cells); err != nil {
			return err
		}
		return s.setHeader(s.rd.matchHeader(s.rd.sc.by[s.table], n, cells, s.renames))
	}
	if h := s.detect(n, cells); h != nil {
		if err := s.checkRenames(n, cells); err != nil {
			return err
		}
		return s.setHeader(h)
	}
	if n >= headerScanRows {
		return s.noHeader()
	}
	return nil
}

// detect tries row n as the header row.
func (s *sheet) detect(n int, cells []cell) *header {
	if src := s.loose; src != nil && (src.HeaderRow == 0 || src.HeaderRow == n) {
		renames := foldRenames(src.Columns)
		// Only a header with every required column of the table: another
		// table's sheet shares some headers (ID, Name).
		if h := s.rd.matchHeader(s.rd.sc.by[src.Table], n, cells, renames); h.usable() {
			s.src, s.table, s.renames, s.loose = src, src.Table, renames, nil
			if s.rd.looseHit == nil {
				s.rd.looseHit = map[*config.Source]bool{}
			}
			s.rd.looseHit[src] = true
			return h
		}
	}
	if s.table != "" {
		h := s.rd.matchHeader(s.rd.sc.by[s.table], n, cells, s.renames)
		if h.score() >= 2 {
			return h
		}
		return nil
	}
	var best *header
	for _, ts := range s.rd.sc.tables {
		h := s.rd.matchHeader(ts, n, cells, nil)
		if h.usable() && (best == nil || h.score() > best.score()) {
			best = h
		}
		if s.partial == nil && !h.wide && h.matched >= 3 && len(h.missing()) == 1 {
			s.partial = h
		}
	}
	return best
}

// setHeader checks the required columns and starts the table.
func (s *sheet) setHeader(h *header) error {
	if miss := h.missing(); len(miss) > 0 || (h.ts.table == model.TableActuals && !h.wide && h.fieldCol[h.ts.byName["period"]] < 0) {
		return s.rd.fileErr(s.name, fmt.Errorf("row %d: the %s table has no %s column", h.row, h.ts.table, missingText(miss)))
	}
	s.hdr = h
	rd := s.rd
	if rd.rowHint > 0 && !h.wide {
		rd.res.setHint(h.ts.table, rd.rowHint-h.row)
	}
	rd.res.present[h.ts.table] = true
	s.sum = rd.res.summary(h.ts.table)
	s.sum.Sources = append(s.sum.Sources, rd.ref(s.name))
	if len(h.unknown) > 0 {
		rd.issue(model.Issue{Severity: model.SevInfo, Sheet: s.name, Row: h.row, Value: strings.Join(h.unknown, "; "),
			Message: fmt.Sprintf("%d column(s) not used by the %s table: %s", len(h.unknown), h.ts.table, strings.Join(h.unknown, "; "))})
	}
	return nil
}

// noHeader ends a sheet whose header row was not found.
func (s *sheet) noHeader() error {
	s.done = true
	if s.table != "" {
		how := "its name"
		if s.src != nil {
			how = "[[sources]]"
		}
		ts := s.rd.sc.by[s.table]
		return s.rd.fileErr(s.name, fmt.Errorf("read as the %s table (by %s), but none of the first %d rows is a header row with its columns: %s",
			s.table, how, headerScanRows, missingText(requiredFields(ts))))
	}
	if h := s.partial; h != nil {
		return s.rd.fileErr(s.name, fmt.Errorf("row %d looks like the header of the %s table, but it has no %s column", h.row, h.ts.table, missingText(h.missing())))
	}
	s.rd.res.ignored = append(s.rd.res.ignored, s.rd.ref(s.name))
	what := "sheet"
	if s.name == "" {
		what = "file"
	}
	s.rd.issue(model.Issue{Severity: model.SevInfo, Sheet: s.name,
		Message: fmt.Sprintf("%s ignored: it does not look like any of the tables (no header row with known columns in the first %d rows)", what, headerScanRows)})
	return nil
}

func requiredFields(ts *tableSchema) []schema.Field {
	var out []schema.Field
	for _, f := range ts.fields {
		if f.Required {
			out = append(out, f)
		}
	}
	return out
}

// end is called after the last row.
func (s *sheet) end() error {
	if s.hdr == nil && !s.done {
		return s.noHeader()
	}
	return nil
}

// ref names a sheet of the file as "file:Sheet" (CSV: the file).
func (rd *reader) ref(sheet string) string {
	if sheet == "" {
		return rd.file
	}
	return rd.file + ":" + sheet
}

// issue records an issue in the file.
func (rd *reader) issue(i model.Issue) {
	i.File = rd.file
	rd.res.issues.add(i)
}
