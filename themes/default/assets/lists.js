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

  // esc makes text safe to put into HTML: every cell comes from a
  // spreadsheet.
  function esc(v) {
    return String(v == null ? "" : v).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function link(href, text) { return '<a href="' + esc(href) + '">' + esc(text) + "</a>"; }

  function badge(b) {
    return '<span class="' + esc(b[0]) + '" data-mark="' + esc(b[1]) + '">' + esc(b[2]) + "</span>";
  }

  // chip writes a row's data chip ([severity, what it is about]), "" for
  // none; the words are its tooltip.
  function chip(c) {
    if (!c) return "";
    return ' <span class="chip chip-' + esc(c[0]) + '" title="' + esc(c[1]) + '"><span aria-hidden="true">⚠</span> ' + esc(c[0]) + "</span>";
  }

  // td writes a cell; html is markup made here, text is escaped.
  function td(cls, label, text, html) {
    return "<td" + (cls ? ' class="' + cls + '"' : "") + (label ? ' data-label="' + esc(label) + '"' : "") + ">" +
      (html != null ? html : esc(text)) + "</td>";
  }

  // The lists: how a row of a data file is searched, filtered, sorted
  // and shown.
  var kinds = {
    initiatives: {
      filters: ["q", "unit", "category", "verdict", "status", "metric"],
      hay: function (r) { return (r[0] + " " + r[2] + " " + r[3] + " " + r[6]).toLowerCase(); },
      match: function (r, f) {
        if (f.unit && (f.unit === "(blank)" ? r[3] !== "" : r[3] !== f.unit)) return false;
        if (f.category && r[4] !== f.category) return false;
        if (f.verdict && r[13] !== f.verdict) return false;
        if (f.status && (f.status === "(blank)" ? r[17] !== "" : r[17] !== f.status)) return false;
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
        var h = '<tr><th scope="row">' + link(root + r[1], r[2] || r[0]) + (r[2] ? ' <span class="id">' + esc(r[0]) + "</span>" : "") + chip(r[18]) + "</th>" +
          td(null, "Verdict", null, badge(data.verdicts[r[13]])) + td("num", "Score", r[12]) + td(null, "Unit", r[3]) +
          td(null, "Category", r[5]) + td(null, "Owners", r[6]) + td("num", "Budget", r[8]) + td("num", "Spend", r[10]);
        for (var i = 0; i < data.checks.length; i++) {
          var b = data.results[r[14].charAt(i)];
          var why = r[15][i] >= 0 ? data.reasons[r[15][i]] : "";
          var label = esc(why ? b[2] + ": " + why : b[2]);
          h += '<td class="check ' + esc(b[0]) + '" data-label="' + esc(data.checks[i].label) + '" title="' + label +
            '"><span class="icon" role="img" aria-label="' + label + '">' + esc(b[1]) + "</span></td>";
        }
        return h + "</tr>";
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
        return '<tr><th scope="row">' + esc(r[0]) + "</th>" + td("num", "Severity", r[1]) + td(null, "Opened", r[2]) +
          td(null, "Resolved", r[4]) + td(null, "Initiative", null, r[7] ? link(root + r[7], r[6]) : esc(r[6])) +
          td(null, "Unit", r[8]) + td(null, "Service", r[9]) + td(null, "Source", null, "<code>" + esc(r[10]) + "</code>") + "</tr>";
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

  function setup(table) {
    var name = table.getAttribute("data-list");
    var kind = kinds[name];
    if (!kind) return;
    var form = document.querySelector("form.list-controls[data-list='" + name + "']");
    var status = table.closest(".list-wrap").previousElementSibling;
    var pager = table.closest(".list-wrap").nextElementSibling;
    var root = table.getAttribute("data-root") || "";
    var heads = Array.prototype.filter.call(table.tHead.rows[0].cells, function (th) { return th.hasAttribute("data-key"); });
    var data = null, hay = null, orders = {}, page = 0, view = readHash();

    // order returns every row's index in the order of sort key s ("" the
    // data file's order), blanks last, ties in the data file's order;
    // each order is made once and kept, so a filter only walks it.
    function order(s) {
      if (orders[s]) return orders[s];
      var n = data.rows.length, idx = new Array(n), i;
      for (i = 0; i < n; i++) idx[i] = i;
      var desc = s.charAt(0) === "-";
      var key = s && kind.key(data, desc ? s.slice(1) : s);
      if (key && desc && orders[s.slice(1)]) {
        // The ascending order reversed, blanks kept last and ties in the
        // data file's order.
        var asc = orders[s.slice(1)], k0 = key, blank = [], runs = [];
        idx = [];
        for (i = 0; i < n; i++) {
          var v = k0(data.rows[asc[i]]);
          if (v == null || v === "") { blank.push(asc[i]); continue; }
          if (typeof v === "string") v = v.toLowerCase();
          if (runs.length && runs[runs.length - 1].v === v) runs[runs.length - 1].ix.push(asc[i]);
          else runs.push({ v: v, ix: [asc[i]] });
        }
        for (i = runs.length - 1; i >= 0; i--) Array.prototype.push.apply(idx, runs[i].ix);
        orders[s] = idx.concat(blank);
        return orders[s];
      }
      if (key) {
        var keys = new Array(n);
        for (i = 0; i < n; i++) {
          var k = key(data.rows[i]);
          keys[i] = typeof k === "string" ? k.toLowerCase() : k;
        }
        idx.sort(function (a, b) {
          var x = keys[a], y = keys[b];
          var xb = x == null || x === "", yb = y == null || y === "";
          if (xb || yb) return xb === yb ? a - b : xb ? 1 : -1;
          var c = x < y ? -1 : x > y ? 1 : 0;
          return (desc ? -c : c) || a - b;
        });
      }
      orders[s] = idx;
      return idx;
    }

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
      var s = view.sort || kind.defaultSort || "";
      var ord = order(s === kind.defaultSort ? "" : s);
      var idx = [];
      for (var o = 0; o < ord.length; o++) {
        var i = ord[o], r = data.rows[i];
        if (!kind.match(r, view)) continue;
        var ok = true;
        for (var w = 0; w < words.length && ok; w++) ok = hay[i].indexOf(words[w]) >= 0;
        if (ok) idx.push(i);
      }
      var pages = Math.max(1, Math.ceil(idx.length / PAGE));
      if (!keepPage) page = 0;
      page = Math.min(page, pages - 1);
      var from = page * PAGE, to = Math.min(idx.length, from + PAGE), html = "";
      for (var j = from; j < to; j++) html += kind.row(data, data.rows[idx[j]], root);
      if (!idx.length) html = '<tr><td colspan="' + table.tHead.rows[0].cells.length + '">' + esc(kind.empty) + "</td></tr>";
      table.tBodies[0].innerHTML = html;
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
