package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/site"
)

func TestFileStem(t *testing.T) {
	tests := []struct{ id, want string }{
		{"INI-001", "INI-001"},
		{"ini_2", "ini_2"},
		{"M-01", "M-01"},
		{"", "~"},
		{"a b", "a~20b"},
		{"a.b", "a~2Eb"},
		{"..", "~2E~2E"},
		{"../etc/passwd", "~2E~2E~2Fetc~2Fpasswd"},
		{`a\b`, "a~5Cb"},
		{"-x", "~2Dx"},
		{"_x", "~5Fx"},
		{"a~20b", "a~7E20b"},
		{"index", "~index"},
		{"CON", "~CON"},
		{"nul", "~nul"},
		{"é", "~C3~A9"},
		{"<img src=x onerror=alert(1)>", "~3Cimg~20src~3Dx~20onerror~3Dalert~281~29~3E"},
	}
	for _, tt := range tests {
		if got := FileStem(tt.id); got != tt.want {
			t.Errorf("FileStem(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestFileStemLong(t *testing.T) {
	a := strings.Repeat("x", 200)
	b := strings.Repeat("x", 199) + "y"
	sa, sb := FileStem(a), FileStem(b)
	if len(sa) != maxNameLen || len(sb) != maxNameLen {
		t.Errorf("len = %d, %d; want %d", len(sa), len(sb), maxNameLen)
	}
	if sa == sb {
		t.Errorf("long ids differing only at the end share the stem %q", sa)
	}
	if !strings.HasPrefix(sa, strings.Repeat("x", maxNameLen-20)+"~~") {
		t.Errorf("FileStem(long) = %q, want a readable prefix and ~~hash", sa)
	}
}

func TestFileNamesCaseFold(t *testing.T) {
	got := fileNames([]string{"INI-001", "ini-001", "INI-002", "INI-002"})
	if len(got) != 3 {
		t.Fatalf("got %d names, want 3: %v", len(got), got)
	}
	if got["INI-002"] != "INI-002.html" {
		t.Errorf("INI-002 → %q, want INI-002.html", got["INI-002"])
	}
	a, b := got["INI-001"], got["ini-001"]
	if strings.EqualFold(a, b) {
		t.Errorf("INI-001 → %q and ini-001 → %q collide on a case-insensitive file system", a, b)
	}
	if !strings.HasPrefix(a, "INI-001~~") || !strings.HasSuffix(a, ".html") {
		t.Errorf("INI-001 → %q, want INI-001~~<hash>.html", a)
	}
	// The result depends on the set, not the order.
	again := fileNames([]string{"ini-001", "INI-002", "INI-001"})
	for id, n := range again {
		if got[id] != n {
			t.Errorf("order changed %q: %q vs %q", id, got[id], n)
		}
	}
}

// unstem undoes FileStem for ids short enough not to be hashed.
func unstem(s string) (string, bool) {
	if s == "~" {
		return "", true
	}
	if r, ok := strings.CutPrefix(s, "~"); ok && reserved(r) {
		return r, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '~' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", false
		}
		v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", false
		}
		b.WriteByte(byte(v))
		i += 2
	}
	return b.String(), true
}

func FuzzFileStem(f *testing.F) {
	for _, s := range []string{"INI-001", "", "..", "a/b", "index", "CON", "<script>", "~41", "é", strings.Repeat("z", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		s := FileStem(id)
		if strings.ContainsAny(s, "/\\.\x00") || s == "" {
			t.Fatalf("FileStem(%q) = %q", id, s)
		}
		if err := site.CheckPath("initiatives/" + s + ".html"); err != nil {
			t.Fatalf("FileStem(%q) = %q: %v", id, s, err)
		}
		if len(s) > maxNameLen {
			t.Fatalf("FileStem(%q) = %q is longer than %d", id, s, maxNameLen)
		}
		if strings.Contains(s, "~~") {
			return // cut and hashed
		}
		if back, ok := unstem(s); !ok || back != id {
			t.Fatalf("FileStem(%q) = %q, which reads back as %q", id, s, back)
		}
	})
}
