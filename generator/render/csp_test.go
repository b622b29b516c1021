package render

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"strings"
	"testing"
)

func TestCSSString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Acme operations", `"Acme operations"`},
		{"Board pack 2026-Q3 · as of 2026-09-30", `"Board pack 2026-Q3 · as of 2026-09-30"`},
		{`Ops & "IT"`, `"Ops \26  \22 IT\22 "`},
		{"</style><script>alert(1)</script>", `"\3c /style\3e \3c script\3e alert(1)\3c /script\3e "`},
		{"a\\b\nc\u2028d'e", `"a\5c b\a c\2028 d\27 e"`},
		{"", `""`},
	} {
		if got := cssString(c.in); got != c.want {
			t.Errorf("cssString(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestCSSF(t *testing.T) {
	got := cssf("@page { @top-left { content: %s; } }", "A\"}</style>")
	want := template.CSS(`@page { @top-left { content: "A\22 \7d \3c /style\3e "; } }`)
	if got != want {
		t.Errorf("cssf = %s, want %s", got, want)
	}
}

func TestCSPMeta(t *testing.T) {
	plain, err := cspMeta()
	if err != nil {
		t.Fatal(err)
	}
	want := `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'">`
	if string(plain) != want {
		t.Errorf("cspMeta() = %s\nwant %s", plain, want)
	}
	// A style's hash is the base64 SHA-256 of its exact text; both kinds
	// of text are taken.
	sum := sha256.Sum256([]byte("p{}"))
	h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if h != "'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='" {
		t.Fatalf("hash of p{} = %s", h) // computed independently with: printf 'p{}' | openssl dgst -sha256 -binary | base64
	}
	hashed, err := cspMeta("p{}", template.CSS("p{}"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(hashed), "style-src 'self' "+h+" "+h+"; style-src-attr") {
		t.Errorf("cspMeta(p{}) = %s, want style-src with %s twice", hashed, h)
	}
	if _, err := cspMeta(3); err == nil {
		t.Errorf("cspMeta(3) took a number as a style")
	}
}
