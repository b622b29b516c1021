package publish

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/opsalign/opsalign/generator/durable"
)

// swap puts the complete staging folder in place of out and removes the
// site it replaced. The steps, by the names hooks.step is given after
// each:
//
//   - out missing: "moved-in" (staging renamed to out).
//   - out present, where folders can be exchanged (Linux): "exchanged"
//     (one step: out holds the new site, staging the old), "discarded".
//   - out present, elsewhere: "moved-aside" (out renamed to
//     .BASE.old-PID-…: out is missing until the next step, and Recover
//     puts a site back if the process dies here), "moved-in", "discarded".
func swap(staging, out string, h hooks) error {
	parent, base := filepath.Split(out)
	err := durable.RenameNoReplace(staging, out)
	if err == nil {
		h.at("moved-in")
		return h.syncParent(parent)
	}
	if !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("publish: %w", err)
	}
	if !h.noExchange {
		err := durable.Exchange(staging, out)
		if err == nil {
			h.at("exchanged")
			if err := h.syncParent(parent); err != nil {
				return err
			}
			discard(staging) // the previous site now
			h.at("discarded")
			return nil
		}
		if !errors.Is(err, durable.ErrUnsupported) {
			return fmt.Errorf("publish: %w", err)
		}
	}
	old := filepath.Join(parent, leftoverName(base, kindOld))
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("publish: moving the previous site aside: %w", err)
	}
	h.at("moved-aside")
	if err := os.Rename(staging, out); err != nil {
		os.Rename(old, out) // put the previous site back
		return fmt.Errorf("publish: %w", err)
	}
	h.at("moved-in")
	if err := h.syncParent(parent); err != nil {
		return err
	}
	discard(old)
	h.at("discarded")
	return nil
}

// syncParent makes a rename in the output folder's parent durable.
func (h hooks) syncParent(parent string) error {
	if h.noSync {
		return nil
	}
	if err := durable.SyncPath(filepath.Clean(parent)); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// Kinds of folder a build leaves beside the output folder.
const (
	kindStaging = "staging" // being written; complete once it holds the marker
	kindOld     = "old"     // the previous site, moved aside during a swap
	kindTrash   = "trash"   // being removed
)

// leftoverName names a new folder of kind for output folder base, owned
// by this process: .BASE.KIND-PID-RANDOM.
func leftoverName(base, kind string) string {
	var b [6]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return "." + base + "." + kind + "-" + strconv.Itoa(os.Getpid()) + "-" + hex.EncodeToString(b[:])
}

// discard removes a folder a build left: renamed first to a trash name,
// so that a removal cut short never leaves a half-removed folder under a
// name Recover could restore.
func discard(p string) {
	parent, name := filepath.Split(p)
	base, kind, _, ok := parseLeftover(name)
	if ok && kind != kindTrash {
		trash := filepath.Join(parent, leftoverName(base, kindTrash))
		if os.Rename(p, trash) == nil {
			p = trash
		}
	}
	os.RemoveAll(p)
}
