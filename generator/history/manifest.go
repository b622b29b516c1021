package history

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Manifest describes a closed quarter: when it was closed as of, by which
// opsalign, from which inputs, and what was frozen.
type Manifest struct {
	Schema  int    `json:"schema"`
	Period  string `json:"period"`
	AsOf    string `json:"as_of"` // the quarter's last day
	Version string `json:"opsalign_version"`
	// Inputs are the site's input files (config and data), relative to the
	// site folder, in path order.
	Inputs []FileSum `json:"inputs"`
	// Files are the frozen files of history/PERIOD/ but the manifest
	// itself, relative to that folder, in path order.
	Files []FileSum `json:"files"`
}

// ManifestSchema is the version of manifest.json this package writes.
const ManifestSchema = 1

// FileSum is one file's SHA-256 and size.
type FileSum struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
	Bytes  int    `json:"bytes"`
}

// Sum returns the FileSum of data under name.
func Sum(name string, data []byte) FileSum {
	h := sha256.Sum256(data)
	return FileSum{File: name, SHA256: hex.EncodeToString(h[:]), Bytes: len(data)}
}

// SumFiles hashes files given relative to siteDir (slash-separated), in
// path order; a name listed twice is hashed once.
func SumFiles(siteDir string, files []string) ([]FileSum, error) {
	names := slices.Clone(files)
	slices.Sort(names)
	names = slices.Compact(names)
	out := make([]FileSum, 0, len(names))
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(n)))
		if err != nil {
			return nil, fmt.Errorf("hashing input %s: %w", n, err)
		}
		out = append(out, Sum(n, b))
	}
	return out, nil
}
