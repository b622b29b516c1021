package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

func parse(t *testing.T, doc string) (Config, error) {
	t.Helper()
	c := Default()
	err := Parse(&c, "opsalign.toml", []byte(doc))
	return c, err
}

func TestDefaults(t *testing.T) {
	c, err := parse(t, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "Operations & IT alignment" || c.DataDir != "sample-data" || c.ContentDir != "content" ||
		c.OutputDir != "public" || c.Theme != "default" || c.Currency != "USD" || c.DateOrder != "DMY" ||
		c.DecimalSeparator != "." || c.FiscalYearStart != 1 || c.TimeZone != "UTC" || c.UnsafeHTML ||
		!c.AsOf.IsZero() || c.Brand.Accent != "#1f4e79" {
		t.Errorf("defaults differ from config.md: %+v", c)
	}
	p := c.Policy
	if p.ImpactGraceDays != 90 || p.MinProgress != 0.25 || p.AdoptionTarget != 0.70 || p.StabilityCVMax != 0.15 ||
		p.ReviewAttendancePass != 0.75 || p.ReviewAttendanceWarn != 0.50 || p.BudgetTolerance != 0.10 ||
		p.DRMaxAgeDays != 365 || p.AlignedSpendTarget != 0.60 || p.Weight("impact_realized") != 1 {
		t.Errorf("policy defaults differ from config.md: %+v", p)
	}
	if p.Split[model.Run] != (model.Band{0.55, 0.75}) || p.Split[model.Improve] != (model.Band{0.15, 0.30}) || p.Split[model.Transform] != (model.Band{0.05, 0.20}) {
		t.Errorf("split bands: %v", p.Split)
	}
}

func TestFullDocument(t *testing.T) {
	doc := `title = "Group"
data_dir = "finance"
as_of = 2026-09-30
currency = "eur"
date_order = "mdy"
decimal_separator = ","
fiscal_year_start = 4
time_zone = "Europe/Berlin"
unsafe_html = true

[brand]
logo = "logo.svg"

[policy.split]
run = [0.5, 0.7]

[policy]
min_progress = 0.3
dr_max_age_days = 180

[policy.weights]
impact_realized = 2

[[sources]]
file = "finance/FY27 register.xlsx"
sheet = "Register"
table = "Initiatives"
header_row = 3
[sources.columns]
"Exec Sponsor (Ops)" = "business_owner"
`
	c, err := parse(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "Group" || c.DataDir != "finance" || c.Currency != "EUR" || c.DateOrder != "MDY" ||
		c.DecimalSeparator != "," || c.FiscalYearStart != 4 || c.Location.String() != "Europe/Berlin" || !c.UnsafeHTML ||
		c.Brand.Logo != "logo.svg" || c.Brand.Accent != "#1f4e79" {
		t.Errorf("got %+v", c)
	}
	if want := time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC); !c.AsOf.Equal(want) {
		t.Errorf("as_of = %v, want %v", c.AsOf, want)
	}
	if c.Policy.Split[model.Run] != (model.Band{0.5, 0.7}) || c.Policy.Split[model.Improve] != (model.Band{0.15, 0.30}) {
		t.Errorf("split: %v", c.Policy.Split)
	}
	if c.Policy.MinProgress != 0.3 || c.Policy.DRMaxAgeDays != 180 || c.Policy.AdoptionTarget != 0.70 || c.Policy.Weight("impact_realized") != 2 {
		t.Errorf("policy: %+v", c.Policy)
	}
	want := Source{File: "finance/FY27 register.xlsx", Sheet: "Register", Table: model.TableInitiatives, HeaderRow: 3,
		Columns: map[string]string{"Exec Sponsor (Ops)": "business_owner"}, Line: 24}
	if len(c.Sources) != 1 || c.Sources[0].File != want.File || c.Sources[0].Sheet != want.Sheet || c.Sources[0].Table != want.Table ||
		c.Sources[0].HeaderRow != 3 || c.Sources[0].Columns["Exec Sponsor (Ops)"] != "business_owner" || c.Sources[0].Line != want.Line {
		t.Errorf("sources = %+v, want %+v", c.Sources, want)
	}
}

func TestBoardPackAndBaseURL(t *testing.T) {
	c, err := parse(t, "base_url = \"https://intranet.example.com/alignment\"\n[board_pack]\nappendix = true\n")
	if err != nil || !c.BoardPack.Appendix || c.BaseURL != "https://intranet.example.com/alignment/" {
		t.Errorf("got appendix %v base_url %q, %v", c.BoardPack.Appendix, c.BaseURL, err)
	}
	c, err = parse(t, "title = \"x\"\n")
	if err != nil || c.BoardPack.Appendix || c.BaseURL != "" {
		t.Errorf("defaults: appendix %v base_url %q, %v", c.BoardPack.Appendix, c.BaseURL, err)
	}
}

func TestAsOfString(t *testing.T) {
	c, err := parse(t, `as_of = "2026-06-30"`)
	if err != nil || c.AsOf.Format("2006-01-02") != "2026-06-30" {
		t.Fatalf("as_of string: %v %v", c.AsOf, err)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		line      int
		key, msg  string
	}{
		{"unknown top key", "title = \"x\"\ntitel = \"y\"\n", 2, "titel", "unknown key"},
		{"unknown policy key", "[policy]\nmin_progres = 0.3\n", 2, "policy.min_progres", "unknown key"},
		{"unknown nested key", "\n[brand]\naccent = \"#000\"\ncolour = \"red\"\n", 4, "brand.colour", "unknown key"},
		{"wrong type", "title = \"x\"\n[policy]\nmin_progress = \"a lot\"\n", 3, "policy.min_progress", "wrong type: a string where a number is wanted"},
		{"wrong type int", "\nfiscal_year_start = \"4\"\n", 2, "fiscal_year_start", "wrong type: a string where a whole number is wanted"},
		{"wrong type float for int", "[policy]\ndr_max_age_days = 1.5\n", 2, "policy.dr_max_age_days", "wrong type: a number with a fraction where a whole number is wanted"},
		{"wrong type bool", "unsafe_html = \"yes\"\n", 1, "unsafe_html", "wrong type: a string where true or false is wanted"},
		{"wrong type string", "title = 5\n", 1, "title", "wrong type: a whole number where a string is wanted"},
		{"wrong type table", "\n\nbrand = \"x\"\n", 3, "brand", "wrong type: a string where a table is wanted"},
		{"wrong type weight", "[policy.weights]\nimpact_realized = \"2\"\n", 2, "policy.weights.impact_realized", "wrong type: a string where a number is wanted"},
		{"wrong type in band", "[policy.split]\nrun = [\"a\", \"b\"]\n", 2, "policy.split.run", "wrong type: a string where a number is wanted"},
		{"wrong type in source", "[[sources]]\nfile = \"a.xlsx\"\ntable = \"plan\"\nheader_row = \"3\"\n", 4, "sources.header_row", "wrong type"},
		{"syntax", "title = \"x\n", 1, "", "strings cannot contain newlines"},
		{"band reversed", "[policy.split]\nrun = [0.8, 0.7]\n", 2, "policy.split.run", "low"},
		{"band length", "[policy.split]\nimprove = [0.1]\n", 2, "policy.split.improve", "pair"},
		{"band above 1", "[policy.split]\ntransform = [0.1, 1.2]\n", 2, "policy.split.transform", "share"},
		{"share above 1", "[policy]\naligned_spend_target = 60\n", 2, "policy.aligned_spend_target", "share from 0 to 1"},
		{"negative share", "[policy]\nmin_progress = -0.1\n", 2, "policy.min_progress", "share"},
		{"month", "fiscal_year_start = 13\n", 1, "fiscal_year_start", "month"},
		{"month zero", "fiscal_year_start = 0\n", 1, "fiscal_year_start", "month"},
		{"date order", "date_order = \"YMD\"\n", 1, "date_order", "DMY"},
		{"decimal", "decimal_separator = \";\"\n", 1, "decimal_separator", "\".\""},
		{"weight for unknown check", "[policy.weights]\nimpact = 2\n", 2, "policy.weights.impact", "no check"},
		{"negative weight", "[policy.weights]\nimpact_realized = -1\n", 2, "policy.weights.impact_realized", "must be a number, 0 or more"},
		{"bad as_of", "as_of = \"30/09/2026\"\n", 1, "as_of", "date"},
		{"bad zone", "time_zone = \"Mars/Olympus\"\n", 1, "time_zone", "time zone"},
		{"warn above pass", "[policy]\nreview_attendance_warn = 0.8\n", 2, "policy.review_attendance_warn", "above"},
		{"source without table", "[[sources]]\nfile = \"a.xlsx\"\n", 1, "sources[1].table", "table is required"},
		{"source without file", "[[sources]]\ntable = \"plan\"\n", 1, "sources[1].file", "file is required"},
		{"source with unknown table", "\n[[sources]]\nfile = \"a.xlsx\"\ntable = \"budget\"\n", 2, "sources[1].table", "not one of"},
		{"second source", "[[sources]]\nfile = \"a.xlsx\"\ntable = \"plan\"\n\n[[sources]]\nfile = \"b.xlsx\"\ntable = \"nope\"\n", 5, "sources[2].table", "\"nope\" in the entry for b.xlsx is not one of"},
		{"header row zero", "[[sources]]\nfile = \"a.xlsx\"\ntable = \"plan\"\nheader_row = 0\n", 1, "sources[1].header_row", "1 or more"},
		{"header row negative", "[[sources]]\nfile = \"a.xlsx\"\ntable = \"plan\"\nheader_row = -2\n", 1, "sources[1].header_row", "1 or more"},
		{"empty output dir", "output_dir = \"\"\n", 1, "output_dir", "empty"},
		{"currency", "currency = \"dollars\"\n", 1, "currency", "three-letter"},
		{"currency digits", "currency = \"US1\"\n", 1, "currency", "three-letter"},
		{"nan share", "[policy]\nmin_progress = nan\n", 2, "policy.min_progress", "share from 0 to 1"},
		{"inf share", "[policy]\nadoption_target = inf\n", 2, "policy.adoption_target", "share from 0 to 1"},
		{"nan band", "[policy.split]\nrun = [nan, 0.7]\n", 2, "policy.split.run", "shares from 0 to 1"},
		{"nan tolerance", "[policy]\nbudget_tolerance = nan\n", 2, "policy.budget_tolerance", "must be a number, 0 or more"},
		{"inf cv", "[policy]\nstability_cv_max = -inf\n", 2, "policy.stability_cv_max", "must be a number, 0 or more"},
		{"nan weight", "[policy.weights]\nimpact_realized = nan\n", 2, "policy.weights.impact_realized", "must be a number, 0 or more"},
		{"inf weight", "[policy.weights]\nimpact_realized = inf\n", 2, "policy.weights.impact_realized", "must be a number, 0 or more"},
		{"negative days", "[policy]\nimpact_grace_days = -1\n", 2, "policy.impact_grace_days", "negative"},
		{"base_url relative", "\nbase_url = \"alignment/\"\n", 2, "base_url", "http or https address"},
		{"board_pack typo", "[board_pack]\nappendx = true\n", 2, "board_pack.appendx", "unknown key"},
		{"appendix type", "[board_pack]\nappendix = \"yes\"\n", 2, "board_pack.appendix", "wrong type"},
		{"logo type", "[brand]\nlogo = \"logo.pdf\"\n", 2, "brand.logo", "image"},
		{"logo outside", "[brand]\nlogo = \"../secret/logo.png\"\n", 2, "brand.logo", "inside the site folder"},
		{"logo absolute", "[brand]\nlogo = \"/etc/logo.png\"\n", 2, "brand.logo", "inside the site folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse(t, tc.doc)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want *config.Error", err)
			}
			if ce.Line != tc.line || ce.Key != tc.key || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got line %d key %q: %v; want line %d key %q containing %q", ce.Line, ce.Key, err, tc.line, tc.key, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), "opsalign.toml:") {
				t.Errorf("message %q does not start with the file name", err)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "opsalign.toml"), false); err == nil {
		t.Fatal("a missing, explicitly named config must be an error")
	}
	c, err := Load(filepath.Join(dir, "opsalign.toml"), true)
	if err != nil || c.Dir != dir || c.File != "" {
		t.Fatalf("optional missing config: %+v, %v", c, err)
	}
	p := filepath.Join(dir, "site.toml")
	os.WriteFile(p, []byte("title = \"T\"\n"), 0o644)
	c, err = Load(p, false)
	if err != nil || c.Title != "T" || c.Dir != dir {
		t.Fatalf("Load: %+v %v", c, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("title = \"x\"\n[policy.split]\nrun = [0.5, 0.7]\n")
	f.Add("[[sources]]\nfile = \"a\"\ntable = \"plan\"\n[sources.columns]\n\"A\" = \"b\"\n")
	f.Add("as_of = 2026-09-30T10:00:00Z\n")
	f.Fuzz(func(t *testing.T, doc string) {
		c := Default()
		_ = Parse(&c, "opsalign.toml", []byte(doc)) // must not panic
	})
}

func TestPos(t *testing.T) {
	c, err := parse(t, "title = \"x\"\n\ntheme = \"corporate\"\n[brand]\nlogo = \"logo.svg\"\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		c    Config
		key  string
		want string
	}{
		{c, "theme", "opsalign.toml:3"},
		{c, "brand.logo", "opsalign.toml:5"},
		{c, "output_dir", "opsalign.toml"},
		{Default(), "theme", "opsalign.toml"},
	}
	for _, tc := range tests {
		if got := tc.c.Pos(tc.key); got != tc.want {
			t.Errorf("Pos(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}
