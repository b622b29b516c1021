package scaffold

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/config"
)

// uncomment turns every commented-out key and table of the config into a
// live one.
func uncomment(s string) string {
	re := regexp.MustCompile(`(?m)^# ((\[\[?[a-z.]+\]\]?)|([a-z_]+|"[^"]+") = .*)$`)
	return re.ReplaceAllString(s, "$1")
}

func TestConfigHasEveryKey(t *testing.T) {
	keys := []string{"title", "data_dir", "content_dir", "output_dir", "theme", "as_of", "currency", "date_order",
		"decimal_separator", "fiscal_year_start", "time_zone", "unsafe_html", "[brand]", "logo", "accent",
		"[policy.split]", "run", "improve", "transform", "[policy]", "impact_grace_days", "min_progress",
		"adoption_target", "stability_cv_max", "review_attendance_pass", "review_attendance_warn",
		"budget_tolerance", "dr_max_age_days", "aligned_spend_target", "[policy.weights]", "[[sources]]",
		"file", "sheet", "table", "header_row", "[sources.columns]"}
	for _, k := range keys {
		re := regexp.MustCompile(`(?m)^(# )?` + regexp.QuoteMeta(k) + `( =|$)`)
		if !re.MatchString(configText) {
			t.Errorf("opsalign.toml of a new site does not show %s", k)
		}
	}
}

// TestConfigDefaults checks that the commented-out values are the
// defaults: the config with every line uncommented reads as the default
// config but for the examples (as_of, a weight, a source).
func TestConfigDefaults(t *testing.T) {
	var got config.Config = config.Default()
	if err := config.Parse(&got, "opsalign.toml", []byte(uncomment(configText))); err != nil {
		t.Fatalf("the uncommented config does not parse: %v", err)
	}
	if !got.AsOf.Equal(time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)) || got.Policy.Weights["impact_realized"] != 2 || len(got.Sources) != 1 {
		t.Errorf("examples: as_of %v weights %v sources %+v", got.AsOf, got.Policy.Weights, got.Sources)
	}
	want := config.Default()
	want.DataDir = DataDir
	got.AsOf, got.Policy.Weights, got.Sources = want.AsOf, want.Policy.Weights, want.Sources
	got.Location, want.Location = nil, nil
	got.Lines = nil // where each key was written, not a setting
	if !reflect.DeepEqual(got, want) {
		t.Errorf("uncommented config differs from the defaults:\n got %+v\nwant %+v", got, want)
	}
	// As written, only data_dir and title are set.
	var live config.Config = config.Default()
	if err := config.Parse(&live, "opsalign.toml", []byte(configText)); err != nil {
		t.Fatal(err)
	}
	if live.DataDir != DataDir || !live.AsOf.IsZero() || len(live.Sources) != 0 {
		t.Errorf("config as written: %+v", live)
	}
	if n := strings.Count(uncomment(configText), "\n# "); n == 0 {
		t.Error("no explanatory comment left")
	}
}
