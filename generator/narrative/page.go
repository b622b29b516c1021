package narrative

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Page is one markdown file of the content folder.
type Page struct {
	File     string // path relative to the site folder, slash-separated: "content/_index.md"
	Name     string // file name without ".md" ("_index", "board-pack", "methodology"); nested folders: "guides/setup"
	Title    string // front matter title (default: first heading, else Name)
	Weight   int
	Draft    bool
	Body     string // markdown after the front matter
	BodyLine int    // 1-based line of File on which Body starts (for messages)
	// FrontMatter is the TOML text of the front matter ("" for none) and
	// FrontMatterLine the line of File on which it starts: the board
	// pack's decisions are read from it (package decisions).
	FrontMatter     string
	FrontMatterLine int
}

// Error is a problem at a line of a content file.
type Error struct {
	File string // relative to the site folder, slash-separated
	Line int    // 1-based line of File
	Err  error
}

// Error formats the problem compiler-style: "content/x.md:12: message".
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Load reads every .md file under dir of fsys (sorted by weight, then name).
// Front matter is TOML between "+++" lines (title, weight, draft; an unknown
// key or a TOML error is an error naming file:line). Files and folders whose
// names start with "." are skipped. A missing dir holds no pages: Load
// returns nil and no error.
func Load(fsys fs.FS, dir string) ([]Page, error) {
	if _, err := fs.Stat(fsys, dir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var pages []Page
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".md") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
		if dir == "." {
			rel = p
		}
		pg, err := Parse(p, strings.TrimSuffix(rel, ".md"), data)
		if err != nil {
			return err
		}
		pages = append(pages, pg)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(pages, func(i, j int) bool {
		if pages[i].Weight != pages[j].Weight {
			return pages[i].Weight < pages[j].Weight
		}
		return pages[i].Name < pages[j].Name
	})
	return pages, nil
}

// Parse reads one page from the bytes of file (its path relative to the
// site folder); name is the page's Name.
func Parse(file, name string, data []byte) (Page, error) {
	fmText, fmLine, body, bodyLine, err := splitFrontMatter(string(data))
	if err != nil {
		return Page{}, withFile(err, file)
	}
	p := Page{File: file, Name: name, Body: body, BodyLine: bodyLine}
	var fm frontMatter
	if fmText != nil {
		if fm, err = parseFrontMatter(*fmText, fmLine, name); err != nil {
			return Page{}, withFile(err, file)
		}
		p.FrontMatter, p.FrontMatterLine = *fmText, fmLine
	}
	p.Weight, p.Draft = fm.Weight, fm.Draft
	switch {
	case fm.hasTitle:
		p.Title = fm.Title
	default:
		p.Title = firstHeading(body)
		if p.Title == "" {
			p.Title = path.Base(name)
		}
	}
	return p, nil
}

// withFile sets the file of a *Error.
func withFile(err error, file string) error {
	var e *Error
	if errors.As(err, &e) {
		e.File = file
	}
	return err
}

// firstHeading returns the text of the first ATX heading of a markdown body
// outside fenced code, without its shortcodes, or "".
func firstHeading(body string) string {
	fence := ""
	for s := body; s != ""; {
		var l string
		l, s, _ = strings.Cut(s, "\n")
		t := strings.TrimRight(strings.TrimLeft(l, " "), " \t\r")
		if len(l)-len(strings.TrimLeft(l, " ")) > 3 {
			continue // indented code
		}
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		n := len(t) - len(strings.TrimLeft(t, "#"))
		if n < 1 || n > 6 || (len(t) > n && t[n] != ' ' && t[n] != '\t') {
			continue
		}
		h := strings.TrimSpace(t[n:])
		// An optional closing sequence of #s, preceded by a space.
		if c := strings.TrimRight(h, "#"); c != h && (c == "" || strings.HasSuffix(c, " ") || strings.HasSuffix(c, "\t")) {
			h = strings.TrimSpace(c)
		}
		// Shortcodes show live values; a title is plain text.
		if h = strings.Join(strings.Fields(stripShortcodes(h)), " "); h != "" {
			return h
		}
	}
	return ""
}

// BoardPack is the Name of the page that is the board pack's narrative
// (content/board-pack.md); only its front matter may hold decisions.
const BoardPack = "board-pack"
