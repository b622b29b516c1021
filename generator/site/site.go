// Package site holds a rendered site: the Sink that rendering writes files
// into, and Memory, a Sink that keeps every file in memory (for serve,
// tests and the board pack).
package site

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
)

// Sink receives the files of a rendered site. Paths are slash-separated,
// relative to the site root ("initiatives/INI-001.html"). Put may be
// called from several goroutines at once; it must not keep b after it
// returns unless it owns a copy.
type Sink interface {
	Put(path string, b []byte) error
}

// Memory is a Sink that keeps the site in memory. It is safe for
// concurrent use.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
	lazy  map[string]*lazyFile // made on first read (PutLazy)
}

// NewMemory returns an empty in-memory site.
func NewMemory() *Memory {
	return &Memory{files: map[string][]byte{}, lazy: map[string]*lazyFile{}}
}

// Put stores a copy of b at p.
func (m *Memory) Put(p string, b []byte) error { return m.store(p, slices.Clone(b), nil) }

// Share stores b at p without copying it. b must never change afterwards:
// it is meant for the files of an earlier Memory, which are not changed
// once built, so that a rebuild reuses them at no cost.
func (m *Memory) Share(p string, b []byte) error { return m.store(p, b, nil) }

// store puts b, or the lazy file lf when it is not nil, at p, once.
func (m *Memory) store(p string, b []byte, lf *lazyFile) error {
	if err := CheckPath(p); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.has(p) {
		return fmt.Errorf("site: %s written twice", p)
	}
	if lf != nil {
		m.lazy[p] = lf
	} else {
		m.files[p] = b
	}
	return nil
}

// Get returns the file at p.
//
// A file put with PutLazy is made here, on its first read; if making it
// failed, Get reports no file (Load says why).
func (m *Memory) Get(p string) ([]byte, bool) {
	b, ok, err := m.Load(p)
	return b, ok && err == nil
}

// Paths returns every path, sorted.
func (m *Memory) Paths() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	ps := make([]string, 0, len(m.files)+len(m.lazy))
	for p := range m.files {
		ps = append(ps, p)
	}
	for p := range m.lazy {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}

// Len returns the number of files.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files) + len(m.lazy)
}

// CopyTo puts every file of m into dst, in path order.
func (m *Memory) CopyTo(dst Sink) error {
	for _, p := range m.Paths() {
		b, _, err := m.Load(p)
		if err != nil {
			return err
		}
		if err := dst.Put(p, b); err != nil {
			return err
		}
	}
	return nil
}

// CheckPath rejects a path that is absolute, not clean, or leaves the site
// root: file names can come from spreadsheet ids.
func CheckPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") || strings.ContainsAny(p, "\\\x00") {
		return fmt.Errorf("site: unsafe path %q", p)
	}
	return nil
}
