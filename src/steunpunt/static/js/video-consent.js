/* A video from YouTube or Vimeo loads nothing from that platform until the reader agrees. The page
   shows where the video comes from and a link to it; this script adds the button that puts the
   platform's player in its place (information/templates/information/blocks/video.html). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-video-consent]").forEach(function (box) {
      var button = box.querySelector("[data-video-load]");
      if (!button) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        var frame = document.createElement("iframe");
        frame.src = box.getAttribute("data-player");
        frame.title = box.getAttribute("data-title");
        frame.className = "video-frame";
        frame.setAttribute("allow", "fullscreen; picture-in-picture");
        frame.setAttribute("allowfullscreen", "");
        frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        box.replaceChildren(frame);
        frame.focus();
      });
    });
  });
})();
