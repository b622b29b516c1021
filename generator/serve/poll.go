package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// poller watches by walking the watched paths at an interval and comparing
// sizes and modification times, for file systems that send no
// notifications (SMB, NFS, WSL mounts). A save that keeps both the size and
// the modification time (on a file system with coarse times) goes unseen
// until the next one.
type poller struct {
	f     *filter
	every time.Duration
	prev  map[string]stamp
}

// stamp is what the poller compares.
type stamp struct {
	size int64
	mod  time.Time
	dir  bool
}

// newPoller takes the first snapshot: changes are relative to it.
func newPoller(f *filter, every time.Duration) *poller {
	return &poller{f: f, every: every, prev: f.snapshot()}
}

func (p *poller) run(ctx context.Context, out chan<- string) {
	t := time.NewTicker(p.every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
		cur := p.f.snapshot()
		for _, c := range changes(p.prev, cur) {
			select {
			case out <- c:
			case <-ctx.Done():
				return
			}
		}
		p.prev = cur
	}
}

// snapshot stamps every relevant file and folder.
func (f *filter) snapshot() map[string]stamp {
	m := map[string]stamp{}
	add := func(p string, fi fs.FileInfo) {
		if fi.IsDir() {
			m[p] = stamp{dir: true} // a folder's time changes with its entries
			return
		}
		m[p] = stamp{size: fi.Size(), mod: fi.ModTime()}
	}
	for _, r := range f.roots {
		walk(r, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // missing root, or vanished while walking
			}
			if p != r && !f.relevant(p) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if fi, err := d.Info(); err == nil {
				add(p, fi)
			}
			return nil
		})
	}
	for p := range f.files {
		if fi, err := os.Stat(p); err == nil {
			add(p, fi)
		}
	}
	return m
}

// changes lists, sorted, the paths added, removed or changed between two
// snapshots.
func changes(prev, cur map[string]stamp) []string {
	var out []string
	for p, s := range cur {
		if old, ok := prev[p]; !ok || !old.mod.Equal(s.mod) || old.size != s.size || old.dir != s.dir {
			out = append(out, p)
		}
	}
	for p := range prev {
		if _, ok := cur[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}
