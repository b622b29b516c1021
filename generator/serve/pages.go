package serve

import (
	"bytes"
	"html/template"
)

// statusTmpl renders the pages the server makes itself: "building", the
// error page shown while no build has succeeded, "not found" and the list
// of narrative names. html/template escapes everything put in. Like the
// site's pages they refuse inline script and anything from elsewhere: their
// style sheet is the server's /_opsalign/serve.css.
var statusTmpl = template.Must(template.New("status").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="stylesheet" href="/_opsalign/serve.css">
</head>
<body class="opsalign-status">
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
