package sampledata

import (
	"bufio"
	"encoding/csv"
	"os"
)

// csvFile is a CSV file to write.
type csvFile struct {
	comma rune // field delimiter
	crlf  bool // \r\n line ends, as Windows tools write them
	bom   bool // UTF-8 byte-order mark first, as Excel writes it
	rows  [][]string
}

// writeCSV writes c to path.
func writeCSV(path string, c csvFile) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(out)
	if c.bom {
		bw.WriteString("\uFEFF")
	}
	w := csv.NewWriter(bw)
	w.Comma = c.comma
	w.UseCRLF = c.crlf
	if err := w.WriteAll(c.rows); err != nil {
		out.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
