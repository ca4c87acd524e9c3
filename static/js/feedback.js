// Feedback drafts: a live word count, and the contact's name put into the message.
// (Copying the message is copy.js.)
(function () {
  "use strict";

  function countWords(text) {
    var words = text.trim().split(/\s+/).filter(Boolean);
    return words.length;
  }

  document.addEventListener("input", function (event) {
    if (!event.target.matches("[data-word-count]")) return;
    var display = event.target.form.querySelector("[data-word-count-display]");
    if (display) {
      display.textContent = countWords(event.target.value) + " words. Under about 150 is easiest to answer.";
    }
  });

  // The contact's name goes into the message as soon as it is known, in place of
  // "[their name]" (or of the name put there before); nothing else in the message changes.
  document.addEventListener("change", function (event) {
    if (event.target.name !== "contact_name" || !event.target.form) return;
    var message = event.target.form.querySelector("textarea[name=message]");
    var name = event.target.value.trim();
    if (!message || !name) return;
    var before = message.dataset.theirName || "[their name]";
    if (message.value.indexOf(before) === -1) return;
    message.value = message.value.split(before).join(name);
    message.dataset.theirName = name;
    message.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
