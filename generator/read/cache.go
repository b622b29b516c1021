package read

import (
	"sync"
	"time"
)

// Cache keeps what was read from each file so that a file whose path, size
// and modification time are unchanged is not parsed again. opsalign serve
// keeps one Cache for its lifetime; it is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
}

type cacheEntry struct {
	size  int64
	mtime time.Time
	key   string // the reading settings the result depends on
	res   *fileResult
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{entries: map[string]cacheEntry{}} }

func (c *Cache) get(path string, size int64, mtime time.Time, key string) *fileResult {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	if !ok || e.size != size || !e.mtime.Equal(mtime) || e.key != key {
		return nil
	}
	return e.res
}

func (c *Cache) put(path string, size int64, mtime time.Time, key string, res *fileResult) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[path] = cacheEntry{size, mtime, key, res}
}

// prune forgets files that are no longer in the data folder.
func (c *Cache) prune(keep map[string]bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.entries {
		if !keep[p] {
			delete(c.entries, p)
		}
	}
}
