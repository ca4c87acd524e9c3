// Site-wide behaviour. htmx never replaces a page with an error page mid-entry: the
// config in base.html leaves 5xx answers unswapped, and this file says, calmly, what
// happened, while everything the person typed stays where it is.
(function () {
  "use strict";

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
})();
