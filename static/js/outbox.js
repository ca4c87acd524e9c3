// Logging a round with no connection: it waits on this device and goes when the connection
// returns, exactly once.
//
// - The log form (data-outbox) carries a key (log_key) that the server honours: a round sent
//   twice with one key is saved once, and the second send is answered like the first.
// - Sent while offline (or the request never got an answer), the round is kept in
//   localStorage under drafts.js's prefix for the signed-in person, so logging out clears
//   it with the drafts. The form keeps it too (changes to it are kept as they are made),
//   and every page says, calmly, that it is waiting to send.
// - Back online (the "online" event, a page opened, or a retry every half minute), each
//   waiting round is sent: a stale CSRF token is fetched afresh and tried once more; a
//   refusal (422) is kept, and shown in the log form with the server's messages; nothing
//   is dropped until the server says it has it.
(function () {
  "use strict";

  var owner = document.body.dataset.draftOwner;
  var store = null;
  try {
    store = window.localStorage;
  } catch (error) {
    return; // no storage: a failed send keeps the form as it is (rebound.js says so)
  }
  if (!owner || !store) return;
  var PREFIX = "rebound:draft:" + owner + ":outbox:"; // drafts.js's: cleared at log-out
  var RETRY_MS = 30000;
  var STALE_PAGE_MS = 5 * 60 * 1000;
  var formValues = window.ReboundFormValues;
  var sending = false;
  var justSent = [];

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (byte) {
      return (byte + 0x100).toString(16).slice(1);
    });
    return [0, 4, 6, 8, 10]
      .map(function (start, index, starts) {
        return hex.slice(start, starts[index + 1] || 16).join("");
      })
      .join("-");
  }

  function read(key) {
    try {
      return JSON.parse(store.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function write(key, item) {
    try {
      store.setItem(key, JSON.stringify(item));
      return true;
    } catch (error) {
      return false; // storage full: the form keeps what was typed instead
    }
  }

  function waiting() {
    var keys = [];
    for (var i = 0; i < store.length; i += 1) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) keys.push(key);
    }
    return keys.sort(function (a, b) {
      return (read(a) || {}).at - (read(b) || {}).at;
    });
  }

  function logForms() {
    return document.querySelectorAll("form[data-outbox]");
  }

  function keyField(form) {
    return form.querySelector("input[name=log_key]");
  }

  // A page opened anew gets a key of its own: the service worker's copy of the log page
  // carries the key it was first served with, and two rounds must never share one. So does
  // its "When was it?": the time it was served, moved on to now (unless it came back with
  // errors, which keeps what was sent).
  function freshen(form) {
    if (form.querySelector(".form-errors")) return;
    keyField(form).value = newKey();
    var when = form.querySelector("input[type=datetime-local]");
    var served = Number(form.dataset.renderedAt) * 1000;
    var late = Date.now() - served;
    if (!when || !when.value || !served || late < STALE_PAGE_MS || when.value !== when.defaultValue) {
      return;
    }
    var moved = new Date(Date.parse(when.value + "Z") + late).toISOString().slice(0, 16);
    when.defaultValue = moved;
    when.value = moved;
  }

  // What the person will recognise the round by: "your video round at Lumen".
  function labelOf(form) {
    var stage = form.querySelector("input[name=stage]:checked");
    var stageName = stage && stage.labels.length ? stage.labels[0].textContent.trim().toLowerCase() : "";
    var company = (form.elements.namedItem("company") || {}).value || "";
    var picked = form.querySelectorAll(".picked strong");
    if (!company && picked.length > 1) company = picked[1].textContent;
    var chosen = form.querySelector("input[name=application]:checked");
    if (!company && chosen && chosen.labels.length) company = chosen.labels[0].textContent.trim();
    return "your " + (stageName ? stageName + " " : "") + "round" + (company.trim() ? " at " + company.trim() : "");
  }

  function fieldsOf(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && typeof value === "string") fields.push([name, value]);
    });
    return fields;
  }

  function itemKey(form) {
    return PREFIX + keyField(form).value;
  }

  // Kept with the key the form carries, which stays in the form: sent again from there (by
  // the person, or by this script), it is still the one round.
  function keep(form) {
    var action = new URL(form.getAttribute("action") || location.href, location.href);
    var item = {
      at: (read(itemKey(form)) || {}).at || Date.now(),
      action: action.pathname + action.search,
      fields: fieldsOf(form),
      label: labelOf(form),
    };
    if (!write(itemKey(form), item)) return false;
    if (!form.hasAttribute("data-no-draft")) {
      // drafts.js forgets its copy and leaves the form alone: this copy goes only once the
      // server has it, and a second one would be logged as a second round.
      form.dispatchEvent(new CustomEvent("rebound:saved", { bubbles: true }));
      form.setAttribute("data-no-draft", "");
    }
    return true;
  }

  function tell(form, near, text) {
    (near || form).dispatchEvent(new CustomEvent("rebound:say", { bubbles: true, detail: { text: text } }));
  }

  var OFFLINE = "You're offline, so this is waiting to send. It's kept on this device, and goes by itself when you're back online.";
  var UNREACHABLE = "We couldn't reach Rebound, so this is waiting to send. It's kept on this device, and goes by itself as soon as the connection allows.";

  // Offline: held before htmx or drafts.js see the submit.
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form.matches("form[data-outbox]") || navigator.onLine !== false) return;
      if (!keep(form)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      tell(form, event.submitter, OFFLINE);
      show();
    },
    true,
  );

  function sentFrom(ctx) {
    var source = ctx && ctx.sourceElement;
    var sending = ctx && ctx.request && ctx.request.method !== "GET"; // not a lookup
    return sending && source && source.closest ? source.closest("form[data-outbox]") : null;
  }

  // Online, but the round got no answer: it may have arrived, so it waits with its key.
  document.addEventListener("htmx:error", function (event) {
    var ctx = event.detail && event.detail.ctx;
    var source = ctx && ctx.sourceElement;
    var form = sentFrom(ctx);
    if (form && keep(form)) {
      tell(form, source, navigator.onLine === false ? OFFLINE : UNREACHABLE);
      show();
      setTimeout(flush, RETRY_MS);
    }
  });

  // Changed while it waits: what goes is what the form holds now.
  function onEdit(event) {
    var form = event.target.closest && event.target.closest("form[data-outbox]");
    if (form && read(itemKey(form))) keep(form);
  }
  document.addEventListener("input", onEdit);
  document.addEventListener("change", onEdit);

  // Sent from the form by the person, and saved.
  document.addEventListener("htmx:after:request", function (event) {
    var ctx = event.detail && event.detail.ctx;
    var form = sentFrom(ctx);
    if (form && ctx.response && ctx.response.status < 400) store.removeItem(itemKey(form));
  });

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers:inherited"))["X-CSRFToken"];
    } catch (error) {
      return "";
    }
  }

  function post(item, token) {
    return fetch(item.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "HX-Request": "true", "X-CSRFToken": token },
      body: new URLSearchParams(item.fields),
    });
  }

  // The page's token is old when the session changed since it was served: a fresh page has
  // the one that goes with it now.
  function freshToken(item) {
    return fetch(item.action, { credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var field = page.querySelector("input[name=csrfmiddlewaretoken]");
        return field ? field.value : "";
      });
  }

  function send(key) {
    var item = read(key);
    if (!item) return Promise.resolve();
    return post(item, csrfToken())
      .then(function (response) {
        if (response.status !== 403) return response;
        return freshToken(item).then(function (token) {
          return post(item, token);
        });
      })
      .then(function (response) {
        var saved = response.ok && response.headers.get("HX-Redirect");
        if (saved) {
          store.removeItem(key);
          justSent.push({ label: item.label, page: saved });
          var form = formHolding(key);
          // The form that held it stays as it is (the person may be reading it), and says
          // no more that it waits; sent from it again, the key leads to the same round.
          if (form) form.dispatchEvent(new CustomEvent("rebound:saved", { bubbles: true }));
        } else if (response.status === 422) {
          item.state = "refused";
          write(key, item);
          return response.text().then(function (html) {
            showRefused(key, html);
          });
        } else if (response.ok || response.status === 403) {
          item.state = "signed-out"; // answered with the log-in page
          write(key, item);
        }
        // Anything else (the server busy or down): it waits for the next try.
      })
      .catch(function () {
        // Still no connection: it waits.
      });
  }

  function flush() {
    if (sending || navigator.onLine === false) return;
    var keys = waiting();
    if (!keys.length) return;
    sending = true;
    keys
      .reduce(function (previous, key) {
        return previous.then(function () {
          return send(key);
        });
      }, Promise.resolve())
      .finally(function () {
        sending = false;
        show();
        var still = waiting().some(function (key) {
          return !(read(key) || {}).state;
        });
        if (still) setTimeout(flush, RETRY_MS);
      });
  }

  function formHolding(key) {
    return Array.prototype.find.call(logForms(), function (form) {
      return itemKey(form) === key;
    });
  }

  // A refused round goes back into the log form on this page, with the server's messages:
  // the form it was sent from, or an untouched one (not another round being typed).
  function showRefused(key, html) {
    var form = formHolding(key) || logForms()[0];
    var untouched = form && formValues.same(formValues.valuesOf(form), formValues.valuesOf(form, true));
    if (!form || !(untouched || itemKey(form) === key)) return;
    var answer = new DOMParser().parseFromString(html, "text/html").querySelector("form[data-outbox]");
    if (!answer) return;
    form.replaceWith(answer);
    if (window.htmx) htmx.process(answer);
    var errors = answer.querySelector(".form-errors");
    if (errors) errors.focus();
  }

  function status() {
    var box = document.querySelector("[data-outbox-status]");
    if (!box) {
      box = document.createElement("div");
      box.className = "outbox";
      box.setAttribute("role", "status");
      box.setAttribute("data-outbox-status", "");
      var main = document.getElementById("main");
      var banner = main && main.querySelector("[data-offline-banner]");
      if (banner) banner.after(box);
      else if (main) main.prepend(box);
    }
    return box;
  }

  function line(kind, text, link) {
    var message = document.createElement("p");
    message.className = "message message--" + kind + " outbox__item";
    message.textContent = text;
    if (link) {
      var anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = link.text;
      message.append(" ", anchor);
    }
    return message;
  }

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  var LOG_IN = "/accounts/login/";

  function show() {
    var lines = justSent.map(function (sent) {
      return line("success", "Sent: " + sent.label + " is saved.", { href: sent.page, text: "See it" });
    });
    waiting().forEach(function (key) {
      var item = read(key);
      if (!item) return;
      var here = formHolding(key);
      if (item.state === "refused") {
        lines.push(
          line(
            "info",
            capital(item.label) + " needs another look before it can be saved. It's kept on this device" +
              (here ? ", in the form below." : "."),
            here ? null : { href: item.action, text: "Open it" },
          ),
        );
      } else if (item.state === "signed-out") {
        lines.push(
          line("info", capital(item.label) + " is kept on this device. Log in again to send it.", {
            href: LOG_IN + "?next=" + encodeURIComponent(location.pathname),
            text: "Log in",
          }),
        );
      } else {
        lines.push(
          line("info", "Waiting to send: " + item.label + " is kept on this device, and will go when you're back online."),
        );
      }
    });
    var box = lines.length ? status() : document.querySelector("[data-outbox-status]");
    if (box) box.replaceChildren.apply(box, lines);
  }

  logForms().forEach(freshen);
  window.addEventListener("online", flush);
  show();
  flush();
})();
