// A one-minute breathing exercise: in for four, out for six, six times. The circle grows
// and shrinks only when motion is welcome; the words change either way.
(function () {
  "use strict";

  var box = document.querySelector("[data-breathe]");
  if (box) {
    var circle = box.querySelector(".breathe__circle");
    var label = box.querySelector("[data-breathe-label]");
    var status = box.querySelector("[data-breathe-status]");
    var startButton = box.querySelector("[data-breathe-start]");
    var stopButton = box.querySelector("[data-breathe-stop]");
    var timers = [];
    var BREATHS = 6;
    var IN_MS = 4000;
    var OUT_MS = 6000;

    var phase = function (text, className) {
      label.textContent = text;
      circle.classList.remove("is-in", "is-out");
      if (className) circle.classList.add(className);
    };

    var stop = function (message) {
      timers.forEach(clearTimeout);
      timers = [];
      phase(message || "Ready when you are", null);
      status.textContent = message || "";
      startButton.hidden = false;
      stopButton.hidden = true;
    };

    startButton.addEventListener("click", function () {
      startButton.hidden = true;
      stopButton.hidden = false;
      status.textContent = "Breathing exercise started: in for four, out for six.";
      for (var n = 0; n < BREATHS; n += 1) {
        var at = n * (IN_MS + OUT_MS);
        timers.push(setTimeout(phase, at, "Breathe in", "is-in"));
        timers.push(setTimeout(phase, at + IN_MS, "Breathe out", "is-out"));
      }
      timers.push(setTimeout(stop, BREATHS * (IN_MS + OUT_MS), "Well done. Notice how you feel."));
    });
    stopButton.addEventListener("click", function () {
      stop("Stopped. That's fine; come back any time.");
    });
  }
})();
