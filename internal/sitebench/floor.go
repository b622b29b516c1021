package sitebench

import (
	"context"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"regexp"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/read"
)

var floorPage = template.Must(template.New("p").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.ID}} {{.Name}}</title></head><body>
<h1>{{.ID}} — {{.Name}}</h1>
<table>
<tr><th>Business unit</th><td>{{.BusinessUnit}}</td></tr>
<tr><th>Category</th><td>{{.Category}}</td></tr>
<tr><th>Business owner</th><td>{{.BusinessOwner}}</td></tr>
<tr><th>IT owner</th><td>{{.ITOwner}}</td></tr>
<tr><th>Budget</th><td>{{printf "%.0f" .Budget}}</td></tr>
<tr><th>Status</th><td>{{.Status}}</td></tr>
<tr><th>Metrics</th><td>{{range .Metrics}}{{.}} {{end}}</td></tr>
<tr><th>Source</th><td>{{.Source.File}} {{.Source.Sheet}} {{.Source.Row}}</td></tr>
</table></body></html>
`))

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]`)

// Floor reads the site at cfg and writes one page per initiative into a
// fresh folder out with a single html/template: the least any site
// generator must do with the same input.
func Floor(ctx context.Context, cfg config.Config, out string) (pages int, err error) {
	ds, err := read.Read(ctx, cfg, nil)
	if err != nil {
		return 0, err
	}
	dir := filepath.Join(out, "initiatives")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	for _, in := range ds.Initiatives {
		f, err := os.Create(filepath.Join(dir, unsafeName.ReplaceAllString(in.ID, "_")+".html"))
		if err != nil {
			return pages, err
		}
		if err := floorPage.Execute(f, in); err != nil {
			f.Close()
			return pages, fmt.Errorf("%s: %w", in.ID, err)
		}
		if err := f.Close(); err != nil {
			return pages, err
		}
		pages++
	}
	return pages, nil
}
