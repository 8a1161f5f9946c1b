/*
 * Admin date pickers: never replace the date an editor typed with another date.
 *
 * Wagtail's date and date-time pickers (the jQuery "xdsoft" datetimepicker) re-read a field on
 * blur using only its display format (WAGTAIL_DATE_FORMAT, d/m/Y). Text in any other form, such
 * as 2027-01-15, was silently replaced with today's date, and an impossible day such as
 * 30/02/2027 rolled over into March. This script is loaded on every admin page
 * (home/wagtail_hooks.py), after the picker library and before any picker is created, and:
 *
 *  1. turns that rewrite off for every picker (validateOnBlur: false), so the field always keeps
 *     what was typed;
 *  2. when a picker's field changes, rewrites a date it can read unambiguously (YYYY-MM-DD or
 *     D/M/YYYY, plus an optional HH:MM on date-time fields) in the field's display format, e.g.
 *     2027-01-15 -> 15/01/2027, and leaves anything else exactly as typed, so that saving reports
 *     it as an error (trusthub/core/admin_dates.py) instead of storing a different date.
 */
(function () {
  "use strict";

  var $ = window.jQuery;
  if (!$ || !$.fn || !$.fn.datetimepicker || !$.fn.datetimepicker.defaults) {
    return;
  }
  $.fn.datetimepicker.defaults.validateOnBlur = false;

  var TIME = "(?:(?:T|,?\\s+)(\\d{1,2}):(\\d{2}))?";
  var ISO = new RegExp("^(\\d{4})-(\\d{1,2})-(\\d{1,2})" + TIME + "$");
  var DAY_FIRST = new RegExp("^(\\d{1,2})/(\\d{1,2})/(\\d{4})" + TIME + "$");

  // A real calendar date (and time), or null: no rolling 30 February over into March.
  function parse(text) {
    var match = ISO.exec(text);
    var year, month, day;
    if (match) {
      year = +match[1];
      month = +match[2];
      day = +match[3];
    } else {
      match = DAY_FIRST.exec(text);
      if (!match) {
        return null;
      }
      day = +match[1];
      month = +match[2];
      year = +match[3];
    }
    var hasTime = match[4] !== undefined;
    var hour = hasTime ? +match[4] : 0;
    var minute = hasTime ? +match[5] : 0;
    var date = new Date(2000, 0, 1, 0, 0, 0, 0);
    date.setFullYear(year, month - 1, day); // setFullYear: years below 100 stay as typed
    if (
      date.getFullYear() !== year ||
      date.getMonth() !== month - 1 ||
      date.getDate() !== day ||
      hour > 23 ||
      minute > 59
    ) {
      return null;
    }
    return { year: year, month: month, day: day, hour: hour, minute: minute, hasTime: hasTime };
  }

  function pad(value, width) {
    var text = String(value);
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  // The picker's format ("d/m/Y", "d/m/Y H:i", ...); null if it uses anything else.
  function format(parts, pattern) {
    var tokens = {
      d: pad(parts.day, 2),
      j: String(parts.day),
      m: pad(parts.month, 2),
      n: String(parts.month),
      Y: pad(parts.year, 4),
      H: pad(parts.hour, 2),
      G: String(parts.hour),
      i: pad(parts.minute, 2),
    };
    var out = "";
    for (var index = 0; index < pattern.length; index++) {
      var character = pattern.charAt(index);
      if (character === "\\") {
        index += 1;
        out += pattern.charAt(index);
      } else if (/[A-Za-z]/.test(character)) {
        if (!Object.prototype.hasOwnProperty.call(tokens, character)) {
          return null;
        }
        out += tokens[character];
      } else {
        out += character;
      }
    }
    return out;
  }

  function normalise(input) {
    var picker = $(input).data("xdsoft_datetimepicker");
    var options = picker && picker.data("options");
    if (!options || !options.datepicker || typeof options.format !== "string") {
      return; // not a date picker (or a time-only one): leave it alone
    }
    var text = input.value.trim();
    var parts = text ? parse(text) : null;
    if (!parts || (parts.hasTime && !options.timepicker)) {
      return; // not a date we can read for certain: keep it as typed for the server to judge
    }
    var formatted = format(parts, options.format);
    if (formatted !== null && formatted !== input.value) {
      input.value = formatted;
    }
  }

  // Capture phase: runs before Wagtail's own change listeners see the value.
  document.addEventListener(
    "change",
    function (event) {
      var target = event.target;
      if (target instanceof HTMLInputElement && target.type === "text") {
        normalise(target);
      }
    },
    true
  );
})();
