/* Draws every chart of the page from the JSON that nk_course.charts.figure_html wrote.
   plotly.js is fetched once, from this site's own _static folder, and only on pages that
   have a chart. Each drawn chart gets data-nk-drawn="1" (the browser tests count these). */
(function () {
  "use strict";
  function contentRoot() {
    return document.documentElement.dataset.content_root || "";
  }
  function drawAll(plots) {
    plots.forEach(function (el) {
      var spec = JSON.parse(document.getElementById(el.dataset.nkPlot).textContent);
      var config = Object.assign({ responsive: true, displaylogo: false }, spec.config || {});
      el.style.minHeight = "";
      window.Plotly.newPlot(el, spec.data, spec.layout, config).then(function () {
        el.dataset.nkDrawn = "1";
      });
    });
  }
  function start() {
    var plots = document.querySelectorAll(".nk-plot[data-nk-plot]");
    if (!plots.length) return;
    if (window.Plotly) return drawAll(plots);
    var script = document.createElement("script");
    script.src = contentRoot() + "_static/plotly.min.js";
    script.onload = function () { drawAll(plots); };
    document.head.appendChild(script);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
