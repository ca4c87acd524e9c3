// Rebound's service worker, served from /service-worker.js (apps/core/pwa.py) so its scope
// is the whole site. It keeps what logging a round needs on a bad connection, and nothing
// else a person wrote:
//
// - static files: hashed ones (production) from the cache first, since a new version has a
//   new name; others (make run) from the network first, the cache when offline;
// - the log page and the support page: from the network first, the copy last seen when
//   offline (install.js keeps the log page from a first visit anywhere). No other page is
//   kept (the journal, a recovery, strengths and feedback hold personal text), and the
//   copy goes when its owner logs out or someone else signs in (static/js/install.js);
// - every other page, when offline: a calm offline page that says what still works.
//
// Only GET requests are answered here: everything sent (a form, an autosave) goes to the
// network as before, and its failure is handled by the page (rebound.js, drafts.js,
// outbox.js).
"use strict";

var VERSION = "1";
var SHELL = "rebound-shell-" + VERSION; // the offline page and static files
var PAGES = "rebound-pages"; // the log page (the same name in install.js)
var OFFLINE_PAGE = "/offline/";
var KEPT_PAGES = ["/interviews/log/", "/support/"]; // the support page names nobody
var HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;

// The offline page, fetched signed out (it names nobody), and what it loads.
function keepShell() {
  return caches.open(SHELL).then(function (cache) {
    return fetch(OFFLINE_PAGE, { credentials: "omit" }).then(function (response) {
      if (!response.ok) throw new Error("offline page: " + response.status);
      return response
        .clone()
        .text()
        .then(function (html) {
          var assets = html.match(/\/static\/[^"'?#\s]+/g) || [];
          return cache.addAll(Array.from(new Set(assets)));
        })
        .then(function () {
          return cache.put(OFFLINE_PAGE, response);
        });
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(keepShell().then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf("rebound-shell-") === 0 && name !== SHELL;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

function fromCache(cacheName, request) {
  return caches.open(cacheName).then(function (cache) {
    return cache.match(request, { ignoreVary: true });
  });
}

// Answers once the copy is kept, so a page seen online is there when the connection goes.
function keep(cacheName, request, response) {
  var copy = response.clone();
  return caches
    .open(cacheName)
    .then(function (cache) {
      return cache.put(request, copy);
    })
    .then(
      function () {
        return response;
      },
      function () {
        return response; // storage full: the page still shows
      },
    );
}

function offlinePage() {
  return fromCache(SHELL, OFFLINE_PAGE).then(function (page) {
    return page || Response.error();
  });
}

function staticFile(request, url) {
  if (HASHED.test(url.pathname)) {
    return fromCache(SHELL, request).then(function (cached) {
      return cached || fetch(request).then(function (response) {
        return response.ok ? keep(SHELL, request, response) : response;
      });
    });
  }
  return fetch(request)
    .then(function (response) {
      return response.ok ? keep(SHELL, request, response) : response;
    })
    .catch(function () {
      return fromCache(SHELL, request).then(function (cached) {
        return cached || Response.error();
      });
    });
}

// A page kept for offline use is one the person was signed in for: a redirect (to the
// log-in page) or an error is never kept in its place.
function keptPage(request) {
  return fetch(request)
    .then(function (response) {
      var fit = response.ok && !response.redirected && response.type === "basic";
      return fit ? keep(PAGES, request, response) : response;
    })
    .catch(function () {
      // The log page for one job (?application=) not kept: the plain log page will do.
      return fromCache(PAGES, request).then(function (cached) {
        return cached || fromCache(PAGES, new URL(request.url).pathname);
      }).then(function (cached) {
        return cached || offlinePage();
      });
    });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(staticFile(request, url));
  } else if (request.mode === "navigate" && KEPT_PAGES.indexOf(url.pathname) !== -1) {
    event.respondWith(keptPage(request));
  } else if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(function () {
        return offlinePage();
      }),
    );
  }
});
