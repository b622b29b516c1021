package pipeline

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/render"
)

// maxLogo bounds the logo file: it is copied into every site and board pack.
const maxLogo = 2 << 20

// loadLogo reads the site's brand.logo (a path inside the site folder,
// checked by config), or returns nil when none is set.
func loadLogo(cfg config.Config) (*render.Logo, error) {
	if cfg.Brand.Logo == "" {
		return nil, nil
	}
	p := filepath.Join(cfg.Dir, filepath.FromSlash(cfg.Brand.Logo))
	fi, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: brand.logo: %w", cfg.Pos("brand.logo"), err)
	}
	if fi.Size() > maxLogo {
		return nil, fmt.Errorf("%s: brand.logo: %s is %d KB; keep a logo under %d KB", cfg.Pos("brand.logo"), cfg.Brand.Logo, fi.Size()>>10, maxLogo>>10)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%s: brand.logo: %w", cfg.Pos("brand.logo"), err)
	}
	return &render.Logo{Ext: strings.ToLower(path.Ext(cfg.Brand.Logo)), Data: data}, nil
}
