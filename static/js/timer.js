// The timed strengths exercise: a gentle timer that can be paused, extended, or ended
// early. When time is up the list is saved; nothing typed is thrown away.
(function () {
  "use strict";

  var form = document.querySelector("form[data-timer]");
  if (!form) return;
  var display = form.querySelector("[data-timer-display]");
  var status = form.querySelector("[data-timer-status]");
  var startButton = form.querySelector("[data-timer-start]");
  var pauseButton = form.querySelector("[data-timer-pause]");
  var extendButton = form.querySelector("[data-timer-extend]");
  var remaining = Number(form.dataset.seconds) || 600;
  var ticking = null;

  function show() {
    var minutes = Math.floor(remaining / 60);
    var seconds = String(remaining % 60).padStart(2, "0");
    display.textContent = minutes + ":" + seconds;
  }

  function tick() {
    remaining -= 1;
    show();
    if (remaining <= 0) {
      stop();
      status.textContent = "Time's up. Saving your list…";
      form.requestSubmit();
    }
  }

  function start() {
    if (ticking) return;
    ticking = setInterval(tick, 1000);
    startButton.hidden = true;
    pauseButton.hidden = false;
    extendButton.hidden = false;
    pauseButton.textContent = "Pause";
    status.textContent = "The timer is running. Write whatever comes.";
    var box = form.querySelector("textarea");
    if (box) box.focus();
  }

  function stop() {
    clearInterval(ticking);
    ticking = null;
  }

  startButton.addEventListener("click", start);
  pauseButton.addEventListener("click", function () {
    if (ticking) {
      stop();
      pauseButton.textContent = "Carry on";
      status.textContent = "Paused. Take your time.";
    } else {
      start();
    }
  });
  extendButton.addEventListener("click", function () {
    remaining += 300;
    show();
    status.textContent = "Five more minutes added.";
  });
  show();
})();
