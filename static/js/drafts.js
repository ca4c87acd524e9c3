// Drafts kept on this device, so nothing typed is lost to navigation, a reload, a lost
// connection or a server error.
//
// - Every form that posts text (it has a textarea, or data-keep-draft) keeps a copy of
//   what is typed in localStorage, under the signed-in person's id and the form's address.
// - The copy goes as soon as the server has the text: after a successful htmx answer,
//   after an autosave (the form fires "rebound:saved"), or when a plain submit leads to
//   any page other than the same form with errors. Logging out removes every copy.
// - A page that opens with a copy the form doesn't hold puts it back and says so, with a
//   way to discard it. If the saved text changed meanwhile (a second tab), nothing is
//   overwritten: the person is asked first.
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
  var SKIPPED_TYPES = ["hidden", "password", "file", "submit", "button", "reset", "image"];
  var submitting = false;

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
    var action = form.getAttribute("action") || window.location.pathname;
    return PREFIX + new URL(action, window.location.href).pathname;
  }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return (
        field.name &&
        field.name !== "csrfmiddlewaretoken" &&
        SKIPPED_TYPES.indexOf(field.type) === -1
      );
    });
  }

  // What the form holds now, or (asServed) what the server sent: a browser may put back
  // what was typed before a reload, and that is not saved.
  function valuesOf(form, asServed) {
    var values = {};
    fieldsOf(form).forEach(function (field) {
      var list = values[field.name] || (values[field.name] = []);
      if (field.type === "checkbox" || field.type === "radio") {
        if (asServed ? field.defaultChecked : field.checked) list.push(field.value);
      } else if (field.tagName === "SELECT") {
        var chosen = Array.prototype.filter.call(field.options, function (option) {
          return asServed ? option.defaultSelected : option.selected;
        });
        if (asServed && !chosen.length && field.type === "select-one" && field.options.length) {
          chosen = [field.options[0]];
        }
        chosen.forEach(function (option) {
          list.push(option.value);
        });
      } else {
        list.push(asServed ? field.defaultValue : field.value);
      }
    });
    return values;
  }

  function same(a, b) {
    var names = Object.keys(a).concat(Object.keys(b));
    return names.every(function (name) {
      return JSON.stringify(a[name] || []) === JSON.stringify(b[name] || []);
    });
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
    if (!store || !owner) return;
    var key = keyOf(form);
    var values = valuesOf(form);
    if (same(values, form.draftBase || {})) {
      forget(key);
      return;
    }
    try {
      store.setItem(key, JSON.stringify({ values: values, base: form.draftBase, at: Date.now() }));
    } catch (error) {
      // Storage full: the text is still on the page, and leaving still asks first.
    }
  }

  // Puts values back. Text fields fire "input" (autosave and word counts follow); choices
  // fire no "change", which could set off requests (htmx) the person never asked for.
  // The form then fires "rebound:restored".
  function restore(form, values) {
    var seen = {};
    var leftOver = [];
    Object.keys(values).forEach(function (name) {
      if (!form.elements.namedItem(name)) leftOver = leftOver.concat(values[name].filter(Boolean));
    });
    fieldsOf(form).forEach(function (field) {
      if (!(field.name in values)) return;
      var list = values[field.name];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = list.indexOf(field.value) !== -1;
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = list.indexOf(option.value) !== -1;
        });
      } else {
        var index = seen[field.name] || 0;
        seen[field.name] = index + 1;
        if (index < list.length && field.value !== list[index]) {
          field.value = list[index];
          field.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
    });
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
  }

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
        restore(form, current);
        forget(key);
      },
    };
    if (same(draft.base || {}, current)) {
      var leftOver = restore(form, draft.values);
      notice(
        form,
        "What you typed here before is back in the form. It isn't saved yet: save when you're ready." +
          (leftOver.length ? " Some of it had no place in the form, so it's below to copy." : ""),
        [discard],
        leftOver,
      );
    } else {
      notice(
        form,
        "You typed something here earlier that wasn't saved, and this page has changed since. Nothing has been overwritten.",
        [
          {
            label: "Put back what I typed",
            run: function () {
              restore(form, draft.values);
            },
          },
          discard,
        ],
      );
    }
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

  // A plain submit led to this page: unless it is an error page, or the same form back
  // with errors, the server has the text.
  function settlePlainSubmit(forms) {
    var sentKey = window.sessionStorage && sessionStorage.getItem(SENT);
    if (!sentKey) return;
    sessionStorage.removeItem(SENT);
    var navigation = (performance.getEntriesByType("navigation")[0] || {}).type;
    if (navigation !== "navigate" || document.body.hasAttribute("data-error-page")) return;
    var refused = forms.some(function (form) {
      return keyOf(form) === sentKey && hasErrors(form);
    });
    if (!refused) forget(sentKey);
  }

  // A form back from the server with errors holds text the server refused: it is not
  // saved, so it keeps the base it had before it was sent. So does a form redrawn by a
  // request that saves nothing (data-draft-unsaved, e.g. "Use this template").
  var carriedBases = {};
  var unsavedSwap = false;

  function start(root) {
    var forms = keptForms().filter(function (form) {
      return !form.draftBase && (!root || root.contains(form));
    });
    forms.forEach(function (form) {
      var key = keyOf(form);
      if (hasErrors(form) || (unsavedSwap && carriedBases[key])) {
        var draft = read(key);
        form.draftBase = carriedBases[key] || (draft && draft.base) || {};
        keep(form);
      } else {
        form.draftBase = valuesOf(form, true);
        offerDraft(form);
      }
    });
    carriedBases = {};
    unsavedSwap = false;
    return forms;
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
  document.addEventListener("rebound:saved", function (event) {
    var form = event.target;
    if (!isKept(form)) return;
    form.draftBase = valuesOf(form);
    forget(keyOf(form));
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
    if (window.sessionStorage) sessionStorage.setItem(SENT, keyOf(form));
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
    form.draftBase = valuesOf(form);
    forget(keyOf(form));
  });

  // Forms swapped in by htmx get the same care.
  document.addEventListener("htmx:before:swap", function () {
    keptForms().forEach(function (form) {
      if (form.draftBase) carriedBases[keyOf(form)] = form.draftBase;
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
  settlePlainSubmit(start(null));
})();
