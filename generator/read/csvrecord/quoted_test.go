package csvrecord

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

// record is a record as read, with its lines.
type record struct {
	fields       []string
	first, last  int
	unterminated bool
}

// readAll reads every record of in with a Reader on a buffer of bufSize.
func readAll(in string, bufSize, maxRecord int) ([]record, error) {
	r := &Reader{Comma: ',', MaxRecord: maxRecord, br: bufio.NewReaderSize(strings.NewReader(in), bufSize)}
	var out []record
	for {
		f, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		first, last := r.Lines()
		out = append(out, record{append([]string(nil), f...), first, last, r.Unterminated()})
	}
}

// TestReaderLikeEncodingCSV checks well-formed CSV against encoding/csv
// (strict): the same fields.
func TestReaderLikeEncodingCSV(t *testing.T) {
	for _, in := range []string{
		"a,b,c\n",
		"\"a,1\",\"b\"\"q\"\"\",c\r\n",
		"\"multi\nline\",x\n\n\"y\",\n",
		",,\n\"\",\"\"\n",
		"a,\"b\r\nc\",d",
		"x\n\n\ny\n",
	} {
		cr := csv.NewReader(strings.NewReader(in))
		cr.FieldsPerRecord = -1
		want, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		recs, err := readAll(in, 16, 0)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		var got [][]string
		for _, r := range recs {
			got = append(got, r.fields)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", in, got, want)
		}
	}
}

// TestReaderLikeExcel checks what encoding/csv reads otherwise.
func TestReaderLikeExcel(t *testing.T) {
	tests := []struct {
		in   string
		want []record
	}{
		{"I-2,\"Phase\" 2 rollout,Run\nI-3,\"Gamma\",Run\n", []record{
			{fields: []string{"I-2", "Phase 2 rollout", "Run"}, first: 1, last: 1},
			{fields: []string{"I-3", "Gamma", "Run"}, first: 2, last: 2}}},
		{"27\" monitors,5\n", []record{{fields: []string{"27\" monitors", "5"}, first: 1, last: 1}}},
		{"\n\na,\"b\nc\nd\",e\nf\n", []record{
			{fields: []string{"a", "b\nc\nd", "e"}, first: 3, last: 5},
			{fields: []string{"f"}, first: 6, last: 6}}},
		{"a,\"open\nrest,of\nfile\n", []record{{fields: []string{"a", "open\nrest,of\nfile\n"}, first: 1, last: 3, unterminated: true}}},
	}
	for _, tt := range tests {
		for _, size := range []int{16, 4096} {
			got, err := readAll(tt.in, size, 0)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q (buffer %d):\n got %+v, %v\nwant %+v", tt.in, size, got, err, tt.want)
			}
		}
	}
}

// TestMaxRecord refuses a record or field longer than MaxRecord, quoted
// or not, on one line or many, with the line and field where it happened,
// and reads records up to the limit.
func TestMaxRecord(t *testing.T) {
	long := strings.Repeat("x", 100)
	tests := []struct {
		in     string
		want   ParseError
		before int // records read before the error
	}{
		{"a,b\n" + long + "\n", ParseError{StartLine: 2, Line: 2, Field: 1, Err: ErrTooLong}, 1},
		{"a,b\nc,\"" + long + "\"\n", ParseError{StartLine: 2, Line: 2, Field: 2, Quoted: true, Err: ErrTooLong}, 1},
		{"a,\"open\n" + strings.Repeat("more,lines\n", 20), ParseError{StartLine: 1, Line: 10, Field: 2, Quoted: true, Err: ErrTooLong}, 0},
		{strings.Repeat("y,", 60) + "\n", ParseError{StartLine: 1, Line: 1, Field: 50, Err: ErrTooLong}, 0},
	}
	for _, tt := range tests {
		for _, size := range []int{16, 4096} {
			got, err := readAll(tt.in, size, 99)
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrTooLong) || len(got) != tt.before {
				t.Errorf("%.20q… (buffer %d): %d records, error %v; want %d records and %+v", tt.in, size, len(got), err, tt.before, tt.want)
				continue
			}
			if *pe != tt.want {
				t.Errorf("%.20q… (buffer %d): error %+v, want %+v", tt.in, size, *pe, tt.want)
			}
		}
	}
	if got, err := readAll(strings.Repeat("z", 98)+"\n\""+strings.Repeat("q", 95)+"\"\n", 16, 99); err != nil || len(got) != 2 {
		t.Errorf("records at the limit: %d, %v", len(got), err)
	}
}

// FuzzReaderLikeEncodingCSV checks that whatever encoding/csv reads
// strictly, the Reader reads the same, and that it never fails otherwise.
func FuzzReaderLikeEncodingCSV(f *testing.F) {
	for _, s := range []string{"a,b\n", "\"a\"\"b\",c\r\n", "\"x\ny\",z", "\"Phase\" 2,x\n", "a\"b,c\n\n\nd", "\"open"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := readAll(in, 16, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got [][]string
		for _, r := range recs {
			got = append(got, r.fields)
		}
		cr := csv.NewReader(strings.NewReader(in))
		cr.FieldsPerRecord = -1
		want, err := cr.ReadAll()
		if err != nil || strings.Contains(in, "\r") {
			return // not well-formed, or a lone \r encoding/csv reads its own way
		}
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", in, got, want)
		}
	})
}
