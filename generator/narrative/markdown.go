package narrative

import (
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The AST kinds of shortcodes. goldmark registers kinds once per process,
// like its own extensions do.
var (
	kindShortcode      = ast.NewNodeKind("Shortcode")
	kindShortcodeBlock = ast.NewNodeKind("ShortcodeBlock")
)

// shortcodeNode is a shortcode in running text.
type shortcodeNode struct {
	ast.BaseInline
	code   Shortcode
	offset int   // byte offset of "{{" in the body
	err    error // a syntax error, reported after parsing
	html   template.HTML
}

// Kind implements ast.Node.
func (n *shortcodeNode) Kind() ast.NodeKind { return kindShortcode }

// Dump implements ast.Node.
func (n *shortcodeNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Func": n.code.Func}, nil)
}

// shortcodeBlock is a chart or table placed as a block of its own.
type shortcodeBlock struct {
	ast.BaseBlock
	html template.HTML
}

// Kind implements ast.Node.
func (n *shortcodeBlock) Kind() ast.NodeKind { return kindShortcodeBlock }

// Dump implements ast.Node.
func (n *shortcodeBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// shortcodeParser is the goldmark inline parser of "{{ ... }}".
type shortcodeParser struct{}

// Trigger implements parser.InlineParser.
func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser. A "{" not followed by "{" is text;
// a malformed action becomes a node carrying its error, so that it is
// reported with its line instead of being shown.
func (shortcodeParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[1] != '{' {
		return nil
	}
	code, n, err := parseShortcode(string(line))
	if err != nil {
		n = 2 // report it, and read on after "{{"
	}
	block.Advance(n)
	return &shortcodeNode{code: code, offset: seg.Start, err: err}
}

// shortcodeHTML renders shortcode nodes with the HTML resolved for them.
type shortcodeHTML struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (shortcodeHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindShortcode, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(string(n.(*shortcodeNode).html))
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindShortcodeBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(string(n.(*shortcodeBlock).html))
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}
