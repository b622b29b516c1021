// Package pagekey computes the key of a page's data: a 128-bit hash of
// everything a value holds, so that serve can tell that a page would be
// written again byte for byte — same template, same key — without
// executing its template.
//
// A key covers every field of a value, exported or not, following
// pointers, slices, maps (in the order of their entries' keys) and
// interfaces (with their dynamic type). A struct field tagged
// `pagekey:"-"` is left out: it must hold only what the other fields
// determine (a cache of their output). A value that holds a function, a
// channel or an unsafe pointer (other than nil), or that nests deeper
// than maxDepth (a cycle), has no key.
package pagekey

import (
	"cmp"
	"encoding/binary"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"sync"
	"time"
	"unsafe"
)

// Key identifies a value: two values with the same key, from the same
// Hasher, hold the same data (up to collisions of a 128-bit hash with
// random seeds).
type Key [2]uint64

// maxDepth bounds the nesting of pointers, slices, maps and interfaces
// followed: deeper is taken for a cycle, and the value gets no key.
const maxDepth = 64

// Hasher makes keys. Keys of different Hashers cannot be compared. A
// Hasher is safe for concurrent use.
type Hasher struct {
	seeds [2]maphash.Seed
	funcs sync.Map  // reflect.Type → encFunc, made on first use
	pool  sync.Pool // of *encoder

	mu       sync.Mutex
	building map[reflect.Type]bool // types whose encFunc is being made

	// big remembers the keys of long strings by their bytes' address
	// and length: many pages hold the same long string (a chart's
	// data), which is then hashed once. An entry holds its string, so
	// that its bytes, which never change, are not freed and reused while
	// it is remembered.
	bigMu    sync.Mutex
	big      map[bigRef]bigKey
	bigBytes int
}

// bigString is the length from which a string is hashed on its own and
// its key remembered; maxBig bounds the bytes of the strings remembered
// (then they are forgotten, all at once).
const (
	bigString = 256
	maxBig    = 16 << 20
)

type bigRef struct {
	p *byte
	n int
}

type bigKey struct {
	s string
	k Key
}

// bigKey returns the key of the long string s.
func (h *Hasher) bigKey(s string) Key {
	ref := bigRef{unsafe.StringData(s), len(s)}
	h.bigMu.Lock()
	bk, ok := h.big[ref]
	h.bigMu.Unlock()
	if ok {
		return bk.k
	}
	k := Key{maphash.String(h.seeds[0], s), maphash.String(h.seeds[1], s)}
	h.bigMu.Lock()
	if h.bigBytes+len(s) > maxBig {
		clear(h.big)
		h.bigBytes = 0
	}
	h.big[ref] = bigKey{s, k}
	h.bigBytes += len(s)
	h.bigMu.Unlock()
	return k
}

// New returns a Hasher with fresh seeds.
func New() *Hasher {
	return &Hasher{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, building: map[reflect.Type]bool{}, big: map[bigRef]bigKey{}}
}

// encFunc encodes a value of one type; false means it has no key.
type encFunc func(e *encoder, v reflect.Value, depth int) bool

// encFor returns the encFunc of t, making it on first use.
func (h *Hasher) encFor(t reflect.Type) encFunc {
	if f, ok := h.funcs.Load(t); ok {
		return f.(encFunc)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.make(t)
}

// make returns the encFunc of t; h.mu is held.
func (h *Hasher) make(t reflect.Type) encFunc {
	if f, ok := h.funcs.Load(t); ok {
		return f.(encFunc)
	}
	if h.building[t] {
		// A type that holds itself: look its func up when called.
		return func(e *encoder, v reflect.Value, depth int) bool { return e.h.encFor(t)(e, v, depth) }
	}
	h.building[t] = true
	f := h.newFunc(t)
	delete(h.building, t)
	h.funcs.Store(t, f)
	return f
}

func (h *Hasher) newFunc(t reflect.Type) encFunc {
	switch t.Kind() {
	case reflect.Bool:
		return func(e *encoder, v reflect.Value, _ int) bool {
			if v.Bool() {
				e.byte1(1)
			} else {
				e.byte1(0)
			}
			return true
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(e *encoder, v reflect.Value, _ int) bool { e.u64(uint64(v.Int())); return true }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(e *encoder, v reflect.Value, _ int) bool { e.u64(v.Uint()); return true }
	case reflect.Float32, reflect.Float64:
		return func(e *encoder, v reflect.Value, _ int) bool { e.u64(math.Float64bits(v.Float())); return true }
	case reflect.Complex64, reflect.Complex128:
		return func(e *encoder, v reflect.Value, _ int) bool {
			c := v.Complex()
			e.u64(math.Float64bits(real(c)))
			e.u64(math.Float64bits(imag(c)))
			return true
		}
	case reflect.String:
		return func(e *encoder, v reflect.Value, _ int) bool { e.str(v.String()); return true }
	case reflect.Pointer:
		elem := h.make(t.Elem())
		return func(e *encoder, v reflect.Value, depth int) bool {
			if v.IsNil() {
				e.byte1(0)
				return true
			}
			e.byte1(1)
			return depth < maxDepth && elem(e, v.Elem(), depth+1)
		}
	case reflect.Interface:
		return func(e *encoder, v reflect.Value, depth int) bool {
			if v.IsNil() {
				e.byte1(0)
				return true
			}
			d := v.Elem()
			e.byte1(1)
			e.str(d.Type().PkgPath())
			e.str(d.Type().String())
			return depth < maxDepth && e.h.encFor(d.Type())(e, d, depth+1)
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return func(e *encoder, v reflect.Value, _ int) bool {
				if v.IsNil() {
					e.byte1(0)
					return true
				}
				e.byte1(1)
				e.raw(v.Bytes())
				return true
			}
		}
		elem := h.make(t.Elem())
		return func(e *encoder, v reflect.Value, depth int) bool {
			if v.IsNil() {
				e.byte1(0)
				return true
			}
			e.byte1(1)
			return depth < maxDepth && list(e, v, elem, depth+1)
		}
	case reflect.Array:
		elem := h.make(t.Elem())
		return func(e *encoder, v reflect.Value, depth int) bool { return list(e, v, elem, depth) }
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			return encodeTime
		}
		type field struct {
			i   int
			enc encFunc
		}
		var fs []field
		for i := range t.NumField() {
			if t.Field(i).Tag.Get("pagekey") != "-" {
				fs = append(fs, field{i, h.make(t.Field(i).Type)})
			}
		}
		return func(e *encoder, v reflect.Value, depth int) bool {
			for _, f := range fs {
				if !f.enc(e, v.Field(f.i), depth) {
					return false
				}
			}
			return true
		}
	case reflect.Map:
		key, val := h.make(t.Key()), h.make(t.Elem())
		enc := dict
		switch {
		case t == reflect.TypeFor[map[string]string]():
			enc = stringMap
		case t.Key().Kind() == reflect.String:
			enc = stringDict
		}
		return func(e *encoder, v reflect.Value, depth int) bool {
			if depth >= maxDepth {
				return false
			}
			if v.IsNil() {
				e.byte1(0)
				return true
			}
			e.byte1(1)
			// Records of one sheet share their map of columns: each map
			// is encoded once per key made, then stands for its key.
			p := v.UnsafePointer()
			if k, ok := e.memo.get(p); ok {
				e.u64(k[0])
				e.u64(k[1])
				return true
			}
			me := e.h.encoder()
			me.memo = e.memo
			ok := enc(me, v, key, val, depth+1)
			k := me.sum()
			e.h.putEncoder(me)
			if !ok {
				return false
			}
			e.memo.put(p, k)
			e.u64(k[0])
			e.u64(k[1])
			return true
		}
	default: // func, chan, unsafe pointer: only nil has a key
		return func(e *encoder, v reflect.Value, _ int) bool {
			e.byte1(0)
			return v.IsNil()
		}
	}
}

// Of returns the key of name (such as the template the value is executed
// with) and v; ok is false when v has no key (see the package doc).
func (h *Hasher) Of(name string, v any) (k Key, ok bool) {
	return h.OfWith(nil, name, v)
}

// Memo remembers the keys of the maps met by the keys made with it, by
// the maps' addresses (and holds the maps, so that an address is not
// reused while it is remembered): a map shared by many values (the
// columns of a sheet, which every record of the sheet holds) is encoded
// once. Use a Memo only while no map it meets changes — for the keys of
// one build's data. A Memo is safe for concurrent use.
type Memo struct {
	mu   sync.Mutex
	maps map[unsafe.Pointer]Key
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{} }

func (m *Memo) get(p unsafe.Pointer) (Key, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k, ok := m.maps[p]
	return k, ok
}

func (m *Memo) put(p unsafe.Pointer, k Key) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.maps == nil {
		m.maps = map[unsafe.Pointer]Key{}
	}
	m.maps[p] = k
}

// OfWith is Of remembering the keys of maps in m; a nil m remembers them
// for this key only.
func (h *Hasher) OfWith(m *Memo, name string, v any) (k Key, ok bool) {
	e := h.encoder()
	defer h.putEncoder(e)
	if m == nil {
		m = &Memo{}
	}
	e.memo = m
	e.str(name)
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		e.byte1(0)
		return e.sum(), true
	}
	e.byte1(1)
	if !h.encFor(rv.Type())(e, rv, 0) {
		return Key{}, false
	}
	return e.sum(), true
}

// encoder feeds an unambiguous encoding of values to two hashes: the
// same bytes for the same data, different bytes for different data.
type encoder struct {
	h    *Hasher
	a, b maphash.Hash
	buf  [512]byte
	n    int
	// memo remembers the keys of the maps met (shared with the encoders
	// of the maps' entries).
	memo *Memo
}

// encoder returns an encoder with empty hashes, from the Hasher's pool.
func (h *Hasher) encoder() *encoder {
	if e, ok := h.pool.Get().(*encoder); ok {
		return e
	}
	e := &encoder{h: h}
	e.a.SetSeed(h.seeds[0])
	e.b.SetSeed(h.seeds[1])
	return e
}

// putEncoder returns e to the pool, emptied.
func (h *Hasher) putEncoder(e *encoder) {
	e.a.Reset()
	e.b.Reset()
	e.n = 0
	e.memo = nil
	h.pool.Put(e)
}

func (e *encoder) flush() {
	e.a.Write(e.buf[:e.n])
	e.b.Write(e.buf[:e.n])
	e.n = 0
}

func (e *encoder) sum() Key {
	e.flush()
	return Key{e.a.Sum64(), e.b.Sum64()}
}

func (e *encoder) byte1(b byte) {
	if e.n == len(e.buf) {
		e.flush()
	}
	e.buf[e.n] = b
	e.n++
}

func (e *encoder) u64(u uint64) {
	if len(e.buf)-e.n < 8 {
		e.flush()
	}
	binary.LittleEndian.PutUint64(e.buf[e.n:], u)
	e.n += 8
}

func (e *encoder) str(s string) {
	e.u64(uint64(len(s)))
	if len(s) >= bigString {
		k := e.h.bigKey(s)
		e.u64(k[0])
		e.u64(k[1])
		return
	}
	if len(s) <= len(e.buf)-e.n {
		e.n += copy(e.buf[e.n:], s)
		return
	}
	e.flush()
	e.a.WriteString(s)
	e.b.WriteString(s)
}

func (e *encoder) raw(b []byte) {
	e.u64(uint64(len(b)))
	if len(b) <= len(e.buf)-e.n {
		e.n += copy(e.buf[e.n:], b)
		return
	}
	e.flush()
	e.a.Write(b)
	e.b.Write(b)
}

func list(e *encoder, v reflect.Value, elem encFunc, depth int) bool {
	n := v.Len()
	e.u64(uint64(n))
	for i := range n {
		if !elem(e, v.Index(i), depth) {
			return false
		}
	}
	return true
}

// encodeTime encodes a time.Time's instant and zone, not its monotonic
// reading, which differs between two reads of the same data. An
// unexported time.Time, which cannot be read as one, is taken whole.
func encodeTime(e *encoder, v reflect.Value, depth int) bool {
	if !v.CanInterface() {
		for i := range v.NumField() {
			f := v.Field(i)
			if !e.h.encFor(f.Type())(e, f, depth) {
				return false
			}
		}
		return true
	}
	tm := v.Interface().(time.Time)
	name, off := tm.Zone()
	e.u64(uint64(tm.Unix()))
	e.u64(uint64(tm.Nanosecond()))
	e.str(name)
	e.u64(uint64(off))
	e.str(tm.Location().String())
	return true
}

// dict encodes a map's entries in the order of their keys' keys (the
// map is not nil).
func dict(e *encoder, v reflect.Value, key, val encFunc, depth int) bool {
	type entry struct{ k, v Key }
	entries := make([]entry, 0, v.Len())
	it := v.MapRange()
	ke, ve := e.h.encoder(), e.h.encoder()
	defer e.h.putEncoder(ke)
	defer e.h.putEncoder(ve)
	ke.memo, ve.memo = e.memo, e.memo
	for it.Next() {
		if !key(ke, it.Key(), depth) || !val(ve, it.Value(), depth) {
			return false
		}
		entries = append(entries, entry{ke.sum(), ve.sum()})
		ke.a.Reset()
		ke.b.Reset()
		ve.a.Reset()
		ve.b.Reset()
	}
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.k[0], b.k[0]), cmp.Compare(a.k[1], b.k[1]))
	})
	e.u64(uint64(len(entries)))
	for _, en := range entries {
		e.u64(en.k[0])
		e.u64(en.k[1])
		e.u64(en.v[0])
		e.u64(en.v[1])
	}
	return true
}

// stringDict encodes a map with string keys (of any string kind, whose
// order is their bytes') in the order of its keys, each key and value in
// turn (the map is not nil).
func stringDict(e *encoder, v reflect.Value, _, val encFunc, depth int) bool {
	type entry struct {
		k string
		v reflect.Value
	}
	entries := make([]entry, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		entries = append(entries, entry{it.Key().String(), it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.k, b.k) })
	e.u64(uint64(len(entries)))
	for _, en := range entries {
		e.str(en.k)
		if !val(e, en.v, depth) {
			return false
		}
	}
	return true
}

// stringMap is stringDict for a map[string]string, without reflection
// when v can be read as one (the encoding is the same).
func stringMap(e *encoder, v reflect.Value, key, val encFunc, depth int) bool {
	if !v.CanInterface() {
		return stringDict(e, v, key, val, depth)
	}
	m := v.Interface().(map[string]string)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.u64(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.str(m[k])
	}
	return true
}
