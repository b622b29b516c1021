package htmlexec

import (
	"fmt"
	"html/template"
	"reflect"
	"sync/atomic"
	"text/template/parse"
)

// A program is one template's tree, after html/template escaped it, in
// the form a fast run walks: every function resolved, every escaper
// chain split off its pipeline, every field with a cache of where it is.

type node interface{}

type textNode struct{ text []byte }

type actionNode struct {
	pipe *pipe
	// escs are the escapers that end the pipeline (html/template's); the
	// value before them is stringified and run through them.
	escs []escaper
	// partial is set for {{partial "name" arg}} in text, whose
	// template.HTML the HTML escaper leaves as it is: written directly.
	partial *command
}

type ifNode struct {
	with           bool
	pipe           *pipe
	list, elseList []node
}

type rangeNode struct {
	pipe           *pipe
	list, elseList []node
}

type templateNode struct {
	name string
	pipe *pipe
	prog *program // the compiled template name; nil: look it up
}

type pipe struct {
	decl []string
	cmds []*command
}

// command kinds.
const (
	cmdField    = iota // .A.B args…: a chain on dot
	cmdVariable        // $x.A.B args…
	cmdDot             // .
	cmdString          // "text"
	cmdBool
	cmdNumber // an integer constant
	cmdPipe   // (pipeline)
	cmdFunc   // a function of the FuncMap, called through reflect
	cmdPartial
	cmdBuiltin
)

type command struct {
	kind int
	// field and variable chains
	variable string
	fields   []*field
	// chain caches where a chain of fields ends on the last receiver
	// type it met (chainOf).
	chain atomic.Pointer[chainInfo]
	args  []*command // arguments (after the first word), as commands
	// constants
	str  reflect.Value
	pipe *pipe
	// functions
	name    string
	fn      reflect.Value
	partial func(string, any) (template.HTML, error)
	builtin int
}

// field is one name of a chain, with a cache of the last receiver type
// it was looked up on.
type field struct {
	name  string
	cache atomic.Pointer[fieldInfo]
}

// fieldInfo says where a name is on a receiver type, addressable or not:
// a method (index, of the type or of its pointer when addressable) or a
// struct field (index path).
type fieldInfo struct {
	typ    reflect.Type
	addr   bool
	method int // -1: not a method
	index  []int
}

// chainInfo says where a chain of names ends on a receiver type,
// addressable or not: when every name is a struct field of one index and
// every field but the last is a struct (not a pointer, not an
// interface), the chain is that path of fields (ok); else the chain is
// evaluated a name at a time.
type chainInfo struct {
	typ   reflect.Type
	addr  bool
	ok    bool
	index []int
}

// chainOf resolves the names fs on a receiver of type typ (not a pointer
// nor an interface), addressable or not, as evalField would one by one.
func chainOf(typ reflect.Type, addr bool, fs []*field) *chainInfo {
	c := &chainInfo{typ: typ, addr: addr}
	t := typ
	for _, f := range fs {
		if t.Kind() != reflect.Struct {
			return c // a pointer or an interface on the way: indirect, nil checks
		}
		info := lookup(t, addr, f.name)
		if info.method >= 0 || len(info.index) != 1 {
			return c
		}
		c.index = append(c.index, info.index[0])
		t = t.Field(info.index[0]).Type // not a struct: the next name is not taken
	}
	c.ok = true
	return c
}

// builtins a fast run knows.
const (
	biNot = iota
	biAnd
	biOr
	biEq
	biNe
	biLt
	biLe
	biGt
	biGe
	biLen
)

var builtinNames = map[string]int{"not": biNot, "and": biAnd, "or": biOr, "eq": biEq, "ne": biNe,
	"lt": biLt, "le": biLe, "gt": biGt, "ge": biGe, "len": biLen}

// errUnsupported marks a construct a fast run does not handle: the
// template is then always executed by html/template.
type errUnsupported struct{ what string }

func (e errUnsupported) Error() string { return "htmlexec: unsupported: " + e.what }

func unsupported(format string, a ...any) error {
	return errUnsupported{fmt.Sprintf(format, a...)}
}

// compiler turns escaped trees into programs.
type compiler struct {
	funcs template.FuncMap
}

func (c *compiler) list(l *parse.ListNode) ([]node, error) {
	if l == nil {
		return nil, nil
	}
	out := make([]node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		cn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if cn != nil {
			out = append(out, cn)
		}
	}
	return out, nil
}

func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		return &textNode{text: n.Text}, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.branch(false, &n.BranchNode)
	case *parse.WithNode:
		return c.branch(true, &n.BranchNode)
	case *parse.RangeNode:
		if n.Pipe.IsAssign {
			return nil, unsupported("range with assignment")
		}
		if len(n.Pipe.Decl) > 2 {
			return nil, unsupported("range with %d variables", len(n.Pipe.Decl))
		}
		p, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		list, err := c.list(n.List)
		if err != nil {
			return nil, err
		}
		elseList, err := c.list(n.ElseList)
		if err != nil {
			return nil, err
		}
		return &rangeNode{pipe: p, list: list, elseList: elseList}, nil
	case *parse.TemplateNode:
		p, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		return &templateNode{name: n.Name, pipe: p}, nil
	}
	return nil, unsupported("node %s", n)
}

func (c *compiler) branch(with bool, b *parse.BranchNode) (node, error) {
	if b.Pipe.IsAssign {
		return nil, unsupported("assignment in if or with")
	}
	p, err := c.pipe(b.Pipe)
	if err != nil {
		return nil, err
	}
	list, err := c.list(b.List)
	if err != nil {
		return nil, err
	}
	elseList, err := c.list(b.ElseList)
	if err != nil {
		return nil, err
	}
	return &ifNode{with: with, pipe: p, list: list, elseList: elseList}, nil
}

func (c *compiler) action(n *parse.ActionNode) (node, error) {
	if n.Pipe.IsAssign {
		return nil, unsupported("assignment")
	}
	cmds := n.Pipe.Cmds
	var escs []escaper
	for len(cmds) > 0 {
		last := cmds[len(cmds)-1]
		id, ok := last.Args[0].(*parse.IdentifierNode)
		if !ok {
			break
		}
		esc, ok := escapers[id.Ident]
		if !ok {
			break
		}
		if len(last.Args) != 1 || len(cmds) == 1 {
			return nil, unsupported("escaper %s with arguments", id.Ident)
		}
		escs = append([]escaper{esc}, escs...)
		cmds = cmds[:len(cmds)-1]
	}
	if len(escs) > 0 && len(n.Pipe.Decl) > 0 {
		return nil, unsupported("escaped declaration")
	}
	p, err := c.pipeOf(n.Pipe.Decl, cmds)
	if err != nil {
		return nil, err
	}
	a := &actionNode{pipe: p, escs: escs}
	if len(p.decl) == 0 && len(p.cmds) == 1 && p.cmds[0].kind == cmdPartial && len(escs) == 1 &&
		n.Pipe.Cmds[len(n.Pipe.Cmds)-1].Args[0].(*parse.IdentifierNode).Ident == "_html_template_htmlescaper" {
		a.partial = p.cmds[0]
	}
	return a, nil
}

func (c *compiler) pipe(p *parse.PipeNode) (*pipe, error) {
	if p == nil {
		return nil, nil
	}
	if p.IsAssign {
		return nil, unsupported("assignment")
	}
	return c.pipeOf(p.Decl, p.Cmds)
}

func (c *compiler) pipeOf(decl []*parse.VariableNode, cmds []*parse.CommandNode) (*pipe, error) {
	out := &pipe{}
	for _, v := range decl {
		if len(v.Ident) != 1 {
			return nil, unsupported("declaration %s", v)
		}
		out.decl = append(out.decl, v.Ident[0])
	}
	for _, cmd := range cmds {
		cc, err := c.command(cmd.Args)
		if err != nil {
			return nil, err
		}
		out.cmds = append(out.cmds, cc)
	}
	return out, nil
}

// command compiles a command: its first word and its arguments.
func (c *compiler) command(words []parse.Node) (*command, error) {
	cmd, err := c.word(words[0])
	if err != nil {
		return nil, err
	}
	for _, a := range words[1:] {
		ac, err := c.word(a)
		if err != nil {
			return nil, err
		}
		cmd.args = append(cmd.args, ac)
	}
	if len(cmd.args) > 0 {
		switch cmd.kind {
		case cmdField, cmdVariable, cmdFunc, cmdPartial, cmdBuiltin:
		default:
			return nil, unsupported("arguments to %s", words[0])
		}
	}
	if cmd.kind == cmdPartial {
		if len(cmd.args) != 2 || cmd.args[0].kind != cmdString {
			return nil, unsupported("partial without a constant name and one argument")
		}
	}
	return cmd, nil
}

func (c *compiler) word(n parse.Node) (*command, error) {
	switch n := n.(type) {
	case *parse.FieldNode:
		return &command{kind: cmdField, fields: fields(n.Ident)}, nil
	case *parse.VariableNode:
		return &command{kind: cmdVariable, variable: n.Ident[0], fields: fields(n.Ident[1:])}, nil
	case *parse.DotNode:
		return &command{kind: cmdDot}, nil
	case *parse.StringNode:
		return &command{kind: cmdString, str: reflect.ValueOf(n.Text), name: n.Text}, nil
	case *parse.BoolNode:
		return &command{kind: cmdBool, str: reflect.ValueOf(n.True)}, nil
	case *parse.NumberNode:
		if !n.IsInt || n.IsFloat && !isPlainInt(n.Text) || int64(int(n.Int64)) != n.Int64 {
			return nil, unsupported("number %s", n.Text)
		}
		return &command{kind: cmdNumber, str: reflect.ValueOf(int(n.Int64))}, nil
	case *parse.PipeNode:
		if n.IsAssign || len(n.Decl) > 0 {
			return nil, unsupported("declaration in parentheses")
		}
		p, err := c.pipe(n)
		if err != nil {
			return nil, err
		}
		return &command{kind: cmdPipe, pipe: p}, nil
	case *parse.IdentifierNode:
		if f, ok := c.funcs[n.Ident]; ok {
			if n.Ident == "partial" {
				if p, ok := f.(func(string, any) (template.HTML, error)); ok {
					return &command{kind: cmdPartial, name: n.Ident, partial: p}, nil
				}
			}
			fv := reflect.ValueOf(f)
			if fv.Kind() != reflect.Func {
				return nil, unsupported("function %s", n.Ident)
			}
			t := fv.Type()
			if t.NumOut() == 0 || t.NumOut() > 2 || t.NumOut() == 2 && t.Out(1) != errorType {
				return nil, unsupported("function %s results", n.Ident)
			}
			return &command{kind: cmdFunc, name: n.Ident, fn: fv}, nil
		}
		if b, ok := builtinNames[n.Ident]; ok {
			return &command{kind: cmdBuiltin, name: n.Ident, builtin: b}, nil
		}
		return nil, unsupported("function %s", n.Ident)
	}
	return nil, unsupported("%s", n)
}

var errorType = reflect.TypeFor[error]()

// isPlainInt reports whether a number's text is decimal digits.
func isPlainInt(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func fields(names []string) []*field {
	fs := make([]*field, len(names))
	for i, n := range names {
		fs[i] = &field{name: n}
	}
	return fs
}
