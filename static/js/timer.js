// The timed strengths exercise: a gentle timer that can be paused, extended, or ended
// early. When time is up the list is saved; nothing typed is thrown away. An empty list
// is not sent (the server would only ask for one): the timer says so and can start again.
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
      var box = form.querySelector("textarea");
      if (box && !box.value.trim()) {
        status.textContent = "Time's up. The list is empty, so nothing was sent and nothing is lost. Start again whenever you like.";
        startButton.textContent = "Start again";
        startButton.hidden = false;
        pauseButton.hidden = true;
        extendButton.hidden = true;
        return;
      }
      status.textContent = "Time's up. Saving your list…";
      form.requestSubmit();
    }
  }

  function start() {
    if (ticking) return;
    if (remaining <= 0) {
      remaining = Number(form.dataset.seconds) || 600;
      show();
    }
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
