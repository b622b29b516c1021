//go:build !race

package read

// raceEnabled: the race detector is on; its shadow memory is in a
// process's RSS.
const raceEnabled = false
