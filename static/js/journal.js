// Journal autosave: nothing typed is ever lost.
//
// - Saves about two seconds after typing pauses, and when a field loses focus.
// - Each save carries the version it started from; the server refuses a stale one (409),
//   and this page then asks the server for its conflict view: both texts side by side,
//   and the person chooses what to keep. Nothing is overwritten without asking.
// - When the server can't be reached or answers with an error (autosave, or Next, Back
//   and Finish), the text stays here, the status says which, and the save is retried until
//   it lands. Until then drafts.js keeps a copy on this device; leaving with unsaved text,
//   or from the conflict view, asks first.
// - A save refused for what is in it (422) says why beside each field it is about.
(function () {
  "use strict";

  var PAUSE_MS = 2000;
  var RETRY_MS = [3000, 5000, 10000, 20000, 30000];

  var timer = null;
  var inFlight = null;
  var dirty = false;
  var changesSinceSend = 0;
  var blocked = false;
  var retries = 0;
  var waitingSubmit = null;
  var conflicted = false;
  var choosing = false;

  function writer() {
    return document.querySelector("form[data-autosave]");
  }

  // Both texts side by side: until the person chooses, their words are on this page only.
  function conflictView() {
    return document.querySelector("form[data-conflict]");
  }

  function status(text) {
    var element = document.querySelector("[data-autosave-status]");
    if (element) element.textContent = text;
  }

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }

  function adoptUrl(form, url) {
    // The first save created the entry: from now on, save to (and reload) its own address.
    if (!url || form.getAttribute("action") === url) return;
    var step = new URLSearchParams(window.location.search).get("step");
    form.setAttribute("action", url);
    form.setAttribute("hx-post", url);
    var links = form.querySelector("input[name=links]");
    if (links) links.remove();
    window.history.replaceState(window.history.state, "", step ? url + "?step=" + step : url);
  }

  function save() {
    var form = writer();
    clearTimeout(timer);
    if (!form || blocked || !dirty) return;
    if (inFlight) {
      schedule(PAUSE_MS);
      return;
    }
    changesSinceSend = 0;
    status("Saving…");
    inFlight = fetch(form.getAttribute("action"), {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Autosave": "1", "X-CSRFToken": csrfToken(form) },
    })
      .then(function (response) {
        // An error page from a proxy, or Django's own, is not JSON.
        return response.json().then(
          function (data) {
            return { status: response.status, data: data };
          },
          function () {
            return { status: response.status, data: {} };
          },
        );
      })
      .then(function (result) {
        retries = 0;
        if (result.status === 200) {
          var version = form.querySelector("[data-version]");
          if (version) version.value = result.data.version;
          dirty = changesSinceSend > 0;
          showErrors(form, {});
          if (!dirty) form.dispatchEvent(new CustomEvent("rebound:saved", { bubbles: true }));
          adoptUrl(form, result.data.url);
          status(dirty ? "Saving soon…" : "Saved at " + result.data.saved_at);
          if (dirty) schedule(PAUSE_MS);
        } else if (result.status === 409) {
          blocked = true;
          conflicted = true;
          status(result.data.error);
        } else if (result.status === 422 && result.data.errors) {
          status(refusal(showErrors(form, result.data.errors)));
        } else {
          retryLater(result.status);
        }
      })
      .catch(function () {
        retryLater(0);
      })
      .finally(function () {
        inFlight = null;
        if (conflicted) {
          // Ask for the conflict view: the same form, sent as a step, answers 409 with
          // both texts side by side.
          conflicted = false;
          waitingSubmit = null;
          form.requestSubmit();
        } else if (waitingSubmit) {
          var pending = waitingSubmit;
          waitingSubmit = null;
          pending.form.requestSubmit(pending.submitter || undefined);
        }
      });
  }

  // code: the answer's status, or 0 when none came (offline, or the connection failed).
  function retryLater(code) {
    var delay = RETRY_MS[Math.min(retries, RETRY_MS.length - 1)];
    retries += 1;
    dirty = true;
    var why = code >= 500 ? "something went wrong on our side" : "Rebound couldn't take it just now";
    status(
      navigator.onLine === false
        ? "Not saved yet: you're offline. Your text is safe on this page and this device. It will save when you're back online."
        : code
          ? "Not saved yet: " + why + ". Your text is safe on this page. Trying again…"
          : "Not saved yet: Rebound can't be reached. Your text is safe on this page. Trying again…",
    );
    schedule(delay);
  }

  // A refused autosave's reasons, beside the fields they are about, as the server's own
  // page would show them (id_<name>_autosave_error). Returns the fields' labels.
  function showErrors(form, errors) {
    form.querySelectorAll("[data-autosave-error]").forEach(function (list) {
      var field = document.getElementById(list.dataset.autosaveError);
      if (field) {
        field.removeAttribute("aria-invalid");
        var described = (field.getAttribute("aria-describedby") || "").replace(list.id, "").trim();
        if (described) field.setAttribute("aria-describedby", described);
        else field.removeAttribute("aria-describedby");
      }
      list.remove();
    });
    var labels = [];
    Object.keys(errors).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (!field || !field.id) return; // a group of choices has no one place: the status says it
      var list = document.createElement("ul");
      list.className = "errorlist";
      list.id = field.id + "_autosave_error";
      list.dataset.autosaveError = field.id;
      errors[name].forEach(function (message) {
        var item = document.createElement("li");
        item.textContent = message;
        list.appendChild(item);
      });
      field.parentNode.insertBefore(list, field);
      field.setAttribute("aria-invalid", "true");
      field.setAttribute(
        "aria-describedby",
        ((field.getAttribute("aria-describedby") || "") + " " + list.id).trim(),
      );
      var label = form.querySelector('label[for="' + field.id + '"]');
      if (label) labels.push("“" + label.firstChild.textContent.trim() + "”");
    });
    return labels;
  }

  function refusal(labels) {
    var which = "something in it needs another look";
    if (labels.length === 1) which = labels[0] + " needs another look (the note beside it says why)";
    if (labels.length > 1) which = labels.join(" and ") + " need another look (the notes beside them say why)";
    return "Not saved yet: " + which + ". Everything you wrote is still here.";
  }

  window.addEventListener("online", function () {
    if (writer() && dirty && !blocked) save();
  });

  document.addEventListener("input", function (event) {
    var form = writer();
    if (!form || !form.contains(event.target) || blocked) return;
    dirty = true;
    changesSinceSend += 1;
    schedule(PAUSE_MS);
  });

  document.addEventListener("change", function (event) {
    var form = writer();
    if (form && form.contains(event.target) && event.target.type === "radio" && !blocked) {
      dirty = true;
      changesSinceSend += 1;
      schedule(300);
    }
  });

  // drafts.js put back text from this device that the server doesn't have yet: save it.
  document.addEventListener("rebound:restored", function (event) {
    if (event.target === writer() && !blocked) {
      dirty = true;
      changesSinceSend += 1;
      schedule(PAUSE_MS);
    }
  });

  document.addEventListener("focusout", function (event) {
    var form = writer();
    if (form && form.contains(event.target) && dirty) save();
  });

  // Step navigation and "Finish" post the whole form through htmx. Let any save in
  // flight land first, so the form carries the newest version and no tab refuses itself.
  // The text stays "unsaved" until the server answers that it has it: a step sent while
  // offline, or answered with a server error, is retried by autosave.
  document.addEventListener("htmx:before:request", function (event) {
    var form = writer();
    var ctx = event.detail && event.detail.ctx;
    if (!form || !ctx || ctx.sourceElement !== form) return;
    clearTimeout(timer);
    if (inFlight) {
      event.preventDefault();
      waitingSubmit = { form: form, submitter: ctx.request && ctx.request.submitter };
      return;
    }
    changesSinceSend = 0;
    form.querySelectorAll("textarea, input[type=text]").forEach(function (field) {
      field.readOnly = true;
    });
  });

  document.addEventListener("htmx:after:request", function (event) {
    var form = writer();
    var ctx = event.detail && event.detail.ctx;
    if (!form || !ctx || ctx.sourceElement !== form || !ctx.response) return;
    if (ctx.response.status < 400) {
      retries = 0;
      dirty = changesSinceSend > 0;
    } else if (ctx.response.status >= 500) {
      retryLater(ctx.response.status);
    }
  });

  document.addEventListener("htmx:error", function (event) {
    var ctx = event.detail && event.detail.ctx;
    if (writer() && ctx && ctx.sourceElement === writer()) retryLater(0);
  });

  document.addEventListener("htmx:finally:request", function () {
    choosing = false; // a choice that didn't go through leaves the conflict view as it was
    var form = writer();
    if (!form) return;
    form.querySelectorAll("textarea, input[type=text]").forEach(function (field) {
      field.readOnly = false;
    });
  });

  // A new writer swapped in (the next step, or the entry after a conflict is settled)
  // starts from what the server just sent.
  document.addEventListener("htmx:after:swap", function () {
    var form = writer();
    if (form && !form.dataset.started) {
      form.dataset.started = "1";
      blocked = false;
      dirty = false;
      retries = 0;
    }
  });
  if (writer()) writer().dataset.started = "1";

  window.addEventListener("beforeunload", function (event) {
    if ((writer() && (dirty || inFlight)) || (conflictView() && !choosing)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // A plain form submit (no htmx) is the person choosing to leave, and a button in the
  // conflict view is their choice: don't warn them.
  document.addEventListener("submit", function (event) {
    if (event.target === writer()) dirty = false;
    if (event.target === conflictView()) choosing = true;
  });

  // Guide links start one question at a time when JavaScript is on.
  document.querySelectorAll("a[data-one-at-a-time]").forEach(function (link) {
    var url = new URL(link.href);
    url.searchParams.set("step", "1");
    link.href = url.toString();
  });
})();
