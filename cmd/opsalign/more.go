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
	switch cmd {
	case "build":
		_, _, err := commands.Build(ctx, o)
		return err
	case "serve":
		return commands.Serve(ctx, o, commands.ServeOptions{Bind: f.bind, Port: f.port, Poll: f.poll})
	}
	return fmt.Errorf("%s is not available yet", cmd)
}
