package durable

import (
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Folder is a folder replaced whole — a published site, a closed quarter
// — together with the spare folders that replacing it uses beside it:
// the new folder being written (Staging kind), the previous one moved
// aside (KindOld) and one being removed (KindTrash), each named
// .NAME.KIND-PID-RANDOM for the process that made it.
type Folder struct {
	Path     string // the folder ("…/public", "…/history/2026-Q2")
	Complete string // the file written last into a new folder: a spare holding it is whole
	Staging  string // the kind name of new folders ("staging", "closing")
}

// Kinds of spare folder besides the Folder's Staging.
const (
	KindOld   = "old"
	KindTrash = "trash"
)

// Steps of Replace, passed to Options.Step after each.
const (
	StepMovedIn    = "moved-in"    // the new folder is in place (there was none, or after StepMovedAside)
	StepExchanged  = "exchanged"   // one step: the folder is the new one, the staging name holds the old
	StepMovedAside = "moved-aside" // the old folder is renamed aside: the folder is missing until StepMovedIn
	StepDiscarded  = "discarded"   // the old folder is removed
)

// Options of Replace; the zero value is what a command wants.
type Options struct {
	// Step, when set, is called after each step with its name (tests
	// stop a process there).
	Step func(name string)
	// NoExchange takes the path of systems that cannot exchange two
	// folders (tests).
	NoExchange bool
	// NoSync skips syncing to disk, which only a power cut would show
	// (tests that kill processes by the hundred).
	NoSync bool
}

func (o Options) at(name string) {
	if o.Step != nil {
		o.Step(name)
	}
}

// NewStaging makes an empty staging folder beside f, readable by a web
// server (0755), owned by this process.
func (f Folder) NewStaging() (string, error) {
	p := f.spare(f.Staging)
	if err := os.Mkdir(p, 0o755); err != nil {
		return "", err
	}
	return p, os.Chmod(p, 0o755) // whatever the umask
}

// spare names a new spare folder of kind for f, owned by this process.
func (f Folder) spare(kind string) string {
	var b [6]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	dir, name := filepath.Split(f.Path)
	return filepath.Join(dir, "."+name+"."+kind+"-"+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:]))
}

// Seal makes a written staging folder whole: every file in it is synced
// to disk, then the Complete file is written with data and synced with the
// folder. Recover takes a staging folder holding that file for whole.
func (f Folder) Seal(staging string, data []byte, o Options) error {
	complete := filepath.Join(staging, f.Complete)
	if o.NoSync {
		return os.WriteFile(complete, data, 0o644)
	}
	if err := SyncTree(staging); err != nil {
		return err
	}
	if err := WriteFileSync(complete, data, 0o644); err != nil {
		return err
	}
	return SyncPath(staging)
}

// Replace puts the sealed staging folder in place of f and removes the
// folder it replaced. When f exists and replace is false, it returns an
// error wrapping fs.ErrExist and changes nothing. The steps:
//
//   - f missing: StepMovedIn.
//   - f present, where two folders can be exchanged (Linux):
//     StepExchanged, then StepDiscarded. f is never missing.
//   - f present, elsewhere: StepMovedAside (f is missing until the next
//     step; Recover puts a folder back if the process dies here),
//     StepMovedIn, StepDiscarded.
//
// On failure staging is left for the caller to Discard.
func (f Folder) Replace(staging string, replace bool, o Options) error {
	parent := filepath.Dir(f.Path)
	err := RenameNoReplace(staging, f.Path)
	if err == nil {
		o.at(StepMovedIn)
		return o.syncDir(parent)
	}
	if !errors.Is(err, fs.ErrExist) || !replace {
		return err
	}
	if !o.NoExchange {
		err := Exchange(staging, f.Path)
		if err == nil {
			o.at(StepExchanged)
			if err := o.syncDir(parent); err != nil {
				return err
			}
			Discard(staging) // the previous folder now
			o.at(StepDiscarded)
			return nil
		}
		if !errors.Is(err, ErrUnsupported) {
			return err
		}
	}
	old := f.spare(KindOld)
	if err := os.Rename(f.Path, old); err != nil {
		return fmt.Errorf("moving the previous folder aside: %w", err)
	}
	o.at(StepMovedAside)
	if err := os.Rename(staging, f.Path); err != nil {
		os.Rename(old, f.Path) // put the previous folder back
		return err
	}
	o.at(StepMovedIn)
	if err := o.syncDir(parent); err != nil {
		return err
	}
	Discard(old)
	o.at(StepDiscarded)
	return nil
}

func (o Options) syncDir(dir string) error {
	if o.NoSync {
		return nil
	}
	return SyncPath(dir)
}

// Discard removes a spare folder: renamed first to a trash name, so that
// a removal cut short never leaves a half-removed folder under a name
// Recover could put back.
func Discard(p string) {
	dir, name := filepath.Split(p)
	if base, kind, _, ok := parseSpare(name); ok && kind != KindTrash {
		trash := Folder{Path: filepath.Join(dir, base)}.spare(KindTrash)
		if os.Rename(p, trash) == nil {
			p = trash
		}
	}
	os.RemoveAll(p)
}

// Recover cleans up after processes that were killed while replacing f.
// When f is missing and such a process left a whole folder beside it — a
// staging folder holding the Complete file, or the previous folder moved
// aside — that folder is put back as f, the newest staging folder first.
// Then every spare such processes left is removed. Spares of processes
// still running are left alone. restored names the folder put back, if
// any.
func (f Folder) Recover() (restored string, err error) {
	dir, name := filepath.Split(f.Path)
	left := f.spares(dir, name)
	if _, err := os.Lstat(f.Path); errors.Is(err, fs.ErrNotExist) {
		for i, s := range left {
			if !s.whole {
				continue
			}
			err := RenameNoReplace(s.folder, f.Path)
			if errors.Is(err, fs.ErrExist) {
				break // another process put one in meanwhile
			}
			if err != nil {
				return "", fmt.Errorf("restoring %s from %s: %w", f.Path, s.folder, err)
			}
			if err := SyncPath(filepath.Clean(dir)); err != nil {
				return "", err
			}
			restored = s.path
			left = slices.Delete(left, i, i+1)
			break
		}
	}
	for _, s := range left {
		Discard(s.path)
	}
	return restored, nil
}

// spareDir is a spare folder a process that is no longer running left.
type spareDir struct {
	path   string
	kind   string
	folder string // the whole folder inside: path, or path/NAME (older versions moved the folder into one of its own)
	whole  bool
	time   time.Time
}

// spares lists the spares that processes no longer running left for f,
// whole staging folders first (newest first), then whole old folders
// (newest first), then the rest.
func (f Folder) spares(dir, name string) []spareDir {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []spareDir
	for _, e := range entries {
		base, kind, pid, ok := parseSpare(e.Name())
		if !ok || base != name || !e.IsDir() || (pid > 0 && running(pid)) {
			continue
		}
		s := spareDir{path: filepath.Join(dir, e.Name()), kind: kind}
		s.folder = s.path
		if kind == KindOld && !exists(filepath.Join(s.path, f.Complete)) && exists(filepath.Join(s.path, name, f.Complete)) {
			s.folder = filepath.Join(s.path, name)
		}
		if fi, err := os.Stat(filepath.Join(s.folder, f.Complete)); err == nil && (kind == f.Staging || kind == KindOld) {
			s.whole, s.time = true, fi.ModTime()
		}
		out = append(out, s)
	}
	rank := func(s spareDir) int {
		switch {
		case !s.whole:
			return 2
		case s.kind == f.Staging:
			return 0
		}
		return 1
	}
	slices.SortStableFunc(out, func(a, b spareDir) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		return b.time.Compare(a.time)
	})
	return out
}

// parseSpare reads a name of the form .NAME.KIND-PID-RANDOM; pid is 0 in
// the names of older versions (.NAME.KIND-RANDOM), which hold none.
func parseSpare(name string) (base, kind string, pid int, ok bool) {
	if !strings.HasPrefix(name, ".") {
		return "", "", 0, false
	}
	for _, k := range []string{"staging", "closing", KindOld, KindTrash} {
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
