package config

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/opsalign/opsalign/generator/model"
)

// raw mirrors the TOML document; pointers tell an absent key from a zero one.
type raw struct {
	Title            *string         `toml:"title"`
	DataDir          *string         `toml:"data_dir"`
	ContentDir       *string         `toml:"content_dir"`
	OutputDir        *string         `toml:"output_dir"`
	Theme            *string         `toml:"theme"`
	AsOf             *toml.Primitive `toml:"as_of"`
	Currency         *string         `toml:"currency"`
	DateOrder        *string         `toml:"date_order"`
	DecimalSeparator *string         `toml:"decimal_separator"`
	FiscalYearStart  *int            `toml:"fiscal_year_start"`
	TimeZone         *string         `toml:"time_zone"`
	UnsafeHTML       *bool           `toml:"unsafe_html"`
	BaseURL          *string         `toml:"base_url"`
	BoardPack        struct {
		Appendix *bool `toml:"appendix"`
	} `toml:"board_pack"`
	Brand struct {
		Logo   *string `toml:"logo"`
		Accent *string `toml:"accent"`
	} `toml:"brand"`
	Policy  rawPolicy   `toml:"policy"`
	Sources []rawSource `toml:"sources"`
}

type rawPolicy struct {
	Split struct {
		Run       *[]float64 `toml:"run"`
		Improve   *[]float64 `toml:"improve"`
		Transform *[]float64 `toml:"transform"`
	} `toml:"split"`
	ImpactGraceDays      *int               `toml:"impact_grace_days"`
	MinProgress          *float64           `toml:"min_progress"`
	AdoptionTarget       *float64           `toml:"adoption_target"`
	StabilityCVMax       *float64           `toml:"stability_cv_max"`
	ReviewAttendancePass *float64           `toml:"review_attendance_pass"`
	ReviewAttendanceWarn *float64           `toml:"review_attendance_warn"`
	BudgetTolerance      *float64           `toml:"budget_tolerance"`
	DRMaxAgeDays         *int               `toml:"dr_max_age_days"`
	AlignedSpendTarget   *float64           `toml:"aligned_spend_target"`
	Weights              map[string]float64 `toml:"weights"`
}

type rawSource struct {
	File      *string           `toml:"file"`
	Sheet     string            `toml:"sheet"`
	Table     *string           `toml:"table"`
	HeaderRow *int              `toml:"header_row"`
	Columns   map[string]string `toml:"columns"`
}

// Error is a configuration error at a key and line of the config file.
type Error struct {
	File string
	Line int    // 0 when unknown
	Key  string // dotted key, e.g. "policy.split.run"
	Err  error
}

func (e *Error) Error() string {
	pos := e.File
	if e.Line > 0 {
		pos = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Key == "" {
		return fmt.Sprintf("%s: %v", pos, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", pos, e.Key, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Load reads the config file at path. A missing file is an error unless
// optional is true, in which case the defaults apply with Dir set to the
// file's folder.
func Load(path string, optional bool) (Config, error) {
	c := Default()
	abs, err := filepath.Abs(path)
	if err != nil {
		return c, err
	}
	c.Dir = filepath.Dir(abs)
	data, err := os.ReadFile(path)
	if err != nil {
		if optional && errors.Is(err, fs.ErrNotExist) {
			return c, nil
		}
		return c, fmt.Errorf("config: %w", err)
	}
	c.File = path
	if err := Parse(&c, path, data); err != nil {
		return c, err
	}
	return c, nil
}

// Parse applies the TOML document data (read from file, used in messages)
// over the defaults already in c.
func Parse(c *Config, file string, data []byte) error {
	var r raw
	md, err := toml.Decode(string(data), &r)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return &Error{File: file, Line: pe.Position.Line, Err: errors.New(pe.Message)}
		}
		if de := decodeError(file, err); de != nil {
			return de
		}
		return &Error{File: file, Line: lineOfDecodeErr(err), Err: err}
	}
	lines := newLineIndex(data)
	c.Lines = lines.keys
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0].String()
		return &Error{File: file, Line: lines.find(und[0]), Key: k, Err: errors.New("unknown key (check the spelling against config.md)")}
	}
	fail := func(key string, format string, a ...any) error {
		return &Error{File: file, Line: lines.find(strings.Split(key, ".")), Key: key, Err: fmt.Errorf(format, a...)}
	}
	setStr := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	setStr(&c.Title, r.Title)
	setStr(&c.DataDir, r.DataDir)
	setStr(&c.ContentDir, r.ContentDir)
	setStr(&c.OutputDir, r.OutputDir)
	setStr(&c.Theme, r.Theme)
	setStr(&c.Currency, r.Currency)
	setStr(&c.DateOrder, r.DateOrder)
	setStr(&c.DecimalSeparator, r.DecimalSeparator)
	setStr(&c.TimeZone, r.TimeZone)
	setStr(&c.Brand.Logo, r.Brand.Logo)
	setStr(&c.Brand.Accent, r.Brand.Accent)
	if r.UnsafeHTML != nil {
		c.UnsafeHTML = *r.UnsafeHTML
	}
	if r.FiscalYearStart != nil {
		c.FiscalYearStart = *r.FiscalYearStart
	}
	if r.BoardPack.Appendix != nil {
		c.BoardPack.Appendix = *r.BoardPack.Appendix
	}
	if r.BaseURL != nil {
		u, err := url.Parse(strings.TrimSpace(*r.BaseURL))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fail("base_url", "%q: must be an http or https address such as \"https://intranet.example.com/alignment/\"", *r.BaseURL)
		}
		c.BaseURL = strings.TrimSuffix(u.String(), "/") + "/"
	}
	for _, k := range []struct {
		key string
		v   string
	}{{"data_dir", c.DataDir}, {"content_dir", c.ContentDir}, {"output_dir", c.OutputDir}, {"theme", c.Theme}} {
		if strings.TrimSpace(k.v) == "" {
			return fail(k.key, "must not be empty")
		}
	}
	if r.AsOf != nil {
		d, err := decodeAsOf(md, *r.AsOf)
		if err != nil {
			return fail("as_of", "%v", err)
		}
		c.AsOf = d
	}
	c.DateOrder = strings.ToUpper(strings.TrimSpace(c.DateOrder))
	if c.DateOrder != "DMY" && c.DateOrder != "MDY" {
		return fail("date_order", "%q: must be \"DMY\" or \"MDY\"", c.DateOrder)
	}
	if c.DecimalSeparator != "." && c.DecimalSeparator != "," {
		return fail("decimal_separator", "%q: must be \".\" or \",\"", c.DecimalSeparator)
	}
	if c.FiscalYearStart < 1 || c.FiscalYearStart > 12 {
		return fail("fiscal_year_start", "%d: must be a month from 1 to 12", c.FiscalYearStart)
	}
	c.Currency = strings.ToUpper(strings.TrimSpace(c.Currency))
	if len(c.Currency) != 3 || strings.Trim(c.Currency, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return fail("currency", "%q: must be a three-letter ISO 4217 code such as USD", c.Currency)
	}
	if c.Brand.Logo != "" {
		l := filepath.ToSlash(c.Brand.Logo)
		switch strings.ToLower(path.Ext(l)) {
		case ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp":
		default:
			return fail("brand.logo", "%q: must be an .svg, .png, .jpg, .gif or .webp image", c.Brand.Logo)
		}
		if path.IsAbs(l) || filepath.IsAbs(c.Brand.Logo) || l != path.Clean(l) || strings.HasPrefix(l, "../") {
			return fail("brand.logo", "%q: must be a path inside the site folder, such as \"logo.svg\"", c.Brand.Logo)
		}
		c.Brand.Logo = l
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return fail("time_zone", "%q: unknown time zone (use an IANA name such as Europe/Berlin)", c.TimeZone)
	}
	c.Location = loc
	if err := applyPolicy(&c.Policy, r.Policy, fail); err != nil {
		return err
	}
	for i, s := range r.Sources {
		line := lines.nth("sources", i)
		src, err := buildSource(s, i, func(key string, format string, a ...any) error {
			return &Error{File: file, Line: line, Key: key, Err: fmt.Errorf(format, a...)}
		})
		if err != nil {
			return err
		}
		src.Line = line
		c.Sources = append(c.Sources, src)
	}
	return nil
}

func decodeAsOf(md toml.MetaData, p toml.Primitive) (time.Time, error) {
	var t time.Time
	if err := md.PrimitiveDecode(p, &t); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	var s string
	if err := md.PrimitiveDecode(p, &s); err != nil {
		return time.Time{}, errors.New("must be a date such as 2026-09-30")
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: must be a date such as \"2026-09-30\"", s)
	}
	return t, nil
}

// isShare reports whether v is a share from 0 to 1 (not NaN).
func isShare(v float64) bool { return v >= 0 && v <= 1 }

// isAmount reports whether v is a finite number, 0 or more.
func isAmount(v float64) bool { return v >= 0 && !math.IsInf(v, 1) }

type failFunc func(key string, format string, a ...any) error

func applyPolicy(p *model.Policy, r rawPolicy, fail failFunc) error {
	bands := []struct {
		cat model.Category
		v   *[]float64
	}{{model.Run, r.Split.Run}, {model.Improve, r.Split.Improve}, {model.Transform, r.Split.Transform}}
	for _, b := range bands {
		if b.v == nil {
			continue
		}
		key := "policy.split." + string(b.cat)
		v := *b.v
		if len(v) != 2 {
			return fail(key, "must be a pair [low, high], got %d values", len(v))
		}
		if !isShare(v[0]) || !isShare(v[1]) || v[0] > v[1] {
			return fail(key, "[%g, %g]: low and high must be shares from 0 to 1 with low ≤ high", v[0], v[1])
		}
		p.Split[b.cat] = model.Band{v[0], v[1]}
	}
	shares := []struct {
		key string
		dst *float64
		v   *float64
	}{
		{"policy.min_progress", &p.MinProgress, r.MinProgress},
		{"policy.adoption_target", &p.AdoptionTarget, r.AdoptionTarget},
		{"policy.review_attendance_pass", &p.ReviewAttendancePass, r.ReviewAttendancePass},
		{"policy.review_attendance_warn", &p.ReviewAttendanceWarn, r.ReviewAttendanceWarn},
		{"policy.aligned_spend_target", &p.AlignedSpendTarget, r.AlignedSpendTarget},
	}
	for _, s := range shares {
		if s.v == nil {
			continue
		}
		if !isShare(*s.v) {
			return fail(s.key, "%g: must be a share from 0 to 1", *s.v)
		}
		*s.dst = *s.v
	}
	if p.ReviewAttendanceWarn > p.ReviewAttendancePass {
		return fail("policy.review_attendance_warn", "%g is above review_attendance_pass %g", p.ReviewAttendanceWarn, p.ReviewAttendancePass)
	}
	nonNeg := []struct {
		key string
		dst *float64
		v   *float64
	}{
		{"policy.stability_cv_max", &p.StabilityCVMax, r.StabilityCVMax},
		{"policy.budget_tolerance", &p.BudgetTolerance, r.BudgetTolerance},
	}
	for _, s := range nonNeg {
		if s.v == nil {
			continue
		}
		if !isAmount(*s.v) {
			return fail(s.key, "%g: must be a number, 0 or more", *s.v)
		}
		*s.dst = *s.v
	}
	days := []struct {
		key string
		dst *int
		v   *int
	}{
		{"policy.impact_grace_days", &p.ImpactGraceDays, r.ImpactGraceDays},
		{"policy.dr_max_age_days", &p.DRMaxAgeDays, r.DRMaxAgeDays},
	}
	for _, d := range days {
		if d.v == nil {
			continue
		}
		if *d.v < 0 {
			return fail(d.key, "%d: must not be negative", *d.v)
		}
		*d.dst = *d.v
	}
	known := map[string]bool{}
	for _, c := range model.Checks {
		known[c.ID] = true
	}
	for id, w := range r.Weights {
		key := "policy.weights." + id
		if !known[id] {
			return fail(key, "no check is called %q", id)
		}
		if !isAmount(w) {
			return fail(key, "%g: a weight must be a number, 0 or more", w)
		}
		p.Weights[id] = w
	}
	return nil
}

// buildSource checks the i-th (0-based) [[sources]] entry; fail reports at
// the entry's line.
func buildSource(s rawSource, i int, fail failFunc) (Source, error) {
	key := fmt.Sprintf("sources[%d]", i+1)
	if s.File == nil || strings.TrimSpace(*s.File) == "" {
		return Source{}, fail(key+".file", "file is required: the spreadsheet this entry describes, relative to data_dir")
	}
	src := Source{File: filepath.ToSlash(*s.File), Sheet: s.Sheet, Columns: s.Columns}
	if s.Table == nil {
		return src, fail(key+".table", "table is required in the entry for %s", src.File)
	}
	t := model.Table(strings.ToLower(strings.TrimSpace(*s.Table)))
	ok := false
	for _, k := range model.Tables {
		ok = ok || k == t
	}
	if !ok {
		return src, fail(key+".table", "%q in the entry for %s is not one of initiatives, metrics, actuals, calendar, plan, incidents, reviews", *s.Table, src.File)
	}
	src.Table = t
	if s.HeaderRow != nil {
		if *s.HeaderRow < 1 {
			return src, fail(key+".header_row", "%d in the entry for %s: must be 1 or more (rows are numbered from 1)", *s.HeaderRow, src.File)
		}
		src.HeaderRow = *s.HeaderRow
	}
	return src, nil
}
