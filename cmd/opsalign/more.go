package main

import (
	"context"
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
	// allowHosts are serve's --allow-host names.
	allowHosts []string
}

// runMore runs the commands that take more than the common flags.
func runMore(ctx context.Context, cmd string, o commands.Options, pos []string, f moreFlags) error {
	switch cmd {
	case "build":
		_, out, err := commands.Build(ctx, o)
		if err != nil || !f.pdf {
			return err
		}
		return commands.PDF(ctx, o, out, f.paper)
	case "serve":
		return commands.Serve(ctx, o, commands.ServeOptions{Bind: f.bind, Port: f.port, Poll: f.poll, AllowHosts: f.allowHosts})
	case "close":
		return commands.Close(ctx, o, pos[0], f.force)
	default: // "new"
		return commands.New(ctx, o, pos[0])
	}
}
