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
