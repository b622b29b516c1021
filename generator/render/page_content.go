package render

import (
	"html/template"

	"github.com/opsalign/opsalign/generator/narrative"
)

// ContentView is a narrative page.
type ContentView struct {
	Frame
	Body template.HTML
}

func (x *index) contentView(p narrative.Page, path string) (*ContentView, error) {
	h, err := x.narrate(p)
	if err != nil {
		return nil, err
	}
	return &ContentView{Frame: x.frame(path, pageTitle(p), "page:"+p.Name), Body: h}, nil
}
