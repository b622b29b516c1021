package site

import (
	"fmt"
	"sync"
)

// LazySink is a Sink that can also take a file to be made only when it is
// first read: serve keeps the downloads of a draft (the workbook,
// data/scorecard.json) as such, so that a rebuild after a save does not
// wait for files the browser may never ask for. A Sink that is not a
// LazySink gets every file made before it is put.
type LazySink interface {
	Sink
	// PutLazy stores make at p; make is called at most once, from the
	// first read of p, and what it returns is p's content.
	PutLazy(p string, make func() ([]byte, error)) error
}

// lazyFile is a file of a Memory made on first read.
type lazyFile struct {
	once sync.Once
	make func() ([]byte, error)
	b    []byte
	err  error
}

// PutLazy stores a file made by make when it is first read (Get, Load or
// CopyTo).
func (m *Memory) PutLazy(p string, make func() ([]byte, error)) error {
	return m.store(p, nil, &lazyFile{make: make})
}

// Load returns the file at p, making it first if it was put with
// PutLazy; err is what making it returned.
func (m *Memory) Load(p string) (b []byte, ok bool, err error) {
	m.mu.RLock()
	b, ok = m.files[p]
	lf := m.lazy[p]
	m.mu.RUnlock()
	if ok || lf == nil {
		return b, ok, nil
	}
	lf.once.Do(func() {
		lf.b, lf.err = lf.make()
		lf.make = nil // let what it held go
		if lf.err != nil {
			lf.err = fmt.Errorf("site: making %s: %w", p, lf.err)
		}
	})
	return lf.b, true, lf.err
}

// has reports whether p is taken; m.mu is held.
func (m *Memory) has(p string) bool {
	if _, ok := m.files[p]; ok {
		return true
	}
	_, ok := m.lazy[p]
	return ok
}

// Has reports whether m has a file at p (made or not).
func (m *Memory) Has(p string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.has(p)
}

// ShareFile puts from's file at p into m without copying it; a file from
// will make on first read stays so, made once for both.
func (m *Memory) ShareFile(p string, from *Memory) error {
	from.mu.RLock()
	b, ok := from.files[p]
	lf := from.lazy[p]
	from.mu.RUnlock()
	if !ok && lf == nil {
		return fmt.Errorf("site: no %s to share", p)
	}
	return m.store(p, b, lf)
}
