package pipeline

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/render"
	"github.com/opsalign/opsalign/generator/sitefs"
)

// maxLogo bounds the logo file: it is copied into every site and board pack.
const maxLogo = 2 << 20

// loadLogo reads the site's brand.logo (a path inside the site folder,
// checked by config; a link there must stay inside the site folder), or
// returns nil when none is set.
func loadLogo(cfg config.Config) (*render.Logo, error) {
	if cfg.Brand.Logo == "" {
		return nil, nil
	}
	data, err := sitefs.Open(cfg.Dir, ".").ReadFileMax(cfg.Brand.Logo, maxLogo)
	var big *sitefs.SizeError
	if errors.As(err, &big) {
		return nil, fmt.Errorf("%s: brand.logo: %s is %d KB; keep a logo under %d KB", cfg.Pos("brand.logo"), cfg.Brand.Logo, big.Size>>10, maxLogo>>10)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: brand.logo: %w", cfg.Pos("brand.logo"), err)
	}
	return &render.Logo{Ext: strings.ToLower(path.Ext(cfg.Brand.Logo)), Data: data}, nil
}
