/* opsalign theme script: draws the charts from their option JSON and makes
   tables sortable and filterable. No framework, no network. */
(function () {
  "use strict";

  // esc makes text safe to put into HTML: chart labels come from spreadsheets.
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fmtValue(v) {
    if (Array.isArray(v)) return v.map(fmtValue).join(", ");
    if (typeof v === "number") return v.toLocaleString("en-US", { maximumFractionDigits: 2 });
    return v == null ? "–" : v;
  }

  // tooltip formats a tooltip from escaped parts only: ECharts puts the
  // formatter's result into the page as HTML.
  function tooltip(params) {
    var ps = Array.isArray(params) ? params : [params];
    var out = [];
    if (ps.length && ps[0].axisValueLabel != null) out.push("<strong>" + esc(ps[0].axisValueLabel) + "</strong>");
    ps.forEach(function (p) {
      var label = p.componentType === "series" ? p.seriesName : p.name;
      if (p.componentType === "series" && !Array.isArray(params) && p.name) label = p.name;
      out.push(esc(p.marker ? "" : "") + (p.marker || "") + esc(label) + ": " + esc(fmtValue(p.value)));
    });
    return out.join("<br>");
  }

  // addMarks adds go-live lines to a trend chart and widens its time axis
  // to show them. Dates are ISO strings, so they compare as text.
  function addMarks(option, src) {
    var marks;
    try { marks = JSON.parse(src.textContent); } catch (e) { return; }
    var s = option.series && option.series[0];
    if (!s || !marks.length) return;
    s.markLine = s.markLine || {};
    s.markLine.data = (s.markLine.data || []).concat(marks.map(function (m) {
      return { name: m.name, xAxis: m.xAxis, lineStyle: { type: "dashed", color: "#c55a11" }, label: { formatter: "{b}", position: "insideEndTop" } };
    }));
    var x = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
    if (!x) return;
    marks.forEach(function (m) {
      if (x.min && m.xAxis < x.min) x.min = m.xAxis;
      if (x.max && m.xAxis > x.max) x.max = m.xAxis;
    });
  }

  var compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

  // compactAxes writes large axis values briefly: 30,000,000 as 30M.
  function compactAxes(option) {
    var ys = option.yAxis == null ? [] : Array.isArray(option.yAxis) ? option.yAxis : [option.yAxis];
    ys.forEach(function (y) {
      if (y.type && y.type !== "value") return;
      y.axisLabel = Object.assign({}, y.axisLabel || {}, {
        formatter: function (v) { return Math.abs(v) >= 10000 ? compact.format(v) : String(v); }
      });
    });
  }

  function drawCharts() {
    if (typeof echarts === "undefined") return;
    var charts = [];
    document.querySelectorAll(".chart-canvas[data-option]").forEach(function (el) {
      var src = document.getElementById(el.getAttribute("data-option"));
      if (!src) return;
      var option;
      try { option = JSON.parse(src.textContent); } catch (e) { return; }
      // A trend chart's go-lives: the page's own, beside the option every
      // page showing the metric shares.
      var figure = el.closest(".chart");
      var marks = figure && figure.querySelector("script.chart-marks");
      if (marks) addMarks(option, marks);
      option.tooltip = Object.assign({}, option.tooltip || {}, { formatter: tooltip, confine: true });
      compactAxes(option);
      option.textStyle = { fontFamily: getComputedStyle(document.body).fontFamily };
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option);
      charts.push(chart);
    });
    window.addEventListener("resize", function () {
      charts.forEach(function (c) { c.resize(); });
    });
    window.addEventListener("beforeprint", function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }

  function cellKey(td) {
    var s = td.getAttribute("data-sort");
    if (s !== null && s.trim() !== "" && isFinite(s)) return { n: Number(s) }; // a machine key: 2.1e+06 is a number
    if (s === null) s = td.textContent.trim();
    var n = parseFloat(s.replace(/[^0-9.\-]/g, ""));
    if (s !== "" && /^[\s$€£¥₹A-Z]*-?[\d,.]+\s*(%|h|[A-Z]{3})?$/.test(s) && !isNaN(n)) return { n: n };
    return { s: s.toLowerCase() };
  }

  function compare(a, b) {
    if ("n" in a && "n" in b) return a.n - b.n;
    if ("n" in a) return -1;
    if ("n" in b) return 1;
    return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "sort";
      while (th.firstChild) btn.appendChild(th.firstChild);
      th.appendChild(btn);
      th.setAttribute("aria-sort", "none");
      btn.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var keyed = rows.map(function (r, i) { return { r: r, k: r.cells[col] ? cellKey(r.cells[col]) : { s: "" }, i: i }; });
        keyed.sort(function (x, y) { return (asc ? 1 : -1) * compare(x.k, y.k) || x.i - y.i; });
        keyed.forEach(function (x) { body.appendChild(x.r); });
      });
    });
  }

  // makeFilters wires the filter controls of a table: a search box matches
  // any text of a row; a select with data-col matches that column's
  // data-sort value, or its text.
  function makeFilters(table, controls) {
    function apply() {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        r.hidden = !controls.every(function (c) {
          var q = c.value.trim().toLowerCase();
          if (q === "") return true;
          var col = c.getAttribute("data-col");
          if (col === null) return r.textContent.toLowerCase().indexOf(q) >= 0;
          var cell = r.cells[+col];
          if (!cell) return false;
          var v = cell.getAttribute("data-sort");
          return (v === null ? cell.textContent : v).trim().toLowerCase() === q;
        });
      });
    }
    controls.forEach(function (c) { c.addEventListener(c.tagName === "SELECT" ? "change" : "input", apply); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.sortable").forEach(makeSortable);
    var groups = {};
    document.querySelectorAll("[data-filter]").forEach(function (c) {
      var id = c.getAttribute("data-filter");
      (groups[id] = groups[id] || []).push(c);
    });
    Object.keys(groups).forEach(function (id) {
      var table = document.getElementById(id);
      if (table) makeFilters(table, groups[id]);
    });
    drawCharts();
  });
})();
