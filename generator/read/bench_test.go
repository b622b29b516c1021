package read

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/opsalign/opsalign/generator/config"
)

const benchRows = 100_000

// benchHeader is 20 initiative columns.
var benchHeader = []string{"ID", "Name", "Category", "Business Unit", "Business Owner", "IT Owner", "Metrics", "Budget", "Spend",
	"Plan Line", "Start", "Go Live", "Status", "Rollout", "Automation", "Process Standardized", "Training Plan", "Adoption Owner", "Adoption", "Risk"}

func benchRow(i int) []any {
	cats := []string{"Run", "Improve", "Transform"}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%400)
	return []any{fmt.Sprintf("INI-%06d", i), fmt.Sprintf("Initiative %d", i), cats[i%3], "Unit " + string(rune('A'+i%5)), "Owner " + string(rune('A'+i%7)),
		"Lead " + string(rune('A'+i%9)), "M-01; M-02", float64(10000 + i%5000), float64(5000 + i%3000), fmt.Sprintf("PL-%03d", i%100),
		start, start.AddDate(0, 4, 0), "In Flight", "Phased", "Yes", "No", "Y", "Change " + string(rune('A'+i%4)), 0.5 + float64(i%50)/100, "Medium"}
}

// benchFixtures holds the generated benchmark files, written once.
type benchFixtures struct {
	once     sync.Once
	dir      string
	xlsxSite config.Config
	csvSite  config.Config
	quoted   config.Config // the CSV written fully quoted, as ServiceNow exports
	err      error
}

var fixtures benchFixtures

func TestMain(m *testing.M) {
	if dir := os.Getenv(memEnv); dir != "" {
		os.Exit(memChild(dir)) // a child of TestRefusalsInBoundedMemory
	}
	code := m.Run()
	if fixtures.dir != "" {
		os.RemoveAll(fixtures.dir)
	}
	os.Exit(code)
}

func benchFiles(b *testing.B) (xlsxSite, csvSite config.Config) {
	fixtures.once.Do(func() {
		fixtures.dir, fixtures.err = os.MkdirTemp("", "opsalign-read-bench")
		if fixtures.err != nil {
			return
		}
		fixtures.xlsxSite = config.Default()
		fixtures.xlsxSite.Dir = filepath.Join(fixtures.dir, "xlsx")
		fixtures.xlsxSite.DataDir = "data"
		fixtures.csvSite = fixtures.xlsxSite
		fixtures.csvSite.Dir = filepath.Join(fixtures.dir, "csv")
		if fixtures.err = writeBenchXLSX(dataPath(fixtures.xlsxSite, "register.xlsx")); fixtures.err != nil {
			return
		}
		if fixtures.err = writeBenchCSV(fixtures.csvSite, false); fixtures.err != nil {
			return
		}
		fixtures.quoted = fixtures.xlsxSite
		fixtures.quoted.Dir = filepath.Join(fixtures.dir, "quoted")
		fixtures.err = writeBenchCSV(fixtures.quoted, true)
	})
	if fixtures.err != nil {
		b.Fatal(fixtures.err)
	}
	return fixtures.xlsxSite, fixtures.csvSite
}

// quotedBenchSite returns the site whose initiatives.csv quotes every field.
func quotedBenchSite(b *testing.B) config.Config {
	benchFiles(b)
	return fixtures.quoted
}

func writeBenchXLSX(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Initiatives")
	sw, err := f.NewStreamWriter("Initiatives")
	if err != nil {
		return err
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	hdr := make([]any, len(benchHeader))
	for i, h := range benchHeader {
		hdr[i] = h
	}
	if err := sw.SetRow("A1", hdr); err != nil {
		return err
	}
	for i := 0; i < benchRows; i++ {
		row := benchRow(i)
		for _, c := range []int{10, 11} {
			row[c] = excelize.Cell{StyleID: dateStyle, Value: row[c]}
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	f.NewSheet("Metrics")
	f.SetSheetRow("Metrics", "A1", &[]any{"ID", "Name", "Baseline", "Target"})
	f.SetSheetRow("Metrics", "A2", &[]any{"M-01", "Cycle", 10, 8})
	f.SetSheetRow("Metrics", "A3", &[]any{"M-02", "Orders", 100, 120})
	return f.SaveAs(path)
}

// writeBenchCSV writes the benchmark register as CSV; quoteAll quotes
// every field, as ServiceNow and most web tools export.
func writeBenchCSV(site config.Config, quoteAll bool) error {
	if err := os.MkdirAll(filepath.Join(site.Dir, site.DataDir), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(dataPath(site, "metrics.csv"), []byte(minimalMetrics), 0o644); err != nil {
		return err
	}
	f, err := os.Create(dataPath(site, "initiatives.csv"))
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	w := csv.NewWriter(bw)
	write := func(rec []string) {
		if !quoteAll {
			w.Write(rec)
			return
		}
		for j, v := range rec {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(`"` + strings.ReplaceAll(v, `"`, `""`) + `"`)
		}
		bw.WriteString("\r\n")
	}
	write(benchHeader)
	rec := make([]string, len(benchHeader))
	for i := 0; i < benchRows; i++ {
		for j, v := range benchRow(i) {
			switch x := v.(type) {
			case time.Time:
				rec[j] = x.Format("2006-01-02")
			default:
				rec[j] = fmt.Sprint(x)
			}
		}
		write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// BenchmarkReadXLSX reads a 100k-row × 20-column workbook through Read.
func BenchmarkReadXLSX(b *testing.B) {
	site, _ := benchFiles(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		ds, err := Read(context.Background(), site, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Initiatives) != benchRows {
			b.Fatalf("read %d initiatives, want %d; issues: %v", len(ds.Initiatives), benchRows, ds.Issues[:min(3, len(ds.Issues))])
		}
	}
	reportRate(b, cpu0)
	b.StopTimer()
	runtime.GC()
	b.ReportMetric(peakHeap(func() { Read(context.Background(), site, nil) }), "peak-heap-MB")
}

// BenchmarkBareExcelize is the floor: excelize's raw streaming row loop
// over the same workbook, doing nothing with the values.
func BenchmarkBareExcelize(b *testing.B) {
	site, _ := benchFiles(b)
	path := dataPath(site, "register.xlsx")
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Initiatives")
		if err != nil {
			b.Fatal(err)
		}
		n, cells := 0, 0
		for rows.Next() {
			c, err := rows.Columns()
			if err != nil {
				b.Fatal(err)
			}
			n++
			cells += len(c)
		}
		rows.Close()
		f.Close()
		if n != benchRows+1 {
			b.Fatalf("%d rows", n)
		}
	}
	reportRate(b, cpu0)
}

// BenchmarkReadCSV reads a 100k-row × 20-column CSV file through Read.
func BenchmarkReadCSV(b *testing.B) {
	_, site := benchFiles(b)
	benchReadCSV(b, site)
}

// BenchmarkReadCSVQuoted reads the same register with every field quoted.
func BenchmarkReadCSVQuoted(b *testing.B) {
	benchReadCSV(b, quotedBenchSite(b))
}

func benchReadCSV(b *testing.B, site config.Config) {
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		ds, err := Read(context.Background(), site, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Initiatives) != benchRows {
			b.Fatalf("read %d initiatives", len(ds.Initiatives))
		}
	}
	reportRate(b, cpu0)
	b.StopTimer()
	runtime.GC()
	b.ReportMetric(peakHeap(func() { Read(context.Background(), site, nil) }), "peak-heap-MB")
}

// BenchmarkBareCSV is the floor for CSV: encoding/csv reading the same file.
func BenchmarkBareCSV(b *testing.B) {
	_, site := benchFiles(b)
	benchBareCSV(b, site)
}

// BenchmarkBareCSVQuoted is encoding/csv reading the fully quoted file.
func BenchmarkBareCSVQuoted(b *testing.B) {
	benchBareCSV(b, quotedBenchSite(b))
}

func benchBareCSV(b *testing.B, site config.Config) {
	path := dataPath(site, "initiatives.csv")
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(bufio.NewReader(f))
		r.ReuseRecord = true
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != benchRows+1 {
			b.Fatalf("%d rows", n)
		}
	}
	reportRate(b, cpu0)
}

// cpuTime is the CPU time this process has used. On a machine shared with
// other jobs, CPU time per operation compares runs better than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakHeap samples the live heap while it runs and returns its peak in MB.
func peakHeap(run func()) float64 {
	stop := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var ms runtime.MemStats
		var max uint64
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > max {
				max = ms.HeapAlloc
			}
			select {
			case <-stop:
				peak <- max
				return
			case <-t.C:
			}
		}
	}()
	run()
	close(stop)
	return float64(<-peak) / (1 << 20)
}

// reportRate adds rows per second and CPU time per operation.
func reportRate(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}
