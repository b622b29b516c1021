package read

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opsalign/opsalign/generator/model"
)

// TestIssuesCapped lists the first 100 issues of a field in a file and
// counts the rest in one more issue at the first left out; the counts
// of the build stay true.
func TestIssuesCapped(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	var b strings.Builder
	b.WriteString("ID,Name,Category,Budget,Go Live\n")
	for i := range 1000 {
		goLive := "2026-01-01"
		if i%2 == 0 {
			goLive = "soon"
		}
		fmt.Fprintf(&b, "INI-%04d,n,Run,lots,%s\n", i, goLive)
	}
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(b.String()))
	writeFile(t, dataPath(cfg, "incidents.csv"), []byte("Number,Opened,Priority,Initiative\nINC1,2026-01-01,1,nope\n"))
	writeFile(t, dataPath(cfg, "more.csv"), []byte("ID,Name,Category,Budget\nINI-X,x,Run,5\n"))
	ds := mustRead(t, cfg)
	count := map[string]int{}
	var over []model.Issue
	for _, i := range ds.Issues {
		if i.File != "data/initiatives.csv" {
			continue
		}
		if strings.Contains(i.Message, "more issues") {
			over = append(over, i)
			continue
		}
		count[i.Field]++
	}
	if count["budget"] != 100 || count["go_live"] != 100 {
		t.Errorf("listed %v, want 100 budget and 100 go_live issues", count)
	}
	if len(over) != 2 {
		t.Fatalf("count issues %+v", over)
	}
	// budget: 1000 errors, 100 listed (rows 2-101); go_live: 500 warnings
	want := []issueAt{
		{model.SevError, "data/initiatives.csv", "", 102, "D", "budget", "900 more issues of this field in this file are not listed (900 errors, from row 102 to 1,001); only the first 100 are"},
		{model.SevWarning, "data/initiatives.csv", "", 202, "E", "go_live", "400 more issues of this field in this file are not listed (400 warnings, from row 202 to 1,000)"},
	}
	for i, w := range want {
		if !w.match(over[i]) {
			t.Errorf("count issue %d = %s, want %+v", i, over[i], w)
		}
	}
	if s := ds.Summary.Tables[0]; s.Table != model.TableInitiatives || s.Excluded != 1000 || s.Rows != 1 {
		t.Errorf("initiatives summary %+v, want 1000 excluded", s)
	}
}

// TestIssueValuesShortened quotes at most 200 characters of a cell, in
// the value and in the message.
func TestIssueValuesShortened(t *testing.T) {
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	huge := strings.Repeat("é", 50_000)
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte("ID,Name,Category,Budget,Go Live,Risk\nINI-1,x,Run,"+huge+","+huge+","+huge+"\nINI-2,y,Run,5,,\n"))
	ds := mustRead(t, cfg)
	n := 0
	for _, i := range ds.Issues {
		if i.Row != 2 {
			continue
		}
		n++
		if c := utf8.RuneCountInString(i.Value); c > 200 || !strings.HasSuffix(i.Value, "…") {
			t.Errorf("%s: value of %d characters", i.Field, c)
		}
		if len(i.Message) > 600 {
			t.Errorf("%s: message of %d bytes", i.Field, len(i.Message))
		}
	}
	if n != 3 {
		t.Errorf("%d issues on row 2, want budget, go_live and risk: %v", n, ds.Issues)
	}
}

// TestCSVLimits refuses a CSV row longer than 1 MB (an unclosed quote
// reads the rest of the file into one cell) and a file of more rows than
// Excel's sheet, naming the file, the place and the limit.
func TestCSVLimits(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	for _, tt := range []struct{ data, want string }{
		{"ID,Name,Category,Budget\nINI-1,\"open,Run,5\n" + strings.Repeat("INI-2,more,Run,5\n", 70_000),
			`data/initiatives.csv: row 2, column B: a quote opened in this cell is not closed within 1 MB (the limit for a CSV row)`},
		{"ID,Name,Category,Budget\nINI-1,x,Run,5\n\nINI-2," + long + ",Run,5\n",
			"data/initiatives.csv: row 4: the row is longer than 1 MB, the limit for a CSV row (it passes the limit in column B)"},
	} {
		cfg := newSite(t)
		writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
		writeFile(t, dataPath(cfg, "initiatives.csv"), []byte(tt.data))
		_, err := Read(context.Background(), cfg, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %v\nwant %s", err, tt.want)
		}
	}
	cfg := newSite(t)
	writeFile(t, dataPath(cfg, "metrics.csv"), []byte(minimalMetrics))
	writeFile(t, dataPath(cfg, "initiatives.csv"), []byte("ID,Name,Category,Budget\n"+strings.Repeat("INI-1,x,Run,5\n", 10)))
	lim := defaultLimits()
	lim.rows = 10
	_, err := readWith(context.Background(), cfg, nil, lim)
	var fe *model.FileError
	if !errors.As(err, &fe) || fe.File != "data/initiatives.csv" || !strings.Contains(err.Error(), "more than 10 rows, Excel's limit for a sheet") {
		t.Errorf("11 rows under a limit of 10: %v", err)
	}
}
