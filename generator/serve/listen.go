package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"
)

// listen opens the TCP listener. A busy port gets a message a person can act
// on.
func listen(ctx context.Context, bind string, port int) (net.Listener, error) {
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err == nil {
		return ln, nil
	}
	if errors.Is(err, syscall.EADDRINUSE) || strings.Contains(err.Error(), "address already in use") || strings.Contains(err.Error(), "Only one usage of each socket address") { // Linux, macOS; Windows
		return nil, fmt.Errorf("serve: port %d on %s is in use (is another opsalign serve running?); choose another with --port: %w", port, bind, err)
	}
	return nil, fmt.Errorf("serve: listen on %s: %w", addr, err)
}
