// Drafts kept on this device, so nothing typed is lost to navigation, a reload, a lost
// connection or a server error.
//
// - Every form that posts text (it has a textarea, or data-keep-draft) keeps a copy of
//   what is typed in localStorage, under the signed-in person's id and the form's address
//   (its action, query included: the log page for one job is not the one for another).
// - The copy goes as soon as the server has the text: after a successful htmx answer,
//   after an autosave (the form fires "rebound:saved"), or when a plain submit is answered
//   with a redirect or a page that says it saved (data-draft-saved). Any other answer (an
//   error page, a dropped connection, a login page) keeps it, and the next page says so.
//   Logging out removes every copy.
// - A page that opens with a copy the form doesn't hold puts it back and says so, in view,
//   with a way to discard it. If the saved text changed meanwhile (another tab or device),
//   nothing is overwritten: the person is asked first, and what they put back carries the
//   version it was typed against, so saving it shows both side by side.
// - Leaving a page with unsaved changes asks first.
(function () {
  "use strict";

  var owner = document.body.dataset.draftOwner;
  var store = null;
  try {
    store = window.localStorage;
  } catch (error) {
    store = null; // storage blocked: the leave warning still protects the text
  }
  var PREFIX = "rebound:draft:" + (owner || "") + ":";
  var SENT = "rebound:draft-sent";
  var MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
  var submitting = false;
  var formValues = window.ReboundFormValues;
  var versionOf = formValues.versionOf;
  var putVersion = formValues.putVersion;
  var valuesOf = formValues.valuesOf;
  var same = formValues.same;
  var putBack = formValues.putBack;
  var reveal = formValues.reveal;
  var show = formValues.show;

  function isKept(form) {
    return (
      form instanceof HTMLFormElement &&
      (form.getAttribute("method") || "").toLowerCase() === "post" &&
      !form.hasAttribute("data-no-draft") &&
      (form.hasAttribute("data-keep-draft") || form.querySelector("textarea") !== null)
    );
  }

  function keptForms() {
    return Array.prototype.filter.call(document.querySelectorAll("form"), isKept);
  }

  function keyOf(form) {
    var action = form.getAttribute("action");
    if (!action) return PREFIX + window.location.pathname; // not ?minutes=, ?page= and such
    var url = new URL(action, window.location.href);
    return PREFIX + url.pathname + url.search;
  }

  function read(key) {
    if (!store) return null;
    try {
      return JSON.parse(store.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function forget(key) {
    if (store) store.removeItem(key);
  }

  function keep(form) {
    if (!store || !owner || !isKept(form)) return;
    var key = keyOf(form);
    var values = valuesOf(form);
    if (same(values, form.draftBase || {})) {
      // A copy still on offer waits for the person's choice, even if they leave first.
      if (!form.draftOnOffer) forget(key);
      return;
    }
    write(key, { values: values, base: form.draftBase, version: form.draftVersion, at: Date.now() });
  }

  function write(key, draft) {
    try {
      store.setItem(key, JSON.stringify(draft));
    } catch (error) {
      // Storage full: the text is still on the page, and leaving still asks first.
    }
  }

  // Puts a copy back (static/js/form-values.js), then lets autosave and the rest know.
  function restore(form, values) {
    var leftOver = putBack(form, values);
    form.dispatchEvent(new CustomEvent("rebound:restored", { bubbles: true }));
    keepSoon(form);
    return leftOver;
  }

  function notice(form, text, actions, leftOver) {
    var old = form.querySelector("[data-draft-notice]");
    if (old) old.remove();
    var box = document.createElement("div");
    box.className = "message message--info draft-notice";
    box.setAttribute("role", "status");
    box.setAttribute("data-draft-notice", "");
    var words = document.createElement("p");
    words.textContent = text;
    box.appendChild(words);
    if (leftOver && leftOver.length) {
      var extra = document.createElement("pre");
      extra.className = "draft-notice__extra";
      extra.textContent = leftOver.join("\n\n");
      box.appendChild(extra);
    }
    var row = document.createElement("p");
    row.className = "button-row";
    actions.forEach(function (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.textContent = action.label;
      button.addEventListener("click", function () {
        action.run();
        box.remove();
      });
      row.appendChild(button);
    });
    box.appendChild(row);
    form.insertBefore(box, form.firstChild);
    return box;
  }

  var BACK = "What you typed here before is back in the form. It isn't saved yet: save when you're ready.";
  var BACK_UNSENT =
    "What you sent last time may not have been saved, so every word is back in the form. Save it again when you're ready.";

  function offerDraft(form) {
    var key = keyOf(form);
    var draft = read(key);
    if (!draft || !draft.values) return;
    var current = form.draftBase;
    if (same(draft.values, current)) {
      forget(key);
      return;
    }
    var discard = {
      label: "Discard it",
      run: function () {
        form.draftOnOffer = false;
        restore(form, current);
        forget(key);
      },
    };
    var unchanged = Object.keys(form.draftVersion).length
      ? same(draft.version || {}, form.draftVersion)
      : same(draft.base || {}, current);
    var box;
    if (unchanged) {
      var leftOver = restore(form, draft.values);
      box = notice(
        form,
        (draft.unsent ? BACK_UNSENT : BACK) +
          (leftOver.length ? " Some of it had no place in the form, so it's below to copy." : ""),
        [discard],
        leftOver,
      );
    } else {
      form.draftOnOffer = true;
      box = notice(
        form,
        "You typed something here earlier that wasn't saved, and this page has changed since. Nothing has been overwritten.",
        [
          {
            label: "Put back what I typed",
            run: function () {
              form.draftOnOffer = false;
              // As it was typed: against the older save, which the server then refuses
              // with both versions shown, instead of saving over the newer one.
              putVersion(form, draft.version || {});
              form.draftBase = draft.base || {};
              form.draftVersion = draft.version || {};
              restore(form, draft.values);
            },
          },
          discard,
        ],
      );
    }
    show(box);
  }

  function forgetOld() {
    if (!store) return;
    for (var i = store.length - 1; i >= 0; i -= 1) {
      var key = store.key(i);
      if (key && key.indexOf("rebound:draft:") === 0) {
        var draft = read(key);
        if (!draft || Date.now() - (draft.at || 0) > MAX_AGE_MS) forget(key);
      }
    }
  }

  function forgetAll() {
    if (!store) return;
    for (var i = store.length - 1; i >= 0; i -= 1) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) forget(key);
    }
  }

  // The server refused what was sent: errors beside fields, or an old copy (a second tab
  // saved since), which the page says once, above the form.
  function hasErrors(form) {
    return (
      form.querySelector("[aria-invalid=true], .form-errors, .errorlist") !== null ||
      document.querySelector("[data-form-refused]") !== null
    );
  }

  // A plain submit's answer is known only by the page it led to. The server has the text
  // when this page came straight from the submit (it began as the form was sent, from the
  // form's page), signed in, and is where a redirect after the save led, or says it saved
  // (data-draft-saved). The same form back (errors, a question, an old copy) is refused.
  // Anything else keeps the copy, and says so: an error page Rebound's scripts don't run
  // on (a proxy's, the browser's own when the connection drops) leaves the sign for the
  // next page, whatever it is.
  function settlePlainSubmit() {
    var sent = null;
    try {
      var raw = sessionStorage.getItem(SENT);
      sessionStorage.removeItem(SENT);
      sent = JSON.parse(raw);
    } catch (error) {
      return null;
    }
    if (!sent || !sent.key) return null;
    var navigation = performance.getEntriesByType("navigation")[0] || {};
    var straight =
      navigation.type === "navigate" &&
      document.referrer === sent.page &&
      Math.abs(performance.timeOrigin - sent.at) < 2000;
    var answered = owner && !document.body.hasAttribute("data-error-page");
    var landed = document.querySelector("[data-draft-saved]") || (straight && navigation.redirectCount);
    if (answered && landed) {
      forget(sent.key);
      return null;
    }
    var here = keptForms().some(function (form) {
      return keyOf(form) === sent.key;
    });
    if (answered && straight && here) return { key: sent.key, refused: true };
    var draft = read(sent.key);
    if (!draft) return null;
    draft.unsent = true; // so the form says so too, when it is opened again
    write(sent.key, draft);
    return { key: sent.key, page: sent.page, here: here };
  }

  // A form back from the server with errors holds text the server refused: it is not
  // saved, so it keeps the base it had before it was sent. So does a form redrawn by a
  // request that saves nothing (data-draft-unsaved, e.g. "Use this template").
  var carriedBases = {};
  var unsavedSwap = false;

  function start(sent) {
    keptForms().forEach(function (form) {
      if (form.draftBase) return;
      var key = keyOf(form);
      var carried = carriedBases[key];
      var refused = sent && sent.refused && sent.key === key;
      if (hasErrors(form) || refused || (unsavedSwap && carried)) {
        var draft = read(key) || {};
        form.draftBase = carried ? carried.base : draft.base || {};
        form.draftVersion = carried ? carried.version : draft.version || {};
        keep(form);
      } else {
        form.draftBase = valuesOf(form, true);
        form.draftVersion = versionOf(form);
        offerDraft(form);
      }
    });
    carriedBases = {};
    unsavedSwap = false;
  }

  var timer = null;
  function keepSoon(form) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      keep(form);
    }, 300);
  }

  function onEdit(event) {
    var form = event.target.form || event.target.closest("form");
    if (form && isKept(form) && form.draftBase) keepSoon(form);
  }
  document.addEventListener("input", onEdit);
  document.addEventListener("change", onEdit);

  function keepAll() {
    clearTimeout(timer);
    keptForms().forEach(function (form) {
      if (form.draftBase) keep(form);
    });
  }
  window.addEventListener("pagehide", keepAll);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") keepAll();
  });

  // The server has what this form holds now (journal autosave says so).
  function saved(form) {
    form.draftBase = valuesOf(form);
    form.draftVersion = versionOf(form);
    forget(keyOf(form));
  }

  document.addEventListener("rebound:saved", function (event) {
    if (isKept(event.target)) saved(event.target);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-forget-drafts")) {
      forgetAll();
      return;
    }
    if (!isKept(form)) return;
    keep(form);
    if (event.defaultPrevented) return; // htmx sends it; its answer settles the draft
    if (navigator.onLine === false) {
      event.preventDefault();
      document.dispatchEvent(
        new CustomEvent("rebound:offline-submit", { detail: { form: form } }),
      );
      return;
    }
    submitting = true;
    // "at" is on the clock of the answer's performance.timeOrigin (see settlePlainSubmit).
    var sent = { key: keyOf(form), page: location.href.split("#")[0], at: performance.timeOrigin + event.timeStamp };
    try {
      sessionStorage.setItem(SENT, JSON.stringify(sent));
    } catch (error) {
      // No session storage: the copy stays until the person discards it.
    }
  });

  document.addEventListener("htmx:after:request", function (event) {
    var ctx = event.detail && event.detail.ctx;
    var source = ctx && ctx.sourceElement;
    var form = source && (source.form || source.closest("form"));
    if (!form || !ctx.response || ctx.response.status >= 400) return;
    if (ctx.request && ctx.request.method === "GET") return; // a lookup saves nothing
    if (source.closest("[data-draft-unsaved]")) {
      unsavedSwap = true;
      return;
    }
    saved(form);
    // Saved, and the page leaves for where the save led: nothing may keep this form again
    // (a late answer, like the log page's company suggestions, can still change it).
    if (ctx.hx && ctx.hx.redirect) form.setAttribute("data-no-draft", "");
  });

  // Forms swapped in by htmx get the same care.
  document.addEventListener("htmx:before:swap", function () {
    keptForms().forEach(function (form) {
      if (form.draftBase) {
        carriedBases[keyOf(form)] = { base: form.draftBase, version: form.draftVersion };
      }
    });
  });
  document.addEventListener("htmx:after:swap", function () {
    start(null);
  });

  window.addEventListener("beforeunload", function (event) {
    if (submitting) return;
    var unsaved = keptForms().some(function (form) {
      return form.draftBase && !same(valuesOf(form), form.draftBase);
    });
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  window.addEventListener("pageshow", function () {
    submitting = false;
  });

  forgetOld();
  var sent = settlePlainSubmit();
  start(sent);
  if (sent && !sent.refused && !sent.here) {
    // Not the form's page: rebound.js says so at the top, with the way back to it.
    document.dispatchEvent(new CustomEvent("rebound:unsent", { detail: { page: sent.page } }));
  }
})();
