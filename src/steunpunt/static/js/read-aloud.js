/* "Lees voor": the browser reads the article aloud with its own speech synthesis, in the language of
   the page (the lang of <html>); no text leaves the browser. Each sentence is one utterance, spoken
   after the one before, and is highlighted while it is read (the CSS Custom Highlight API, so the
   text itself is not changed; a browser without it highlights the paragraph). The controls stay
   hidden where the browser cannot speak: no speechSynthesis, or no voice for the page's language.
   Markup: information/templates/information/article.html ([data-read-aloud], [data-read-text]);
   the page's h1 is read first. */
(function () {
  "use strict";

  var BLOCKS = "h1, h2, h3, p, li, summary, figcaption, dt, dd";
  var SKIP = "[popover], [data-read-skip], script, style, .visually-hidden";
  var SENTENCE = /[^.!?…]+(?:[.!?…]+["”’)]*|$)/g;

  function language() {
    // The text's own language where it differs from the page's (the Dutch text of an article that is
    // not translated yet, on an English page, carries lang="nl").
    var text = document.querySelector("[data-read-text][lang]");
    var lang = text ? text.getAttribute("lang") : document.documentElement.getAttribute("lang");
    return (lang || "nl").trim();
  }

  function voiceFor(synth, lang) {
    var wanted = lang.toLowerCase().split("-")[0];
    var voices = synth.getVoices() || [];
    var exact = null;
    var close = null;
    voices.forEach(function (voice) {
      var own = (voice.lang || "").toLowerCase().replace("_", "-");
      if (own === lang.toLowerCase() && !exact) {
        exact = voice;
      } else if (own.split("-")[0] === wanted && !close) {
        close = voice;
      }
    });
    return exact || close;
  }

  function rendered(element) {
    /* Not shown: a closed answer, a hidden part. */
    if (typeof element.checkVisibility === "function") {
      return element.checkVisibility();
    }
    return element.getClientRects().length > 0;
  }

  /* The blocks to read, in document order: the innermost ones, shown, outside skipped parts. */
  function blocks() {
    var found = [];
    document.querySelectorAll("main h1, [data-read-text]").forEach(function (region) {
      var candidates = region.matches(BLOCKS) ? [region] : Array.prototype.slice.call(region.querySelectorAll(BLOCKS));
      candidates.forEach(function (element) {
        if (element.closest(SKIP) || element.querySelector(BLOCKS) || !rendered(element)) {
          return;
        }
        found.push(element);
      });
    });
    return found;
  }

  /* The sentences of one block, each with the DOM range it covers. */
  function sentences(element) {
    var nodes = [];
    var text = "";
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var skipped = node.parentElement.closest(SKIP);
        return skipped && element.contains(skipped) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var node;
    while ((node = walker.nextNode())) {
      nodes.push({ node: node, start: text.length });
      text += node.data;
    }
    /* The ranges of the text nodes between two offsets: several where a sentence runs through a
       glossary word, whose hidden explanation is then left out of the highlight. */
    function ranges(from, to) {
      var found = [];
      nodes.forEach(function (item) {
        var start = Math.max(from, item.start);
        var end = Math.min(to, item.start + item.node.length);
        if (end > start) {
          var range = document.createRange();
          range.setStart(item.node, start - item.start);
          range.setEnd(item.node, end - item.start);
          found.push(range);
        }
      });
      return found;
    }
    var found = [];
    var match;
    SENTENCE.lastIndex = 0;
    while ((match = SENTENCE.exec(text)) !== null) {
      if (match[0].length === 0) {
        SENTENCE.lastIndex++;
        continue;
      }
      var lead = match[0].length - match[0].replace(/^\s+/, "").length;
      var spoken = match[0].trim().replace(/\s+/g, " ");
      if (!/[\p{L}\p{N}]/u.test(spoken)) {
        continue;
      }
      var from = match.index + lead;
      found.push({ text: spoken, ranges: ranges(from, from + match[0].trim().length), element: element });
    }
    return found;
  }

  function Reader(controls, synth, voice, lang) {
    this.controls = controls;
    this.synth = synth;
    this.voice = voice;
    this.lang = lang;
    this.start = controls.querySelector("[data-read-start]");
    this.pause = controls.querySelector("[data-read-pause]");
    this.stop = controls.querySelector("[data-read-stop]");
    this.queue = [];
    this.position = -1;
    this.paused = false;
    this.run = 0;
  }

  Reader.prototype.mark = function (sentence) {
    document.querySelectorAll(".read-aloud-current").forEach(function (element) {
      element.classList.remove("read-aloud-current");
    });
    var highlights = window.CSS && CSS.highlights;
    if (highlights && typeof Highlight === "function") {
      if (sentence) {
        var highlight = new Highlight();
        sentence.ranges.forEach(function (range) {
          highlight.add(range);
        });
        highlights.set("read-aloud", highlight);
      } else {
        highlights.delete("read-aloud");
      }
    } else if (sentence) {
      sentence.element.classList.add("read-aloud-current");
    }
  };

  Reader.prototype.speak = function (index, run) {
    var self = this;
    if (run !== this.run) {
      return;
    }
    if (index >= this.queue.length) {
      this.finish();
      return;
    }
    var sentence = this.queue[index];
    var utterance = new window.SpeechSynthesisUtterance(sentence.text);
    utterance.lang = this.lang;
    if (this.voice) {
      utterance.voice = this.voice;
    }
    utterance.onstart = function () {
      if (run === self.run) {
        self.position = index;
        self.mark(sentence);
      }
    };
    utterance.onend = function () {
      self.speak(index + 1, run);
    };
    utterance.onerror = function (event) {
      if (event && (event.error === "interrupted" || event.error === "canceled")) {
        return;
      }
      self.speak(index + 1, run);
    };
    this.synth.speak(utterance);
  };

  Reader.prototype.begin = function () {
    this.synth.cancel();
    this.run += 1;
    this.queue = [];
    var self = this;
    blocks().forEach(function (element) {
      self.queue = self.queue.concat(sentences(element));
    });
    this.paused = false;
    this.showPlaying(true);
    this.speak(0, this.run);
  };

  Reader.prototype.togglePause = function () {
    if (this.paused) {
      this.synth.resume();
      this.paused = false;
    } else {
      this.synth.pause();
      this.paused = true;
    }
    this.pause.textContent = this.pause.getAttribute(this.paused ? "data-label-resume" : "data-label-pause");
  };

  Reader.prototype.finish = function () {
    this.run += 1;
    this.synth.cancel();
    this.mark(null);
    this.paused = false;
    this.showPlaying(false);
  };

  Reader.prototype.showPlaying = function (playing) {
    this.pause.hidden = !playing;
    this.stop.hidden = !playing;
    this.pause.textContent = this.pause.getAttribute("data-label-pause");
    this.controls.classList.toggle("read-aloud--playing", playing);
  };

  function setUp(controls) {
    var synth = window.speechSynthesis;
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function" || typeof synth.speak !== "function") {
      return;
    }
    var lang = language();
    var started = false;
    function tryStart() {
      var voice = voiceFor(synth, lang);
      if (started || !voice) {
        return;
      }
      started = true;
      var reader = new Reader(controls, synth, voice, lang);
      reader.start.addEventListener("click", function () {
        reader.begin();
      });
      reader.pause.addEventListener("click", function () {
        reader.togglePause();
      });
      reader.stop.addEventListener("click", function () {
        reader.finish();
        reader.start.focus();
      });
      window.addEventListener("pagehide", function () {
        reader.finish();
      });
      controls.hidden = false;
    }
    tryStart();
    if (!started && typeof synth.addEventListener === "function") {
      /* Voices may arrive after the page has loaded. */
      synth.addEventListener("voiceschanged", tryStart);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-read-aloud]").forEach(setUp);
  });
})();
