// Offline copy only (nk_course/offline.py): Sphinx's search fetches each hit's page to show a
// snippet, and browsers forbid fetch() on file:// URLs. Answer those fetches from the page
// texts in window.NK_SEARCH_PAGES (nk-search-pages.js); anything else goes to the real fetch.
(() => {
  "use strict";
  const pages = window.NK_SEARCH_PAGES;
  if (location.protocol !== "file:" || !pages) return;
  const base = new URL(".", location.href).href;
  const realFetch = window.fetch.bind(window);
  window.fetch = (resource, options) => {
    const url = new URL(typeof resource === "string" ? resource : resource.url, location.href);
    const href = url.href.split(/[?#]/)[0];
    const key = href.startsWith(base) ? decodeURIComponent(href.slice(base.length)) : null;
    if (key !== null && Object.prototype.hasOwnProperty.call(pages, key)) {
      const headers = { "Content-Type": "text/html; charset=utf-8" };
      return Promise.resolve(new Response(pages[key], { status: 200, headers }));
    }
    return realFetch(resource, options);
  };
})();
