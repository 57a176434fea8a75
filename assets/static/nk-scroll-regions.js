/* Keyboard access to scrollable code, outputs and tables, without a long task at load.
   The theme gives each such region tabindex 0 if it scrolls and -1 if not, measuring every
   region of the page at once; on a long page that forces a layout of the whole page, a task of
   100-400 ms on Lighthouse's phone. The theme's function calls this one instead
   (nk_course/site/scroll_regions.py). Every region first gets tabindex 0, which needs no
   measuring, so each one a keyboard user may need to scroll can be reached at once; a region
   is measured only when it comes near the screen, where the browser lays it out anyway, and the
   ones that do not scroll then get -1, as the theme would give them. The same happens again
   after a resize and for regions added later (a chart drawn). */
(function () {
  "use strict";
  var SELECTOR = ["pre", ".nboutput > .output_area", ".cell_output > .output",
    ".jp-RenderedHTMLCommon", ".pst-scrollable-table-container"].join(", ");
  var observer = null;
  var timer = null;

  function measure(entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      var el = entry.target;
      var scrolls = el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
      el.tabIndex = scrolls ? 0 : -1;
      observer.unobserve(el);
    });
  }

  function watchAll() {
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(measure, { rootMargin: "300px 0px" });
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      el.tabIndex = 0;
      observer.observe(el);
    });
    document.documentElement.dataset.nkScrollRegions = "watching";
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(watchAll, 300);
  }

  window.nkScrollRegions = function () {
    window.addEventListener("resize", later);
    var main = document.getElementById("main-content");
    if (main) new MutationObserver(later).observe(main, { subtree: true, childList: true });
    watchAll();
  };
})();
