package render

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/themes"
)

// compiledTemplates are the templates writeInitiativePage writes in Go:
// the initiative page kind, its "main", the base layout and the partials
// they call other than through Frame.Chrome (which writeInitiativePage
// calls as the templates do).
var compiledTemplates = []string{kindInitiative, "main", "base", "chart", "data-table", "badge", "initiative-since", "checks-table"}

// defaultInitiative reports whether every template of compiledTemplates
// in set, the initiative page's template set, parses to the same tree as
// the default theme's: then the page can be written in Go. A site that
// overrides any of them (a theme of its own, or a file in layouts/) gets
// its templates executed.
func defaultInitiative(set *template.Template) (bool, error) {
	files, err := layoutFiles(themes.Default(), nil)
	if err != nil {
		return false, err
	}
	def := template.New("").Funcs(funcs())
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if src := files[name]; name == "base.html" || name == kindInitiative || strings.HasPrefix(name, "partials/") {
			if _, err := def.New(name).Parse(src.text); err != nil {
				return false, fmt.Errorf("render: default theme: %s: %w", src.origin, err)
			}
		}
	}
	for _, name := range compiledTemplates {
		a, b := set.Lookup(name), def.Lookup(name)
		if a == nil || b == nil || a.Tree == nil || b.Tree == nil || a.Tree.Root.String() != b.Tree.Root.String() {
			return false, nil
		}
	}
	return true, nil
}
