// Journal autosave: nothing typed is ever lost.
//
// - Saves about two seconds after typing pauses, and when a field loses focus.
// - Each save carries the version it started from; the server refuses a stale one (409),
//   and this page then asks the server for its conflict view: both texts side by side,
//   and the person chooses what to keep. Nothing is overwritten without asking.
// - When the server can't be reached (autosave, or Next, Back and Finish), the text stays
//   here, the status says so, and the save is retried until it lands. Until then
//   drafts.js keeps a copy on this device; leaving with unsaved text asks first.
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

  function writer() {
    return document.querySelector("form[data-autosave]");
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
        return response.json().then(function (data) {
          return { status: response.status, data: data };
        });
      })
      .then(function (result) {
        retries = 0;
        if (result.status === 200) {
          var version = form.querySelector("[data-version]");
          if (version) version.value = result.data.version;
          dirty = changesSinceSend > 0;
          if (!dirty) form.dispatchEvent(new CustomEvent("rebound:saved", { bubbles: true }));
          adoptUrl(form, result.data.url);
          status(dirty ? "Saving soon…" : "Saved at " + result.data.saved_at);
          if (dirty) schedule(PAUSE_MS);
        } else if (result.status === 409) {
          blocked = true;
          conflicted = true;
          status(result.data.error);
        } else if (result.status === 422) {
          status("This couldn't be saved: please check the highlighted answers, then save again.");
        } else {
          throw new Error("status " + result.status);
        }
      })
      .catch(retryLater)
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

  function retryLater() {
    var delay = RETRY_MS[Math.min(retries, RETRY_MS.length - 1)];
    retries += 1;
    dirty = true;
    status(
      navigator.onLine === false
        ? "Not saved yet: you're offline. Your text is safe on this page and this device. It will save when you're back online."
        : "Not saved yet: Rebound can't be reached. Your text is safe on this page. Trying again…",
    );
    schedule(delay);
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
      retryLater();
    }
  });

  document.addEventListener("htmx:error", function (event) {
    var ctx = event.detail && event.detail.ctx;
    if (writer() && ctx && ctx.sourceElement === writer()) retryLater();
  });

  document.addEventListener("htmx:finally:request", function () {
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
    if (writer() && (dirty || inFlight)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // A plain form submit (no htmx) is the person choosing to leave: don't warn them.
  document.addEventListener("submit", function (event) {
    if (event.target === writer()) dirty = false;
  });

  // Guide links start one question at a time when JavaScript is on.
  document.querySelectorAll("a[data-one-at-a-time]").forEach(function (link) {
    var url = new URL(link.href);
    url.searchParams.set("step", "1");
    link.href = url.toString();
  });
})();
