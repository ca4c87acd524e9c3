// The person's time zone, from their device: filled in at sign-up (shown, changeable), and
// offered once to people whose account still has a zone they never chose. Nothing changes
// without a click; without JavaScript, Settings has the same choice.
(function () {
  "use strict";

  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  if (!zone) return;

  function offers(select) {
    return Array.prototype.some.call(select.options, function (option) {
      return option.value === zone;
    });
  }

  document.querySelectorAll("select[data-detect-time-zone]").forEach(function (select) {
    if (!select.form || select.form.querySelector(".errorlist")) return; // keep their choice
    if (offers(select)) select.value = zone;
  });

  var offer = document.querySelector("form[data-time-zone-offer]");
  if (offer && zone !== offer.dataset.current) {
    offer.querySelector("[data-zone-name]").textContent = zone.replace(/_/g, " ");
    offer.querySelector("[data-use-device-zone]").value = zone;
    offer.hidden = false;
  }
})();
