// What a form holds, as plain values: read, compared and put back. Used by drafts.js,
// which keeps a copy of every form with text on the device until the server has it.
(function () {
  "use strict";

  var SKIPPED_TYPES = ["hidden", "password", "file", "submit", "button", "reset", "image"];

  // A form that edits a saved row carries the row's version in a hidden field marked
  // data-version (the journal's version, SavedSinceCheck's "loaded"; empty for a new row).
  // A copy remembers the version it was typed against: if the page now carries another,
  // the row was saved since. A new row's form never was, whatever defaults it opens with
  // (the time now, today's date). Forms without a version are compared field by field.
  function versionOf(form) {
    var version = {};
    form.querySelectorAll("input[data-version]").forEach(function (field) {
      version[field.name] = [field.value];
    });
    return version;
  }

  function putVersion(form, version) {
    form.querySelectorAll("input[data-version]").forEach(function (field) {
      if (version[field.name]) field.value = version[field.name][0];
    });
  }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return (
        field.name &&
        field.name !== "csrfmiddlewaretoken" &&
        SKIPPED_TYPES.indexOf(field.type) === -1
      );
    });
  }

  // What the form holds now, or (asServed) what the server sent: a browser may put back
  // what was typed before a reload, and that is not saved.
  function valuesOf(form, asServed) {
    var values = {};
    fieldsOf(form).forEach(function (field) {
      var list = values[field.name] || (values[field.name] = []);
      if (field.type === "checkbox" || field.type === "radio") {
        if (asServed ? field.defaultChecked : field.checked) list.push(field.value);
      } else if (field.tagName === "SELECT") {
        var chosen = Array.prototype.filter.call(field.options, function (option) {
          return asServed ? option.defaultSelected : option.selected;
        });
        if (asServed && !chosen.length && field.type === "select-one" && field.options.length) {
          chosen = [field.options[0]];
        }
        chosen.forEach(function (option) {
          list.push(option.value);
        });
      } else {
        list.push(asServed ? field.defaultValue : field.value);
      }
    });
    return values;
  }

  function same(a, b) {
    var names = Object.keys(a).concat(Object.keys(b));
    return names.every(function (name) {
      return JSON.stringify(a[name] || []) === JSON.stringify(b[name] || []);
    });
  }

  // Puts values back, returning what had no field to go in. Text fields fire "input"
  // (autosave and word counts follow), and a closed section they are in opens; choices fire
  // no "change", which could set off requests (htmx) the person never asked for.
  function putBack(form, values) {
    var seen = {};
    var leftOver = [];
    Object.keys(values).forEach(function (name) {
      if (!form.elements.namedItem(name)) leftOver = leftOver.concat(values[name].filter(Boolean));
    });
    fieldsOf(form).forEach(function (field) {
      if (!(field.name in values)) return;
      var list = values[field.name];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = list.indexOf(field.value) !== -1;
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = list.indexOf(option.value) !== -1;
        });
      } else {
        var index = seen[field.name] || 0;
        seen[field.name] = index + 1;
        if (index < list.length && field.value !== list[index]) {
          field.value = list[index];
          field.dispatchEvent(new Event("input", { bubbles: true }));
          reveal(field);
        }
      }
    });
    return leftOver;
  }

  // What is put back is seen: closed sections open, and the notice comes into view (on a
  // phone, a form low on the page starts below the fold).
  function reveal(element) {
    for (var parent = element.parentElement; parent; parent = parent.parentElement) {
      if (parent.tagName === "DETAILS") parent.open = true;
    }
  }

  function show(box) {
    reveal(box);
    var place = box.getBoundingClientRect();
    if (place.top < 0 || place.bottom > window.innerHeight) box.scrollIntoView({ block: "center" });
  }

  window.ReboundFormValues = {
    versionOf: versionOf,
    putVersion: putVersion,
    valuesOf: valuesOf,
    same: same,
    putBack: putBack,
    reveal: reveal,
    show: show,
  };
})();
