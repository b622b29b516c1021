/* opsalign search: the field in every page's header finds initiatives (id,
   name, unit, owners), metrics (id, name, unit) and the report period's
   incidents (number, service, unit, initiative) as you type. The index is
   built with the site (data/search-*.js, one script a kind) and loaded on
   the field's first focus: scripts, so it works from file:// and offline.
   Results are links. No framework, no network. */
(function () {
  "use strict";

  var MAX = 12, PER_KIND = 8;

  function enc(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  // The kinds of result: how a row of a shard is searched and shown.
  var kinds = [
    {
      key: "search-initiatives", label: "Initiative",
      hay: function (r) { return [r[0], r[1], r[2], r[3]]; },
      href: function (r) { return "initiatives/" + r[4]; },
      title: function (r) { return r[1] || r[0]; },
      detail: function (r) { return [r[0], r[2], r[3]].filter(Boolean).join(" · "); }
    },
    {
      key: "search-metrics", label: "Metric",
      hay: function (r) { return [r[0], r[1], r[2]]; },
      href: function (r) { return "metrics/" + r[3]; },
      title: function (r) { return r[1] || r[0]; },
      detail: function (r) { return [r[0], r[2]].filter(Boolean).join(" · "); }
    },
    {
      key: "search-incidents", label: "Incident",
      hay: function (r) { return [r[0], r[2], r[3], r[4]]; },
      href: function (r) { return "reliability.html#q=" + enc(r[0]) + "&severity=all"; },
      title: function (r) { return r[0] + " · severity " + r[1]; },
      detail: function (r) { return [r[2], r[3], r[4]].filter(Boolean).join(" · "); }
    }
  ];

  function setup(form) {
    var input = form.querySelector("input[type=search]");
    // The results box is empty until a search: the page holds none (on
    // each of 10,000 initiative pages it was 170 bytes), the script adds it.
    var box = form.querySelector(".site-search-results");
    if (!box) {
      box = document.createElement("div");
      box.className = "site-search-results";
      box.id = input.getAttribute("aria-controls") || "site-search-results";
      box.hidden = true;
      box.innerHTML = '<p class="site-search-status" role="status" aria-live="polite"></p><ul></ul>';
      form.appendChild(box);
    }
    var status = box.querySelector(".site-search-status");
    var list = box.querySelector("ul");
    var root = form.getAttribute("data-root") || "";
    var loaded = {}, pending = 0, started = false;

    function load() {
      if (started) return;
      started = true;
      kinds.forEach(function (k) {
        var data = window.opsalignData && window.opsalignData[k.key];
        if (data) { index(k, data); return; }
        pending++;
        var s = document.createElement("script");
        s.src = root + "data/" + k.key + ".js";
        s.onload = s.onerror = function () {
          pending--;
          var d = window.opsalignData && window.opsalignData[k.key];
          if (d) index(k, d);
          if (input.value.trim()) run();
        };
        document.head.appendChild(s);
      });
    }

    // index keeps a shard's rows with their searchable text, lower case:
    // the id apart (ranked first), the rest joined with a leading space
    // so that a word's start is " word".
    function index(k, data) {
      loaded[k.key] = data.rows.map(function (r) {
        var h = k.hay(r);
        return { r: r, id: String(h[0]).toLowerCase(), text: " " + h.join(" ").toLowerCase() };
      });
    }

    // rank orders a match: 0 the id itself, 1 an id starting with the
    // words, 2 every word starting a word, 3 the words anywhere; -1 no match.
    function rank(e, q, words) {
      if (e.id === q) return 0;
      var best = e.id.indexOf(q) === 0 ? 1 : 2;
      for (var i = 0; i < words.length; i++) {
        var at = e.text.indexOf(words[i]);
        if (at < 0) return -1;
        if (best === 2 && e.text.indexOf(" " + words[i]) < 0 && e.text.indexOf("-" + words[i]) < 0) best = 3;
      }
      return best;
    }

    function run() {
      var t0 = performance.now();
      var q = input.value.trim().toLowerCase();
      list.textContent = "";
      if (!q) { box.hidden = true; return; }
      box.hidden = false;
      var words = q.split(/\s+/);
      var found = [], total = 0, counts = [];
      kinds.forEach(function (k, ki) {
        var rows = loaded[k.key];
        if (!rows) return;
        var hits = [];
        for (var i = 0; i < rows.length; i++) {
          var n = rank(rows[i], q, words);
          if (n >= 0) hits.push({ n: n, k: ki, i: i, kind: k, r: rows[i].r });
        }
        total += hits.length;
        counts[ki] = hits.length;
        hits.sort(function (a, b) { return a.n - b.n || a.i - b.i; });
        found = found.concat(hits.slice(0, PER_KIND));
      });
      found.sort(function (a, b) { return a.n - b.n || a.k - b.k || a.i - b.i; });
      found = found.slice(0, MAX);
      found.forEach(function (f) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + f.kind.href(f.r);
        var kind = document.createElement("span");
        kind.className = "site-search-kind";
        kind.textContent = f.kind.label;
        var title = document.createElement("span");
        title.className = "site-search-title";
        title.textContent = f.kind.title(f.r);
        var detail = document.createElement("span");
        detail.className = "site-search-detail";
        detail.textContent = f.kind.detail(f.r);
        a.appendChild(kind);
        a.appendChild(title);
        a.appendChild(detail);
        li.appendChild(a);
        list.appendChild(li);
      });
      // More initiatives match than are shown: the list shows them all.
      var ini = counts[0] || 0, shownIni = found.filter(function (f) { return f.k === 0; }).length;
      if (ini > shownIni) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.className = "site-search-all";
        a.href = root + "initiatives/index.html#q=" + enc(input.value.trim());
        a.textContent = "All " + ini.toLocaleString("en-US") + " initiatives matching “" + input.value.trim() + "” →";
        li.appendChild(a);
        list.appendChild(li);
      }
      var more = total > found.length ? " (the best " + found.length + " shown)" : "";
      status.textContent = pending && !total ? "Loading the index…"
        : total ? total.toLocaleString("en-US") + (total === 1 ? " result" : " results") + more
        : "No initiative, metric or incident matches “" + input.value.trim() + "”.";
      form.setAttribute("data-ms", String(Math.round(performance.now() - t0)));
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    form.hidden = false;
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { load(); run(); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = links()[0];
      if (first) location.href = first.href;
    });
    form.addEventListener("keydown", function (e) {
      var ls = links(), at = ls.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && ls.length) {
        e.preventDefault();
        ls[Math.min(at + 1, ls.length - 1)].focus();
      } else if (e.key === "ArrowUp" && at >= 0) {
        e.preventDefault();
        (at === 0 ? input : ls[at - 1]).focus();
      } else if (e.key === "Escape") {
        box.hidden = true;
        input.focus();
      }
    });
    form.addEventListener("focusout", function (e) {
      if (!e.relatedTarget || !form.contains(e.relatedTarget)) box.hidden = true;
    });
    input.addEventListener("click", function () { if (input.value.trim()) run(); });
  }

  // The form is made here too: without the script it could do nothing (it
  // was hidden), and on each of 10,000 initiative pages it was 330 bytes.
  // The site's root is where this script's assets/ folder is.
  var me = document.currentScript;
  var root = me ? me.src.replace(/assets\/search\.js(\?.*)?$/, "") : "";
  var dir = location.href.replace(/[?#].*$/, "").replace(/[^\/]*$/, "");
  if (dir.indexOf(root) === 0) root = dir.slice(root.length).replace(/[^\/]+\//g, "../");

  function make(header) {
    var form = document.createElement("form");
    form.className = "site-search";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Site");
    form.setAttribute("data-root", root);
    form.hidden = true;
    var input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    input.setAttribute("aria-label", "Search initiatives, metrics and incidents");
    input.placeholder = "Search…";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("aria-controls", "site-search-results");
    form.appendChild(input);
    header.appendChild(form);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var header = document.querySelector("header.site-header");
    if (header && !header.querySelector("form.site-search")) make(header);
    document.querySelectorAll("form.site-search").forEach(setup);
  });
})();
