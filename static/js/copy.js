// Copy buttons, one way everywhere: the feedback message, the private calendar address,
// the authenticator key. A button names what it copies (data-copy: the id of an input or
// of an element holding the text) and what to do next once copied (data-copied); the
// status line with the same data-copy-status says whether it worked. Without JavaScript
// the buttons stay hidden (js-only) and the text is there to select and copy by hand.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.dataset.copy);
    if (!source) return;
    var status = document.querySelector('[data-copy-status="' + button.dataset.copy + '"]');
    var isField = "value" in source;
    function say(words) {
      if (status) status.textContent = words;
    }
    function selectIt() {
      if (isField) {
        source.focus();
        source.select();
        return;
      }
      var range = document.createRange();
      range.selectNodeContents(source);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    }
    function selectInstead(before) {
      selectIt();
      say(before + "It's selected: copy it with your keyboard or menu.");
    }
    if (!navigator.clipboard) {
      selectInstead("");
      return;
    }
    navigator.clipboard.writeText(isField ? source.value : source.textContent).then(
      function () {
        say(button.dataset.copied || "Copied.");
      },
      function () {
        selectInstead("Copying didn't work here. ");
      }
    );
  });
})();
