/* Draws each chart of the page from the JSON that nk_course.charts.figure_html wrote. Until then
   the chart's box shows a static SVG picture of the same chart, made at build time
   (nk_course.site.pictures), so a page paints and responds before any plotly.js runs.
   plotly.js (about 400 KB gzipped, over a second of main-thread work on a phone) is fetched
   once, from this site's own _static folder, only after the reader has interacted with the page
   (scrolled, touched, moved the pointer, pressed a key) and a chart is near the screen; the
   charts near the screen are then drawn one per animation frame, replacing their pictures, and
   the rest as the reader scrolls to them. Each box keeps its reserved height, so nothing
   shifts. Each drawn chart gets data-nk-drawn="1" (the browser tests count these).
   window.nkDrawAllCharts() draws every chart at once (printing, the PDF script, tests). */
(function () {
  "use strict";
  var loading = null;
  var queue = [];
  var scheduled = false;
  var engaged = false;
  var near = [];
  var ENGAGING = ["scroll", "wheel", "touchstart", "pointerdown", "pointermove", "keydown"];

  function contentRoot() {
    return document.documentElement.dataset.content_root || "";
  }
  function loadPlotly() {
    if (window.Plotly) return Promise.resolve();
    if (!loading) loading = loadScript(contentRoot() + "_static/plotly.min.js");
    return loading;
  }
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }
  /* A chart's data: inline in the page (notebooks), or in _static/figures/<id>.js (the book).
     Fetched once, as soon as the chart is wanted, alongside plotly.js rather than after it. */
  var specs = {};
  function spec(el) {
    if (specs[el.id]) return specs[el.id];
    var holder = document.getElementById(el.dataset.nkPlot);
    specs[el.id] = !holder.dataset.nkSrc
      ? Promise.resolve(JSON.parse(holder.textContent))
      : loadScript(holder.dataset.nkSrc).then(function () {
        return window.nkFigureData[el.id];
      });
    return specs[el.id];
  }
  function draw(el) {
    if (el.dataset.nkQueued) return Promise.resolve();
    el.dataset.nkQueued = "1";
    return Promise.all([spec(el), loadPlotly()]).then(function (got) { return plot(el, got[0]); });
  }
  function plot(el, spec) {
    var config = Object.assign({ responsive: true, displaylogo: false }, spec.config || {});
    /* A chart that names no height would fill its box, which collapses once the reserved
       height is released: draw it at the height reserved for it (its picture's). */
    var layout = Object.assign({}, spec.layout);
    if (!layout.height) layout.height = parseInt(el.style.minHeight, 10) || 450;
    var picture = el.querySelector("picture");
    if (picture) picture.remove();
    return window.Plotly.newPlot(el, spec.data, layout, config).then(function () {
      el.style.minHeight = "";
      el.dataset.nkDrawn = "1";
    });
  }
  function drainOnePerFrame() {
    scheduled = false;
    var el = queue.shift();
    if (!el) return;
    draw(el);
    if (queue.length) { scheduled = true; window.requestAnimationFrame(drainOnePerFrame); }
  }
  function enqueue(el) {
    spec(el);
    queue.push(el);
    loadPlotly().then(function () {
      if (!scheduled) { scheduled = true; window.requestAnimationFrame(drainOnePerFrame); }
    });
  }
  function start() {
    var plots = Array.prototype.slice.call(document.querySelectorAll(".nk-plot[data-nk-plot]"));
    if (!plots.length) return;
    window.nkDrawAllCharts = function () {
      engage();
      return loadPlotly().then(function () { return Promise.all(plots.map(draw)); });
    };
    window.addEventListener("beforeprint", window.nkDrawAllCharts);
    if (!("IntersectionObserver" in window)) { window.nkDrawAllCharts(); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) {
          near = near.filter(function (el) { return el !== entry.target; });
          return;
        }
        if (!engaged) { near.push(entry.target); return; }
        observer.unobserve(entry.target);
        enqueue(entry.target);
      });
    }, { rootMargin: "200px 0px" });
    /* The first interaction draws the charts near the screen; later ones come as they near it. */
    function engage() {
      if (engaged) return;
      engaged = true;
      ENGAGING.forEach(function (name) { window.removeEventListener(name, engage); });
      near.splice(0).forEach(function (el) { observer.unobserve(el); enqueue(el); });
    }
    ENGAGING.forEach(function (name) {
      window.addEventListener(name, engage, { passive: true });
    });
    plots.forEach(function (el) { observer.observe(el); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
