// Deadlines counted in the reader's browser from the rules the page carries (json_script); the date
// never leaves the browser, and the calendar file is made here too (a Blob).
(function () {
  "use strict";

  // Dates are whole days in UTC, so no summer time or time zone shifts a day.
  function parse(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!match) return null;
    var date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return date.getUTCMonth() === +match[2] - 1 ? date : null;
  }

  function iso(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(date, days) {
    return new Date(date.getTime() + days * 86400000);
  }

  function isWeekend(date) {
    var day = date.getUTCDay();
    return day === 0 || day === 6;
  }

  // Months keep the day of the month, or take the month's last day where it is shorter
  // (31 January + 1 month = 28 or 29 February).
  function addMonths(date, months) {
    var year = date.getUTCFullYear();
    var month = date.getUTCMonth() + months;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), last)));
  }

  // The last of `count` school days (Monday to Friday), the start date counted as the first when it is
  // a school day. Holidays are not known here.
  function schoolDays(date, count) {
    var day = date;
    while (isWeekend(day)) day = addDays(day, 1);
    var counted = 1;
    while (counted < count) {
      day = addDays(day, 1);
      if (!isWeekend(day)) counted += 1;
    }
    return day;
  }

  function deadline(startIso, amount, unit) {
    var start = parse(startIso);
    if (!start) return null;
    if (unit === "days") return iso(addDays(start, amount));
    if (unit === "weeks") return iso(addDays(start, 7 * amount));
    if (unit === "months") return iso(addMonths(start, amount));
    if (unit === "school_days") return iso(schoolDays(start, amount));
    return null;
  }

  window.steunpuntDeadlines = { deadline: deadline, isWeekend: function (value) { return isWeekend(parse(value)); } };

  var tool = document.querySelector("[data-deadline-tool]");
  var data = document.getElementById("termijn-regels");
  if (!tool || !data) return;
  var rules = JSON.parse(data.textContent);
  var event = document.getElementById("termijn-van");
  var input = document.getElementById("termijn-datum");
  var error = document.getElementById("termijn-fout");
  var out = document.getElementById("termijn-uitkomst");
  var calendar = document.getElementById("termijn-agenda");
  var text = tool.dataset;
  var shown = [];
  var longDate = new Intl.DateTimeFormat("nl-NL", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC"
  });

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function show() {
    out.textContent = "";
    shown = [];
    if (!parse(input.value)) {
      error.textContent = text.missing;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      calendar.hidden = true;
      return;
    }
    error.hidden = true;
    input.removeAttribute("aria-invalid");
    var list = element("ul", "deadline-results plain");
    rules.filter(function (rule) { return rule.event === event.value; }).forEach(function (rule) {
      var day = deadline(input.value, rule.amount, rule.unit);
      shown.push({ rule: rule, day: day });
      var item = element("li", "card deadline-result");
      item.appendChild(element("h3", "card-title", rule.title));
      var when = element("p", "deadline-date");
      var time = element("time", "", longDate.format(parse(day)));
      time.setAttribute("datetime", day);
      when.appendChild(time);
      item.appendChild(when);
      if (window.steunpuntDeadlines.isWeekend(day)) item.appendChild(element("p", "notice weekend", text.weekend));
      if (rule.draft) item.appendChild(element("p", "notice concept", text.draft));
      item.appendChild(element("p", "", rule.explanation));
      var source = element("p", "source", text.source + " ");
      if (rule.sourceUrl) {
        var link = element("a", "", rule.source);
        link.href = rule.sourceUrl;
        link.rel = "noopener";
        source.appendChild(link);
      } else {
        source.appendChild(document.createTextNode(rule.source));
      }
      if (!rule.sourceChecked) source.appendChild(element("strong", "unchecked", " (" + text.unchecked + ")"));
      if (rule.articleUrl) {
        source.appendChild(document.createTextNode(" · "));
        var more = element("a", "", text.readMore);
        more.href = rule.articleUrl;
        more.appendChild(element("span", "visually-hidden", ": " + rule.title));
        source.appendChild(more);
      }
      item.appendChild(source);
      list.appendChild(item);
    });
    out.appendChild(list);
    calendar.hidden = shown.length === 0;
  }

  // RFC 5545: escape text, fold lines at 75 octets (here: 60 characters, safe for any UTF-8).
  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function fold(line) {
    var parts = [];
    while (line.length > 60) {
      parts.push(line.slice(0, 60));
      line = " " + line.slice(60);
    }
    parts.push(line);
    return parts.join("\r\n");
  }

  function ics() {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//steunpunt//termijnen//NL", "CALSCALE:GREGORIAN"];
    shown.forEach(function (entry, index) {
      var day = entry.day.replace(/-/g, "");
      var next = iso(addDays(parse(entry.day), 1)).replace(/-/g, "");
      var description = entry.rule.explanation + "\n" + text.source + " " + entry.rule.source +
        (entry.rule.sourceChecked ? "" : " (" + text.unchecked + ")") + (entry.rule.draft ? "\n" + text.draft : "");
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + stamp + "-" + index + "-" + day + "@termijnen.steunpunt",
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + day,
        "DTEND;VALUE=DATE:" + next,
        fold("SUMMARY:" + icsText(entry.rule.title)),
        fold("DESCRIPTION:" + icsText(description)),
        "TRANSP:TRANSPARENT",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.join("\r\n") + "\r\n";
  }

  function download() {
    var blob = new Blob([ics()], { type: "text/calendar;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "termijnen.ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  tool.hidden = false;
  document.getElementById("termijn-bereken").addEventListener("click", show);
  input.addEventListener("keydown", function (keyEvent) {
    if (keyEvent.key === "Enter") show();
  });
  event.addEventListener("change", function () { if (input.value) show(); });
  calendar.addEventListener("click", download);
})();
