/* opsalign list pages: the initiatives list and the incident list show
   their first rows as HTML; this script loads every row from the list's
   data file (a script: pages opened from file:// may not fetch), then
   filters, sorts and pages over all of them. The view — filters, search
   words, sort order — lives in the address's fragment
   (#unit=Distribution&verdict=at_risk&sort=-spend), so it survives a
   reload and can be sent as a link. No framework, no network. */
(function () {
  "use strict";

  var PAGE = 100;
  var verdictRank = { not_aligned: 0, at_risk: 1, aligned: 2, not_scored: 3 };
  var resultRank = { f: 0, w: 1, p: 2, n: 3 };

  function group(n) { return n.toLocaleString("en-US"); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function link(href, text) {
    var a = el("a", null, text);
    a.setAttribute("href", href);
    return a;
  }

  function badge(b) {
    var s = el("span", b[0]);
    var i = el("span", "icon", b[1]);
    i.setAttribute("aria-hidden", "true");
    s.appendChild(i);
    s.appendChild(document.createTextNode(" " + b[2]));
    return s;
  }

  function cell(tr, tag, cls, label, content) {
    var c = el(tag, cls);
    if (label) c.setAttribute("data-label", label);
    if (content != null) {
      if (typeof content === "string") c.textContent = content;
      else c.appendChild(content);
    }
    tr.appendChild(c);
    return c;
  }

  // The lists: how a row of a data file is searched, filtered, sorted
  // and shown.
  var kinds = {
    initiatives: {
      filters: ["q", "unit", "category", "verdict", "metric"],
      hay: function (r) { return (r[0] + " " + r[2] + " " + r[3] + " " + r[6]).toLowerCase(); },
      match: function (r, f) {
        if (f.unit && (f.unit === "(blank)" ? r[3] !== "" : r[3] !== f.unit)) return false;
        if (f.category && r[4] !== f.category) return false;
        if (f.verdict && r[13] !== f.verdict) return false;
        if (f.metric && (" " + r[16] + " ").indexOf(" " + f.metric + " ") < 0) return false;
        return true;
      },
      key: function (data, k) {
        var col = { id: 0, name: 2, unit: 3, category: 4, owners: 6, budget: 7, spend: 9, score: 11 }[k];
        if (col != null) return function (r) { return r[col]; };
        if (k === "verdict") return function (r) { return verdictRank[r[13]]; };
        for (var i = 0; i < data.checks.length; i++) {
          if (data.checks[i].id === k) {
            var j = i;
            return function (r) { return resultRank[r[14].charAt(j)]; };
          }
        }
        return null;
      },
      row: function (data, r, root) {
        var tr = el("tr");
        var th = cell(tr, "th");
        th.setAttribute("scope", "row");
        th.appendChild(link(root + r[1], r[2] || r[0]));
        if (r[2]) { th.appendChild(document.createTextNode(" ")); th.appendChild(el("span", "id", r[0])); }
        cell(tr, "td", null, "Verdict", badge(data.verdicts[r[13]]));
        cell(tr, "td", "num", "Score", r[12]);
        cell(tr, "td", null, "Unit", r[3]);
        cell(tr, "td", null, "Category", r[5]);
        cell(tr, "td", null, "Owners", r[6]);
        cell(tr, "td", "num", "Budget", r[8]);
        cell(tr, "td", "num", "Spend", r[10]);
        for (var i = 0; i < data.checks.length; i++) {
          var b = data.results[r[14].charAt(i)];
          var why = r[15][i] >= 0 ? data.reasons[r[15][i]] : "";
          var label = why ? b[2] + ": " + why : b[2];
          var td = cell(tr, "td", "check " + b[0], data.checks[i].label);
          td.title = label;
          var icon = el("span", "icon", b[1]);
          icon.setAttribute("role", "img");
          icon.setAttribute("aria-label", label);
          td.appendChild(icon);
        }
        return tr;
      },
      empty: "No initiative matches."
    },
    incidents: {
      filters: ["q", "severity", "unit", "initiative"],
      defaultSort: "-opened",
      hay: function (r) { return (r[0] + " " + r[6] + " " + r[8] + " " + r[9] + " " + r[10]).toLowerCase(); },
      match: function (r, f) {
        var s = f.severity || "1-2";
        if (s === "1-2" ? r[1] > 2 : s !== "all" && String(r[1]) !== s) return false;
        if (f.unit && r[8] !== f.unit) return false;
        if (f.initiative && r[6] !== f.initiative) return false;
        return true;
      },
      key: function (data, k) {
        var col = { id: 0, severity: 1, opened: 3, resolved: 5, initiative: 6, unit: 8, service: 9, source: 10 }[k];
        return col == null ? null : function (r) { return r[col]; };
      },
      row: function (data, r, root) {
        var tr = el("tr");
        var th = cell(tr, "th", null, null, r[0]);
        th.setAttribute("scope", "row");
        cell(tr, "td", "num", "Severity", String(r[1]));
        cell(tr, "td", null, "Opened", r[2]);
        cell(tr, "td", null, "Resolved", r[4]);
        cell(tr, "td", null, "Initiative", r[7] ? link(root + r[7], r[6]) : r[6]);
        cell(tr, "td", null, "Unit", r[8]);
        cell(tr, "td", null, "Service", r[9]);
        cell(tr, "td", null, "Source", el("code", null, r[10]));
        return tr;
      },
      empty: "No incident matches."
    }
  };

  // readHash returns the view in the address's fragment.
  function readHash() {
    var out = {};
    var h = location.hash.replace(/^#/, "");
    h.split("&").forEach(function (p) {
      var i = p.indexOf("=");
      if (i <= 0) return;
      try {
        out[p.slice(0, i)] = decodeURIComponent(p.slice(i + 1).replace(/\+/g, " "));
      } catch (e) { /* a malformed value is ignored */ }
    });
    return out;
  }

  // fragment writes a view as listview.Fragment does in Go.
  function fragment(kind, f) {
    var parts = [];
    kind.filters.concat(["sort"]).forEach(function (k) {
      if (f[k]) parts.push(k + "=" + encodeURIComponent(f[k]).replace(/[!'()*]/g, function (c) {
        return "%" + c.charCodeAt(0).toString(16).toUpperCase();
      }));
    });
    return parts.length ? "#" + parts.join("&") : "";
  }

  function writeHash(frag) {
    if (frag === location.hash || (frag === "" && (location.hash === "" || location.hash === "#incidents"))) return;
    var url = location.pathname + location.search + frag;
    try { history.replaceState(null, "", url); } catch (e) { location.replace(frag || "#"); }
  }

  function cmp(a, b) {
    var an = a == null || a === "", bn = b == null || b === "";
    if (an || bn) return an === bn ? 0 : an ? 1 : -1; // blanks last either way
    if (typeof a === "number" && typeof b === "number") return a - b;
    a = String(a).toLowerCase(); b = String(b).toLowerCase();
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function setup(table) {
    var name = table.getAttribute("data-list");
    var kind = kinds[name];
    if (!kind) return;
    var form = document.querySelector("form.list-controls[data-list='" + name + "']");
    var status = table.closest(".list-wrap").previousElementSibling;
    var pager = table.closest(".list-wrap").nextElementSibling;
    var root = table.getAttribute("data-root") || "";
    var heads = Array.prototype.filter.call(table.tHead.rows[0].cells, function (th) { return th.hasAttribute("data-key"); });
    var data = null, hay = null, page = 0, view = readHash();

    function controls() { return form ? Array.prototype.slice.call(form.elements).filter(function (c) { return c.name; }) : []; }

    function showControls() {
      controls().forEach(function (c) {
        c.value = view[c.name] || "";
        var label = c.closest("label");
        if (c.readOnly && label) label.hidden = !c.value;
      });
      var s = view.sort || kind.defaultSort || "";
      heads.forEach(function (th) {
        var k = th.getAttribute("data-key");
        th.setAttribute("aria-sort", s === k ? "ascending" : s === "-" + k ? "descending" : "none");
      });
    }

    function apply(keepPage) {
      showControls();
      writeHash(fragment(kind, view));
      if (!data) return;
      var t0 = performance.now();
      var words = (view.q || "").toLowerCase().split(/\s+/).filter(Boolean);
      var idx = [];
      for (var i = 0; i < data.rows.length; i++) {
        var r = data.rows[i];
        if (!kind.match(r, view)) continue;
        var ok = true;
        for (var w = 0; w < words.length && ok; w++) ok = hay[i].indexOf(words[w]) >= 0;
        if (ok) idx.push(i);
      }
      var s = view.sort || kind.defaultSort || "";
      var desc = s.charAt(0) === "-";
      var key = s && kind.key(data, desc ? s.slice(1) : s);
      if (key && s !== kind.defaultSort) {
        var keyed = idx.map(function (i) { return { k: key(data.rows[i]), i: i }; });
        keyed.sort(function (x, y) {
          var c = cmp(x.k, y.k);
          if (desc && x.k != null && x.k !== "" && y.k != null && y.k !== "") c = -c;
          return c || x.i - y.i;
        });
        idx = keyed.map(function (x) { return x.i; });
      }
      var pages = Math.max(1, Math.ceil(idx.length / PAGE));
      if (!keepPage) page = 0;
      page = Math.min(page, pages - 1);
      var body = document.createElement("tbody");
      var from = page * PAGE, to = Math.min(idx.length, from + PAGE);
      for (var j = from; j < to; j++) body.appendChild(kind.row(data, data.rows[idx[j]], root));
      if (!idx.length) {
        var tr = el("tr"), td = el("td", null, kind.empty);
        td.colSpan = table.tHead.rows[0].cells.length;
        tr.appendChild(td);
        body.appendChild(tr);
      }
      table.replaceChild(body, table.tBodies[0]);
      var total = group(data.rows.length), n = group(idx.length);
      var text = idx.length <= PAGE ? n + " of " + total + " shown"
        : n + " of " + total + " match; " + group(from + 1) + "–" + group(to) + " shown";
      if (status) status.textContent = text;
      if (pager) {
        pager.hidden = pages < 2;
        pager.querySelector(".list-page").textContent = "page " + (page + 1) + " of " + pages;
        pager.querySelector("[data-page=prev]").disabled = page === 0;
        pager.querySelector("[data-page=next]").disabled = page >= pages - 1;
      }
      table.setAttribute("data-ms", String(Math.round(performance.now() - t0)));
    }

    heads.forEach(function (th) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "sort";
      while (th.firstChild) btn.appendChild(th.firstChild);
      th.appendChild(btn);
      btn.addEventListener("click", function () {
        var k = th.getAttribute("data-key");
        var s = view.sort || kind.defaultSort || "";
        view.sort = s === k ? "-" + k : k;
        if (view.sort === kind.defaultSort) view.sort = "";
        apply();
      });
    });

    if (form) {
      form.hidden = false;
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.addEventListener("reset", function (e) {
        e.preventDefault();
        view = {};
        apply();
      });
      controls().forEach(function (c) {
        c.addEventListener(c.tagName === "SELECT" ? "change" : "input", function () {
          view[c.name] = c.value;
          apply();
        });
      });
    }
    if (pager) {
      pager.addEventListener("click", function (e) {
        var b = e.target.closest("button[data-page]");
        if (!b) return;
        page += b.getAttribute("data-page") === "next" ? 1 : -1;
        apply(true);
        table.scrollIntoView({ block: "start" });
      });
    }
    window.addEventListener("hashchange", function () {
      view = readHash();
      apply();
    });

    showControls();
    var src = table.getAttribute("data-src");
    if (!src) return;
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () {
      data = window.opsalignData && window.opsalignData[name];
      if (!data) return;
      hay = data.rows.map(kind.hay);
      apply(false);
      table.setAttribute("data-ready", "true");
    };
    document.head.appendChild(script);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.list[data-list]").forEach(setup);
  });
})();
