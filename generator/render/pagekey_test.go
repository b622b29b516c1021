package render

import (
	"bytes"
	"testing"

	"github.com/opsalign/opsalign/generator/pagekey"
	"github.com/opsalign/opsalign/themes"
)

// Every page of the fixture has a key (its view holds no function, no
// channel, no cycle), the same key from two renders of the same input,
// and a Prepare that writes the bytes Make writes.
func TestPageKeys(t *testing.T) {
	cfg, ds, sc := fixture()
	in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Version: "test", Content: testContent(), Markdown: testMarkdown}
	e, err := Parse(themes.Default(), nil)
	if err != nil {
		t.Fatal(err)
	}
	keys := func() map[string]pagekey.Key {
		jobs, err := e.Jobs(in)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]pagekey.Key{}
		for _, j := range jobs {
			if j.Prepare == nil {
				continue
			}
			p, err := j.Prepare()
			if err != nil {
				t.Fatal(err)
			}
			if !p.Keyed {
				t.Errorf("%s: no key", j.Path)
			}
			var a, b bytes.Buffer
			if err := p.Write(&a); err != nil {
				t.Fatal(err)
			}
			if err := j.Make(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s: Prepare writes other bytes than Make", j.Path)
			}
			out[j.Path] = p.Key
		}
		return out
	}
	first, second := keys(), keys()
	if len(first) < 10 {
		t.Fatalf("%d pages keyed, want every page", len(first))
	}
	for p, k := range first {
		if second[p] != k {
			t.Errorf("%s: another key from the same input", p)
		}
	}
	// A change of one initiative's name changes its page's key and the
	// list's, not another initiative's.
	in.Scorecard.Initiatives[0].Name += " (renamed)"
	third := keys()
	changed := 0
	for p, k := range first {
		if third[p] != k {
			changed++
		}
	}
	if changed == 0 || changed > len(first)/2 {
		t.Errorf("%d of %d keys changed with one initiative's name", changed, len(first))
	}
}
