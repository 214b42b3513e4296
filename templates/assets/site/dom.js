/*
 * Latih: what the page scripts share. Loaded first in every published script (see the
 * .bundle files), and registered as `Latih.dom`; Node's tests `require` it.
 *
 * Classic scripts rather than ES modules: browsers refuse module scripts on pages opened
 * from file://, and the site must work from a USB stick.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.Latih = Object.assign(root.Latih || {}, { dom: api });
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** Fills `{name}` placeholders in an interface string; unknown names stay as written. */
  function fill(template, values) {
    return String(template == null ? "" : template).replace(/\{(\w+)\}/g, function (m, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  }

  /** A new element with a class and text. Text goes in through textContent, never as HTML. */
  function el(doc, tag, className, text) {
    var e = doc.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null && text !== "") e.textContent = text;
    return e;
  }

  /** Runs `start` once the document is parsed: now, if it already is. */
  function ready(doc, start) {
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
    else start();
  }

  /** The JSON of a `<script type="application/json">` element by id, or null. */
  function readJSON(doc, id) {
    var node = doc.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  /**
   * Minutes as people say them, "1 jam 30 menit" or "45 menit" (`unit-hours` and
   * `unit-minutes` of `strings`): the pages' own wording (formatMinutes in Swift), held
   * equal by Tests/vectors/durations.tsv.
   */
  function duration(minutes, strings) {
    if (!(minutes > 0)) return "";
    var h = Math.floor(minutes / 60), m = minutes % 60;
    var hu = strings["unit-hours"] || "jam", mu = strings["unit-minutes"] || "menit";
    if (!h) return m + " " + mu;
    return m ? h + " " + hu + " " + m + " " + mu : h + " " + hu;
  }

  /**
   * A date as every page writes one, "6 Desember 2026", with the month names of the
   * `months` string (as Sources/LatihRender/Dates.swift; Tests/vectors/dates.tsv). `iso`
   * is a date (`2026-12-06`) or a time, which is written as the day it is here.
   */
  function date(iso, strings) {
    var months = String(strings.months || "").split(",").map(function (m) { return m.trim(); });
    var y, m, d;
    var plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (plain) { y = +plain[1]; m = +plain[2]; d = +plain[3]; } else {
      var t = new Date(iso);
      if (isNaN(t.getTime())) return "";
      y = t.getFullYear(); m = t.getMonth() + 1; d = t.getDate();
    }
    if (months.length !== 12) return y + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
    return d + " " + months[m - 1] + " " + y;
  }

  return { fill: fill, el: el, ready: ready, readJSON: readJSON, duration: duration, date: date };
});
