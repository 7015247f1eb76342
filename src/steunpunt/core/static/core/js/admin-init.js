// Starts Wagtail's inline panels, choosers and date/time pickers without inline scripts.
//
// Wagtail renders `<script>initDateChooser(…)</script>` and `<script>new InlinePanel(…)</script>`
// next to its widgets; the back office's Content-Security-Policy allows scripts from this site
// only (no 'unsafe-inline'), so the browser blocks those. The overriding templates in
// core/templates/wagtailadmin/ (and core/admin_csp.py for the choosers) leave a hidden marker with the same settings instead, and this file
// (loaded from /static/, so allowed) starts each marker once: on page load, and when Wagtail adds
// markup later (a new inline form, a modal).
(function () {
  "use strict";

  var starters = {
    date: function (marker, config) {
      window.initDateChooser(marker.dataset.steunpuntTarget, config);
    },
    time: function (marker, config) {
      window.initTimeChooser(marker.dataset.steunpuntTarget, config);
    },
    datetime: function (marker, config) {
      window.initDateTimeChooser(marker.dataset.steunpuntTarget, config);
    },
    chooser: function (marker, config) {
      // Wagtail's chooser widgets: PageChooser, Chooser, ImageChooser, DocumentChooser, …
      new window[marker.dataset.steunpuntConstructor](marker.dataset.steunpuntTarget, config);
    },
    "task-chooser": function (marker) {
      window.createTaskChooser(marker.dataset.steunpuntTarget);
    },
    "inline-panel": function (marker, config) {
      new window.InlinePanel(config);
    },
    "multiple-chooser-panel": function (marker, config) {
      new window.MultipleChooserPanel(config);
    },
  };

  function start(root) {
    var markers = [];
    if (root.matches && root.matches("[data-steunpunt-init]")) {
      markers.push(root);
    }
    if (root.querySelectorAll) {
      markers = markers.concat(Array.prototype.slice.call(root.querySelectorAll("[data-steunpunt-init]")));
    }
    markers.forEach(function (marker) {
      if (marker.dataset.steunpuntStarted) {
        return;
      }
      var starter = starters[marker.dataset.steunpuntInit];
      if (!starter) {
        return;
      }
      marker.dataset.steunpuntStarted = "true";
      starter(marker, JSON.parse(marker.dataset.steunpuntConfig || "{}"));
    });
    labelStreamFields(root.parentNode || root);
  }

  // Wagtail's StreamField shows a top-level text block's name ("Alinea", "Let op") in the block's
  // heading but gives its field no label, so a screen reader announces an unnamed text box (axe:
  // "label"). Such a field is named by its block's heading.
  function labelStreamFields(root) {
    if (!root.querySelectorAll) {
      return;
    }
    root.querySelectorAll("[data-streamfield-child] textarea, [data-streamfield-child] input").forEach(function (field) {
      if (field.type === "hidden" || (field.labels && field.labels.length) || field.hasAttribute("aria-label") || field.hasAttribute("aria-labelledby")) {
        return;
      }
      var child = field.closest("[data-streamfield-child]");
      var heading = child && child.querySelector("[data-panel-heading][id]");
      if (heading) {
        field.setAttribute("aria-labelledby", heading.id);
      }
    });
  }

  function watch() {
    start(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(start);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
