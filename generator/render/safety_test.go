package render

import (
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
)

// hostile are spreadsheet texts that must stay text.
var hostileTexts = []string{
	`</script><script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`{{.}}`,
	`javascript:alert(1)`,
	"line\u2028sep\u2029end",
	`" onmouseover="alert(1)`,
	`../../../etc/passwd`,
}

// hostileInput puts hostile text into every field that reaches a page.
func hostileInput(in *Input) {
	ds, sc := in.Dataset, in.Scorecard
	h := hostileTexts
	// Initiative INI-003 gets a hostile id everywhere it is referenced.
	bad := h[1]
	rename := func(id string) string {
		if id == "INI-003" {
			return bad
		}
		return id
	}
	for i := range ds.Initiatives {
		ini := &ds.Initiatives[i]
		ini.ID = rename(ini.ID)
		ini.Name = h[0]
		ini.BusinessUnit = h[2]
		ini.BusinessOwner = h[3]
		ini.PlanLine = h[5]
		ini.Source.File = h[6]
		ini.Source.Sheet = h[0]
	}
	for i := range sc.Initiatives {
		ir := &sc.Initiatives[i]
		ir.ID = rename(ir.ID)
		ir.Name = h[0]
		ir.BusinessUnit = h[2]
		for j := range ir.Checks {
			ir.Checks[j].Reason = h[1]
		}
	}
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		m.Name, m.Unit = h[4], h[3]
		for j, id := range m.Initiatives {
			m.Initiatives[j] = rename(id)
		}
	}
	for i := range ds.Metrics {
		ds.Metrics[i].Name, ds.Metrics[i].Unit, ds.Metrics[i].Owner = h[4], h[3], h[0]
	}
	for i := range ds.Calendar {
		ds.Calendar[i].Name = h[0]
	}
	for i := range ds.Incidents {
		ds.Incidents[i].ID, ds.Incidents[i].Service = h[1], h[0]
		ds.Incidents[i].Initiative = rename(ds.Incidents[i].Initiative)
	}
	for i := range sc.Portfolio.ByUnit {
		sc.Portfolio.ByUnit[i].BusinessUnit = h[i%len(h)]
	}
	sc.Headline.Reasons = append(sc.Headline.Reasons, h[0])
	for i := range sc.Issues {
		sc.Issues[i].Value, sc.Issues[i].Message, sc.Issues[i].File = h[0], h[1], h[3]
	}
	ds.Summary.Files = append(ds.Summary.Files, h[0])
	ds.Summary.Ignored = append(ds.Summary.Ignored, h[1])
	in.Config.Title = h[0]
}

var (
	scriptTag = regexp.MustCompile(`(?i)<script[^>]*>`)
	jsonBlock = regexp.MustCompile(`(?s)<script type="application/json" (?:id="[^"]*"|class="chart-marks")>(.*?)</script>`)
	attrURL   = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*"([^"]*)"`)
)

func TestHostileText(t *testing.T) {
	m := renderFixture(t, hostileInput)
	if _, ok := m.Get("initiatives/" + FileStem(hostileTexts[1]) + ".html"); !ok {
		t.Errorf("no page for the hostile id; have %v", m.Paths())
	}
	cal, _ := m.Get("calendar.html")
	if !strings.Contains(string(cal), `\u003c/script\u003e\u003cscript\u003ealert(1)`) {
		t.Errorf("calendar chart JSON does not hold the hostile name, escaped")
	}
	for _, p := range m.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		b, _ := m.Get(p)
		s := string(b)
		for _, bad := range []string{"<script>alert", "<img src=x", "onerror=alert(1)>", `" onmouseover="`} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: raw %q reached the page", p, bad)
			}
		}
		for _, tag := range scriptTag.FindAllString(s, -1) {
			if !strings.HasPrefix(tag, `<script src="`) && !strings.HasPrefix(tag, `<script type="application/json" id="chart-`) &&
				tag != `<script type="application/json" class="chart-marks">` {
				t.Errorf("%s: unexpected %s", p, tag)
			}
		}
		for _, blk := range jsonBlock.FindAllStringSubmatch(s, -1) {
			if strings.ContainsAny(blk[1], "<>&\u2028\u2029") {
				t.Errorf("%s: chart JSON holds an unescaped <, >, &, U+2028 or U+2029: %.200s", p, blk[1])
			}
		}
		for _, u := range attrURL.FindAllStringSubmatch(s, -1) {
			if strings.Contains(strings.ToLower(u[1]), "javascript:") {
				t.Errorf("%s: %s", p, u[0])
			}
		}
		// The hostile title is shown escaped.
		if !strings.Contains(s, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the hostile title is not shown as text", p)
		}
	}
}

// TestLinks checks that every href and src of every page is relative and
// names a file of the site: one render makes, or a download the pipeline
// adds.
func TestLinks(t *testing.T) {
	for name, mutate := range map[string]func(*Input){"fixture": nil, "hostile": hostileInput} {
		m := renderFixture(t, mutate)
		checked := 0
		for _, p := range m.Paths() {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			b, _ := m.Get(p)
			for _, u := range attrURL.FindAllStringSubmatch(string(b), -1) {
				ref := html.UnescapeString(u[1])
				if strings.HasPrefix(ref, "#") {
					continue
				}
				pu, err := url.Parse(ref)
				if err != nil || pu.Scheme != "" || pu.Host != "" || strings.HasPrefix(pu.Path, "/") {
					t.Errorf("%s %s: %s is not a relative link", name, p, ref)
					continue
				}
				target := path.Join(path.Dir(p), pu.Path)
				if _, ok := m.Get(target); !ok && target != "data/scorecard.json" && target != "downloads/scorecard.xlsx" {
					t.Errorf("%s %s: %s → %s is not in the site", name, p, ref, target)
				}
				checked++
			}
		}
		if checked < 200 {
			t.Errorf("%s: only %d links checked", name, checked)
		}
	}
}
