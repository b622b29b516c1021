package commands

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/pipeline"
)

// TestServeBuild: serve's builds fail on error-level issues only with
// --strict, and the names page always sees the latest scorecard.
func TestServeBuild(t *testing.T) {
	dir, o, _ := newSite(t)
	setCell(t, dir, "initiatives.xlsx", "Initiatives", "H2", "12,5OO")
	for _, strict := range []bool{false, true} {
		var last atomic.Pointer[pipeline.Result]
		b := pipeline.NewBuilder(o.Config, true, time.Time{}, "test")
		mem, err := serveBuild(context.Background(), b, strict, nil, &last)
		var se *pipeline.StrictError
		if strict {
			if !errors.As(err, &se) || se.Errors != 1 || mem != nil {
				t.Errorf("strict: site %v, err %v; want no site and 1 error-level issue", mem != nil, err)
			}
		} else if err != nil || mem == nil {
			t.Errorf("not strict: site %v, err %v; want a site", mem != nil, err)
		}
		if last.Load() == nil {
			t.Errorf("strict %v: the names page has no scorecard", strict)
		}
	}
}
