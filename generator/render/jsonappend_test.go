package render

import (
	"encoding/json"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// TestAppendJSON holds the list data's appenders to json.Marshal's bytes
// for the same values, hostile strings included.
func TestAppendJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"quoted" \back\slash`, "<script>&amp;</script>", "a\u2028b\u2029c",
		"\x00\x01\x1f\x7f", "\b\f\n\r\t", "bad \xff utf-8 \xe2\x80", "\xe2\x80\xa8 at the start", "é ü ✓ ◐ 𝄞",
		"</script><!--", "'single'", "tail\xc3",
	} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[1:], want)
		}
		if got := appendJSONText(nil, s); `"`+string(got)+`"` != string(want) {
			t.Errorf("appendJSONText(%q) = %s, want %s unquoted", s, got, want)
		}
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 123456.789, 1e-6, 9.99e-7, 1e-9, -2.5e-12, 1e20, 1e21, 1.5e300,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 12345678901234567890, 0.30000000000000004} {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendJSONFloat(nil, f)
		if err != nil || string(got) != string(want) {
			t.Errorf("appendJSONFloat(%v) = %s, %v; want %s", f, got, err, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := json.Marshal(f); err == nil {
			t.Fatalf("json.Marshal(%v): no error", f)
		}
		if got, err := appendJSONFloat([]byte("x"), f); err == nil || string(got) != "x" {
			t.Errorf("appendJSONFloat(%v) = %s, %v; want an error", f, got, err)
		}
	}
}

// TestGoLiveMarksJSON holds the marks' hand-written JSON to json.Marshal
// of the marks, hostile names included, and the rows to their text.
func TestGoLiveMarksJSON(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	x := &index{iniRecs: map[string]*model.Initiative{
		"INI-1": {ID: "INI-1", Name: `<b>"Route" & \ plan</b>` + "\u2028\xff"},
		"INI-2": {ID: "INI-2"},
	}}
	js, rows := x.goLiveMarks([]goLive{{ID: "INI-1", Date: d("2026-05-01")}, {ID: "INI-3", Date: time.Time{}}, {ID: "INI-2", Date: d("2026-02-01")}, {ID: "I<4>", Date: d("2026-03-01")}})
	want, err := json.Marshal([]mark{
		{Name: "INI-2", ID: "INI-2", XAxis: "2026-02-01"},
		{Name: "I<4>", ID: "I<4>", XAxis: "2026-03-01"},
		{Name: `<b>"Route" & \ plan</b>` + "\u2028\xff", ID: "INI-1", XAxis: "2026-05-01"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if string(js) != string(want) {
		t.Errorf("marks\n%s\nwant\n%s", js, want)
	}
	wantRows := []MarkRow{
		{Label: "Go-live: INI-2 (INI-2)", Date: "2026-02-01"},
		{Label: "Go-live: I<4> (I<4>)", Date: "2026-03-01"},
		{Label: "Go-live: <b>\"Route\" & \\ plan</b>\u2028\xff (INI-1)", Date: "2026-05-01"},
	}
	if !slices.Equal(rows, wantRows) {
		t.Errorf("rows %q, want %q", rows, wantRows)
	}
	if js, rows := x.goLiveMarks([]goLive{{ID: "INI-1"}}); js != "" || rows != nil {
		t.Errorf("no dated go-live: %q %v", js, rows)
	}
}
