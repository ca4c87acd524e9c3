// Site-wide behaviour, hooked in by data attributes (the CSP forbids inline script).
(function () {
  "use strict";

  // Lets the stylesheet show controls that need JavaScript, and hide their fallbacks.
  document.documentElement.classList.add("js");

  // A round logged with no connection waits on this device (outbox.js). The log page
  // loads that script itself; any other page fetches it only while a round is waiting,
  // to say so and to send it when the connection returns.
  document.addEventListener("DOMContentLoaded", function () {
    var source = document.body.dataset.outboxScript;
    if (!source || document.querySelector('script[src="' + source + '"]') || !roundsWaiting()) return;
    var script = document.createElement("script");
    script.src = source;
    document.head.appendChild(script);
  });

  function roundsWaiting() {
    var prefix = "rebound:draft:" + document.body.dataset.draftOwner + ":outbox:"; // outbox.js's
    try {
      for (var i = 0; i < window.localStorage.length; i += 1) {
        if ((window.localStorage.key(i) || "").indexOf(prefix) === 0) return true;
      }
    } catch (error) {
      return false; // no storage: nothing can be waiting
    }
    return false;
  }

  // Which answers htmx swaps in is set once, in base.html's htmx-config. With DEBUG on,
  // django-htmx's debug script adds "4xx" and "5xx" to it, which would hide every 422
  // form-with-errors answer under `make run`: put the project's own list back.
  var configMeta = document.querySelector('meta[name="htmx-config"]');
  if (window.htmx && configMeta) {
    htmx.config.noSwap = JSON.parse(configMeta.content).noSwap;
  }

  // When a request fails, say so calmly where the person is looking (beside the form they
  // sent), and keep everything they typed where it is.
  function say(text, near) {
    var form = near && near.closest ? near.closest("form") : null;
    var element;
    if (form) {
      element = form.querySelector("[data-request-status]");
      if (!element) {
        element = document.createElement("p");
        element.className = "message message--warning request-status";
        element.setAttribute("role", "alert");
        element.setAttribute("data-request-status", "");
        var actions = near.closest(".button-row, .form-actions, .writer__actions, .walkthrough__actions");
        if (actions && form.contains(actions)) {
          actions.parentNode.insertBefore(element, actions);
        } else {
          form.appendChild(element);
        }
      }
    } else {
      element = document.getElementById("messages");
      if (!element) return;
      var message = document.createElement("p");
      message.className = "message message--warning";
      element.replaceChildren(message);
      element = message;
    }
    element.textContent = text;
    if (element.scrollIntoView) element.scrollIntoView({ block: "center" });
  }

  function unsay(near) {
    var form = near && near.closest ? near.closest("form") : null;
    var element = form && form.querySelector("[data-request-status]");
    if (element) element.remove();
  }

  var KEPT = " What you typed is still here.";
  var FAILURES = {
    403: "That wasn't saved: your session may have ended, or this page is out of date." + KEPT + " Log in again in another tab, then try again.",
    404: "That wasn't saved: this may have been deleted in another tab." + KEPT + " You can copy it from here.",
    413: "That's too much to save in one go." + KEPT + " Try saving a shorter part.",
    429: "That wasn't saved: there were a lot of tries in a short time." + KEPT + " Please wait a minute, then try again.",
  };
  var SERVER_ERROR = "Something went wrong on our side, so that wasn't saved." + KEPT + " Please try again in a moment.";
  var OTHER_ERROR = "That couldn't be saved." + KEPT + " Please try again.";
  var UNREACHABLE = "We couldn't reach Rebound, so that wasn't saved." + KEPT + " Check your connection, then try again.";
  var OFFLINE = "You're offline, so that wasn't sent. What you typed is still here, and kept on this device. Try again when you're back online.";

  // Captured at the window, before django-htmx's debug handler (DEBUG only) can replace
  // the whole page, and everything typed on it, with an error page.
  window.addEventListener(
    "htmx:response:error",
    function (event) {
      event.stopPropagation();
      var ctx = event.detail && event.detail.ctx;
      var status = ctx && ctx.response ? ctx.response.status : 0;
      if (status === 409 || status === 422) return; // the answer itself says what to do
      say(status >= 500 ? SERVER_ERROR : FAILURES[status] || OTHER_ERROR, ctx && ctx.sourceElement);
    },
    true,
  );

  document.addEventListener("htmx:error", function (event) {
    var ctx = event.detail && event.detail.ctx;
    say(navigator.onLine === false ? OFFLINE : UNREACHABLE, ctx && ctx.sourceElement);
  });

  document.addEventListener("htmx:after:request", function (event) {
    var ctx = event.detail && event.detail.ctx;
    var lookup = ctx && ctx.request && ctx.request.method === "GET";
    if (ctx && ctx.response && ctx.response.status < 400 && !lookup) unsay(ctx.sourceElement);
  });

  // Saved after all, by a later try (journal.js's autosave): what was said is past.
  document.addEventListener("rebound:saved", function (event) {
    unsay(event.target);
  });

  // A slow connection: a form being sent can't be sent twice, and after a moment the
  // person is told it is still on its way.
  var SLOW_MS = 1500;
  var SLOW = "Still sending: the connection seems slow. Everything you typed stays here.";

  function sending(form, near) {
    form.setAttribute("aria-busy", "true");
    form.querySelectorAll("[type=submit]").forEach(function (button) {
      button.disabled = true;
    });
    form.slowTimer = setTimeout(function () {
      say(SLOW, near);
    }, SLOW_MS);
  }

  function sent(form) {
    clearTimeout(form.slowTimer);
    form.removeAttribute("aria-busy");
    form.querySelectorAll("[type=submit]").forEach(function (button) {
      button.disabled = false;
    });
  }

  document.addEventListener("htmx:before:request", function (event) {
    var ctx = event.detail && event.detail.ctx;
    var source = ctx && ctx.sourceElement;
    var form = source && source.closest ? source.closest("form") : null;
    if (form && ctx.request && ctx.request.method !== "GET") {
      ctx.sendingForm = form;
      sending(form, source);
    }
  });

  document.addEventListener("htmx:finally:request", function (event) {
    var ctx = event.detail && event.detail.ctx;
    if (ctx && ctx.sendingForm) sent(ctx.sendingForm);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    // Checked once every handler has had its say: htmx and drafts.js may hold it back.
    setTimeout(function () {
      if (!event.defaultPrevented) sending(form, event.submitter || form);
    }, 0);
  });

  // Back to a page kept in the browser's memory: its forms can be sent again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[aria-busy]").forEach(sent);
  });

  // Another script's word about a form it holds back (outbox.js), said the same way.
  document.addEventListener("rebound:say", function (event) {
    say(event.detail.text, event.target);
  });

  // drafts.js stops a plain form from being sent while offline (the browser would show
  // its own error page instead of the form).
  document.addEventListener("rebound:offline-submit", function (event) {
    say(OFFLINE, event.detail.form.querySelector("[type=submit]") || event.detail.form);
  });

  // drafts.js found that what was sent from another page may not have been saved (its
  // answer was an error page, or never came): the words are kept, and this is the way back.
  document.addEventListener("rebound:unsent", function (event) {
    say("What you sent may not have been saved. Every word you typed is kept on this device. ");
    var link = document.createElement("a");
    link.href = event.detail.page;
    link.textContent = "Go back to it";
    document.querySelector("#messages .message").appendChild(link);
  });

  // Going offline is said once, quietly, at the top of the page.
  function connection() {
    var banner = document.querySelector("[data-offline-banner]");
    if (banner) banner.hidden = navigator.onLine !== false;
  }
  window.addEventListener("online", connection);
  window.addEventListener("offline", connection);
  connection();

  // After a swap that replaces what the person was reading (e.g. "Show me others"), focus
  // goes to the new content instead of dropping to the page body.
  document.addEventListener("htmx:after:swap", function (event) {
    var target = event.detail && event.detail.ctx && event.detail.ctx.target;
    var spot = target && target.querySelector && target.querySelector("[data-focus-after-swap]");
    if (spot) spot.focus();
  });

  // "Print" buttons (data-print-button); what printing leaves out is data-print-hide, in CSS.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print-button]")) window.print();
  });

  // Burning a vent (templates/confirm_delete.html): a short fade, unless the person prefers less motion.
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-burn]");
    if (!form || form.dataset.burning) return;
    var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (reduce) return;
    event.preventDefault();
    form.dataset.burning = "1";
    var target = document.querySelector("[data-burn-target]");
    if (target) target.classList.add("is-burning");
    setTimeout(function () {
      form.submit();
    }, 900);
  });

  // Quick picks for a date field: <div data-quick-dates="field-id"><button data-days="7">.
  function isoDate(date) {
    var month = String(date.getMonth() + 1).padStart(2, "0");
    var day = String(date.getDate()).padStart(2, "0");
    return date.getFullYear() + "-" + month + "-" + day;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-quick-dates] [data-days]");
    if (!button) return;
    var input = document.getElementById(button.closest("[data-quick-dates]").dataset.quickDates);
    if (!input) return;
    var date = new Date();
    date.setDate(date.getDate() + Number(button.dataset.days));
    input.value = isoDate(date);
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
})();
