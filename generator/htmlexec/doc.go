// Package htmlexec executes html/template templates faster, with the
// same bytes and the same errors.
//
// html/template rewrites every action of a template so that its value goes
// through escaping functions ({{.Name}} becomes {{.Name |
// _html_template_htmlescaper}}), and text/template calls each of them, and
// each function of the template, through reflect.Value.Call, looking each
// field up by name on every execution. On a page of a few hundred actions
// that is most of the time spent: an initiative page of the 10k benchmark
// took ~160 µs and a thousand allocations through html/template.
//
// A Set keeps html/template as the only source of a template's meaning:
// the first execution of a template by name is html/template's own, which
// escapes it; htmlexec then compiles the escaped tree (and the trees it
// calls) into a program that walks the same nodes with each field's place
// cached and the escaping functions called directly. The escapers are
// html/template's (escape.go), restated for the values they meet on pages:
// strings, the template content types (template.HTML, …), numbers, bools.
//
// Whatever a program does not handle is left to html/template: a template
// with a construct outside the subset (printf, index, break, a template
// html/template derived for another context, …) is never compiled; a run
// that meets a value outside it (a type with a String method, a nil
// pointer to print, a map to range over, a function that returns an
// error) takes back what it wrote and hands the whole execution to
// html/template. So the output, and any error, is html/template's in every
// case; the tests hold the fast run to html/template's bytes on the same
// templates and data.
package htmlexec
