package commands

import (
	"fmt"
	"path/filepath"

	"github.com/opsalign/opsalign/generator/history"
)

// recoverHistory puts back closed quarters that a killed close had moved
// aside, and removes the folders killed closes left in history/
// (history.Recover). build and close run it first: a quarter the board has
// seen is then never missing, nor closable again without --force.
func recoverHistory(o Options, siteDir string) error {
	restored, err := history.Recover(siteDir)
	for _, p := range restored {
		if o.Logger != nil {
			o.Logger.Warn("put back a closed quarter that an interrupted close had left beside its folder", "quarter", filepath.Join(history.Dir, p))
		}
	}
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	return nil
}
