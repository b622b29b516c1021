package main

import (
	"os"
	"runtime/debug"
)

// defaultMemoryLimit is the Go runtime's soft memory limit unless
// GOMEMLIMIT is set. A build's live heap is small next to what it
// allocates (at 10k initiatives ~100 MB live, 2 GB allocated): with the
// default GOGC alone the heap grows to twice its peak, 450–550 MB of RSS;
// with the limit the collector runs more often only while the heap is near
// it (369 MB RSS at 10k, the same CPU time). A site whose live heap is
// larger simply goes over it, the collector then using at most half the
// CPU.
const defaultMemoryLimit = 384 << 20

// setMemoryLimit applies defaultMemoryLimit unless GOMEMLIMIT is set.
func setMemoryLimit() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}
