package narrative

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		want      Page
		wantErr   string
	}{
		{
			name: "no front matter, title from heading",
			src:  "intro\n\n## Where we stand ##\n\ntext\n",
			want: Page{Title: "Where we stand", Body: "intro\n\n## Where we stand ##\n\ntext\n", BodyLine: 1},
		},
		{
			name: "no front matter, no heading",
			src:  "just text\n",
			want: Page{Title: "x", Body: "just text\n", BodyLine: 1},
		},
		{
			name: "heading inside a code fence is not the title",
			src:  "```\n# not this\n```\n# This\n",
			want: Page{Title: "This", Body: "```\n# not this\n```\n# This\n", BodyLine: 1},
		},
		{
			name: "shortcodes left out of a heading title",
			src:  "# {{ figure \"period\" }}\n## Spend in  {{ figure \"period\" }} review\n",
			want: Page{Title: "Spend in review", Body: "# {{ figure \"period\" }}\n## Spend in  {{ figure \"period\" }} review\n", BodyLine: 1},
		},
		{
			name: "empty front matter",
			src:  "+++\n+++\nbody\n",
			want: Page{Title: "x", Body: "body\n", BodyLine: 3},
		},
		{
			name: "all keys",
			src:  "+++\ntitle = \"Board pack\"\nweight = -2\ndraft = true\n+++\n# Heading\n",
			want: Page{Title: "Board pack", Weight: -2, Draft: true, Body: "# Heading\n", BodyLine: 6},
		},
		{
			name: "empty title is kept",
			src:  "+++\ntitle = \"\"\n+++\n# Heading\n",
			want: Page{Title: "", Body: "# Heading\n", BodyLine: 4},
		},
		{
			name: "CRLF and byte order mark",
			src:  "\uFEFF+++\r\ntitle = \"T\"\r\n+++\r\nbody\r\n",
			want: Page{Title: "T", Body: "body\r\n", BodyLine: 4},
		},
		{
			name: "front matter closes at end of file",
			src:  "+++\nweight = 3\n+++",
			want: Page{Title: "x", Weight: 3, BodyLine: 4},
		},
		{
			name:    "unknown key",
			src:     "+++\ntitle = \"T\"\n\nauthor = \"me\"\n+++\nbody\n",
			wantErr: `content/x.md:4: front matter: unknown key "author" (want title, weight, draft or decisions)`,
		},
		{
			name:    "unknown table",
			src:     "+++\nweight = 1\n[params]\na = 1\n+++\n",
			wantErr: `content/x.md:3: front matter: unknown key "params" (want title, weight, draft or decisions)`,
		},
		{
			name:    "bad TOML",
			src:     "+++\ntitle = \"T\"\nweight = = 3\n+++\n",
			wantErr: "content/x.md:3: front matter: ",
		},
		{
			name:    "unterminated string",
			src:     "+++\n\n\ntitle = \"T\n+++\n",
			wantErr: "content/x.md:4: front matter: ",
		},
		{
			name:    "wrong type",
			src:     "+++\ntitle = \"T\"\nweight = \"heavy\"\n+++\n",
			wantErr: "content/x.md:3: front matter: weight must be an integer, not a string",
		},
		{
			name:    "draft not bool",
			src:     "+++\ndraft = 1\n+++\n",
			wantErr: "content/x.md:2: front matter: draft must be true or false, not an integer",
		},
		{
			name:    "decisions outside the board pack",
			src:     "+++\ntitle = \"T\"\n\n[[decisions]]\nid = \"D-1\"\n+++\nbody\n",
			wantErr: "content/x.md:4: front matter: decisions belong in the board pack's front matter (content/board-pack.md), not in this page",
		},
		{
			name:    "unclosed",
			src:     "+++\ntitle = \"T\"\nbody\n",
			wantErr: `content/x.md:1: front matter opened with "+++" is not closed`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("content/x.md", "x", []byte(tt.src))
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want prefix %q", err, tt.wantErr)
				}
				var e *Error
				if !errors.As(err, &e) || e.File != "content/x.md" {
					t.Errorf("error %v is not an *Error naming the file", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.File, tt.want.Name = "content/x.md", "x"
			if got.FrontMatter != "" && got.FrontMatterLine != 2 {
				t.Errorf("front matter at line %d, want 2", got.FrontMatterLine)
			}
			got.FrontMatter, got.FrontMatterLine = "", 0 // the decisions' source, tested in package decisions
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestParseBoardPackDecisions: the board pack's front matter may hold
// decisions (read by package decisions); no other page's may.
func TestParseBoardPackDecisions(t *testing.T) {
	src := "+++\n[[decisions]]\nid = \"D-1\"\n+++\nbody\n"
	p, err := Parse("content/board-pack.md", BoardPack, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if p.FrontMatter != "[[decisions]]\nid = \"D-1\"\n" || p.FrontMatterLine != 2 {
		t.Errorf("front matter %q at line %d", p.FrontMatter, p.FrontMatterLine)
	}
	if _, err := Parse("content/guides/board-pack.md", "guides/board-pack", []byte(src)); err == nil ||
		err.Error() != "content/guides/board-pack.md:2: front matter: decisions belong in the board pack's front matter (content/board-pack.md), not in this page" {
		t.Errorf("decisions in guides/board-pack.md: err = %v", err)
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":       {Data: []byte("+++\nweight = 1\n+++\n# Overview\n")},
		"content/board-pack.md":   {Data: []byte("+++\ntitle = \"Board pack\"\nweight = 2\n+++\n")},
		"content/methodology.md":  {Data: []byte("# How it works\n")},
		"content/guides/setup.md": {Data: []byte("+++\ndraft = true\n+++\n")},
		"content/notes.txt":       {Data: []byte("not markdown")},
		"content/.hidden.md":      {Data: []byte("+++\nbad = 1\n+++\n")},
		"content/.git/x.md":       {Data: []byte("+++\nbad = 1\n+++\n")},
		"other/ignored.md":        {Data: []byte("x")},
	}
	pages, err := Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pages {
		got = append(got, p.File+"|"+p.Name+"|"+p.Title)
	}
	want := []string{
		"content/guides/setup.md|guides/setup|setup",
		"content/methodology.md|methodology|How it works",
		"content/_index.md|_index|Overview",
		"content/board-pack.md|board-pack|Board pack",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !pages[0].Draft {
		t.Error("guides/setup should be a draft")
	}
}

func TestLoadErrors(t *testing.T) {
	pages, err := Load(fstest.MapFS{"x.md": {Data: []byte("x")}}, "content")
	if err != nil || pages != nil {
		t.Errorf("missing folder: pages %v, error %v; want none", pages, err)
	}
	_, err = Load(fstest.MapFS{"content/a.md": {Data: []byte("+++\n\nweight = 1.5\n+++\n")}}, "content")
	if want := "content/a.md:3: front matter: weight must be an integer, not a float"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add("+++\ntitle = \"T\"\nweight = 2\n+++\n# H\n")
	f.Add("+++\n[a]\nb = 1\n+++\n")
	f.Add("+++\ntitle = '''\nx\n'''\n+++\n")
	f.Add("no front matter")
	f.Fuzz(func(t *testing.T, src string) {
		pages, err := Load(fstest.MapFS{"content/f.md": {Data: []byte(src)}}, "content")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "content/f.md:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		p := pages[0]
		if p.BodyLine < 1 || !strings.HasSuffix(src, p.Body) {
			t.Fatalf("body %q (line %d) is not the tail of the source", p.Body, p.BodyLine)
		}
		if got := strings.Count(strings.TrimPrefix(src, "\uFEFF")[:len(strings.TrimPrefix(src, "\uFEFF"))-len(p.Body)], "\n") + 1; p.Body != "" && got != p.BodyLine {
			t.Fatalf("BodyLine %d, but the body starts on line %d", p.BodyLine, got)
		}
	})
}
