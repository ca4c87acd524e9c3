// Setting up an authenticator app: copy the setup key, and say whether it worked.
// Without JavaScript the button stays hidden (js-only) and the key is plain text to select.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-key]");
    if (!button) return;
    var key = document.getElementById(button.dataset.copyKey);
    if (!key) return;
    var status = document.querySelector("[data-copy-key-status]");
    var text = key.textContent.replace(/\s+/g, "");
    function say(words) {
      if (status) status.textContent = words;
    }
    function selectIt() {
      var range = document.createRange();
      range.selectNodeContents(key);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    if (!navigator.clipboard) {
      selectIt();
      say("The key is selected. Copy it with your keyboard or menu.");
      return;
    }
    navigator.clipboard.writeText(text).then(
      function () {
        say("Copied. Paste it into your authenticator app.");
      },
      function () {
        selectIt();
        say("Copying didn't work here. The key is selected: copy it with your keyboard or menu.");
      }
    );
  });
})();
