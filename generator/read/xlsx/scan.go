package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// token kinds of the scanner
const (
	tokEOF   = iota
	tokStart // <name …>
	tokEnd   // </name>
	tokEmpty // <name …/>: a start and its end
	tokText  // character data (text or CDATA), not decoded yet
)

// attr is an attribute of the current start tag: its local name and its
// raw value (entities not decoded).
type attr struct {
	name, value []byte
}

// scanner reads the XML of one part as a stream of tokens, holding no
// more than one token (at most maxToken bytes) and the names of the open
// elements (at most maxDepth) in memory. It reads the XML that
// spreadsheet programs write: elements, attributes, character data,
// CDATA, comments and processing instructions; a DOCTYPE is refused (no
// spreadsheet part has one, and entity definitions are how XML bombs
// work). Namespace prefixes are kept out of the names it returns: every
// writer's prefixes (none, x:, ns0:) read alike.
//
// A token's slices are valid until the next call of next.
type scanner struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool
	maxDepth int
	maxToken int
	textMax  int // the most character data one text token holds (see textChunk)
	// open elements: their qualified names, one after the other in names,
	// each starting at the offset marks holds
	names []byte
	marks []int

	// the current token
	kind  int
	name  []byte // local name of a start, empty or end tag
	attrs []attr
	text  []byte // raw character data
	cdata bool   // text is CDATA: taken as it is
}

const (
	defaultBuf = 64 << 10
	// maxTokenBytes bounds a tag or a run of character data: a cell of
	// 32,767 characters written as character references is 330 KB.
	maxTokenBytes = 1 << 20
)

func newScanner(r io.Reader, maxDepth int) *scanner {
	return &scanner{r: r, buf: make([]byte, defaultBuf), maxDepth: maxDepth, maxToken: maxTokenBytes, textMax: textChunk}
}

// errXML is the error of XML that is not well formed.
func errXML(format string, args ...any) error {
	return fmt.Errorf("the XML is damaged: "+format, args...)
}

// depth is the number of open elements.
func (s *scanner) depth() int { return len(s.marks) }

// fill reads more input after end, first moving the unread bytes to the
// start of buf (and growing it when they fill it, up to maxToken). It
// returns false at the end of the input.
func (s *scanner) fill() (bool, error) {
	if s.eof {
		return false, nil
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= s.maxToken {
			return false, errTooLong
		}
		nb := make([]byte, min(2*len(s.buf), s.maxToken))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
			return n > 0, nil
		}
		if err != nil {
			return false, err
		}
		if n > 0 {
			return true, nil
		}
	}
}

// errTooLong is a tag or a run of text longer than maxToken.
var errTooLong = errors.New("a tag or text in the XML is longer than 1 MB")

// index returns the offset in buf of the first sep at or after pos+from,
// reading more input as needed; -1 at the end of the input. Reading may
// move the buffered bytes: offsets are relative to pos.
func (s *scanner) index(from int, sep []byte) (int, error) {
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], sep); i >= 0 {
			return from + i, nil
		}
		from = max(0, s.end-s.pos-len(sep)+1)
		ok, err := s.fill()
		if err != nil {
			return -1, err
		}
		if !ok {
			return -1, nil
		}
	}
}

// indexByte is index for the one byte c, found with a byte loop: what it
// looks for (the end of an end tag) is a few bytes away.
func (s *scanner) indexByte(from int, c byte) (int, error) {
	for {
		for k, b := range s.buf[s.pos+from : s.end] {
			if b == c {
				return from + k, nil
			}
		}
		from = s.end - s.pos
		ok, err := s.fill()
		if err != nil {
			return -1, err
		}
		if !ok {
			return -1, nil
		}
	}
}

// skipPast discards input up to and including sep, without holding it.
func (s *scanner) skipPast(sep []byte) error {
	for {
		if i := bytes.Index(s.buf[s.pos:s.end], sep); i >= 0 {
			s.pos += i + len(sep)
			return nil
		}
		s.pos = max(s.pos, s.end-len(sep)+1)
		ok, err := s.fill()
		if err != nil {
			return err
		}
		if !ok {
			return errXML("a comment or instruction is never closed")
		}
	}
}

// next reads the next token.
func (s *scanner) next() error {
	s.attrs = s.attrs[:0]
	s.name, s.text, s.cdata = nil, nil, false
	for {
		if s.pos == s.end {
			ok, err := s.fill()
			if err != nil {
				return err
			}
			if !ok {
				if len(s.marks) > 0 {
					return errXML("the part ends inside <%s>", s.names[s.marks[len(s.marks)-1]:])
				}
				s.kind = tokEOF
				return nil
			}
		}
		if s.buf[s.pos] != '<' {
			return s.textToken()
		}
		// enough to tell "<![CDATA[" from the others
		for s.end-s.pos < 9 {
			ok, err := s.fill()
			if err != nil {
				return err
			}
			if !ok {
				break
			}
		}
		if s.end-s.pos < 2 {
			return errXML("the part ends inside a tag")
		}
		rest := s.buf[s.pos:s.end]
		switch rest[1] {
		case '/':
			return s.endTag()
		case '?':
			if err := s.skipPast([]byte("?>")); err != nil {
				return err
			}
			continue
		case '!':
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				s.pos += 4
				if err := s.skipPast([]byte("-->")); err != nil {
					return err
				}
				continue
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				i, err := s.index(9, []byte("]]>"))
				if err != nil {
					return err
				}
				if i < 0 {
					return errXML("a CDATA section is never closed")
				}
				s.kind, s.text, s.cdata = tokText, s.buf[s.pos+9:s.pos+i], true
				s.pos += i + 3
				return nil
			}
			return errXML("it has a DOCTYPE or other declaration, which spreadsheet files never have")
		}
		return s.startTag()
	}
}

// textChunk is the most character data one text token holds: a longer
// run comes in several tokens, so that its length is bounded by whoever
// reads it (a cell by the cell limit), not by the buffer.
const textChunk = 32 << 10

// textToken reads character data at pos: up to the next "<", or, when
// that is far, a piece of it cut where decoding can resume (not inside an
// entity or a "\r\n").
func (s *scanner) textToken() error {
	for {
		if i := bytes.IndexByte(s.buf[s.pos:s.end], '<'); i >= 0 {
			s.kind, s.text = tokText, s.buf[s.pos:s.pos+i]
			s.pos += i
			return nil
		}
		n := s.end - s.pos
		if s.eof {
			s.kind, s.text = tokText, s.buf[s.pos:s.end]
			s.pos = s.end
			return nil
		}
		if n >= s.textMax {
			if n = safeCut(s.buf[s.pos:s.end]); n > 0 {
				s.kind, s.text = tokText, s.buf[s.pos:s.pos+n]
				s.pos += n
				return nil
			}
		}
		if _, err := s.fill(); err != nil {
			return err
		}
	}
}

// safeCut returns how much of the character data b can be decoded apart
// from what follows it: all but a trailing "\r" or unfinished entity (0:
// read more first).
func safeCut(b []byte) int {
	n := len(b)
	if amp := bytes.LastIndexByte(b[max(0, n-12):], '&'); amp >= 0 {
		if amp += max(0, n-12); bytes.IndexByte(b[amp:], ';') < 0 {
			n = amp
		}
	}
	if n > 0 && b[n-1] == '\r' {
		n--
	}
	return n
}

// endTag reads "</name>" at pos.
func (s *scanner) endTag() error {
	i, err := s.indexByte(2, '>')
	if err != nil {
		return err
	}
	if i < 0 {
		return errXML("an end tag is never closed")
	}
	qname := trimSpaceRight(s.buf[s.pos+2 : s.pos+i])
	s.pos += i + 1
	if len(s.marks) == 0 {
		return errXML("</%s> closes no element", qname)
	}
	top := s.marks[len(s.marks)-1]
	if !bytes.Equal(s.names[top:], qname) {
		return errXML("</%s> closes <%s>", qname, s.names[top:])
	}
	s.names, s.marks = s.names[:top], s.marks[:len(s.marks)-1]
	s.kind, s.name = tokEnd, localName(qname)
	return nil
}

// tagEnd returns the offset from pos of the ">" that ends the tag at pos,
// outside quoted attribute values, reading more input as needed.
func (s *scanner) tagEnd() (int, error) {
	var quote byte
	i := 1
	for {
		if s.pos+i == s.end {
			ok, err := s.fill()
			if err != nil {
				return -1, err
			}
			if !ok {
				return -1, errXML("a tag is never closed")
			}
		}
		// one pass over what is buffered: a tag is short, and its quoted
		// values shorter
		rest := s.buf[s.pos+i : s.end]
		for k, c := range rest {
			if quote != 0 {
				if c == quote {
					quote = 0
				}
				continue
			}
			switch c {
			case '>':
				return i + k, nil
			case '<':
				return -1, errXML("a tag holds a '<'")
			case '"', '\'':
				quote = c
			}
		}
		i += len(rest)
	}
}

// startTag reads "<name attr="v" …>" or "<name …/>" at pos.
func (s *scanner) startTag() error {
	n, err := s.tagEnd()
	if err != nil {
		return err
	}
	tag := s.buf[s.pos+1 : s.pos+n]
	s.pos += n + 1
	empty := len(tag) > 0 && tag[len(tag)-1] == '/'
	if empty {
		tag = tag[:len(tag)-1]
	}
	i := 0
	for i < len(tag) && !isSpace(tag[i]) {
		i++
	}
	qname := tag[:i]
	if len(qname) == 0 {
		return errXML("a tag has no name")
	}
	for {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i == len(tag) {
			break
		}
		j := i
		for j < len(tag) && tag[j] != '=' && !isSpace(tag[j]) {
			j++
		}
		name := tag[i:j]
		for j < len(tag) && isSpace(tag[j]) {
			j++
		}
		if j == len(tag) || tag[j] != '=' {
			return errXML("attribute %s of <%s> has no value", name, qname)
		}
		j++
		for j < len(tag) && isSpace(tag[j]) {
			j++
		}
		if j == len(tag) || tag[j] != '"' && tag[j] != '\'' {
			return errXML("attribute %s of <%s> is not quoted", name, qname)
		}
		q := tag[j]
		k := bytes.IndexByte(tag[j+1:], q)
		if k < 0 {
			return errXML("attribute %s of <%s> is never closed", name, qname)
		}
		s.attrs = append(s.attrs, attr{name: localName(name), value: tag[j+1 : j+1+k]})
		i = j + 1 + k + 1
	}
	s.name = localName(qname)
	if empty {
		s.kind = tokEmpty
		return nil
	}
	if len(s.marks) >= s.maxDepth {
		return fmt.Errorf("the XML nests elements more than %d deep; a spreadsheet never does", s.maxDepth)
	}
	s.marks = append(s.marks, len(s.names))
	s.names = append(s.names, qname...)
	s.kind = tokStart
	return nil
}

// attr returns the raw value of the current tag's attribute with the
// local name.
func (s *scanner) attr(name string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(a.name) == name {
			return a.value, true
		}
	}
	return nil, false
}

// skip reads past the end of the element whose start tag was just read.
func (s *scanner) skip() error {
	if s.kind != tokStart {
		return nil
	}
	d := len(s.marks)
	for len(s.marks) >= d {
		if err := s.next(); err != nil {
			return err
		}
		if s.kind == tokEOF {
			return errXML("the part ends inside an element")
		}
	}
	return nil
}

// appendText appends the current text token to dst, decoded: entities
// and character references replaced, line ends normalised to "\n".
func (s *scanner) appendText(dst []byte) ([]byte, error) {
	if s.cdata {
		return appendNewlines(dst, s.text), nil
	}
	return appendDecoded(dst, s.text)
}

// appendDecoded appends raw character data or an attribute value to dst
// with the five predefined entities and character references replaced
// and line ends normalised to "\n".
func appendDecoded(dst, raw []byte) ([]byte, error) {
	for len(raw) > 0 {
		i := indexDecodeStop(raw)
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		if raw[0] == '\r' {
			dst = append(dst, '\n')
			raw = raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		end := bytes.IndexByte(raw, ';')
		if end < 0 || end > 12 {
			return dst, errXML("a '&' starts no entity")
		}
		ent := raw[1:end]
		raw = raw[end+1:]
		switch string(ent) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return dst, errXML("unknown entity &%s;", ent)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst, nil
}

// charRef reads the body of a character reference: #123 or #x7B.
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*rune(base) + d
		if r > utf8.MaxRune {
			return 0, false
		}
	}
	return r, utf8.ValidRune(r)
}

// appendNewlines appends raw to dst with "\r\n" and "\r" as "\n".
func appendNewlines(dst, raw []byte) []byte {
	for {
		i := bytes.IndexByte(raw, '\r')
		if i < 0 {
			return append(dst, raw...)
		}
		dst = append(dst, raw[:i]...)
		dst = append(dst, '\n')
		raw = raw[i+1:]
		if len(raw) > 0 && raw[0] == '\n' {
			raw = raw[1:]
		}
	}
}

// localName drops a namespace prefix: "x:row" → "row". A colon that
// starts or ends the name is part of it (":", "x:"), as encoding/xml reads
// such a name.
func localName(q []byte) []byte {
	for i, c := range q { // a name is a few bytes: no call to IndexByte
		if c == ':' {
			if i == 0 || i == len(q)-1 {
				return q
			}
			return q[i+1:]
		}
	}
	return q
}

// indexDecodeStop returns the index in b of the first & or carriage return, or -1:
// where decoding character data has work to do.
func indexDecodeStop(b []byte) int {
	for i, c := range b {
		if c == '&' || c == '\r' {
			return i
		}
	}
	return -1
}

// trimSpaceRight drops the XML white space that ends b.
func trimSpaceRight(b []byte) []byte {
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
