package narrative

import (
	"errors"
	"flag"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// fakeResolver knows a few names; any other is an error.
type fakeResolver struct{}

func (fakeResolver) Figure(name string) (string, error) {
	switch name {
	case "aligned_spend_share":
		return "42%", nil
	case "odd":
		return `<b>"R&D"</b>`, nil
	}
	return "", fmt.Errorf("unknown figure")
}

func (fakeResolver) Check(ini, check string) (template.HTML, error) {
	if ini == "INI-001" && check == "peak_clear" {
		return `<span class="result pass">pass</span>`, nil
	}
	return "", fmt.Errorf("no check %s of %s", check, ini)
}

func (fakeResolver) CheckProse(ini, check string) (string, error) {
	if ini == "INI-001" && check == "peak_clear" {
		return "its go-live on 20 Nov 2026 falls in Peak & season", nil
	}
	return "", fmt.Errorf("no check %s of %s", check, ini)
}

func (fakeResolver) Chart(name string) (template.HTML, error) {
	if name == "split" {
		return `<figure class="chart" id="chart-split"><div></div></figure>`, nil
	}
	return "", fmt.Errorf("unknown chart")
}

func (fakeResolver) Table(name string) (template.HTML, error) {
	if name == "exceptions" {
		return `<table class="data"><tr><td>x</td></tr></table>`, nil
	}
	return "", fmt.Errorf("unknown table")
}

const (
	chartHTML = `<figure class="chart" id="chart-split"><div></div></figure>`
	tableHTML = `<table class="data"><tr><td>x</td></tr></table>`
)

func TestRender(t *testing.T) {
	tests := []struct {
		name, body string
		unsafe     bool
		want       string
	}{
		{"figure in a sentence", `Aligned spend is {{ figure "aligned_spend_share" }} of spend.`,
			false, "<p>Aligned spend is 42% of spend.</p>\n"},
		{"figure is escaped text", `Unit {{ figure "odd" }}.`,
			false, "<p>Unit &lt;b&gt;&#34;R&amp;D&#34;&lt;/b&gt;.</p>\n"},
		{"figure with emphasis around", `**{{ figure "aligned_spend_share" }}** aligned`,
			false, "<p><strong>42%</strong> aligned</p>\n"},
		{"check in a sentence is prose", `Peak: {{ check "INI-001" "peak_clear" }}.`,
			false, "<p>Peak: <span class=\"check-prose\">its go-live on 20 Nov 2026 falls in Peak &amp; season</span>.</p>\n"},
		{"check in a list item is a badge", "- {{ check \"INI-001\" \"peak_clear\" }}\n",
			false, "<ul>\n<li><span class=\"result pass\">pass</span></li>\n</ul>\n"},
		{"check in a table cell is a badge", "| a |\n|---|\n| {{ check \"INI-001\" \"peak_clear\" }} |\n",
			false, "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><span class=\"result pass\">pass</span></td>\n</tr>\n</tbody>\n</table>\n"},
		{"chart alone is a block", "{{ chart \"split\" }}\n",
			false, chartHTML + "\n"},
		{"table alone is a block", "Before.\n\n{{ table \"exceptions\" }}\n\nAfter.\n",
			false, "<p>Before.</p>\n" + tableHTML + "\n<p>After.</p>\n"},
		{"chart on its own line splits a paragraph", "Intro line\n{{ chart \"split\" }}\nclosing line\n",
			false, "<p>Intro line</p>\n" + chartHTML + "\n<p>closing line</p>\n"},
		{"two blocks in one paragraph", "{{ chart \"split\" }}\n{{ table \"exceptions\" }}\n",
			false, chartHTML + "\n" + tableHTML + "\n"},
		{"chart in a table cell stays inline", "| a | b |\n|---|---|\n| {{ figure \"aligned_spend_share\" }} | {{ chart \"split\" }} |\n",
			false, "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>42%</td>\n<td>" + chartHTML + "</td>\n</tr>\n</tbody>\n</table>\n"},
		{"chart in a tight list item", "- {{ chart \"split\" }}\n- two\n",
			false, "<ul>\n<li>\n" + chartHTML + "\n</li>\n<li>two</li>\n</ul>\n"},
		{"chart in a blockquote", "> {{ chart \"split\" }}\n",
			false, "<blockquote>\n" + chartHTML + "\n</blockquote>\n"},
		{"not expanded in code", "`{{ figure \"nope\" }}`\n\n```\n{{ chart \"nope\" }}\n```\n",
			false, "<p><code>{{ figure &quot;nope&quot; }}</code></p>\n<pre><code>{{ chart &quot;nope&quot; }}\n</code></pre>\n"},
		{"escaped braces are text", `\{{ figure "nope" }} and {single}`,
			false, "<p>{{ figure &ldquo;nope&rdquo; }} and {single}</p>\n"},
		{"raw HTML dropped", "<div>hi</div>\n\nand <em>x</em>\n",
			false, "<!-- raw HTML omitted -->\n<p>and <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"},
		{"raw HTML kept when unsafe", "<div>hi</div>\n\nand <em>x</em>\n",
			true, "<div>hi</div>\n<p>and <em>x</em></p>\n"},
		{"typographer", `"Run" isn't -- and --- ... <<x>>`,
			false, "<p>&ldquo;Run&rdquo; isn&rsquo;t &ndash; and &mdash; &hellip; &laquo;x&raquo;</p>\n"},
		{"heading ids are stable and ignore the figure's value", "## Spend: {{ figure \"aligned_spend_share\" }}\n## Spend: {{ figure \"aligned_spend_share\" }}\n",
			false, "<h2 id=\"spend\">Spend: 42%</h2>\n<h2 id=\"spend-1\">Spend: 42%</h2>\n"},
		{"heading ids", "# Isn't it Q3 -- 2026?\n## 日本 語\n## ***\n",
			false, "<h1 id=\"isnt-it-q3-2026\">Isn&rsquo;t it Q3 &ndash; 2026?</h1>\n<h2 id=\"日本-語\">日本 語</h2>\n<h2 id=\"heading\">***</h2>\n"},
		{"footnote", "Claim.[^src]\n\n[^src]: The register.\n",
			false, "<p>Claim.<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>The register.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"},
		{"GFM table and strikethrough", "| x |\n|--:|\n| ~~1~~ |\n",
			false, "<table>\n<thead>\n<tr>\n<th style=\"text-align:right\">x</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align:right\"><del>1</del></td>\n</tr>\n</tbody>\n</table>\n"},
		{"empty body", "", false, ""},
	}
	safe, unsafe := NewRenderer(false), NewRenderer(true)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := safe
			if tt.unsafe {
				rd = unsafe
			}
			got, err := rd.Render(Page{File: "content/x.md", Body: tt.body, BodyLine: 1}, fakeResolver{})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			// The package function gives the same result.
			if got2, _ := Render(Page{File: "content/x.md", Body: tt.body, BodyLine: 1}, fakeResolver{}, tt.unsafe); got2 != got {
				t.Errorf("Render differs from Renderer.Render:\n%s", got2)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name, body string
		bodyLine   int
		want       string
	}{
		{"unknown figure", "text\n\nIt is {{ figure \"nope\" }}.\n", 1,
			`content/x.md:3: figure "nope": unknown figure`},
		{"line counts the front matter", "text\n\nIt is {{ figure \"nope\" }}.\n", 5,
			`content/x.md:7: figure "nope": unknown figure`},
		{"unknown chart", "{{ chart \"pie\" }}\n", 4,
			`content/x.md:4: chart "pie": unknown chart`},
		{"unknown table in a table cell", "| a |\n|---|\n| {{ table \"t\" }} |\n", 1,
			`content/x.md:3: table "t": unknown table`},
		{"unknown check", "- item\n- {{ check \"INI-9\" \"peak_clear\" }}\n", 10,
			`content/x.md:11: check "INI-9" "peak_clear": no check peak_clear of INI-9`},
		{"syntax error", "ok\n\n{{ figure aligned }}\n", 2,
			`content/x.md:4: argument aligned of figure must be a quoted string`},
		{"unclosed", "a\nb {{ figure \"x\"\n", 1,
			`content/x.md:2: unclosed action: "{{" without "}}" on the same line`},
		{"every error is reported in order", "{{ figure \"a\" }}\n\n{{ nope }}\n", 1,
			"content/x.md:1: figure \"a\": unknown figure\ncontent/x.md:3: function \"nope\" not defined (want figure, check, chart or table)"},
	}
	rd := NewRenderer(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rd.Render(Page{File: "content/x.md", Body: tt.body, BodyLine: tt.bodyLine}, fakeResolver{})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error = %v\nwant %s", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "content/x.md" {
				t.Errorf("error is not an *Error naming the file")
			}
		})
	}
}

func TestRenderGolden(t *testing.T) {
	pages, err := Load(os.DirFS("testdata"), "content")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("no pages under testdata/content")
	}
	rd := NewRenderer(false)
	for _, p := range pages {
		got, err := rd.Render(p, fakeResolver{})
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", p.Name+".html")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from %s (run go test -update and review the diff):\n%s", p.File, golden, got)
		}
	}
}

// The error of a page loaded with front matter names the file line.
func TestLoadThenRenderLine(t *testing.T) {
	fsys := fstest.MapFS{"content/board-pack.md": {Data: []byte("+++\ntitle = \"Q3\"\n+++\n# Q3\n\n{{ figure \"missing\" }}\n")}}
	pages, err := Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewRenderer(false).Render(pages[0], fakeResolver{})
	if want := `content/board-pack.md:6: figure "missing": unknown figure`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestRenderConcurrent(t *testing.T) {
	rd := NewRenderer(false)
	body := strings.Repeat("Para {{ figure \"aligned_spend_share\" }}.\n\n{{ chart \"split\" }}\n\n", 20)
	want, err := rd.Render(Page{Body: body, BodyLine: 1}, fakeResolver{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := rd.Render(Page{Body: body, BodyLine: 1}, fakeResolver{})
			if err != nil || got != want {
				t.Errorf("concurrent render differs: %v", err)
			}
		}()
	}
	wg.Wait()
}

// anyResolver resolves every name, so the fuzzer reaches rendering.
type anyResolver struct{}

func (anyResolver) Figure(name string) (string, error) { return "<" + name + ">", nil }
func (anyResolver) Check(a, b string) (template.HTML, error) {
	return template.HTML(`<span class="check"></span>`), nil
}
func (anyResolver) CheckProse(a, b string) (string, error) { return a + " " + b, nil }
func (anyResolver) Chart(string) (template.HTML, error)    { return `<div class="chart"></div>`, nil }
func (anyResolver) Table(string) (template.HTML, error)    { return `<table class="t"></table>`, nil }

func FuzzRender(f *testing.F) {
	f.Add("# T\n\n{{ figure \"a\" }} and {{ chart \"b\" }}\n{{ table \"c\" }}\n")
	f.Add("| a | {{ check \"x\" \"y\" }} |\n|---|---|\n| {{ chart \"z\" }} | b |\n")
	f.Add("- {{ chart \"a\" }} tail\n  {{ table \"b\" }}\n\n> {{ figure \"q\" }}\n")
	f.Add("{{ figure \"a\"\n{{}} {{ x }} \\{{ y }}[^1]\n\n[^1]: {{ chart \"n\" }}\n")
	f.Add("*{{ chart \"a\" }}*\n\n[{{ table \"t\" }}](u)\n")
	rd := NewRenderer(false)
	f.Fuzz(func(t *testing.T, body string) {
		out, err := rd.Render(Page{File: "content/f.md", Body: body, BodyLine: 1}, anyResolver{})
		if err != nil {
			for _, l := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(l, "content/f.md:") {
					t.Fatalf("error line %q does not name the file", l)
				}
			}
			return
		}
		if strings.Contains(string(out), "<script") {
			t.Fatalf("raw HTML got through: %s", out)
		}
	})
}

func BenchmarkRender(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "content", "board-pack.md"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := Parse("content/board-pack.md", "board-pack", data)
	if err != nil {
		b.Fatal(err)
	}
	rd := NewRenderer(false)
	b.SetBytes(int64(len(p.Body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rd.Render(p, fakeResolver{}); err != nil {
			b.Fatal(err)
		}
	}
}
