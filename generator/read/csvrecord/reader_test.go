package csvrecord

import (
	"bufio"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// checkCSVRecords reads data with a Reader (whose fast path takes
// quote-free lines from the buffer) and with refQuotedRecord alone, and
// wants the same records, line numbers and errors. refQuotedRecord is
// itself checked against encoding/csv (FuzzQuotedRecord).
func checkCSVRecords(t *testing.T, data string, comma byte, bufSize int) {
	t.Helper()
	want := bufio.NewReaderSize(strings.NewReader(data), 1<<16)
	got := &Reader{Comma: comma, br: bufio.NewReaderSize(strings.NewReader(data), bufSize)}
	line := 0
	for n := 1; ; n++ {
		wrec, werr := refQuotedRecord(want, comma, nil)
		line += wrec.skipped
		grec, gerr := got.Read()
		if !errors.Is(gerr, werr) {
			t.Fatalf("%q (buffer %d) record %d: error %v, want %v", data, bufSize, n, gerr, werr)
		}
		if werr == io.EOF {
			return
		}
		if g := grec; !slices.Equal(g, wrec.fields) {
			t.Fatalf("%q (buffer %d) record %d = %q, want %q", data, bufSize, n, g, wrec.fields)
		}
		wfirst, wend := line+1, line+wrec.lines
		line = wend
		if first, end := got.Lines(); first != wfirst || end != wend {
			t.Fatalf("%q (buffer %d) record %d at lines %d-%d, want %d-%d", data, bufSize, n, first, end, wfirst, wend)
		}
		if got.Unterminated() != wrec.unterminated {
			t.Fatalf("%q (buffer %d) record %d: unterminated %v, want %v", data, bufSize, n, got.Unterminated(), wrec.unterminated)
		}
	}
}

var csvRecordCases = []string{
	"",
	"\n",
	"a,b,c\n",
	"a,b,c",
	"a,b,c\r\n1,2,3\r\n",
	"a,b\r",
	"a,b\r\r\n\r\n\n\nc\n",
	"\n\na\n\n\"b\nc\",d\n\ne,f\n",
	"x,\"q\"\"uote\",y\n1,2,3\n",
	"x,\"multi\nline\nfield\"\nnext,line\n",
	"\"a\nb\",\"c\nd\"\ne\n",
	"lazy \"quote\" here,b\nc,d\n",
	"\"lazy\"x,b\nc,d\n",
	"\"unterminated\nfield,x\n",
	"\"unterminated",
	"a,,,\n,,,\n",
	" a , b \n",
	"é,\xff\xfe,ü\n",
	"a;b|c\td\n",
	"last line without newline\nx",
	"\"quoted at end\"",
	"\"q\"\r\n\"r\"\r\n",
	"a,\"b\r\nc\"\r\nd\r\n",
}

func TestReaderMatchesQuotedRecords(t *testing.T) {
	long := strings.Repeat("x", 100) + "," + strings.Repeat("y", 100)
	var many strings.Builder
	for i := 0; i < 200; i++ {
		many.WriteString(long + "\n")
		if i%17 == 0 {
			many.WriteString("\"q\nq\"," + long + "\n\n")
		}
		if i%23 == 0 {
			many.WriteString("\r\n")
		}
	}
	cases := append(slices.Clone(csvRecordCases), many.String(), strings.Repeat(long, 700)+"\n"+long+"\n")
	for _, data := range cases {
		for _, comma := range []byte{',', ';', '\t', '|'} {
			for _, size := range []int{16, 17, 64, 4096, 1 << 16} {
				checkCSVRecords(t, data, comma, size)
			}
		}
	}
}

// TestReaderOwnMemory reads two rows and checks that the first row's
// fields are intact: fields must not alias a reused buffer.
func TestReaderOwnMemory(t *testing.T) {
	r := &Reader{Comma: ',', br: bufio.NewReaderSize(strings.NewReader("a,bb,ccc\nd,ee,fff\n\"g\",h\n"), 16)}
	var kept [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, slices.Clone(rec)) // the slice is reused, the strings are not
	}
	want := [][]string{{"a", "bb", "ccc"}, {"d", "ee", "fff"}, {"g", "h"}}
	if !slices.EqualFunc(kept, want, slices.Equal) {
		t.Errorf("records = %q, want %q", kept, want)
	}
}

func FuzzReader(f *testing.F) {
	for _, c := range csvRecordCases {
		f.Add(c, byte(','), uint8(0))
	}
	f.Add("a;b\n\"c;d\";e\n", byte(';'), uint8(3))
	f.Fuzz(func(t *testing.T, data string, comma byte, size uint8) {
		if !strings.ContainsRune(",;\t|", rune(comma)) {
			comma = ','
		}
		checkCSVRecords(t, data, comma, 16+int(size))
	})
}

func TestSplitRecord(t *testing.T) {
	for _, line := range []string{"", ",", "a", "a,b", ",,,,,,,,,,,,,,,,,", "abcdefgh,ijklmnop,", "-,-,-,-,-,-,-,-,-,-,-,-,-",
		"INI-000001,Initiative 1,Improve,Unit B,Owner B,Lead B,M-01; M-02,10001,5001,PL-001,2025-01-02",
		"\xac\xad,\x2c\x2d\x2b,\xff\x00,é,ü;|\t"} {
		for _, comma := range []byte{',', ';', '\t', '|'} {
			got := splitRecord(nil, line, comma)
			want := strings.Split(line, string(comma))
			if !slices.Equal(got, want) {
				t.Errorf("splitRecord(%q, %q) = %q, want %q", line, comma, got, want)
			}
		}
	}
}
