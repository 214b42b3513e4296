/*
 * Latih: catalogue filtering, the header search box's head start, and the header's menu,
 * folded on a phone.
 *
 * The pure functions are exported for Node's test runner through `module.exports`; in
 * the browser they hang off `window.Latih`. The page works without this script: filters
 * stay hidden and every course is listed.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./dom.js"));
  } else {
    var dom = root.Latih && root.Latih.dom;
    var api = factory(dom);
    root.Latih = Object.assign(root.Latih || {}, api);
    if (typeof document !== "undefined") {
      dom.ready(document, function () {
        api.foldMenu(document);
        api.enhanceCatalogue(document, root);
        api.prefetchSearch(document, root);
      });
    }
  }
})(typeof self !== "undefined" ? self : this, function (dom) {
  "use strict";

  /**
   * On a phone the header's links fold behind a "Menu" button (the stylesheet shows the
   * button and hides the folded list only on narrow screens), so that a page's content
   * starts in the first screen. Without this script the links stay in view.
   */
  function foldMenu(doc) {
    var button = doc.querySelector(".menu-toggle"), list = doc.getElementById("site-menu");
    if (!button || !list) return;
    button.hidden = false;
    list.setAttribute("data-folded", "");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      if (open) list.removeAttribute("data-folded"); else list.setAttribute("data-folded", "");
    });
  }

  /** Whether a course with this category and level passes the filter. Empty filter values match everything. */
  function matches(course, filter) {
    return (!filter.category || course.category === filter.category) &&
           (!filter.level || course.level === filter.level);
  }

  /** Indices of the courses that pass the filter, in their original order. */
  function filterCourses(courses, filter) {
    var out = [];
    for (var i = 0; i < courses.length; i++) {
      if (matches(courses[i], filter)) out.push(i);
    }
    return out;
  }

  /** Reads `kategori` and `tingkat` from a query string. */
  function readFilter(search) {
    var params = new URLSearchParams(search || "");
    return { category: params.get("kategori") || "", level: params.get("tingkat") || "" };
  }

  /** The query string for a filter; empty values are left out. */
  function writeFilter(filter) {
    var params = new URLSearchParams();
    if (filter.category) params.set("kategori", filter.category);
    if (filter.level) params.set("tingkat", filter.level);
    var s = params.toString();
    return s ? "?" + s : "";
  }

  var fill = dom.fill;

  /** Turns the catalogue's hidden filter form on and keeps cards, URL and status in step. */
  function enhanceCatalogue(doc, win) {
    var form = doc.getElementById("catalogue-filters");
    if (!form) return;
    var category = doc.getElementById("filter-category");
    var level = doc.getElementById("filter-level");
    var status = doc.getElementById("filter-status");
    var empty = doc.getElementById("filter-empty");
    var cards = Array.prototype.slice.call(doc.querySelectorAll(".category .card"));
    var courses = cards.map(function (c) {
      return { category: c.getAttribute("data-category") || "", level: c.getAttribute("data-level") || "" };
    });
    var initial = readFilter(win.location.search);
    if (hasOption(category, initial.category)) category.value = initial.category;
    if (hasOption(level, initial.level)) level.value = initial.level;
    form.hidden = false;

    function apply(updateURL) {
      var filter = { category: category.value, level: level.value };
      var shown = filterCourses(courses, filter);
      var visible = {};
      shown.forEach(function (i) { visible[i] = true; });
      cards.forEach(function (card, i) { card.hidden = !visible[i]; });
      Array.prototype.forEach.call(doc.querySelectorAll(".category"), function (section) {
        section.hidden = section.querySelectorAll(".card:not([hidden])").length === 0;
      });
      status.textContent = fill(form.getAttribute("data-status"), { n: shown.length, total: courses.length });
      empty.hidden = shown.length !== 0;
      if (updateURL) {
        try {
          win.history.replaceState(null, "", win.location.pathname + writeFilter(filter) + win.location.hash);
        } catch (e) { /* file:// pages may refuse URL changes; filtering still works. */ }
      }
    }
    category.addEventListener("change", function () { apply(true); });
    level.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply(false);
  }

  /**
   * When the header search box gets the focus, the search page and its engine are
   * fetched ahead (`<link rel="prefetch">`, at idle priority), so that a query sent from
   * there waits one round trip less: on a phone's slow connection, a few hundred
   * milliseconds of a first query's five. Not from file://, where nothing is fetched, nor
   * when the learner has asked the browser to save data.
   */
  function prefetchSearch(doc, win) {
    var box = doc.getElementById("header-q");
    var form = box && box.form;
    if (!form || !/^https?:$/.test(win.location.protocol)) return;
    var saveData = win.navigator && win.navigator.connection && win.navigator.connection.saveData;
    if (saveData) return;
    box.addEventListener("focus", function () {
      [form.action, form.getAttribute("data-engine")].forEach(function (href) {
        if (!href) return;
        var link = doc.createElement("link");
        link.rel = "prefetch";
        link.href = href;
        doc.head.appendChild(link);
      });
    }, { once: true });
  }

  function hasOption(select, value) {
    return !!value && Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  return {
    foldMenu: foldMenu,
    matches: matches,
    filterCourses: filterCourses,
    readFilter: readFilter,
    writeFilter: writeFilter,
    enhanceCatalogue: enhanceCatalogue,
    prefetchSearch: prefetchSearch
  };
});
