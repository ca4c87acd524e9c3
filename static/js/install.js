// Rebound as an app on the phone: the service worker (static/js/service-worker.js, served
// from /service-worker.js) keeps the log page and what it loads for a bad connection.
// The copy of a page kept on this device is only ever its owner's: it goes at log-out, and
// whenever this device's browser is next seen with somebody else (or nobody) signed in.
(function () {
  "use strict";

  var PAGES = "rebound-pages"; // the service worker's cache of pages (same name there)
  var OWNER = "rebound:pages-owner";

  var forgotten = Promise.resolve(); // keeping a page again waits for this

  function forgetPages() {
    if (window.caches) forgotten = window.caches.delete(PAGES);
  }

  var owner = document.body.dataset.draftOwner || "";
  var offlinePage = document.body.hasAttribute("data-error-page"); // names nobody
  try {
    if (!offlinePage && window.localStorage.getItem(OWNER) !== owner) {
      forgetPages();
      window.localStorage.setItem(OWNER, owner);
    }
  } catch (error) {
    forgetPages(); // storage blocked: no way to tell whose copy it is
  }

  document.addEventListener("submit", function (event) {
    if (event.target.hasAttribute("data-forget-drafts")) forgetPages();
  });

  // Signed in, the log page is kept from the first visit, wherever it was: on a bad
  // connection after an interview, it opens even if it was never opened before.
  var LOG_PAGE = "/interviews/log/"; // service-worker.js's KEPT_PAGES
  function keepLogPage() {
    if (!owner || offlinePage || !window.caches) return;
    forgotten
      .then(function () {
        return caches.open(PAGES);
      })
      .then(function (cache) {
        return cache.match(LOG_PAGE, { ignoreVary: true }).then(function (kept) {
          if (kept) return;
          return fetch(LOG_PAGE, { credentials: "same-origin" }).then(function (response) {
            if (response.ok && !response.redirected) return cache.put(LOG_PAGE, response);
          });
        });
      })
      .catch(function () {
        // Offline, or storage full: kept on a later visit.
      });
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker
      .register("/service-worker.js", { scope: "/" })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(keepLogPage)
      .catch(function () {
        // No worker (a private window, an old browser): the site works as it always has.
      });
  }
})();
