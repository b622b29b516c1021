package serve

import (
	"strings"
)

// reloadSnippet is injected into every HTML page served, never into the
// built site. It listens to the event stream: "reload" carries the number
// of the latest good build and reloads the page when it is not the one the
// page came from; "build-error" carries the message of a failed build and
// shows it in an overlay (as text: it may hold spreadsheet text). A hidden
// tab closes its stream and opens it again when shown (then reloading if it
// missed a build): a browser keeps at most six connections to one server,
// and a stream per background tab would use them up.
const reloadSnippet = `<style>#opsalign-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}#opsalign-overlay h2{margin:0 0 1rem;color:#ff8a80;font-size:1.1rem}#opsalign-overlay pre{white-space:pre-wrap;word-break:break-word;margin:0}#opsalign-overlay button{position:absolute;top:1rem;right:1rem;font-size:1.2rem;background:none;color:#fff;border:0;cursor:pointer}</style>
<script>(function(){
var gen="@GEN@";
function overlay(msg){
var d=document.getElementById("opsalign-overlay");
if(!d){
d=document.createElement("div");d.id="opsalign-overlay";d.setAttribute("role","alert");
var h=document.createElement("h2");h.textContent="Build failed: still showing the last good site";
var b=document.createElement("button");b.type="button";b.textContent="\u00d7";b.title="Hide";
b.onclick=function(){d.remove();};
d.append(b,h,document.createElement("pre"));document.body.append(d);
}
d.querySelector("pre").textContent=msg;
}
var es=null;
function connect(){
if(es)return;
es=new EventSource("/_opsalign/events");
es.addEventListener("reload",function(e){if(e.data!==gen){es.close();location.reload();}});
es.addEventListener("build-error",function(e){overlay(e.data);});
}
document.addEventListener("visibilitychange",function(){
if(document.hidden){if(es){es.close();es=null;}}else{connect();}
});
if(!document.hidden)connect();
})();</script>
`

// inject returns page with the reload snippet for build gen inserted before
// its last </body>, or appended when it has none. tag holds only letters,
// digits and dots (server.tag).
func inject(page []byte, tag string) []byte {
	snippet := strings.Replace(reloadSnippet, "@GEN@", tag, 1)
	i := lastIndexASCIIFold(page, "</body>")
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}

// lastIndexASCIIFold returns the index of the last instance of the
// lower-case ASCII string sub in b, ignoring ASCII case, or -1.
func lastIndexASCIIFold(b []byte, sub string) int {
	for i := len(b) - len(sub); i >= 0; i-- {
		j := 0
		for j < len(sub) && lowerASCII(b[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
