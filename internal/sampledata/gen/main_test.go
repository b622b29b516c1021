package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name  string
		bench bool
		n     int
		file  string // a file the run must write
	}{
		{"sample", false, 0, "incident_export.csv"},
		{"bench by size", false, 40, "opsalign.toml"},
		{"bench flag", true, 40, "data/register.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := run(context.Background(), dir, tt.bench, tt.n, 1); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, tt.file)); err != nil {
				t.Error(err)
			}
		})
	}
}
