// The letter tool: the fields fill the letter here, in the browser; the text is downloaded (a Blob)
// or printed, and never sent anywhere. There is no form, so nothing can be submitted by accident.
(function () {
  "use strict";
  var tool = document.querySelector("[data-letter-tool]");
  var source = document.getElementById("brief-sjabloon");
  var preview = document.getElementById("brief-tekst");
  if (!tool || !source || !preview) return;
  var template = JSON.parse(source.textContent);
  var fields = Array.prototype.slice.call(tool.querySelectorAll("[data-placeholder]"));

  function filled() {
    return template.replace(/\[([^\[\]\n]{1,80})\]/g, function (whole, label) {
      var field = fields.filter(function (candidate) { return candidate.dataset.placeholder === label.trim(); })[0];
      return field && field.value.trim() ? field.value.trim() : whole;
    });
  }

  function update() {
    preview.textContent = filled();
  }

  function escapeHtml(value) {
    return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function save(kind) {
    var text = filled();
    var blob;
    if (kind === "doc") {
      var paragraphs = text.split(/\n{2,}/).map(function (part) {
        return "<p>" + escapeHtml(part).replace(/\n/g, "<br>") + "</p>";
      });
      blob = new Blob(
        ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title></title></head><body>" + paragraphs.join("") + "</body></html>"],
        { type: "application/msword" }
      );
    } else {
      blob = new Blob([text.replace(/\n/g, "\r\n")], { type: "text/plain;charset=utf-8" });
    }
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = (tool.dataset.filename || "brief") + "." + kind;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  tool.hidden = false;
  fields.forEach(function (field) { field.addEventListener("input", update); });
  tool.querySelectorAll("[data-download]").forEach(function (button) {
    button.addEventListener("click", function () { save(button.dataset.download); });
  });
  tool.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
})();
