package main

import (
	"context"
	"fmt"
	"time"

	"github.com/opsalign/opsalign/generator/commands"
)

// moreFlags are the flags of build, serve and close.
type moreFlags struct {
	pdf   bool
	paper string
	bind  string
	port  int
	poll  time.Duration
	force bool
	now   time.Time
}

func runMore(ctx context.Context, cmd string, o commands.Options, pos []string, f moreFlags) error {
	return fmt.Errorf("%s is not available yet", cmd)
}
