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
  // to show them. Dates are ISO strings, so they compare as text. Each line
  // is labelled with its initiative's name above the plot; staggerMarks
  // puts labels that would meet on rows of their own.
  function addMarks(option, src) {
    var marks;
    try { marks = JSON.parse(src.textContent); } catch (e) { return; }
    var s = option.series && option.series[0];
    if (!s || !marks.length) return;
    s.markLine = s.markLine || {};
    s.markLine.symbol = ["none", "none"];
    s.markLine.data = (s.markLine.data || []).concat(marks.map(function (m) {
      return {
        name: "Go-live: " + m.name + (m.id && m.id !== m.name ? " (" + m.id + ")" : ""), xAxis: m.xAxis, goLive: m.name,
        lineStyle: { type: "dashed", color: "#8c6d46", width: 1.5 },
        label: { show: true, formatter: m.name, position: "end", fontSize: 11, color: "#5c4630", overflow: "truncate", width: 150 }
      };
    }));
    var x = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
    if (!x) return;
    marks.forEach(function (m) {
      if (x.min && m.xAxis < x.min) x.min = m.xAxis;
      if (x.max && m.xAxis > x.max) x.max = m.xAxis;
    });
  }

  var measure = document.createElement("canvas").getContext("2d");

  // textWidth is the drawn width of the longest line of s at size px.
  function textWidth(s, px) {
    measure.font = px + "px " + getComputedStyle(document.body).fontFamily;
    return String(s).split("\n").reduce(function (w, line) { return Math.max(w, measure.measureText(line).width); }, 0);
  }

  // staggerMarks places go-live labels above the plot on as few rows as
  // keep any two apart, and makes room for the rows. It runs once the
  // chart is drawn, when dates convert to pixels.
  function staggerMarks(chart, option) {
    var s = option.series && option.series[0];
    var data = s && s.markLine && s.markLine.data;
    if (!data) return;
    var width = chart.getWidth();
    var rows = [];
    var labelled = data.filter(function (d) { return d.goLive; });
    labelled.forEach(function (d) {
      var px = chart.convertToPixel({ xAxisIndex: 0 }, d.xAxis);
      var w = Math.min(textWidth(d.goLive, 11), 150) + 8;
      // Centred on its line, or beside it near an edge: a label never
      // leaves the chart.
      var l = px - w / 2, r = px + w / 2;
      if (r > width - 2) { d.label.align = "right"; l = px - w; r = px; }
      else if (l < 2) { d.label.align = "left"; l = px; r = px + w; }
      var row = 0;
      while (rows[row] !== undefined && rows[row] > l) row++;
      rows[row] = r;
      d.label.distance = 4 + row * 15;
    });
    if (!labelled.length) return;
    var grid = Array.isArray(option.grid) ? option.grid[0] : option.grid;
    grid.top = (grid.top || 44) + rows.length * 15;
    chart.setOption({ grid: grid, series: [{ markLine: s.markLine }] });
  }

  // fitLabels keeps a category axis' labels apart at the chart's width:
  // turned when they do not fit side by side, upright when even turned
  // they would touch, and thinned out when the bands are thinner than a
  // line. Horizontal bars' labels are cut short on a narrow chart.
  function fitLabels(option, width) {
    var xs = option.xAxis == null ? [] : Array.isArray(option.xAxis) ? option.xAxis : [option.xAxis];
    xs.forEach(function (x) {
      if (x.type !== "category" || !x.data || !x.data.length) return;
      var band = (width - 80) / x.data.length;
      var longest = x.data.reduce(function (w, l) { return Math.max(w, textWidth(l, 12)); }, 0);
      var label = x.axisLabel = Object.assign({}, x.axisLabel || {}, { hideOverlap: true });
      if (longest + 8 <= band) return;
      label.rotate = band >= 22 ? 45 : 90;
      label.formatter = function (v) { return String(v).split("\n")[0]; };
      if (band < 14) label.interval = "auto";
    });
    // Time and value axes drop a label that would touch the next.
    xs.forEach(function (x) {
      if (x.type === "time" || x.type === "value") x.axisLabel = Object.assign({}, x.axisLabel || {}, { hideOverlap: true });
    });
    var ys = option.yAxis == null ? [] : Array.isArray(option.yAxis) ? option.yAxis : [option.yAxis];
    ys.forEach(function (y) {
      if (y.type !== "category") return;
      var label = y.axisLabel = Object.assign({}, y.axisLabel || {}, { hideOverlap: true });
      if (width < 600) { label.width = Math.round(width * 0.3); label.overflow = "truncate"; }
    });
  }

  var compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

  // compactAxes writes large axis values briefly: 30,000,000 as 30M.
  function compactAxes(option) {
    var ys = [].concat(option.yAxis == null ? [] : option.yAxis, option.xAxis == null ? [] : option.xAxis);
    ys.forEach(function (y) {
      if (y.type !== "value" || (y.axisLabel && typeof y.axisLabel.formatter === "string")) return;
      y.axisLabel = Object.assign({}, y.axisLabel || {}, {
        formatter: function (v) { return Math.abs(v) >= 10000 ? compact.format(v) : String(v); }
      });
    });
  }

  function drawCharts() {
    if (typeof echarts === "undefined") return;
    var drawn = [];
    var shared = window.opsalignCharts || {};
    document.querySelectorAll(".chart-canvas").forEach(function (el) {
      // The option is a data block of the page, or set by a chart script
      // that every page showing the chart loads (a metric's trend), named
      // by data-option or, without one (a trend on an initiative's page),
      // by the figure's id + "-option".
      var figure = el.closest(".chart");
      var id = el.getAttribute("data-option") || (figure && figure.id ? figure.id + "-option" : "");
      if (!id) return;
      var block = document.getElementById(id);
      var text;
      if (block) text = block.textContent;
      else if (Object.prototype.hasOwnProperty.call(shared, id)) text = JSON.stringify(shared[id]);
      else return;
      try { JSON.parse(text); } catch (e) { return; }
      // A trend chart's go-lives: the page's own, beside the option every
      // page showing the metric shares; the figure's, or its section's
      // (an initiative's page marks its go-live once for all its trends).
      var marks = figure && figure.querySelector("script.chart-marks");
      if (!marks && figure && figure.parentElement) marks = figure.parentElement.querySelector(":scope > script.chart-marks");
      // A canvas without a role in the page (a trend on an initiative's
      // page, which says what it shows in words without a script) becomes
      // an image named by its description once drawn.
      if (!el.hasAttribute("role")) el.setAttribute("role", "img");
      var d = { el: el, src: text, marks: marks, width: 0, chart: echarts.init(el, null, { renderer: "svg" }) };
      draw(d);
      drawn.push(d);
    });
    // Layout depends on the width: a chart whose width changed (a turned
    // phone, a print) is laid out again from its option.
    function redraw() {
      drawn.forEach(function (d) {
        d.chart.resize();
        if (d.el.clientWidth !== d.width) draw(d);
      });
    }
    window.addEventListener("resize", redraw);
    window.addEventListener("beforeprint", redraw);
  }

  // describe sets the chart's ARIA description (ECharts writes it as the
  // container's aria-label) in the words of the page: the chart's caption
  // and the first rows of the data table that goes with it ("Run: Budget %
  // 57.8, Spend % 58.1"), in place of ECharts' generated text, which reads
  // stacked series as internal triples. The table follows with every value.
  function describe(option, el) {
    var fig = el.closest(".chart");
    var cap = fig && fig.querySelector("figcaption");
    var table = fig && fig.querySelector(".chart-data table");
    var text = (cap ? cap.textContent.trim() : "Chart") + ".";
    if (table && table.tHead && table.tBodies[0]) {
      var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
      var rows = table.tBodies[0].rows;
      var n = Math.min(rows.length, 6);
      var parts = [];
      for (var i = 0; i < n; i++) {
        var cells = rows[i].cells, vals = [];
        for (var j = 1; j < cells.length; j++) {
          var v = cells[j].textContent.trim();
          if (v) vals.push((heads[j] ? heads[j] + " " : "") + v);
        }
        parts.push(cells[0].textContent.trim() + (vals.length ? ": " + vals.join(", ") : ""));
      }
      if (parts.length) text += " " + parts.join("; ") + (rows.length > n ? "; and " + (rows.length - n) + " more rows" : "") + ".";
      text += " Every value is in the data table that follows.";
    } else {
      // A chart without its table (a metric's trend on an initiative's
      // page) says in words what it shows.
      var gist = fig && fig.querySelector(".chart-gist");
      if (gist) text += " " + gist.textContent.trim();
    }
    option.aria = Object.assign({ enabled: true }, option.aria || {});
    option.aria.label = Object.assign({}, option.aria.label || {}, { enabled: true, description: text });
  }

  // draw lays a chart's option out for its container's width and draws it.
  function draw(d) {
    var option = JSON.parse(d.src);
    if (d.marks) addMarks(option, d.marks);
    option.tooltip = Object.assign({}, option.tooltip || {}, { formatter: tooltip, confine: true });
    compactAxes(option);
    option.textStyle = { fontFamily: getComputedStyle(document.body).fontFamily };
    d.width = d.el.clientWidth;
    fitLabels(option, d.width);
    describe(option, d.el);
    d.chart.setOption(option, true);
    if (d.marks) staggerMarks(d.chart, option);
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

  // keyboardScroll lets a keyboard reach what scrolls (WCAG 2.1.1): a
  // table or table box that overflows and holds nothing focusable becomes
  // a tab stop (on a phone every wide table scrolls sideways by itself);
  // one that fits again stops being one.
  function keyboardScroll() {
    document.querySelectorAll("table, .table-wrap").forEach(function (el) {
      var cs = getComputedStyle(el);
      var scrolls = /auto|scroll/.test(cs.overflowX + " " + cs.overflowY) &&
        (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      var ours = el.hasAttribute("data-scroll-stop");
      if (scrolls && !ours && !el.hasAttribute("tabindex") &&
          !el.querySelector("a[href], button, input, select, textarea, [tabindex]")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("data-scroll-stop", "");
      } else if (!scrolls && ours) {
        el.removeAttribute("tabindex");
        el.removeAttribute("data-scroll-stop");
      }
    });
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
    keyboardScroll();
    var resized;
    window.addEventListener("resize", function () {
      clearTimeout(resized);
      resized = setTimeout(keyboardScroll, 200);
    });
  });
})();
