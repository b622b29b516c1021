package publish

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/durable"
)

// Recover cleans up after builds of the output folder out that were
// killed. When out is missing and a killed build left a complete site
// beside it — a staging folder holding its marker (written after every
// other file was synced), or the previous site moved aside during a swap
// — that site is put back as out, the newest staging folder first. Then
// every folder such builds left is removed. Folders of builds still
// running (by the process id in their names) are left alone.
//
// Dir calls Recover before anything else, so the next build, even one
// that then fails, never leaves the output folder missing when a
// complete site is at hand.
func Recover(out string) error {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	left := leftovers(parent, base)
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		for i, l := range left {
			if l.kind == kindTrash || !l.complete {
				continue
			}
			err := durable.RenameNoReplace(l.site, out)
			if errors.Is(err, fs.ErrExist) {
				break // another build published meanwhile
			}
			if err != nil {
				return fmt.Errorf("publish: restoring %s from %s: %w", out, l.site, err)
			}
			if err := (hooks{}).syncParent(parent); err != nil {
				return err
			}
			left = slices.Delete(left, i, i+1)
			break
		}
	}
	for _, l := range left {
		discard(l.path)
	}
	return nil
}

// leftover is a folder a build of the output folder left beside it.
type leftover struct {
	path     string
	kind     string
	site     string // the site inside: path, or path/BASE for old versions' moved-aside folders
	complete bool   // site holds the marker
	time     time.Time
}

// leftovers lists the folders that builds no longer running left for
// output folder base in parent, complete staging folders first (newest
// first), then moved-aside sites (newest first), then the rest.
func leftovers(parent, base string) []leftover {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var out []leftover
	for _, e := range entries {
		b, kind, pid, ok := parseLeftover(e.Name())
		if !ok || b != base || !e.IsDir() || (pid > 0 && running(pid)) {
			continue
		}
		l := leftover{path: filepath.Join(parent, e.Name()), kind: kind}
		l.site = l.path
		if kind == kindOld && !exists(filepath.Join(l.site, Marker)) && exists(filepath.Join(l.path, base, Marker)) {
			l.site = filepath.Join(l.path, base) // an older version moved the site into a folder of its own
		}
		if fi, err := os.Stat(filepath.Join(l.site, Marker)); err == nil && kind != kindTrash {
			l.complete, l.time = true, fi.ModTime()
		}
		out = append(out, l)
	}
	rank := func(l leftover) int {
		switch {
		case !l.complete:
			return 2
		case l.kind == kindStaging:
			return 0
		}
		return 1
	}
	slices.SortStableFunc(out, func(a, b leftover) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		return b.time.Compare(a.time)
	})
	return out
}

// parseLeftover reads a name of the form .BASE.KIND-PID-RANDOM; pid is 0
// in the names of older versions, which hold none.
func parseLeftover(name string) (base, kind string, pid int, ok bool) {
	if !strings.HasPrefix(name, ".") {
		return "", "", 0, false
	}
	for _, k := range []string{kindStaging, kindOld, kindTrash} {
		i := strings.LastIndex(name, "."+k+"-")
		if i <= 1 {
			continue
		}
		base, rest := name[1:i], name[i+len(k)+2:]
		if p, _, found := strings.Cut(rest, "-"); found {
			if n, err := strconv.Atoi(p); err == nil && n > 0 {
				pid = n
			}
		}
		return base, k, pid, true
	}
	return "", "", 0, false
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
