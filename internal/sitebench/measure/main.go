// Command measure times whole-site builds of the opsalign binary against
// the naive floor of package sitebench, in the same run, and prints the
// medians: wall time, CPU time, peak RSS, and the build/floor ratio.
//
//	go run ./internal/sitebench/measure -bin bin/opsalign -runs 5 bench-data/1k bench-data/10k
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/internal/sitebench"
)

func main() {
	bin := flag.String("bin", "bin/opsalign", "opsalign binary to measure")
	runs := flag.Int("runs", 5, "runs per site (medians are reported)")
	verbose = flag.Bool("v", false, "print every run")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: measure [-bin B] [-runs N] SITE...")
		os.Exit(2)
	}
	var trash []string
	defer func() {
		for _, t := range trash {
			os.RemoveAll(t)
		}
	}()
	for _, dir := range flag.Args() {
		t, err := measure(*bin, dir, *runs)
		if t != "" {
			trash = append(trash, t)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "measure %s: %v\n", dir, err)
			os.Exit(1)
		}
	}
}

var verbose *bool

type sample struct {
	wall, cpu time.Duration
	rssKiB    int64
}

// measure times runs builds of the site in dir and as many naive floors,
// and returns the folder the outputs were moved into, for the caller to
// delete once every site is measured.
func measure(bin, dir string, runs int) (trash string, err error) {
	cfg, err := config.Load(filepath.Join(dir, "opsalign.toml"), false)
	if err != nil {
		return "", err
	}
	out := filepath.Join(cfg.Dir, cfg.OutputDir)
	// Earlier outputs are moved aside and deleted after the last run: on
	// ext4 without a journal (this machine's disk), creating a file skips,
	// one inode-table lookup each, every free inode of its group deleted in
	// the last 30–35 s (fs/ext4/ialloc.c, recently_deleted), so creating
	// files just after deleting thousands costs ~0.7 ms an openat instead
	// of ~0.05 ms, which would be charged to whichever run came next.
	// Deletions by other processes in the same block groups cost the same.
	trash, err = os.MkdirTemp(cfg.Dir, ".measure-trash-")
	if err != nil {
		return "", err
	}
	moved := 0
	aside := func(p string) {
		if _, err := os.Stat(p); err == nil {
			moved++
			os.Rename(p, filepath.Join(trash, strconv.Itoa(moved)))
		}
	}
	var builds, floors []sample
	var ratios []float64
	for range runs {
		aside(out) // a fresh folder every run
		// Each run starts with no dirty page of an earlier one left to
		// write back.
		syscall.Sync()
		s, err := runBuild(bin, filepath.Join(dir, "opsalign.toml"))
		if err != nil {
			return trash, err
		}
		builds = append(builds, s)

		floorDir, err := os.MkdirTemp(cfg.Dir, ".floor-")
		if err != nil {
			return trash, err
		}
		syscall.Sync()
		before := selfCPU()
		start := time.Now()
		if _, err := sitebench.Floor(context.Background(), cfg, floorDir); err != nil {
			return trash, err
		}
		f := sample{wall: time.Since(start), cpu: selfCPU() - before}
		floors = append(floors, f)
		ratios = append(ratios, float64(s.wall)/float64(f.wall))
		if *verbose {
			fmt.Printf("  run %d: build %v, floor %v, %.2f×\n", len(ratios), s.wall.Round(time.Millisecond), f.wall.Round(time.Millisecond), ratios[len(ratios)-1])
		}
		aside(floorDir)
	}
	b, f := median(builds), median(floors)
	slices.Sort(ratios)
	fmt.Printf("%s: build wall %v  cpu %v  peak RSS %d MiB | naive floor wall %v cpu %v | build/floor %.2f× (median of %d runs' ratios; %.2f× of the medians)\n",
		dir, b.wall.Round(time.Millisecond), b.cpu.Round(time.Millisecond), b.rssKiB/1024,
		f.wall.Round(time.Millisecond), f.cpu.Round(time.Millisecond), ratios[len(ratios)/2], runs, float64(b.wall)/float64(f.wall))
	return trash, nil
}

func runBuild(bin, cfg string) (sample, error) {
	cmd := exec.Command(bin, "build", "--quiet", "--config", cfg)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s build: %w", bin, err)
	}
	wall := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rssKiB: ru.Maxrss}, nil
}

func selfCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// median returns the per-figure medians of ss.
func median(ss []sample) sample {
	pick := func(f func(sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return sample{
		wall:   time.Duration(pick(func(s sample) int64 { return int64(s.wall) })),
		cpu:    time.Duration(pick(func(s sample) int64 { return int64(s.cpu) })),
		rssKiB: pick(func(s sample) int64 { return s.rssKiB }),
	}
}
