package htmlexec

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// Set executes the templates of one html/template set. Safe for
// concurrent use.
type Set struct {
	t     *template.Template
	funcs template.FuncMap

	mu    sync.RWMutex
	progs map[string]*program
	// roots are the templates html/template executed by name without an
	// error: escaped as the root of an execution, as a fast run of them
	// assumes.
	roots map[string]bool
	// fallbacks counts fast runs that left the execution to html/template.
	fallbacks    atomic.Int64
	lastFallback atomic.Pointer[string]
}

// program is one template's compiled tree; nil nodes and ok false when
// the tree holds something a fast run does not handle.
type program struct {
	nodes []node
	ok    bool
	why   string // why not, when not ok
}

// New returns the Set that executes the templates of t. funcs are the
// functions t was given (template.Template.Funcs; the last binding of each
// name), which html/template does not let a caller read back.
func New(t *template.Template, funcs template.FuncMap) *Set {
	return &Set{t: t, funcs: funcs, progs: map[string]*program{}, roots: map[string]bool{}}
}

// Execute writes the template name of the set executed with data to buf,
// as html/template's ExecuteTemplate does (the same bytes, the same
// errors: on an error, or a value or construct a fast run does not
// handle, the execution is left to html/template, after what was
// written is taken back).
func (s *Set) Execute(buf *bytes.Buffer, name string, data any) error {
	s.mu.RLock()
	p, root := s.progs[name], s.roots[name]
	s.mu.RUnlock()
	if !root || p == nil || !p.ok {
		err := s.t.ExecuteTemplate(buf, name, data)
		if !root && err == nil {
			s.compile(name)
		}
		return err
	}
	n := buf.Len()
	if s.run(buf, p, data) {
		return nil
	}
	s.fallbacks.Add(1)
	buf.Truncate(n)
	return s.t.ExecuteTemplate(buf, name, data)
}

// program returns the compiled template name, nil before its first
// execution.
func (s *Set) program(name string) *program {
	s.mu.RLock()
	p := s.progs[name]
	s.mu.RUnlock()
	return p
}

// compile compiles the template name and every template it calls, once
// html/template executed it (and so escaped it and every template it
// calls). A template that calls one whose escaped tree is a copy that
// html/template keeps to itself (one called in another context than
// text) stays html/template's.
func (s *Set) compile(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.compileLocked(name, map[string]bool{})
	s.roots[name] = true
}

func (s *Set) compileLocked(name string, busy map[string]bool) *program {
	if p, ok := s.progs[name]; ok {
		return p
	}
	if busy[name] {
		// A recursive call: compiled on return from the outer one.
		return &program{ok: true}
	}
	busy[name] = true
	p := &program{}
	t := s.t.Lookup(name)
	if t != nil && t.Tree != nil && t.Tree.Root != nil {
		c := compiler{funcs: s.funcs}
		nodes, err := c.list(t.Tree.Root)
		if err == nil {
			p.nodes, p.ok = nodes, true
			if why := s.callees(nodes, busy); why != "" {
				p.nodes, p.ok, p.why = nil, false, why
			}
		} else {
			p.why = err.Error()
		}
	} else {
		p.why = "no escaped tree of " + name
	}
	s.progs[name] = p
	return p
}

// callees compiles the templates nodes call and says why one of them did
// not compile, "" when all did.
func (s *Set) callees(nodes []node, busy map[string]bool) string {
	for _, n := range nodes {
		var why string
		switch n := n.(type) {
		case *templateNode:
			recursive := busy[n.name] && s.progs[n.name] == nil
			if p := s.compileLocked(n.name, busy); !p.ok {
				why = n.name + ": " + p.why
			} else if !recursive {
				n.prog = p
			}
		case *ifNode:
			if why = s.callees(n.list, busy); why == "" {
				why = s.callees(n.elseList, busy)
			}
		case *rangeNode:
			if why = s.callees(n.list, busy); why == "" {
				why = s.callees(n.elseList, busy)
			}
		}
		if why != "" {
			return why
		}
	}
	return ""
}

// Fast reports whether the template name runs fast (after its first
// execution), for tests.
func (s *Set) Fast(name string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p := s.progs[name]
	return s.roots[name] && p != nil && p.ok
}

// Unsupported says why the template name is executed by html/template
// alone, "" when it runs fast or did not run yet.
func (s *Set) Unsupported(name string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if p := s.progs[name]; p != nil {
		return p.why
	}
	return ""
}

// Fallbacks returns how many executions of compiled templates met a value
// the fast run does not handle and were left to html/template.
func (s *Set) Fallbacks() int64 { return s.fallbacks.Load() }

// LastFallback says why the last execution left to html/template was, ""
// when none was.
func (s *Set) LastFallback() string {
	if p := s.lastFallback.Load(); p != nil {
		return *p
	}
	return ""
}

// bailOut is the panic of a run that meets what it does not handle.
type bailOut struct{ why string }

// run executes p with data into buf and reports whether it could.
func (s *Set) run(buf *bytes.Buffer, p *program, data any) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
			why := fmt.Sprint(r)
			if b, isBail := r.(bailOut); isBail {
				why = b.why
			}
			s.lastFallback.Store(&why)
		}
	}()
	st := &state{set: s, buf: buf}
	dot := reflect.ValueOf(data)
	st.vars = append(st.vars, variable{"$", dot})
	st.walk(dot, p.nodes)
	return true
}

type variable struct {
	name  string
	value reflect.Value
}

type state struct {
	set   *Set
	buf   *bytes.Buffer
	vars  []variable
	base  int // the first variable of the template being walked
	depth int
}

func bail(why string) { panic(bailOut{why}) }

func (s *state) walk(dot reflect.Value, nodes []node) {
	for _, n := range nodes {
		switch n := n.(type) {
		case *textNode:
			s.buf.Write(n.text)
		case *actionNode:
			if n.partial != nil {
				s.buf.WriteString(string(s.callPartial(dot, n.partial)))
				continue
			}
			v := s.evalPipe(dot, n.pipe)
			if len(n.pipe.decl) > 0 {
				continue
			}
			if len(n.escs) == 0 {
				s.print(v)
				continue
			}
			str, ct, ok := stringify(v)
			if !ok {
				bail("a value of type " + typeName(v))
			}
			for _, esc := range n.escs {
				if str, ok = esc(str, ct); !ok {
					bail("an escaper for a value of type " + typeName(v))
				}
				ct = contentTypePlain
			}
			s.buf.WriteString(str)
		case *ifNode:
			mark := len(s.vars)
			v := s.evalPipe(dot, n.pipe)
			truth, ok := isTrue(indirectInterface(v))
			if !ok {
				bail("if or with of type " + typeName(v))
			}
			if truth {
				if n.with {
					s.walk(v, n.list)
				} else {
					s.walk(dot, n.list)
				}
			} else if n.elseList != nil {
				s.walk(dot, n.elseList)
			}
			s.vars = s.vars[:mark]
		case *rangeNode:
			s.walkRange(dot, n)
		case *templateNode:
			s.walkTemplate(dot, n)
		}
	}
}

// print writes a value an action without escapers yields (html/template
// gives every printing action escapers: only a plain string is handled).
func (s *state) print(v reflect.Value) {
	if v.Kind() == reflect.String && v.Type().NumMethod() == 0 {
		s.buf.WriteString(v.String())
		return
	}
	bail("printing a value of type " + typeName(v))
}

func (s *state) walkRange(dot reflect.Value, r *rangeNode) {
	mark := len(s.vars)
	val, _ := indirect(s.evalPipe(dot, r.pipe))
	inner := len(s.vars)
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := 0; i < val.Len(); i++ {
			elem := val.Index(i)
			if len(r.pipe.decl) > 0 {
				s.vars[inner-1].value = elem
			}
			if len(r.pipe.decl) > 1 {
				s.vars[inner-2].value = reflect.ValueOf(i)
			}
			s.walk(elem, r.list)
			s.vars = s.vars[:inner]
		}
		s.vars = s.vars[:mark]
		return
	case reflect.Invalid:
	default:
		bail("range over " + typeName(val)) // maps, channels, functions, integers: html/template's
	}
	if r.elseList != nil {
		s.walk(dot, r.elseList)
	}
	s.vars = s.vars[:mark]
}

const maxDepth = 1000

func (s *state) walkTemplate(dot reflect.Value, t *templateNode) {
	p := t.prog
	if p == nil {
		p = s.set.program(t.name)
	}
	if p == nil || !p.ok || s.depth >= maxDepth {
		bail("template " + t.name)
	}
	dot = s.evalPipe(dot, t.pipe)
	// No dynamic scoping: the template sees only its own variables.
	base, depth := s.base, s.depth
	s.base, s.depth = len(s.vars), depth+1
	s.vars = append(s.vars, variable{"$", dot})
	s.walk(dot, p.nodes)
	s.vars = s.vars[:s.base]
	s.base, s.depth = base, depth
}

// missing is text/template's missingVal: no final argument.
var missing = reflect.ValueOf(missingType{})

type missingType struct{}

func isMissing(v reflect.Value) bool {
	return v.IsValid() && v.Type() == missingT
}

var missingT = reflect.TypeFor[missingType]()

func (s *state) evalPipe(dot reflect.Value, p *pipe) reflect.Value {
	if p == nil {
		return reflect.Value{}
	}
	value := missing
	for _, c := range p.cmds {
		value = s.evalCommand(dot, c, value)
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = value.Elem()
		}
	}
	for _, d := range p.decl {
		s.vars = append(s.vars, variable{d, value})
	}
	return value
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	bail("no variable " + name)
	return reflect.Value{}
}

func (s *state) evalCommand(dot reflect.Value, c *command, final reflect.Value) reflect.Value {
	switch c.kind {
	case cmdField:
		return s.evalChain(dot, dot, c, c.args, final)
	case cmdVariable:
		v := s.varValue(c.variable)
		if len(c.fields) == 0 {
			if len(c.args) > 0 || !isMissing(final) {
				bail("builtin or call arguments")
			}
			return v
		}
		return s.evalChain(dot, v, c, c.args, final)
	case cmdPartial:
		if !isMissing(final) {
			bail("builtin or call arguments")
		}
		return reflect.ValueOf(s.callPartial(dot, c))
	case cmdFunc:
		return s.call(dot, c.fn, c.args, final)
	case cmdBuiltin:
		return s.builtin(dot, c, final)
	}
	if !isMissing(final) {
		bail("builtin or call arguments")
	}
	switch c.kind {
	case cmdDot:
		return dot
	case cmdString, cmdBool, cmdNumber:
		return c.str
	case cmdPipe:
		return s.evalPipe(dot, c.pipe)
	}
	bail("builtin or call arguments")
	return reflect.Value{}
}

// callPartial calls partial "name" arg.
func (s *state) callPartial(dot reflect.Value, c *command) template.HTML {
	arg := s.evalArg(dot, c.args[1])
	var a any
	if arg.IsValid() {
		a = arg.Interface()
	}
	h, err := c.partial(c.args[0].name, a)
	if err != nil {
		bail("an error of partial " + c.args[0].name)
	}
	return h
}

// evalArg evaluates an argument as text/template's evalEmptyInterface
// does (an argument of type any).
func (s *state) evalArg(dot reflect.Value, c *command) reflect.Value {
	switch c.kind {
	case cmdField:
		return s.evalChain(dot, dot, c, nil, missing)
	case cmdVariable:
		v := s.varValue(c.variable)
		if len(c.fields) == 0 {
			return v
		}
		return s.evalChain(dot, v, c, nil, missing)
	case cmdDot:
		return dot
	case cmdString, cmdBool, cmdNumber:
		return c.str
	case cmdPipe:
		return s.evalPipe(dot, c.pipe)
	case cmdFunc, cmdBuiltin, cmdPartial:
		if len(c.args) > 0 {
			bail("builtin or call arguments") // the parser makes these parenthesised pipes
		}
		return s.evalCommand(dot, c, missing)
	}
	bail("builtin or call arguments")
	return reflect.Value{}
}

// evalChain evaluates the names of c on receiver, the last with args
// and final. A chain of struct fields alone is read as one path of
// fields (chainOf), cached for the last receiver type.
func (s *state) evalChain(dot, receiver reflect.Value, c *command, args []*command, final reflect.Value) reflect.Value {
	fs := c.fields
	if len(args) == 0 && receiver.IsValid() && isMissing(final) {
		if r, isNil := indirect(receiver); !isNil {
			typ, addr := r.Type(), r.CanAddr()
			ci := c.chain.Load()
			if ci == nil || ci.typ != typ || ci.addr != addr {
				ci = chainOf(typ, addr, fs)
				c.chain.Store(ci)
			}
			if ci.ok {
				for _, i := range ci.index {
					r = r.Field(i)
				}
				return r
			}
		}
	}
	n := len(fs)
	for i := 0; i < n-1; i++ {
		receiver = s.evalField(dot, fs[i], nil, missing, receiver)
	}
	return s.evalField(dot, fs[n-1], args, final, receiver)
}

// evalField is text/template's evalField for methods and struct fields.
func (s *state) evalField(dot reflect.Value, f *field, args []*command, final, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{}
	}
	receiver, isNil := indirect(receiver)
	if isNil {
		bail("nil evaluating " + f.name)
	}
	// receiver is neither a pointer nor an interface, after indirect:
	// text/template looks methods up on its address when it has one.
	addr := receiver.CanAddr()
	info := f.cache.Load()
	if info == nil || info.typ != receiver.Type() || info.addr != addr {
		info = lookup(receiver.Type(), addr, f.name)
		f.cache.Store(info)
	}
	if info.method >= 0 {
		ptr := receiver
		if addr {
			ptr = receiver.Addr()
		}
		return s.call(dot, ptr.Method(info.method), args, final)
	}
	if info.index == nil || len(args) > 0 || !isMissing(final) {
		bail("field " + f.name + " of type " + typeName(receiver))
	}
	if len(info.index) == 1 {
		return receiver.Field(info.index[0]) // not embedded: no pointer on the way
	}
	v, err := receiver.FieldByIndexErr(info.index)
	if err != nil {
		bail("field " + f.name + ": " + err.Error())
	}
	return v
}

// lookup finds name on a value of type typ, addressable or not: a method
// of the value or of its address, else a struct field.
func lookup(typ reflect.Type, addr bool, name string) *fieldInfo {
	info := &fieldInfo{typ: typ, addr: addr, method: -1}
	ptrType := typ
	if addr {
		ptrType = reflect.PointerTo(typ)
	}
	if m, ok := ptrType.MethodByName(name); ok {
		info.method = m.Index
		return info
	}
	if typ.Kind() == reflect.Struct {
		if sf, ok := typ.FieldByName(name); ok && sf.IsExported() {
			info.index = sf.Index
		}
	}
	return info
}

// call calls fn with the arguments and final, as text/template's evalCall
// does for arguments it can pass as they are.
func (s *state) call(dot, fn reflect.Value, args []*command, final reflect.Value) reflect.Value {
	typ := fn.Type()
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	if typ.IsVariadic() {
		if numIn < typ.NumIn()-1 {
			bail("builtin or call arguments")
		}
	} else if numIn != typ.NumIn() {
		bail("builtin or call arguments")
	}
	if n := typ.NumOut(); n == 0 || n > 2 || n == 2 && typ.Out(1) != errorType {
		bail("builtin or call arguments")
	}
	var small [4]reflect.Value
	argv := small[:0]
	if numIn <= len(small) {
		argv = small[:numIn]
	} else {
		argv = make([]reflect.Value, numIn)
	}
	in := func(i int) reflect.Type {
		if typ.IsVariadic() && i >= typ.NumIn()-1 {
			return typ.In(typ.NumIn() - 1).Elem()
		}
		return typ.In(i)
	}
	for i, a := range args {
		argv[i] = validate(s.evalArg(dot, a), in(i), a.kind)
	}
	if !isMissing(final) {
		argv[numIn-1] = validate(final, in(numIn-1), cmdDot)
	}
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		bail("an error of a function")
	}
	v := out[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

var reflectValueType = reflect.TypeFor[reflect.Value]()

// validate is text/template's validateType for the cases that need no
// conversion; constants are passed only to parameters that take them as
// they are.
func validate(v reflect.Value, typ reflect.Type, kind int) reflect.Value {
	if !v.IsValid() {
		switch typ.Kind() {
		case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
			return reflect.Zero(typ)
		}
		bail("builtin or call arguments")
	}
	if typ == reflectValueType {
		if v.Type() != typ {
			return reflect.ValueOf(v)
		}
		return v
	}
	if (kind == cmdString || kind == cmdNumber || kind == cmdBool) && v.Type() != typ && typ.Kind() != reflect.Interface {
		bail("a constant for a parameter of type " + typ.String()) // text/template converts it
	}
	if !v.Type().AssignableTo(typ) {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			if e := v.Elem(); e.Type().AssignableTo(typ) {
				return e
			}
		}
		bail("a value of type " + v.Type().String() + " for a parameter of type " + typ.String())
	}
	return v
}

func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

// builtin runs the builtins a fast run knows, for the arguments they
// take without conversion; others leave the execution to html/template.
func (s *state) builtin(dot reflect.Value, c *command, final reflect.Value) reflect.Value {
	var small [4]reflect.Value
	args := small[:0]
	switch c.builtin {
	case biAnd, biOr:
		// Short-circuit: the first argument that decides, unwrapped.
		var v reflect.Value
		for _, a := range c.args {
			v = s.evalArg(dot, a)
			if !v.IsValid() {
				bail("builtin or call arguments")
			}
			if t, _ := isTrue(indirectInterface(v)); t == (c.builtin == biOr) {
				return v
			}
		}
		if !isMissing(final) {
			if !final.IsValid() {
				bail("builtin or call arguments")
			}
			v = final
		}
		if !v.IsValid() {
			bail("builtin or call arguments")
		}
		return v
	}
	for _, a := range c.args {
		v := s.evalArg(dot, a)
		if !v.IsValid() {
			bail("builtin or call arguments")
		}
		args = append(args, v)
	}
	if !isMissing(final) {
		if !final.IsValid() {
			bail("builtin or call arguments")
		}
		args = append(args, final)
	}
	switch c.builtin {
	case biNot:
		if len(args) != 1 {
			bail("builtin or call arguments")
		}
		t, _ := isTrue(indirectInterface(args[0]))
		return reflect.ValueOf(!t)
	case biLen:
		if len(args) != 1 {
			bail("builtin or call arguments")
		}
		v, isNil := indirect(args[0])
		if isNil {
			bail("builtin or call arguments")
		}
		switch v.Kind() {
		case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
			return reflect.ValueOf(v.Len())
		}
		bail("builtin or call arguments")
	case biEq, biNe:
		if len(args) < 2 || c.builtin == biNe && len(args) != 2 {
			bail("builtin or call arguments")
		}
		a := indirectInterface(args[0])
		eq := false
		for _, b := range args[1:] {
			if compare(a, indirectInterface(b)) == 0 {
				eq = true
				break
			}
		}
		if c.builtin == biNe {
			return reflect.ValueOf(!eq)
		}
		return reflect.ValueOf(eq)
	case biLt, biLe, biGt, biGe:
		if len(args) != 2 {
			bail("builtin or call arguments")
		}
		a, b := indirectInterface(args[0]), indirectInterface(args[1])
		k := kindOf(a)
		if k == kindBool {
			bail("builtin or call arguments") // text/template: not ordered
		}
		r := compare(a, b)
		switch c.builtin {
		case biLt:
			return reflect.ValueOf(r < 0)
		case biLe:
			return reflect.ValueOf(r <= 0)
		case biGt:
			return reflect.ValueOf(r > 0)
		default:
			return reflect.ValueOf(r >= 0)
		}
	}
	bail("builtin or call arguments")
	return reflect.Value{}
}

const (
	kindOther = iota
	kindBool
	kindInt
	kindString
)

func kindOf(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Bool:
		return kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return kindInt
	case reflect.String:
		return kindString
	}
	return kindOther
}

// compare compares two values of the same basic kind (bool, signed
// integer, string): -1, 0 or 1 (bools: 0 or 1 for equal or not).
func compare(a, b reflect.Value) int {
	ka := kindOf(a)
	if ka == kindOther || ka != kindOf(b) {
		bail("builtin or call arguments")
	}
	switch ka {
	case kindBool:
		if a.Bool() == b.Bool() {
			return 0
		}
		return 1
	case kindInt:
		x, y := a.Int(), b.Int()
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	default:
		x, y := a.String(), b.String()
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
}

// typeName names the type of v for a fallback's reason.
func typeName(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	return v.Type().String()
}
