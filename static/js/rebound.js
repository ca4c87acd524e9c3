// Site-wide behaviour, hooked in by data attributes (the CSP forbids inline script).
(function () {
  "use strict";

  // Lets the stylesheet show controls that need JavaScript, and hide their fallbacks.
  document.documentElement.classList.add("js");

  // htmx never replaces a page with an error page mid-entry: the config in base.html
  // leaves 5xx answers unswapped, and this says, calmly, what happened, while everything
  // the person typed stays where it is.
  function say(text) {
    var region = document.getElementById("messages");
    if (!region) return;
    var message = document.createElement("p");
    message.className = "message message--warning";
    message.textContent = text;
    region.replaceChildren(message);
  }

  document.addEventListener("htmx:response:error", function (event) {
    var ctx = event.detail && event.detail.ctx;
    if (ctx && ctx.response && ctx.response.status >= 500) {
      say("Something went wrong on our side, so that wasn't saved. What you typed is still here. Please try again in a moment.");
    }
  });

  document.addEventListener("htmx:error", function () {
    say("We couldn't reach Rebound, so that wasn't saved. What you typed is still here. Check your connection and try again.");
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
