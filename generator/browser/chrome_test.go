package browser_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/internal/browsertest"
)

const page = `<!doctype html><html><head><title>t</title></head><body>
<p id="p">hello</p>
<img src="https://cdn.example.com/x.png">
<script>console.error("boom", 7); window.opsalignReady = true;</script>
<script>undefinedFunction();</script>
</body></html>`

func TestOpenRecordsConsoleAndRequests(t *testing.T) {
	ctx := browsertest.Start(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	tab, err := browser.Open(ctx, srv.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	text, err := chromedp.Run(tab.Ctx, chromedp.Text("#p"))
	if err != nil || text != "hello" {
		t.Fatalf("text = %q, %v", text, err)
	}
	rep := tab.Report()
	joined := strings.Join(rep.ConsoleErrors, "\n")
	if !strings.Contains(joined, "boom") || !strings.Contains(joined, "undefinedFunction") {
		t.Errorf("console errors %q miss the console.error call or the exception", rep.ConsoleErrors)
	}
	if !slices.Contains(rep.Requests, "https://cdn.example.com/x.png") || !slices.Contains(rep.Requests, srv.URL+"/") {
		t.Errorf("requests %q miss the page or the external image", rep.Requests)
	}
}

// TestOpenRecordsViolations checks that a page's Content-Security-Policy
// violations are reported, with the directive and the place, from both
// http and file://: an inline script, an inline event handler, a <style>
// and a remote image are refused; the script file and the JSON data block
// of a page are not.
func TestOpenRecordsViolations(t *testing.T) {
	ctx := browsertest.Start(t)
	const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'">`
	files := map[string]string{
		"bad.html": `<!doctype html><html><head>` + csp + `<style>p{}</style></head><body>
<p id="p" onclick="x()">hello</p>
<img src="https://cdn.example.com/x.png">
<script>window.ran = true;</script>
</body></html>`,
		"good.html": `<!doctype html><html><head>` + csp + `</head><body>
<script type="application/json" id="d">{"a":1}</script>
<script src="good.js"></script>
</body></html>`,
		"good.js": `document.body.dataset.read = JSON.parse(document.getElementById("d").textContent).a;`,
	}
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	for _, base := range []string{srv.URL + "/", "file://" + filepath.ToSlash(dir) + "/"} {
		bad, err := browser.Open(ctx, base+"bad.html")
		if err != nil {
			t.Fatal(err)
		}
		// The handler is refused when it would run: click.
		if _, err := chromedp.Run(bad.Ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("p").click()`)); err != nil {
			t.Fatal(err)
		}
		if ran, err := chromedp.Run(bad.Ctx, chromedp.Evaluate[bool](`window.ran === true`)); err != nil || ran {
			t.Errorf("%sbad.html: the inline script ran (%v)", base, err)
		}
		// The events are dispatched as tasks: give them a moment.
		for i := 0; i < 100 && len(bad.Report().Violations) < 4; i++ {
			time.Sleep(20 * time.Millisecond)
		}
		got := strings.Join(bad.Report().Violations, "\n")
		for _, want := range []string{"style-src-elem blocked inline", "script-src-attr blocked inline", "img-src blocked https://cdn.example.com/x.png", "script-src-elem blocked inline"} {
			if !strings.Contains(got, want) {
				t.Errorf("%sbad.html: violations %q miss %q", base, got, want)
			}
		}
		if !strings.Contains(strings.Join(bad.Report().ConsoleErrors, "\n"), "Content-Security-Policy violation: script-src-elem") {
			t.Errorf("%sbad.html: console errors %q miss the violations", base, bad.Report().ConsoleErrors)
		}
		bad.Close()

		good, err := browser.Open(ctx, base+"good.html")
		if err != nil {
			t.Fatal(err)
		}
		if read, err := chromedp.Run(good.Ctx, chromedp.Evaluate[string](`document.body.dataset.read || ""`)); err != nil || read != "1" {
			t.Errorf("%sgood.html: the script file did not read the data block: %q, %v", base, read, err)
		}
		if v := good.Report().Violations; len(v) > 0 {
			t.Errorf("%sgood.html: violations %q", base, v)
		}
		good.Close()
	}
}

func TestPrintPDF(t *testing.T) {
	ctx := browsertest.Start(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!doctype html><p>one</p><p style="break-before:page">two</p>`))
	}))
	defer srv.Close()
	pdf, err := browser.PrintPDF(ctx, srv.URL, browser.Papers["a4"])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
	if got := pdfPages(t, pdf); got != 2 {
		t.Errorf("PDF has %d pages, want 2", got)
	}
}

// pdfPages counts the pages of a PDF with poppler's pdfinfo.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdfinfo (poppler-utils) is required under CI")
		}
		t.Skip("pdfinfo not installed (apt-get install poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(f, pdf, 0o644)
	out, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo printed no page count: %s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func TestPaperByName(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{{"a4", "A4", true}, {"Letter", "US Letter", true}, {"legal", "", false}} {
		p, err := browser.PaperByName(tc.in)
		if (err == nil) != tc.ok || p.Name != tc.want {
			t.Errorf("PaperByName(%q) = %v, %v", tc.in, p, err)
		}
	}
}
