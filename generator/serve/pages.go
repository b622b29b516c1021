package serve

import (
	"bytes"
	"html/template"
)

// statusTmpl renders the pages the server makes itself: "building", the
// error page shown while no build has succeeded, "not found" and the list
// of narrative names. html/template escapes everything put in.
var statusTmpl = template.Must(template.New("status").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem}code{font-size:.95em}</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{with .Text}}<p>{{.}}</p>
{{end}}{{if .Names}}<ul>
{{range .Names}}<li><code>{{.}}</code></li>
{{end}}</ul>
{{end}}{{with .Error}}<div id="opsalign-overlay" role="alert"><h2>Build failed</h2><pre>{{.}}</pre></div>
{{end}}</body>
</html>
`))

// statusPage is the data of statusTmpl.
type statusPage struct {
	Title string
	Text  string
	Names []string
	Error string
}

func (p statusPage) render() []byte {
	var b bytes.Buffer
	if err := statusTmpl.Execute(&b, p); err != nil {
		panic(err) // the template is fixed and its data plain strings
	}
	return b.Bytes()
}
