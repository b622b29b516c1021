package csvrecord

import (
	"bufio"
	"encoding/csv"
	"io"
	"reflect"
	"strings"
	"testing"
)

func readAllQuoted(t *testing.T, in string) []quotedRecord {
	t.Helper()
	br := bufio.NewReader(strings.NewReader(in))
	var out []quotedRecord
	for {
		rec, err := readQuotedRecord(br, ',', nil)
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		rec.fields = append([]string(nil), rec.fields...)
		out = append(out, rec)
	}
}

// TestQuotedRecordLikeEncodingCSV checks well-formed CSV against
// encoding/csv (strict): the same fields.
func TestQuotedRecordLikeEncodingCSV(t *testing.T) {
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
		var got [][]string
		for _, r := range readAllQuoted(t, in) {
			got = append(got, r.fields)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", in, got, want)
		}
	}
}

// TestQuotedRecordLikeExcel checks what encoding/csv reads otherwise.
func TestQuotedRecordLikeExcel(t *testing.T) {
	tests := []struct {
		in   string
		want []quotedRecord
	}{
		{"I-2,\"Phase\" 2 rollout,Run\nI-3,\"Gamma\",Run\n", []quotedRecord{
			{fields: []string{"I-2", "Phase 2 rollout", "Run"}, lastAt: 0, lines: 1},
			{fields: []string{"I-3", "Gamma", "Run"}, lines: 1}}},
		{"27\" monitors,5\n", []quotedRecord{{fields: []string{"27\" monitors", "5"}, lines: 1}}},
		{"\n\na,\"b\nc\nd\",e\nf\n", []quotedRecord{
			{fields: []string{"a", "b\nc\nd", "e"}, skipped: 2, lastAt: 2, lines: 3},
			{fields: []string{"f"}, lines: 1}}},
		{"a,\"open\nrest,of\nfile\n", []quotedRecord{{fields: []string{"a", "open\nrest,of\nfile\n"}, lines: 4, unterminated: true}}},
	}
	for _, tt := range tests {
		if got := readAllQuoted(t, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

// FuzzQuotedRecord checks that whatever encoding/csv reads strictly,
// readQuotedRecord reads the same, and that it never fails otherwise.
func FuzzQuotedRecord(f *testing.F) {
	for _, s := range []string{"a,b\n", "\"a\"\"b\",c\r\n", "\"x\ny\",z", "\"Phase\" 2,x\n", "a\"b,c\n\n\nd", "\"open"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		br := bufio.NewReader(strings.NewReader(in))
		var got [][]string
		for {
			rec, err := readQuotedRecord(br, ',', nil)
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, append([]string(nil), rec.fields...))
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
