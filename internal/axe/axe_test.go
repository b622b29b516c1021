package axe

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The embedded engine is the one make.sh pins, by version and checksum.
func TestVendoredIsPinned(t *testing.T) {
	sh, err := os.ReadFile("make.sh")
	if err != nil {
		t.Fatal(err)
	}
	pin := func(name string) string {
		m := regexp.MustCompile(`(?m)^` + name + `=(\S+)$`).FindSubmatch(sh)
		if m == nil {
			t.Fatalf("make.sh pins no %s", name)
		}
		return string(m[1])
	}
	if v := pin("VERSION"); v != Version {
		t.Errorf("make.sh pins axe-core %s, Version is %s", v, Version)
	}
	if !strings.HasPrefix(source, "/*! axe v"+Version+"\n") {
		t.Errorf("axe.min.js starts %.20q, not axe v%s", source, Version)
	}
	sum := sha256.Sum256([]byte(source))
	if got, want := hex.EncodeToString(sum[:]), pin("SUM"); got != want {
		t.Errorf("axe.min.js sha256 %s, make.sh pins %s", got, want)
	}
	if _, err := os.Stat("axe.LICENSE"); err != nil {
		t.Errorf("the MPL-2.0 licence must travel with axe.min.js: %v", err)
	}
}
