package csvrecord

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"
)

const benchRecords = 100_000

// benchData returns a 100k-record × 20-field export like an initiative
// register; quoteAll quotes every field, as ServiceNow and most web
// tools export.
func benchData(quoteAll bool) []byte {
	var b bytes.Buffer
	for i := range benchRecords + 1 {
		for j := range 20 {
			if j > 0 {
				b.WriteByte(',')
			}
			var f string
			switch j % 5 {
			case 0:
				f = fmt.Sprintf("INI-%06d", i)
			case 1:
				f = fmt.Sprintf("Initiative %d", i)
			case 2:
				f = "2026-03-15"
			case 3:
				f = fmt.Sprint(10000 + i%5000)
			default:
				f = "M-01; M-02"
			}
			if quoteAll {
				f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
			b.WriteString(f)
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

func benchReader(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
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
		if n != benchRecords+1 {
			b.Fatalf("%d records", n)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

func benchEncodingCSV(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(data))
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
		if n != benchRecords+1 {
			b.Fatalf("%d records", n)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkReaderQuoted reads a fully quoted 100k × 20 export.
func BenchmarkReaderQuoted(b *testing.B) { benchReader(b, benchData(true)) }

// BenchmarkEncodingCSVQuoted is encoding/csv on the same export, the
// figure BenchmarkReaderQuoted is held against.
func BenchmarkEncodingCSVQuoted(b *testing.B) { benchEncodingCSV(b, benchData(true)) }

// BenchmarkReaderPlain reads the same export without quotes.
func BenchmarkReaderPlain(b *testing.B) { benchReader(b, benchData(false)) }

// BenchmarkEncodingCSVPlain is encoding/csv on the export without quotes.
func BenchmarkEncodingCSVPlain(b *testing.B) { benchEncodingCSV(b, benchData(false)) }

// cpuTime is the CPU time this process has used: on a machine shared with
// other jobs it compares runs better than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
