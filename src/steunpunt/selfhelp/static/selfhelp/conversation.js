// The conversation help keeps its ticks and notes in this browser only (localStorage), never on the
// server; "Wis mijn notities" removes them.
(function () {
  "use strict";
  var KEY = "steunpunt-gesprekshulp";
  var root = document.querySelector("[data-conversation]");
  if (!root) return;
  var inputs = Array.prototype.slice.call(root.querySelectorAll("[data-note]"));
  var clear = document.querySelector("[data-clear-notes]");
  var printButton = document.querySelector("[data-print]");
  var status = document.getElementById("notities-gewist");
  var notice = document.querySelector("[data-notes-stored]");
  var storage;
  try {
    storage = window.localStorage;
    storage.getItem(KEY);
  } catch (error) {
    storage = null;
  }

  function read() {
    try {
      return JSON.parse((storage && storage.getItem(KEY)) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function write() {
    if (!storage) return;
    var notes = {};
    inputs.forEach(function (input) {
      notes[input.dataset.note] = input.type === "checkbox" ? input.checked : input.value;
    });
    storage.setItem(KEY, JSON.stringify(notes));
    status.textContent = "";
  }

  var saved = read();
  inputs.forEach(function (input) {
    var value = saved[input.dataset.note];
    if (input.type === "checkbox") input.checked = value === true;
    else if (typeof value === "string") input.value = value;
    input.addEventListener(input.type === "checkbox" ? "change" : "input", write);
  });
  printButton.hidden = false;
  printButton.addEventListener("click", function () { window.print(); });
  if (storage) {
    notice.hidden = false;
    clear.hidden = false;
    clear.addEventListener("click", function () {
      storage.removeItem(KEY);
      inputs.forEach(function (input) {
        if (input.type === "checkbox") input.checked = false;
        else input.value = "";
      });
      status.textContent = clear.dataset.done;
    });
  }
})();
