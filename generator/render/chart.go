package render

import (
	"bytes"
	"errors"
	"html/template"
	"sync"

	"github.com/opsalign/opsalign/generator/htmlexec"
)

// Chart is a chart block: the container, the ECharts option and the data
// table shown beside it, and on a trend chart the go-lives of the page.
type Chart struct {
	ID     string      // stable element id, such as "chart-metric-M-01"
	Title  string      // caption and accessible name
	Option template.JS // option JSON with <, >, & escaped
	Height int         // pixels
	Table  DataTable
	Empty  bool // no data to draw: only the table is shown

	// Marks is JSON of the go-lives to mark on a trend chart, which the
	// theme's script adds to the option, and MarkRows the same as rows
	// of the data table: what one page adds to a metric's trend chart,
	// which every page that shows the metric shares. Both are empty for
	// other charts.
	Marks    template.JS
	MarkRows []MarkRow

	body *chartBody `pagekey:"-"` // the markup of the fields above, made once
}

// MarkRow is a go-live marked on a trend chart, as a row of its table.
type MarkRow struct {
	Label string // "Go-live INI-001"
	Date  string
}

// chartBody is the markup of a chart that every page showing it shares:
// the shared template "chart-body" executed once with the chart.
type chartBody struct {
	t    *htmlexec.Set // the shared templates' executor
	once sync.Once
	html template.HTML
	err  error
}

// Body returns the chart's markup up to the last row of its own data
// table, as the theme's "chart-body" template writes it. It is made once
// per chart and render: the trend chart of a metric claimed by a hundred
// initiatives is written once, and each page adds its go-lives (the
// "chart" template).
func (c Chart) Body() (template.HTML, error) {
	b := c.body
	if b == nil {
		return "", errors.New("chart " + c.ID + " was not made by the render")
	}
	b.once.Do(func() {
		c.body, c.Marks, c.MarkRows = nil, "", nil
		var buf bytes.Buffer
		if b.err = b.t.Execute(&buf, "chart-body", c); b.err == nil {
			b.html = template.HTML(buf.String())
		}
	})
	return b.html, b.err
}

// chart gives a chart made by the index its shared markup.
func (x *index) chart(c Chart) Chart {
	c.body = &chartBody{t: x.sharedRun}
	return c
}

// DataTable is a plain table of text cells; the first cell of a row heads it.
type DataTable struct {
	Head []Cell
	Rows [][]Cell
	text int // leading columns that hold text
}

// Cell is one cell of a DataTable.
type Cell struct {
	Text string
	Num  bool // a figure: aligned right
}

// newTable returns a table with the given head whose first text columns
// hold text and the others figures.
func newTable(text int, head ...string) DataTable {
	t := DataTable{text: text}
	t.Head = t.cells(head)
	return t
}

// add appends a row.
func (t *DataTable) add(cells ...string) { t.Rows = append(t.Rows, t.cells(cells)) }

func (t *DataTable) cells(texts []string) []Cell {
	out := make([]Cell, len(texts))
	for i, s := range texts {
		out[i] = Cell{Text: s, Num: i >= t.text}
	}
	return out
}
