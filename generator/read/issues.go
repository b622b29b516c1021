package read

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/value"
)

// issueList gathers issues, listing the first max of each field in each
// file and counting the others: a column of a million unreadable cells is
// a hundred issues and a count, not a million lines and a 100 MB page.
// Each issue's value is shortened to the value limit.
type issueList struct {
	max, value int // issues listed per file and field; characters of a value
	list       []model.Issue
	count      map[issueKey]int
	over       map[issueKey]*overflow
}

// issueKey is a file and a field (empty for issues about a row or file).
type issueKey struct{ file, field string }

// overflow counts the issues of a file and field left out of the list.
type overflow struct {
	first    model.Issue // the first left out: where the count is reported
	lastRow  int
	bySev    map[model.Severity]int
	total    int
	worstSev model.Severity
}

func newIssueList(lim limits) *issueList {
	return &issueList{max: lim.issues, value: lim.value, count: map[issueKey]int{}, over: map[issueKey]*overflow{}}
}

// add lists i, or counts it when its file and field have max listed.
func (l *issueList) add(i model.Issue) {
	k := issueKey{i.File, i.Field}
	if l.count[k] < l.max {
		l.count[k]++
		i.Value = value.Shorten(i.Value, l.value)
		i.Message = value.Shorten(i.Message, maxMessage)
		l.list = append(l.list, i)
		return
	}
	o := l.over[k]
	if o == nil {
		o = &overflow{first: i, bySev: map[model.Severity]int{}}
		l.over[k] = o
	}
	o.add(i.Severity, i.Row, 1)
}

// maxMessage is the most characters of an issue's message (messages quote
// at most a value's worth of a cell; this bounds lists of headers).
const maxMessage = 1000

func (o *overflow) add(sev model.Severity, row, n int) {
	o.total += n
	o.bySev[sev] += n
	o.lastRow = max(o.lastRow, row)
	if rank(sev) > rank(o.worstSev) {
		o.worstSev = sev
	}
}

func rank(s model.Severity) int {
	switch s {
	case model.SevError:
		return 3
	case model.SevWarning:
		return 2
	case model.SevInfo:
		return 1
	}
	return 0
}

// absorb adds the issues of another list (a file's), with its counts.
func (l *issueList) absorb(o *issueList) {
	for _, i := range o.list {
		l.add(i)
	}
	for k, ov := range o.over {
		mine := l.over[k]
		if mine == nil {
			mine = &overflow{first: ov.first, bySev: map[model.Severity]int{}}
			l.over[k] = mine
		}
		for _, sev := range []model.Severity{model.SevError, model.SevWarning, model.SevInfo} {
			if n := ov.bySev[sev]; n > 0 {
				mine.add(sev, ov.lastRow, n)
			}
		}
	}
}

// issues returns the listed issues and, for each file and field with
// more, one issue counting those left out, at the first of them.
func (l *issueList) issues() []model.Issue {
	out := l.list
	keys := slices.SortedFunc(maps.Keys(l.over), func(a, b issueKey) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.field, b.field))
	})
	for _, k := range keys {
		o := l.over[k]
		i := o.first
		i.Severity, i.Value = o.worstSev, ""
		var parts []string
		for _, sev := range []model.Severity{model.SevError, model.SevWarning, model.SevInfo} {
			if n := o.bySev[sev]; n > 0 {
				parts = append(parts, thousands(n)+" "+plural(n, string(sev)))
			}
		}
		what := "issues of this field"
		if k.field == "" {
			what = "issues about whole rows"
		}
		i.Message = fmt.Sprintf("%s more %s in this file are not listed (%s, from row %s to %s); only the first %d are. Fix the cause above and check again",
			thousands(o.total), what, strings.Join(parts, ", "), thousands(o.first.Row), thousands(o.lastRow), l.max)
		out = append(out, i)
	}
	return out
}

// plural writes a severity for n issues: "1 error", "3 errors".
func plural(n int, sev string) string {
	if n == 1 {
		return sev
	}
	return sev + "s"
}

// quote quotes a cell's text for a message, shortened.
func quote(s string) string { return strconv.Quote(value.Shorten(s, value.MaxQuoted)) }
