package narrative

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Resolver supplies the live values a body can place.
type Resolver interface {
	Figure(name string) (string, error)
	Check(initiative, check string) (template.HTML, error)
	// CheckProse is a check's result as a fragment of a sentence, for a
	// check placed inside running text: no badge, no technical suffix,
	// dates written for people.
	CheckProse(initiative, check string) (string, error)
	Chart(name string) (template.HTML, error)
	Table(name string) (template.HTML, error)
}

// Renderer renders page bodies. It holds one configured goldmark instance;
// make one and reuse it for every page. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// NewRenderer returns a Renderer. Raw HTML in markdown is kept only when
// unsafeHTML is true; HTML supplied by a Resolver is always kept.
func NewRenderer(unsafeHTML bool) *Renderer {
	var opts []renderer.Option
	if unsafeHTML {
		opts = append(opts, ghtml.WithUnsafe())
	}
	opts = append(opts, renderer.WithNodeRenderers(util.Prioritized(shortcodeHTML{}, 500)))
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithInlineParsers(util.Prioritized(shortcodeParser{}, 50)),
		),
		goldmark.WithRendererOptions(opts...),
	)
	return &Renderer{md: md}
}

// Render turns a page's body into HTML.
func Render(p Page, r Resolver, unsafeHTML bool) (template.HTML, error) {
	return NewRenderer(unsafeHTML).Render(p, r)
}

// Render turns a page's body into HTML, placing the values r supplies for
// its shortcodes. Every unknown name and malformed shortcode is reported, as
// *Error values joined in the order of the body.
func (rd *Renderer) Render(p Page, r Resolver) (template.HTML, error) {
	src := []byte(p.Body)
	pc := parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}}))
	doc := rd.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var nodes []*shortcodeNode
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if sc, ok := n.(*shortcodeNode); ok && entering {
			nodes = append(nodes, sc)
		}
		return ast.WalkContinue, nil
	})
	var errs []error
	lines := lineCounter{src: src}
	for _, n := range nodes {
		err := n.err
		if err == nil {
			if n.code.Func == "check" && inProse(n) {
				var v string
				v, err = r.CheckProse(n.code.Args[0], n.code.Args[1])
				if err != nil {
					err = fmt.Errorf("check %q %q: %w", n.code.Args[0], n.code.Args[1], err)
				}
				n.html = template.HTML(`<span class="check-prose">` + html.EscapeString(v) + `</span>`)
			} else {
				n.html, err = resolve(n.code, r)
			}
		}
		if err != nil {
			errs = append(errs, &Error{File: p.File, Line: p.BodyLine + lines.line(n.offset) - 1, Err: err})
		}
	}
	if len(errs) > 0 {
		return "", errors.Join(errs...)
	}
	for _, n := range nodes {
		if n.code.isBlock() {
			liftBlock(n, src)
		}
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := rd.md.Renderer().Render(&buf, src, doc); err != nil {
		return "", &Error{File: p.File, Err: err}
	}
	return template.HTML(buf.String()), nil
}

// inProse reports whether a shortcode stands in running text: not inside
// a list item or a table cell, where a check keeps its badge form.
func inProse(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindListItem, extast.KindTableCell:
			return false
		}
	}
	return true
}

// resolve asks r for the HTML of one shortcode.
func resolve(sc Shortcode, r Resolver) (template.HTML, error) {
	switch sc.Func {
	case "figure":
		v, err := r.Figure(sc.Args[0])
		if err != nil {
			return "", fmt.Errorf("figure %q: %w", sc.Args[0], err)
		}
		return template.HTML(html.EscapeString(v)), nil
	case "check":
		h, err := r.Check(sc.Args[0], sc.Args[1])
		if err != nil {
			return "", fmt.Errorf("check %q %q: %w", sc.Args[0], sc.Args[1], err)
		}
		return h, nil
	case "chart":
		h, err := r.Chart(sc.Args[0])
		if err != nil {
			return "", fmt.Errorf("chart %q: %w", sc.Args[0], err)
		}
		return h, nil
	case "table":
		h, err := r.Table(sc.Args[0])
		if err != nil {
			return "", fmt.Errorf("table %q: %w", sc.Args[0], err)
		}
		return h, nil
	}
	return "", fmt.Errorf("function %q not defined", sc.Func)
}

// lineCounter maps byte offsets of a source to 1-based lines; offsets are
// asked in increasing order, so it counts each byte once.
type lineCounter struct {
	src  []byte
	pos  int // bytes counted so far
	seen int // newlines before pos
}

func (c *lineCounter) line(off int) int {
	if off < c.pos {
		c.pos, c.seen = 0, 0
	}
	off = min(off, len(c.src))
	c.seen += bytes.Count(c.src[c.pos:off], []byte{'\n'})
	c.pos = off
	return c.seen + 1
}

// liftBlock places a chart or table shortcode that sits in a paragraph (or
// a tight list item's text) as a block of its own, splitting the text
// around it, so that it is never wrapped in <p>. Elsewhere (a table cell,
// a heading) it stays inline.
func liftBlock(n *shortcodeNode, src []byte) {
	par := n.Parent()
	if par == nil || (par.Kind() != ast.KindParagraph && par.Kind() != ast.KindTextBlock) {
		return
	}
	grand := par.Parent()
	if grand == nil {
		return
	}
	before := par.Kind() == ast.KindParagraph
	newPar := func() ast.Node {
		if before {
			return ast.NewParagraph()
		}
		return ast.NewTextBlock()
	}
	// Move the children after n into a new paragraph after the block.
	after := newPar()
	for c := n.NextSibling(); c != nil; {
		next := c.NextSibling()
		after.AppendChild(after, c)
		c = next
	}
	block := &shortcodeBlock{html: n.html}
	par.RemoveChild(par, n)
	grand.InsertAfter(grand, par, block)
	trimLeading(after, src)
	if after.HasChildren() {
		grand.InsertAfter(grand, block, after)
	}
	trimTrailing(par, src)
	if !par.HasChildren() {
		grand.RemoveChild(grand, par)
	}
}

// trimLeading drops the blank text that starts a split paragraph.
func trimLeading(p ast.Node, src []byte) {
	for c := p.FirstChild(); c != nil; c = p.FirstChild() {
		t, ok := c.(*ast.Text)
		if !ok {
			return
		}
		t.Segment = t.Segment.TrimLeftSpace(src)
		if t.Segment.Len() > 0 {
			return
		}
		p.RemoveChild(p, t)
	}
}

// trimTrailing drops the blank text and line break that end a split
// paragraph.
func trimTrailing(p ast.Node, src []byte) {
	for c := p.LastChild(); c != nil; c = p.LastChild() {
		t, ok := c.(*ast.Text)
		if !ok {
			return
		}
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
		t.Segment = t.Segment.TrimRightSpace(src)
		if t.Segment.Len() > 0 {
			return
		}
		p.RemoveChild(p, t)
	}
}
