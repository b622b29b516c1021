package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// scanAll lists the scanner's tokens as strings: "<name a=v>", "</name>"
// and the decoded text, adjacent texts joined; an empty element is a
// start and an end. bufSize is the scanner's first buffer size.
func scanAll(data []byte, bufSize int) ([]string, error) {
	s := newScanner(bytes.NewReader(data), 1000)
	s.buf = make([]byte, bufSize)
	s.textMax = bufSize // pieces of text as small as the buffer
	var out []string
	var text []byte
	inText := false
	flush := func() {
		if inText {
			out = append(out, string(text))
			text, inText = text[:0], false
		}
	}
	for {
		if err := s.next(); err != nil {
			return out, err
		}
		switch s.kind {
		case tokEOF:
			flush()
			return out, nil
		case tokText:
			var err error
			if text, err = s.appendText(text); err != nil {
				return out, err
			}
			inText = true
		case tokStart, tokEmpty:
			flush()
			tag := "<" + string(s.name)
			for _, a := range s.attrs {
				v, err := appendDecoded(nil, a.value)
				if err != nil {
					return out, err
				}
				tag += " " + string(a.name) + "=" + string(v)
			}
			out = append(out, tag+">")
			if s.kind == tokEmpty {
				out = append(out, "</"+string(s.name)+">")
			}
		case tokEnd:
			flush()
			out = append(out, "</"+string(s.name)+">")
		}
	}
}

// stdAll lists encoding/xml's tokens the same way. ok is false for input
// the scanner does not promise to read like encoding/xml: a declaration
// (DOCTYPE), which it refuses.
func stdAll(data []byte) (toks []string, ok bool, err error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var text []byte
	inText := false
	flush := func() {
		if inText {
			toks = append(toks, string(text))
			text, inText = text[:0], false
		}
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			flush()
			return toks, true, nil
		}
		if err != nil {
			return nil, true, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			flush()
			tag := "<" + t.Name.Local
			for _, a := range t.Attr {
				tag += " " + a.Name.Local + "=" + a.Value
			}
			toks = append(toks, tag+">")
		case xml.EndElement:
			flush()
			toks = append(toks, "</"+t.Name.Local+">")
		case xml.CharData:
			text = append(text, t...)
			inText = true
		case xml.Directive:
			return nil, false, nil
		}
	}
}

// checkScan wants the scanner to read whatever encoding/xml reads (with
// its nesting checked) into the same tokens, at any buffer size.
func checkScan(t *testing.T, data []byte) {
	t.Helper()
	want, ok, err := stdAll(data)
	if !ok || err != nil || !wellNested(data) {
		for _, size := range []int{1, 7, 64} {
			scanAll(data, size) // must not panic
		}
		return
	}
	for _, size := range []int{1, 7, 64, 4096} {
		got, err := scanAll(data, size)
		if errors.Is(err, errTooLong) {
			continue
		}
		if err != nil {
			t.Fatalf("%q (buffer %d): %v; encoding/xml reads %q", data, size, err, want)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q (buffer %d):\n got %q\nwant %q", data, size, got, want)
		}
	}
}

// wellNested reports whether encoding/xml's Token, which checks that end
// tags match, reads data to its end.
func wellNested(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

var scanCases = []string{
	`<a/>`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<worksheet xmlns="x"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
	`<x:a xmlns:x="u" x:b='1' c = "2 &amp; 3"><x:b>t&lt;&#65;&#x42;&quot;&apos;</x:b></x:a>`,
	`<a><!-- a comment with <tags> --><b><![CDATA[<not a tag> & "raw"]]>tail</b></a>`,
	`<a>line1` + "\r\n" + `line2` + "\r" + `line3</a>`,
	`<a b="x>y" c='"'/>`,
	`<a  >  <b/ >  </a >`,
	`<a><?pi data?>text</a>`,
	`<t xml:space="preserve">  padded  </t>`,
	`<t :="" a:="" :b=""></t>`, `<x: y="1"/>`,
	`<a>` + strings.Repeat("x", 200) + `</a>`,
}

func TestScannerLikeEncodingXML(t *testing.T) {
	for _, c := range scanCases {
		checkScan(t, []byte(c))
	}
}

func FuzzScanner(f *testing.F) {
	for _, c := range scanCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkScan(t, data) })
}
