package pagekey

import (
	"html/template"
	"testing"
	"time"
)

type inner struct {
	A string
	n int
}

type view struct {
	Name   string
	Score  *int
	Rows   []inner
	Tags   map[string]int
	Any    any
	HTML   template.HTML
	When   time.Time
	Cache  *int `pagekey:"-"`
	hidden float64
	Raw    []byte
}

func intp(i int) *int { return &i }

func base() view {
	return view{
		Name:  "INI-001",
		Score: intp(7),
		Rows:  []inner{{"a", 1}, {"b", 2}},
		Tags:  map[string]int{"x": 1, "y": 2, "z": 3},
		Any:   1,
		HTML:  "<p>",
		When:  time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC),
		Raw:   []byte("xy"),
	}
}

// Each change of a field's data changes the key; what is equal keeps it.
func TestOf(t *testing.T) {
	h := New()
	want, ok := h.Of("initiative.html", base())
	if !ok {
		t.Fatal("no key for a plain view")
	}
	for _, c := range []struct {
		name string
		edit func(*view)
		same bool
	}{
		{"nothing", func(*view) {}, true},
		{"another cache", func(v *view) { v.Cache = intp(9) }, true},
		{"map built in another order", func(v *view) { v.Tags = map[string]int{"z": 3, "y": 2, "x": 1} }, true},
		{"another pointer to the same score", func(v *view) { v.Score = intp(7) }, true},
		{"time with a monotonic reading", func(v *view) { v.When = v.When.Add(time.Since(time.Now()) * 0) }, true},
		{"name", func(v *view) { v.Name = "INI-002" }, false},
		{"string moved between fields", func(v *view) { v.Name, v.HTML = "INI-001<p>", "" }, false},
		{"score", func(v *view) { v.Score = intp(8) }, false},
		{"nil score", func(v *view) { v.Score = nil }, false},
		{"score zero", func(v *view) { v.Score = intp(0) }, false},
		{"row text", func(v *view) { v.Rows[1].A = "c" }, false},
		{"unexported field", func(v *view) { v.Rows[0].n = 5 }, false},
		{"unexported float", func(v *view) { v.hidden = 1 }, false},
		{"row dropped", func(v *view) { v.Rows = v.Rows[:1] }, false},
		{"rows empty", func(v *view) { v.Rows = []inner{} }, false},
		{"rows nil", func(v *view) { v.Rows = nil }, false},
		{"map value", func(v *view) { v.Tags["y"] = 4 }, false},
		{"map key", func(v *view) { delete(v.Tags, "z"); v.Tags["w"] = 3 }, false},
		{"interface type", func(v *view) { v.Any = int64(1) }, false},
		{"interface nil", func(v *view) { v.Any = nil }, false},
		{"html", func(v *view) { v.HTML = "<p>x" }, false},
		{"time", func(v *view) { v.When = v.When.Add(time.Nanosecond) }, false},
		{"time zone", func(v *view) { v.When = v.When.In(time.FixedZone("X", 3600)) }, false},
		{"bytes", func(v *view) { v.Raw = []byte("xz") }, false},
	} {
		v := base()
		c.edit(&v)
		got, ok := h.Of("initiative.html", v)
		if !ok {
			t.Errorf("%s: no key", c.name)
			continue
		}
		if (got == want) != c.same {
			t.Errorf("%s: same key %v, want %v", c.name, got == want, c.same)
		}
	}
	if k, _ := h.Of("metric.html", base()); k == want {
		t.Error("another name, same key")
	}
}

type node struct {
	Next *node
}

type withFunc struct {
	F func() string
}

// What cannot be told apart by its data has no key.
func TestOfNone(t *testing.T) {
	h := New()
	cycle := &node{}
	cycle.Next = cycle
	for name, v := range map[string]any{
		"func":     withFunc{F: func() string { return "x" }},
		"chan":     make(chan int),
		"cycle":    cycle,
		"in a map": map[string]any{"f": func() {}},
	} {
		if _, ok := h.Of("x", v); ok {
			t.Errorf("%s: has a key", name)
		}
	}
	one, ok1 := h.Of("x", &node{})
	two, ok2 := h.Of("x", &node{Next: &node{}})
	if !ok1 || !ok2 || one == two {
		t.Errorf("lists of one and two nodes: keys %v %v, equal %v", ok1, ok2, one == two)
	}
	if _, ok := h.Of("x", withFunc{}); !ok {
		t.Error("nil func: no key")
	}
}

// A long string counts whole, whether its key is remembered or not, and
// the same bytes in another string have the same key.
func TestOfLong(t *testing.T) {
	h := New()
	long := make([]byte, 10000)
	a, _ := h.Of("x", string(long))
	again, _ := h.Of("x", string(long)) // other bytes, same text
	long[9999] = 1
	b, _ := h.Of("x", string(long))
	if a == b {
		t.Error("last byte of a long string not in the key")
	}
	if a != again {
		t.Error("the same long text in another string: another key")
	}
	shared := string(long)
	v := struct{ A, B string }{shared, shared}
	w := struct{ A, B string }{string(long), string(long)}
	if kv, _ := h.Of("x", v); kv != func() Key { k, _ := h.Of("x", w); return k }() {
		t.Error("a string held twice: another key than two copies")
	}
	// Past maxBig the remembered keys are forgotten, and still right.
	for i := range maxBig/len(long) + 2 {
		long[0] = byte(i)
		h.Of("x", string(long))
	}
	if h.bigBytes > maxBig {
		t.Errorf("%d bytes of strings remembered, want at most %d", h.bigBytes, maxBig)
	}
	long[0] = 0
	if c, _ := h.Of("x", string(long)); c != b {
		t.Error("after forgetting, another key for the same text")
	}
}

func BenchmarkOf(b *testing.B) {
	h := New()
	v := base()
	for b.Loop() {
		h.Of("initiative.html", v)
	}
}

type kinds struct {
	I8  int8
	I16 int16
	I32 int32
	U8  uint8
	U16 uint16
	U32 uint32
	U   uint
	F32 float32
	C   complex128
	Arr [2]string
	PP  **int
	Ifc any
	M   map[string][]int
	t   time.Time
	B   []byte
	S   []*inner
	Z   []struct{}
}

func baseKinds() kinds {
	p := intp(3)
	return kinds{I8: -1, I16: -2, I32: -3, U8: 1, U16: 2, U32: 3, U: 4, F32: 1.5, C: complex(1, 2),
		Arr: [2]string{"a", "b"}, PP: &p, Ifc: inner{"x", 1}, M: map[string][]int{"a": {1}, "b": {2, 3}},
		t: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), B: []byte{1}, S: []*inner{{"s", 1}, nil}, Z: []struct{}{{}, {}}}
}

// Every kind a view may hold counts.
func TestOfKinds(t *testing.T) {
	h := New()
	b := baseKinds()
	want, ok := h.Of("x", &b)
	if !ok {
		t.Fatal("no key")
	}
	for name, edit := range map[string]func(*kinds){
		"int8": func(k *kinds) { k.I8 = 1 }, "int16": func(k *kinds) { k.I16 = 1 }, "int32": func(k *kinds) { k.I32 = 1 },
		"uint8": func(k *kinds) { k.U8 = 9 }, "uint16": func(k *kinds) { k.U16 = 9 }, "uint32": func(k *kinds) { k.U32 = 9 },
		"uint": func(k *kinds) { k.U = 9 }, "float32": func(k *kinds) { k.F32 = 2.5 }, "complex": func(k *kinds) { k.C = complex(1, 3) },
		"array": func(k *kinds) { k.Arr[1] = "c" }, "pointer to pointer": func(k *kinds) { **k.PP = 4 },
		"nil pointer to pointer": func(k *kinds) { *k.PP = nil }, "interface holding a struct": func(k *kinds) { k.Ifc = inner{"x", 2} },
		"map of slices": func(k *kinds) { k.M["b"] = []int{2, 4} }, "unexported time": func(k *kinds) { k.t = k.t.Add(time.Second) },
		"bytes": func(k *kinds) { k.B = []byte{2} }, "nil bytes": func(k *kinds) { k.B = nil },
		"pointer in a slice": func(k *kinds) { k.S[0].n = 2 }, "nil in a slice": func(k *kinds) { k.S[1] = &inner{} },
		"zero-size elements": func(k *kinds) { k.Z = k.Z[:1] },
	} {
		k := baseKinds()
		edit(&k)
		got, ok := h.Of("x", &k)
		if !ok || got == want {
			t.Errorf("%s: key %v, same %v", name, ok, got == want)
		}
	}
	if _, ok := h.Of("x", (*kinds)(nil)); !ok {
		t.Error("a nil pointer: no key")
	}
}

type maps struct {
	Cols  map[string]string
	Again map[string]string
	cols  map[string]string // unexported: read by reflection
	ByInt map[int]string
	Deep  map[string]map[string]string
}

// A map counts whole wherever it is held: the same map held twice as two
// equal copies, an exported as an unexported one; a map changed between
// two keys changes the second (maps are remembered by address within one
// key only).
func TestOfMaps(t *testing.T) {
	h := New()
	key := func(v any) Key {
		t.Helper()
		k, ok := h.Of("x", v)
		if !ok {
			t.Fatal("no key")
		}
		return k
	}
	cols := map[string]string{"name": "B", "budget": "H"}
	shared := maps{Cols: cols, Again: cols, ByInt: map[int]string{2: "b", 1: "a"}, Deep: map[string]map[string]string{"r": cols, "s": cols}}
	copies := maps{Cols: map[string]string{"budget": "H", "name": "B"}, Again: map[string]string{"name": "B", "budget": "H"},
		ByInt: map[int]string{1: "a", 2: "b"}, Deep: map[string]map[string]string{"s": {"name": "B", "budget": "H"}, "r": {"name": "B", "budget": "H"}}}
	want := key(shared)
	if key(copies) != want {
		t.Error("a map held twice: another key than two copies")
	}
	if key(struct{ M map[string]string }{cols}) != key(struct{ m map[string]string }{cols}) {
		t.Error("an unexported map: another key than the exported one")
	}
	cols["name"] = "C"
	if key(shared) == want {
		t.Error("a map changed since the last key: the same key")
	}
	cols["name"] = "B"
	if key(shared) != want {
		t.Error("a map changed back: another key")
	}
	for name, edit := range map[string]func(*maps){
		"one of two copies": func(m *maps) { m.Again = map[string]string{"name": "B", "budget": "I"} },
		"int-keyed value":   func(m *maps) { m.ByInt[2] = "c" },
		"nil map":           func(m *maps) { m.Cols = nil },
		"empty map":         func(m *maps) { m.Cols = map[string]string{} },
		"nested map":        func(m *maps) { m.Deep["s"] = map[string]string{"name": "B"} },
		"unexported":        func(m *maps) { m.cols = map[string]string{} },
		"key and value moved": func(m *maps) {
			m.Cols = map[string]string{"nameB": "", "budget": "H"}
		},
	} {
		m := copies
		m.ByInt = map[int]string{1: "a", 2: "b"}
		m.Deep = map[string]map[string]string{"s": {"name": "B", "budget": "H"}, "r": {"name": "B", "budget": "H"}}
		edit(&m)
		if key(m) == want {
			t.Errorf("%s: the same key", name)
		}
	}
}

// Keys made with a Memo are those made without; a map is encoded once
// per Memo.
func TestOfWith(t *testing.T) {
	h := New()
	cols := map[string]string{"name": "B"}
	m := NewMemo()
	for i := range 3 {
		v := maps{Cols: cols, Again: map[string]string{"name": "B"}, ByInt: map[int]string{i: "x"}}
		with, ok1 := h.OfWith(m, "x", v)
		without, ok2 := h.Of("x", v)
		if !ok1 || !ok2 || with != without {
			t.Errorf("value %d: with a memo %v %v, without %v %v", i, with, ok1, without, ok2)
		}
	}
	// cols once, and the three values' own two maps each.
	if len(m.maps) != 7 {
		t.Errorf("%d maps remembered, want 7", len(m.maps))
	}
}
