// Settings: copy the private calendar address, and say whether it worked. Without
// JavaScript the address is still there to select and copy by hand.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-address]");
    if (!button) return;
    var field = document.getElementById(button.dataset.copyAddress);
    var status = document.querySelector("[data-copy-address-status]");
    function say(text) {
      if (status) status.textContent = text;
    }
    function selectIt() {
      field.focus();
      field.select();
    }
    if (!navigator.clipboard) {
      selectIt();
      say("The address is selected. Copy it with your keyboard or menu.");
      return;
    }
    navigator.clipboard.writeText(field.value).then(
      function () {
        say("Copied. Paste it into your calendar app.");
      },
      function () {
        selectIt();
        say("Copying didn't work here. The address is selected: copy it with your keyboard or menu.");
      }
    );
  });
})();
