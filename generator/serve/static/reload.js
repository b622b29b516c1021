/* opsalign serve's live reload, added to every page it serves (never to the
   built site). It listens to the event stream: "reload" carries the tag of
   the latest good build and reloads the page when it is not the one the page
   came from (data-build of this script's tag); "build-error" carries the
   message of a failed build and shows it in an overlay, as text: it may hold
   spreadsheet text. A hidden tab closes its stream and opens it again when
   shown (then reloading if it missed a build): a browser keeps at most six
   connections to one server, and a stream per background tab would use them
   up. A file, not an inline script, so that the pages' Content-Security-
   Policy (script-src 'self') holds under serve too. */
(function () {
  "use strict";
  var me = document.currentScript;
  var gen = me ? me.getAttribute("data-build") : "";
  function overlay(msg) {
    var d = document.getElementById("opsalign-overlay");
    if (!d) {
      d = document.createElement("div");
      d.id = "opsalign-overlay";
      d.setAttribute("role", "alert");
      var h = document.createElement("h2");
      h.textContent = "Build failed: still showing the last good site";
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = "\u00d7";
      b.title = "Hide";
      b.addEventListener("click", function () { d.remove(); });
      d.append(b, h, document.createElement("pre"));
      document.body.append(d);
    }
    d.querySelector("pre").textContent = msg;
  }
  var es = null;
  function connect() {
    if (es) return;
    es = new EventSource("/_opsalign/events");
    es.addEventListener("reload", function (e) {
      if (e.data !== gen) { es.close(); location.reload(); }
    });
    es.addEventListener("build-error", function (e) { overlay(e.data); });
  }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { if (es) { es.close(); es = null; } } else { connect(); }
  });
  if (!document.hidden) connect();
})();
