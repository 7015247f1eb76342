/*
 * Suggestions while typing in the site search: the WAI-ARIA combobox pattern with a listbox popup
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Progressive enhancement: without this file
 * the field is a plain search field and the form works as it is.
 *
 * Keys: Down/Up move through the suggestions (Alt+Down opens them), Enter opens the chosen one (a
 * word is searched for), Escape closes the list, or empties the field when it is closed.
 * The suggestions come from the site's own /zoeken/suggesties/ (no other host).
 */
(function () {
  "use strict";

  function setup(container) {
    var input = container.querySelector("input[type=search]");
    var list = container.querySelector("[role=listbox]");
    var status = container.querySelector("[aria-live]");
    var url = container.getAttribute("data-suggest-url");
    if (!input || !list || !url || !window.fetch) {
      return;
    }
    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastText = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function say(count) {
      if (!status) {
        return;
      }
      var text = count === 0 ? status.getAttribute("data-none")
        : count === 1 ? status.getAttribute("data-one")
        : status.getAttribute("data-many").replace("{n}", String(count));
      status.textContent = text;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      active = index;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) {
        return;
      }
      if (item.url) {
        window.location.href = item.url;
      } else {
        input.value = item.label;
        close();
        input.form.submit();
      }
    }

    function render(found) {
      items = found;
      list.textContent = "";
      for (var i = 0; i < found.length; i++) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "suggestion-option";
        var label = document.createElement("span");
        label.textContent = found[i].label;
        var kind = document.createElement("span");
        kind.className = "suggestion-kind";
        kind.textContent = list.getAttribute("data-kind-" + found[i].kind) || "";
        option.appendChild(label);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
        option.addEventListener("mousedown", function (event) {
          // Keep the focus in the field; the click chooses.
          event.preventDefault();
        });
        option.addEventListener("click", (function (index) {
          return function () { choose(index); };
        })(i));
        list.appendChild(option);
      }
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (found.length) {
        open();
      } else {
        close();
      }
      say(found.length);
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text === lastText) {
        return;
      }
      lastText = text;
      if (text.length < 2) {
        render([]);
        if (status) {
          status.textContent = "";
        }
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(text), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (input.value.trim() === text) {
            render(data.suggestions || []);
          }
        })
        .catch(function () { /* a lost suggestion is no error: the search still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      if (event.key === "ArrowDown") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        if (!expanded) {
          open();
          if (event.altKey) {
            return;
          }
        }
        highlight(active + 1 >= items.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        open();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          lastText = "";
          render([]);
        }
      }
    });

    input.addEventListener("blur", function () {
      close();
    });
  }

  var containers = document.querySelectorAll(".search-suggest[data-suggest-url]");
  for (var i = 0; i < containers.length; i++) {
    setup(containers[i]);
  }
})();
