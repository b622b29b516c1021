package serve

import (
	"context"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

func TestServeRebuildsOnEdits(t *testing.T) {
	f := newFakeSite(t)
	r := start(t, f, f.options())
	if ev := r.next(); ev != (event{"reload", "1"}) {
		t.Fatalf("first event %v, want reload 1", ev)
	}
	if code, body := r.get(""); code != 200 || !strings.Contains(body, "<p>welcome</p>") || !strings.Contains(body, `data-build="1"`) {
		t.Fatalf("index: %d %.200q", code, body)
	}

	steps := []struct {
		name string
		edit func()
		page string
		code int
		want string
	}{
		{"markdown", func() { f.write(t, "content/_index.md", "welcome back") }, "", 200, "<p>welcome back</p>"},
		{"spreadsheet", func() { f.write(t, "data/actuals.csv", "id,amount\nINI-002,99") }, "", 200, "INI-002,99"},
		{"template", func() {
			f.write(t, "layouts/page.html", "<html><head><title>{{title}}</title></head><body><nav>v2</nav>{{body}}</body></html>")
		}, "", 200, "<nav>v2</nav><p>welcome back</p>"},
		{"config", func() { f.write(t, "opsalign.toml", "Renamed") }, "", 200, "<title>Renamed</title>"},
		{"new page", func() { f.write(t, "content/about.md", "about us") }, "about.html", 200, "<p>about us</p>"},
		{"vim save", func() { // :w with backupcopy=no: rename away, write anew, delete the backup
			f.write(t, "content/4913", "")
			os.Remove(f.path("content/4913"))
			must(t, os.Rename(f.path("content/about.md"), f.path("content/about.md~")))
			f.write(t, "content/about.md", "about vim")
			must(t, os.Remove(f.path("content/about.md~")))
		}, "about.html", 200, "<p>about vim</p>"},
		{"rename over", func() { // Helix, sed -i, most GUI editors
			f.write(t, "content/.about.md.tmp", "about helix")
			must(t, os.Rename(f.path("content/.about.md.tmp"), f.path("content/about.md")))
		}, "about.html", 200, "<p>about helix</p>"},
		{"new folder", func() {
			must(t, os.MkdirAll(f.path("content/team/europe"), 0o755))
			f.write(t, "content/team/europe/paris.md", "bonjour")
		}, "team/europe/paris.html", 200, "<p>bonjour</p>"},
		{"edit in new folder", func() { f.write(t, "content/team/europe/paris.md", "salut") }, "team/europe/paris.html", 200, "<p>salut</p>"},
		{"delete", func() { must(t, os.Remove(f.path("content/about.md"))) }, "about.html", 404, "Not found"},
		{"re-create", func() { f.write(t, "content/about.md", "about again") }, "about.html", 200, "<p>about again</p>"},
		{"delete folder", func() { must(t, os.RemoveAll(f.path("content/team"))) }, "team/europe/paris.html", 404, "Not found"},
		{"re-create folder", func() { f.write(t, "content/team/europe/paris.md", "encore") }, "team/europe/paris.html", 200, "<p>encore</p>"},
		{"watched folder appears", func() { f.write(t, "themes/default/css/site.css", "body{color:red}") }, "assets/css/site.css", 200, "color:red"},
		{"edit in it", func() { f.write(t, "themes/default/css/site.css", "body{color:blue}") }, "assets/css/site.css", 200, "color:blue"},
		{"watched folder removed", func() { must(t, os.RemoveAll(f.path("themes"))) }, "assets/css/site.css", 404, "Not found"},
		{"and re-created", func() { f.write(t, "themes/default/site.css", "p{}") }, "assets/site.css", 200, "p{}"},
		{"and renamed away", func() {
			must(t, os.Rename(f.path("themes/default"), f.path("themes/old")))
		}, "assets/site.css", 404, "Not found"},
		{"and back", func() {
			must(t, os.Rename(f.path("themes/old"), f.path("themes/default")))
		}, "assets/site.css", 200, "p{}"},
		{"edit after the moves", func() { f.write(t, "themes/default/site.css", "p{margin:0}") }, "assets/site.css", 200, "p{margin:0}"},
	}
	for _, s := range steps {
		s.edit()
		r.awaitPage(s.page, s.code, s.want)
		if t.Failed() {
			t.Fatalf("step %s failed", s.name)
		}
	}
	if code, body := r.get(""); code != 200 || !strings.Contains(body, "<title>Renamed</title></head><body><nav>v2</nav><p>welcome back</p><ul><li>INI-002,99</li>") {
		t.Errorf("index after the steps: %d %.200q", code, body)
	}
}

func TestServeIgnoresNoise(t *testing.T) {
	f := newFakeSite(t)
	r := start(t, f, f.options())
	r.next()
	n := f.ncalls()
	f.write(t, "public/index.html", "built")
	f.write(t, "public/deep/page.html", "built")
	f.write(t, "content/.about.md.swp", "x")
	f.write(t, "content/about.md.swx", "x")
	f.write(t, "content/about.md~", "x")
	f.write(t, "content/#about.md#", "x")
	f.write(t, "data/~$actuals.xlsx", "x")
	f.write(t, "data/.~lock.actuals.xlsx#", "x")
	f.write(t, "readme.txt", "beside the config")
	f.write(t, "content/_index.md", "after the noise")
	r.awaitPage("", 200, "after the noise")
	for _, c := range f.callsSince(n) {
		if !slices.Equal(c, []string{"content/_index.md"}) {
			t.Errorf("a build was given %q: ignored paths reached the builder", c)
		}
	}
}

func TestServeFailedBuildShowsErrorThenReloads(t *testing.T) {
	f := newFakeSite(t)
	r := start(t, f, f.options())
	r.next()
	f.write(t, "content/_index.md", "fig BROKEN <img src=x onerror=alert(1)>")
	msg := r.awaitError()
	if want := `content/_index.md:1:5: unknown figure "fig BROKEN <img src=x onerror=alert(1)>"`; msg != want {
		t.Errorf("error event %q, want %q", msg, want)
	}
	if code, body := r.get(""); code != 200 || !strings.Contains(body, "<p>welcome</p>") {
		t.Errorf("last good site not served: %d %.200q", code, body)
	}
	// A page opened now learns the error on connect.
	r2 := start(t, f, f.options()) // a second server, first build failing
	if code, body := r2.get(""); code != 500 || !strings.Contains(body, "unknown figure &#34;fig BROKEN &lt;img") {
		t.Errorf("first-build-failed page: %d %.300q", code, body)
	}
	f.write(t, "content/_index.md", "fixed")
	r.awaitPage("", 200, "<p>fixed</p>")
	r2.awaitPage("", 200, "<p>fixed</p>")
}

// TestServeHalfSavedSpreadsheet saves a workbook in two steps, the way
// Excel does: the first step fails the build, quietly; the second one
// completes the file and the page shows it.
func TestServeHalfSavedSpreadsheet(t *testing.T) {
	f := newFakeSite(t)
	r := start(t, f, f.options())
	r.next()
	p := f.path("data/register.xlsx")
	w, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.WriteString("INI-009,Warehouse robots\n"); err != nil {
		t.Fatal(err)
	}
	// Wait until the half file was built and failed, and retried: the second
	// step then arrives like Excel's last write.
	for f.ncalls() < 3 {
		select {
		case <-r.ctx.Done():
			t.Fatalf("%d builds: the half-written file was not retried", f.ncalls())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if _, err := w.WriteString("END"); err != nil {
		t.Fatal(err)
	}
	r.awaitPage("", 200, "<li>INI-009,Warehouse robots</li>")
}

func TestServeThousandSaves(t *testing.T) {
	f := newFakeSite(t)
	r := start(t, f, f.options())
	r.next()
	for i := range 1000 {
		f.write(t, "content/_index.md", "save "+strconv.Itoa(i))
	}
	f.write(t, "content/_index.md", "final save")
	r.awaitPage("", 200, "<p>final save</p>")
	if code, _ := r.get("_opsalign/names"); code != 200 {
		t.Errorf("server not answering after the saves: %d", code)
	}
	t.Logf("1001 saves, %d builds", f.ncalls())
}

func TestServePolling(t *testing.T) {
	f := newFakeSite(t)
	o := f.options()
	o.Poll = 10 * time.Millisecond
	r := start(t, f, o)
	r.next()
	f.write(t, "content/_index.md", "polled, longer")
	r.awaitPage("", 200, "<p>polled, longer</p>")
	f.write(t, "data/~$actuals.xlsx", "x")
	f.write(t, "content/new/page.md", "new")
	r.awaitPage("new/page.html", 200, "<p>new</p>")
}

func TestServeShutdownClosesStreams(t *testing.T) {
	f := newFakeSite(t)
	r := start(t, f, f.options())
	r.next()
	if err := r.stop(); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
	for {
		select {
		case _, ok := <-r.events:
			if !ok {
				return // stream closed
			}
		case <-r.ctx.Done():
			t.Fatal("event stream still open after shutdown")
		}
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	f := newFakeSite(t)
	o := f.options()
	o.Port = port
	err = Run(t.Context(), o, f.build)
	if err == nil || !strings.Contains(err.Error(), "in use") || !strings.Contains(err.Error(), "--port") {
		t.Errorf("Run on a busy port: %v, want an error saying it is in use and suggesting --port", err)
	}
	if f.ncalls() != 0 {
		t.Errorf("%d builds before failing on the port", f.ncalls())
	}
}

func TestRunNilBuilder(t *testing.T) {
	if err := Run(t.Context(), Options{}, nil); err == nil {
		t.Error("Run with a nil Builder succeeded")
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestServeStopsDuringBuild cancels Run while a build runs: the build is
// cancelled and Run returns nil.
func TestServeStopsDuringBuild(t *testing.T) {
	f := newFakeSite(t)
	started := make(chan struct{}, 1)
	slow := func(ctx context.Context, changed []string) (*site.Memory, error) {
		if changed == nil {
			return f.build(ctx, changed)
		}
		started <- struct{}{}
		<-ctx.Done()
		return nil, ctx.Err()
	}
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	runCtx, stop := context.WithCancel(ctx)
	ready := make(chan string, 1)
	o := f.options()
	o.Ready = func(u string) { ready <- u }
	done := make(chan error, 1)
	go func() { done <- Run(runCtx, o, slow) }()
	select {
	case <-ready:
	case <-ctx.Done():
		t.Fatal("not ready")
	}
	f.write(t, "content/_index.md", "slow")
	select {
	case <-started:
	case <-ctx.Done():
		t.Fatal("the edit started no build")
	}
	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	case <-ctx.Done():
		t.Fatal("Run did not return")
	}
}
