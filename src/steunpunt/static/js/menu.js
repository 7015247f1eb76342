/* The site menu is a details/summary element and works without JavaScript. This only adds what a
   menu button is expected to do on top: Escape closes it and puts the focus back on the button,
   and a click elsewhere on the page closes it. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var menu = document.querySelector("[data-site-menu]");
    if (!menu) {
      return;
    }
    var button = menu.querySelector("summary");
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && getComputedStyle(button).display !== "none") {
        menu.open = false;
        button.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target) && getComputedStyle(button).display !== "none") {
        menu.open = false;
      }
    });
  });
})();
