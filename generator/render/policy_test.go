package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var styleHash = regexp.MustCompile(`'sha256-([A-Za-z0-9+/=]+)'`)

// TestPolicy checks every page of the default theme, of the fixture site
// and of the hostile one, against the Content-Security-Policy it declares:
// the policy's meta tag comes first in <head> (before anything it must
// govern); no script is inline (only <script src> of the site's own files
// and JSON data blocks, which no browser runs); no element has an event
// handler attribute; and every <style> element is one the policy names by
// its hash. A browser would refuse anything else (see the browser tests in
// internal/e2e); this finds it without one, naming the page and element.
func TestPolicy(t *testing.T) {
	for name, mutate := range map[string]func(*Input){"fixture": nil, "hostile": hostileInput} {
		m := renderFixture(t, mutate)
		pages := 0
		for _, p := range m.Paths() {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			pages++
			b, _ := m.Get(p)
			for _, problem := range policyProblems(b) {
				t.Errorf("%s %s: %s", name, p, problem)
			}
		}
		if pages < 14 {
			t.Errorf("%s: only %d pages", name, pages)
		}
	}
}

// policyProblems lists what page does that its declared policy refuses.
func policyProblems(page []byte) []string {
	var problems []string
	z := html.NewTokenizer(bytes.NewReader(page))
	var policy string
	inHead, seenFirst := false, false
	var open string // the raw-text element being read: "script" or "style"
	data := false   // the script being read is a JSON data block
	var text strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if policy == "" {
				problems = append(problems, "no Content-Security-Policy meta tag")
			}
			return problems
		case html.TextToken:
			if open != "" {
				text.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					problems = append(problems, "event handler "+a.Key+" on <"+tok.Data+">")
				}
			}
			switch tok.Data {
			case "head":
				inHead = true
				continue
			case "meta":
				if _, ok := attrs["charset"]; ok && inHead && !seenFirst {
					continue // the charset comes first
				}
				if strings.EqualFold(attrs["http-equiv"], "content-security-policy") {
					if seenFirst {
						problems = append(problems, "the policy is not the first tag of <head> after the charset")
					}
					policy = attrs["content"]
					if stripHashes(policy) != Policy {
						problems = append(problems, "policy "+policy+" is not render.Policy")
					}
				}
			case "script":
				data = attrs["type"] == "application/json"
				switch {
				case data:
				case attrs["src"] != "" && !strings.Contains(attrs["src"], ":"):
				default:
					problems = append(problems, "script "+tok.String()+" is neither a site file nor a JSON data block")
				}
				open = "script"
				text.Reset()
			case "style":
				open = "style"
				text.Reset()
			}
			if inHead {
				seenFirst = true
			}
		case html.EndTagToken:
			tok := z.Token()
			if tok.Data == "head" {
				inHead = false
			}
			if tok.Data != open {
				continue
			}
			switch {
			case open == "script" && !data && text.Len() > 0:
				problems = append(problems, "inline script "+short(text.String()))
			case open == "style":
				sum := sha256.Sum256([]byte(text.String()))
				h := base64.StdEncoding.EncodeToString(sum[:])
				if !strings.Contains(policy, "'sha256-"+h+"'") {
					problems = append(problems, "a <style> the policy does not name: "+short(text.String()))
				}
			}
			open = ""
		}
	}
}

// stripHashes removes the style hashes from a policy.
func stripHashes(policy string) string {
	return strings.ReplaceAll(styleHash.ReplaceAllString(policy, ""), "'self' ;", "'self';")
}

func short(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
