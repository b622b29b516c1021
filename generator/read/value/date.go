package value

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateOrderError is returned for a slash or dot date that is impossible in
// the configured date_order but valid in the other one (03/25/2026 under
// DMY). It is an error even in an optional field.
type DateOrderError struct {
	Value string
	Order string // the configured order, "DMY" or "MDY"
}

// Error says which order was used and how to set the other one.
func (e *DateOrderError) Error() string {
	other := "MDY"
	if e.Order == "MDY" {
		other = "DMY"
	}
	return fmt.Sprintf("%s is not a valid date in %s order (day/month/year is set by date_order); if this file writes dates as %s, set date_order = %q in opsalign.toml",
		quote(e.Value), e.Order, orderWords(other), other)
}

func orderWords(o string) string {
	if o == "MDY" {
		return "month/day/year"
	}
	return "day/month/year"
}

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// SerialDate converts an Excel serial day number to midnight UTC of its
// calendar day (the fraction is dropped). date1904 selects the 1904 date
// system of old Mac workbooks.
func SerialDate(serial float64, date1904 bool) (time.Time, error) {
	t, err := SerialTime(serial, date1904, time.UTC)
	if err != nil {
		return t, err
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}

// SerialTime converts an Excel serial (days and a fraction of a day) to the
// wall-clock time it shows, in loc.
func SerialTime(serial float64, date1904 bool, loc *time.Location) (time.Time, error) {
	if math.IsNaN(serial) || serial < 1 && !(date1904 && serial >= 0) || serial > 2958465 { // 9999-12-31
		return time.Time{}, fmt.Errorf("%v is not an Excel date", serial)
	}
	days := math.Floor(serial)
	secs := math.Round((serial - days) * 86400)
	var base time.Time
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, loc)
	case days < 60:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, loc)
	case days == 60: // Excel's fictitious 1900-02-29
		days = 59
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, loc)
	default:
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, loc)
	}
	d := base.AddDate(0, 0, int(days))
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, int(secs), 0, loc), nil
}

// ParseDate reads a calendar date written as text: 2026-03-15 (also with a
// time, which is dropped), 15/03/2026 and 15.03.2026 in order ("DMY" or
// "MDY"), 15-Mar-2026, 15 Mar 2026, Mar 15, 2026 and March 15 2026. The
// result is midnight UTC. A slash date impossible in order but valid in the
// other is a *DateOrderError.
func ParseDate(s string, order string) (time.Time, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		// isoDay accepts only digits and "-", which normSpaces keeps
		if t, ok := isoDay(s); ok {
			return t, nil
		}
	}
	s = normSpaces(s)
	if s == "" {
		return time.Time{}, ErrEmpty
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		if t, ok := isoDay(s); ok {
			return t, nil
		}
	}
	d, _ := splitDateTime(s)
	return parseDay(d, order, s)
}

// isoDay is the fast path for 2026-03-15 (s has 10 bytes, "-" at 4 and 7).
func isoDay(s string) (time.Time, bool) {
	s = s[:10]
	// digit values; a byte below '0' wraps to a large value
	y0, y1, y2, y3 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0'
	m0, m1, d0, d1 := s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	if y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 {
		return time.Time{}, false
	}
	y := int(y0)*1000 + int(y1)*100 + int(y2)*10 + int(y3)
	m, d := int(m0)*10+int(m1), int(d0)*10+int(d1)
	if y < 1900 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, false
	}
	return utcDay(y, m, d), true
}

// utcDay returns midnight UTC of a valid date, the same value as
// time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) without its
// normalisation and zone lookup.
func utcDay(y, m, d int) time.Time {
	// days from civil (H. Hinnant): March-based years, 400-year eras
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= 1899
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468
	return time.Unix(int64(days)*86400, 0).UTC()
}

// ParseDateTime reads a date optionally followed by a time of day
// (HH:MM or HH:MM:SS, optionally AM/PM, Z or +HH:MM). A time without an
// offset is wall-clock time in loc; one with an offset is converted to loc.
func ParseDateTime(s string, order string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	if t, ok := isoDateTime(s, loc); ok {
		return t, nil
	}
	return parseDateTime(s, order, loc)
}

// isoDateTime is the fast path of ParseDateTime for a valid
// 2026-03-15 14:30 or 2026-03-15 14:30:15 ("T" or a space between), as
// ServiceNow exports an incident's opened and resolved: what
// parseDateTime returns for it, without its splitting and tokenizing.
func isoDateTime(s string, loc *time.Location) (time.Time, bool) {
	if len(s) != 16 && len(s) != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' && s[10] != 'T' {
		return time.Time{}, false
	}
	day, ok := isoDay(s[:10])
	if !ok {
		return time.Time{}, false
	}
	h, m, sec, ok := plainClock(s[11:])
	if !ok {
		return time.Time{}, false
	}
	if loc == time.UTC { // day is midnight UTC: time.Date's value, without its normalisation
		return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second), true
	}
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, sec, 0, loc), true
}

// parseDateTime is ParseDateTime read in full (loc not nil).
func parseDateTime(s string, order string, loc *time.Location) (time.Time, error) {
	s = normSpaces(s)
	if s == "" {
		return time.Time{}, ErrEmpty
	}
	if loc == nil {
		loc = time.UTC
	}
	dp, tp := splitDateTime(s)
	day, err := parseDay(dp, order, s)
	if err != nil {
		return time.Time{}, err
	}
	h, m, sec, nsec, off, hasOff, err := parseClock(tp)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %w", quote(s), err)
	}
	if hasOff {
		t := time.Date(day.Year(), day.Month(), day.Day(), h, m, sec, nsec, time.FixedZone("", off))
		return t.In(loc), nil
	}
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, sec, nsec, loc), nil
}

// ParseDateCell reads the value of an ISO 8601 date cell (an xlsx cell of
// type "d", as SheetJS and others write dates): 2026-07-01, or with a time
// of day 2026-07-01T02:00:00.000Z. Like a serial number, it holds
// wall-clock time: the time is read in loc as written, fractions of a
// second kept, and a "Z" or offset after it is ignored (writers add "Z"
// without meaning UTC).
func ParseDateCell(s string, loc *time.Location) (time.Time, error) {
	s = CleanSpaces(s)
	if loc == nil {
		loc = time.UTC
	}
	d, clock, _ := strings.Cut(s, "T")
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return time.Time{}, fmt.Errorf("%s is not an ISO date", quote(s))
	}
	day, ok := isoDay(d)
	if !ok {
		return time.Time{}, fmt.Errorf("%s is not a valid date", quote(s))
	}
	if clock == "" {
		return time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc), nil
	}
	if k := strings.IndexAny(clock, "Z+-"); k >= 0 { // wall clock: the zone is dropped
		clock = clock[:k]
	}
	h, m, sec, nsec, _, _, err := parseClock(clock)
	// An ISO clock holds no space of any kind and no AM/PM: parseClock
	// trims and reads those for the other date formats.
	if err != nil || strings.ContainsFunc(clock, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("AaPp", r) }) {
		return time.Time{}, fmt.Errorf("%s is not an ISO date and time", quote(s))
	}
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, sec, nsec, loc), nil
}

// splitDateTime separates the date from a time of day that follows it
// after a space or "T".
func splitDateTime(s string) (date, clock string) {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return s, ""
	}
	// walk back over the hour digits
	j := i
	for j > 0 && isDigit(s[j-1]) {
		j--
	}
	if j == 0 || i-j < 1 || i-j > 2 {
		return s, ""
	}
	d := s[:j]
	d = strings.TrimRight(d, " ")
	d = strings.TrimSuffix(d, "T")
	d = strings.TrimRight(d, " ,")
	return d, s[j:]
}

// parseClock reads HH:MM[:SS[.fff]] [AM|PM] [Z|±HH:MM]; nsec is the
// fraction of the second.
func parseClock(s string) (h, m, sec, nsec, off int, hasOff bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, 0, 0, 0, false, nil
	}
	if h, m, sec, ok := plainClock(s); ok {
		// The common HH:MM or HH:MM:SS of a valid time (an incident's
		// opened and resolved): what the general path below returns for
		// it, without its splitting and upper-casing.
		return h, m, sec, 0, 0, false, nil
	}
	return parseClockText(s)
}

// parseClockText is parseClock of s, trimmed and not empty, read in full.
func parseClockText(s string) (h, m, sec, nsec, off int, hasOff bool, err error) {
	bad := errors.New("cannot read the time of day")
	// offset
	switch {
	case strings.HasSuffix(s, "Z") || strings.HasSuffix(s, "z"):
		hasOff, s = true, strings.TrimSpace(s[:len(s)-1])
	case strings.HasSuffix(strings.ToUpper(s), "UTC"):
		hasOff, s = true, strings.TrimSpace(s[:len(s)-3])
	default:
		if k := strings.LastIndexAny(s, "+-"); k > 0 {
			o := s[k+1:]
			sign := 1
			if s[k] == '-' {
				sign = -1
			}
			oh, om := 0, 0
			if len(o) == 5 && o[2] == ':' && allDigits(o[:2]) && allDigits(o[3:]) {
				oh, _ = strconv.Atoi(o[:2])
				om, _ = strconv.Atoi(o[3:])
			} else if len(o) == 4 && allDigits(o) {
				oh, _ = strconv.Atoi(o[:2])
				om, _ = strconv.Atoi(o[2:])
			} else if len(o) == 2 && allDigits(o) {
				oh, _ = strconv.Atoi(o)
			} else {
				return 0, 0, 0, 0, 0, false, bad
			}
			if oh > 14 || om > 59 {
				return 0, 0, 0, 0, 0, false, bad
			}
			off, hasOff, s = sign*(oh*3600+om*60), true, strings.TrimSpace(s[:k])
		}
	}
	pm, am := false, false
	up := strings.ToUpper(s)
	if strings.HasSuffix(up, "PM") {
		pm, s = true, strings.TrimSpace(s[:len(s)-2])
	} else if strings.HasSuffix(up, "AM") {
		am, s = true, strings.TrimSpace(s[:len(s)-2])
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, 0, 0, false, bad
	}
	if len(parts) == 3 {
		if k := strings.IndexAny(parts[2], ".,"); k >= 0 && allDigits(parts[2][k+1:]) {
			nsec = fraction(parts[2][k+1:])
			parts[2] = parts[2][:k]
		}
	}
	vals := make([]int, 3)
	for i, p := range parts {
		if !allDigits(p) || len(p) > 2 || (i > 0 && len(p) != 2) {
			return 0, 0, 0, 0, 0, false, bad
		}
		vals[i], _ = strconv.Atoi(p)
	}
	h, m, sec = vals[0], vals[1], vals[2]
	if pm || am {
		if h < 1 || h > 12 {
			return 0, 0, 0, 0, 0, false, bad
		}
		if pm && h != 12 {
			h += 12
		} else if am && h == 12 {
			h = 0
		}
	}
	if h > 23 && !(h == 24 && m == 0 && sec == 0 && nsec == 0) || m > 59 || sec > 59 {
		return 0, 0, 0, 0, 0, false, bad
	}
	return h, m, sec, nsec, off, hasOff, nil
}

// plainClock reads s when it is HH:MM or HH:MM:SS, two ASCII digits each,
// and a valid time of day (00:00 to 23:59:59, or 24:00 or 24:00:00); ok is
// false for anything else, which parseClock reads in full.
func plainClock(s string) (h, m, sec int, ok bool) {
	if len(s) != 5 && len(s) != 8 || s[2] != ':' || len(s) == 8 && s[5] != ':' {
		return 0, 0, 0, false
	}
	for i := 0; i < len(s); i += 3 {
		d0, d1 := s[i]-'0', s[i+1]-'0'
		if d0 > 9 || d1 > 9 {
			return 0, 0, 0, false
		}
		v := int(d0)*10 + int(d1)
		switch i {
		case 0:
			h = v
		case 3:
			m = v
		default:
			sec = v
		}
	}
	if h > 23 && !(h == 24 && m == 0 && sec == 0) || m > 59 || sec > 59 {
		return 0, 0, 0, false
	}
	return h, m, sec, true
}

// fraction reads the digits after a decimal point as nanoseconds (digits
// past the ninth are dropped).
func fraction(digits string) int {
	n := 0
	for i := range 9 {
		n *= 10
		if i < len(digits) {
			n += int(digits[i] - '0')
		}
	}
	return n
}

type dateToken struct {
	num  bool
	text string
	sep  byte // separator before the token, 0 for the first
}

// tokenizeDate splits "15-Mar-2026" into 15, Mar, 2026 with their separators.
func tokenizeDate(s string, buf *[5]dateToken) ([]dateToken, bool) {
	toks := buf[:0]
	var sep byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			toks = append(toks, dateToken{num: true, text: s[i:j], sep: sep})
			sep, i = 0, j
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			toks = append(toks, dateToken{text: s[i:j], sep: sep})
			sep, i = 0, j
		case c == ' ' || c == '-' || c == '/' || c == '.' || c == ',':
			if sep == 0 || sep == ' ' || sep == ',' {
				sep = c
			}
			i++
		default:
			return nil, false
		}
		if len(toks) == len(buf) {
			return nil, false
		}
	}
	return toks, true
}

func cannotDate(s string) error { return fmt.Errorf("%s is not a date", quote(s)) }

// parseDay reads the date part of s; orig is the whole cell for messages.
func parseDay(s, order, orig string) (time.Time, error) {
	var buf [5]dateToken
	toks, ok := tokenizeDate(s, &buf)
	if ok && len(toks) == 1 && toks[0].num && len(toks[0].text) == 8 && (toks[0].text[:2] == "19" || toks[0].text[:2] == "20") {
		t := toks[0].text // 20260315, as SAP exports write dates
		return ymd(atoi(t[:4]), atoi(t[4:6]), atoi(t[6:]), orig)
	}
	if !ok || len(toks) != 3 {
		// a leading weekday: "Mon 15 Mar 2026"
		if ok && len(toks) == 4 && !toks[0].num && len(toks[0].text) >= 3 {
			toks = toks[1:]
			toks[0].sep = 0
		} else {
			return time.Time{}, cannotDate(orig)
		}
	}
	a, b, c := toks[0], toks[1], toks[2]
	switch {
	case a.num && b.num && c.num && len(a.text) == 4:
		if b.sep != c.sep || b.sep == ' ' || b.sep == ',' {
			return time.Time{}, cannotDate(orig)
		}
		return ymd(atoi(a.text), atoi(b.text), atoi(c.text), orig)
	case a.num && b.num && c.num:
		if b.sep != c.sep || b.sep == ' ' || b.sep == ',' || len(a.text) > 2 || len(b.text) > 2 || (len(c.text) != 4 && len(c.text) != 2) {
			return time.Time{}, cannotDate(orig)
		}
		y := year(c.text)
		x, z := atoi(a.text), atoi(b.text)
		d, m := x, z
		if order == "MDY" {
			d, m = z, x
		}
		t, err := ymd(y, m, d, orig)
		if err == nil {
			return t, nil
		}
		if _, err2 := ymd(y, d, m, orig); err2 == nil {
			return time.Time{}, &DateOrderError{Value: orig, Order: orderOrDMY(order)}
		}
		return time.Time{}, err
	case a.num && !b.num && c.num: // 15-Mar-2026, 15 March 2026
		m, ok := monthNames[strings.ToLower(b.text)]
		if !ok || len(a.text) > 2 || (len(c.text) != 4 && len(c.text) != 2) {
			return time.Time{}, cannotDate(orig)
		}
		return ymd(year(c.text), int(m), atoi(a.text), orig)
	case !a.num && b.num && c.num: // Mar 15, 2026; March 15 2026
		m, ok := monthNames[strings.ToLower(a.text)]
		if !ok || len(b.text) > 2 || len(c.text) != 4 {
			return time.Time{}, cannotDate(orig)
		}
		return ymd(atoi(c.text), int(m), atoi(b.text), orig)
	case a.num && !b.num && !c.num, a.num && len(a.text) == 4 && !b.num && c.num: // 2026-Mar-15
		if !c.num {
			return time.Time{}, cannotDate(orig)
		}
		m, ok := monthNames[strings.ToLower(b.text)]
		if !ok {
			return time.Time{}, cannotDate(orig)
		}
		return ymd(atoi(a.text), int(m), atoi(c.text), orig)
	}
	return time.Time{}, cannotDate(orig)
}

func orderOrDMY(o string) string {
	if o == "MDY" {
		return o
	}
	return "DMY"
}

func atoi(s string) int {
	if len(s) > 9 {
		return -1
	}
	n, _ := strconv.Atoi(s)
	return n
}

// year reads a four-digit year, or a two-digit one as Excel reads it.
func year(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		y = TwoDigitYear(y)
	}
	return y
}

// TwoDigitYear returns the year a two-digit year yy (0–99) stands for, as
// Excel reads it: 00–29 are 2000–2029, 30–99 are 1930–1999.
func TwoDigitYear(yy int) int {
	if yy < 30 {
		return 2000 + yy
	}
	return 1900 + yy
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ymd builds a date and rejects impossible ones (31 April, month 13).
func ymd(y, m, d int, orig string) (time.Time, error) {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, fmt.Errorf("%s is not a valid date", quote(orig))
	}
	if d > daysIn(y, m) {
		return time.Time{}, fmt.Errorf("%s is not a valid date", quote(orig))
	}
	return utcDay(y, m, d), nil
}
