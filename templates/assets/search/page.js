/*
 * Latih search: the search page. Only DOM code: it loads the index files that
 * `query.js` asks for, as script tags (from http and file:// alike), and shows results,
 * facets and the count. Result text is inserted with textContent only.
 */
(function () {
  "use strict";
  if (typeof document === "undefined") return;

  var PAGE = 10;

  function start() {
    var page = document.getElementById("search");
    var L = window.LatihSearch;
    if (!page || !page.dataset.index || !L || !L.query) return;
    var core = { best: L.rank.best, typoKeys: L.rank.typoKeys, FACETS: L.facets.FACETS, applyFacets: L.facets.applyFacets,
      textFragment: L.excerpt.textFragment, queryWords: L.text.queryWords, parseState: L.query.parseState, formatState: L.query.formatState };
    var root = document.documentElement.getAttribute("data-root") || "";
    var dom = window.Latih.dom;
    var strings = dom.readJSON(document, "latih-search-strings") || {};
    function t(key, values) { return dom.fill(strings[key] || key, values); }

    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var empty = document.getElementById("search-empty");
    var facetBox = document.getElementById("search-facets");
    var catalogue = document.getElementById("search-catalogue");

    // ---- Loading ----
    // Every index file is a script that registers its data in `latihSearchData` under its
    // name: scripts run from file://, where fetch is refused, and from the web alike.
    var scripts = new Map();
    function data(name) { return (window.latihSearchData || {})[name]; }
    /** The data of scripts `names`; those not yet asked for are added to the page at once,
     *  in one fragment, so that their requests start together: one round trip. */
    function load(names) {
      var fragment = document.createDocumentFragment();
      var promises = names.map(function (name) {
        if (!scripts.has(name)) {
          var p = new Promise(function (resolve, reject) {
            if (data(name) !== undefined) { resolve(data(name)); return; }
            var s = document.createElement("script");
            s.src = root + name + ".js";
            s.onload = function () {
              var d = data(name);
              if (d === undefined) reject(new Error("no data in " + name)); else resolve(d);
            };
            s.onerror = function () { reject(new Error("cannot load " + name)); };
            fragment.appendChild(s);
          });
          scripts.set(name, p);
          p.catch(function () { scripts.delete(name); });
        }
        return scripts.get(name);
      });
      if (fragment.childNodes.length) document.head.appendChild(fragment);
      return Promise.all(promises);
    }
    // The catalogue comes as a script tag beside the engine, so that it downloads
    // alongside it.
    var metaName = page.dataset.index.slice(root.length);
    var search = L.query.createSearch({
      catalogue: function () { return load([metaName]).then(function (d) { return d[0]; }); },
      load: load
    });

    function cardsFor(results, found) { return search.cards(found, results); }

    // ---- Showing ----
    var shown = PAGE;
    var current = null;

    function crumb(m, info, doc) {
      var kind = info[0];
      if (kind === 2) return t("search-kind-path");
      if (kind === 3) return t("search-kind-page");
      if (kind === 0) {
        var df = m.table[doc];
        var category = df && df.course && df.course[0] >= 0 ? m.facets.category[df.course[0]] : "";
        return [t("search-kind-course"), category].filter(Boolean).join(" › ");
      }
      return info[4]; // "course › module", as the build wrote it
    }

    function el(tag, cls, text) { return dom.el(document, tag, cls, text); }

    /** `results`: the ones to show, in rank order (`best` of the filtered ones). */
    function renderResults(found, results, total) {
      return cardsFor(results, found).then(function (cards) {
        var items = document.createDocumentFragment(); // swapped in at once, as the facets are
        cards.forEach(function (c) {
          var li = el("li", "result");
          var h = el("h2", "result-title");
          var segments = c.segments;
          var a = el("a", null, c.info[1]);
          // The link opens the lesson at the excerpt's passage (see `textFragment`).
          a.href = root + c.info[2] + core.textFragment(segments);
          h.appendChild(a);
          li.appendChild(h);
          li.appendChild(el("p", "crumb", crumb(found.m, c.info, c.r.doc)));
          if (c.info[3]) li.appendChild(el("p", "meta-line", dom.duration(c.info[3], strings)));
          var p = el("p", "snippet");
          segments.forEach(function (s) {
            p.appendChild(s.mark ? el("mark", null, s.text) : document.createTextNode(s.text));
          });
          li.appendChild(p);
          items.appendChild(li);
        });
        if (total > shown) {
          var li = el("li", "more");
          var b = el("button", null, t("search-more"));
          b.type = "button";
          b.addEventListener("click", function () {
            var focusIndex = shown;
            shown += PAGE;
            show(current).then(function () {
              var link = list.querySelectorAll(".result a")[focusIndex];
              if (link) link.focus();
            });
          });
          li.appendChild(b);
          items.appendChild(li);
        }
        list.replaceChildren(items);
      });
    }

    function filterIndexes(m, state) {
      var out = {};
      core.FACETS.forEach(function (f) {
        out[f] = (state.filters[f] || []).map(function (name) { return m.facets[f].indexOf(name); })
          .filter(function (i) { return i >= 0; });
      });
      return out;
    }

    function facetLabel(f, name) {
      return f === "level" ? t("search-level-" + name) : name;
    }

    /** Facet values shown before "show all": a large catalogue has hundreds of tags. */
    var FACET_SHOWN = 8;
    function byCount(a, b) { return b.count - a.count || a.order - b.order; }
    var expanded = {};
    var facetsOpen = null; // null: as the screen's width suggests

    // Built detached and swapped in at once: appending to the live page, node by node,
    // cost a warm query more than ranking did.
    function renderFacets(m, state, counts) {
      // Focus stays on the box a keyboard user just toggled, though it is drawn anew.
      var had = document.activeElement, refocus = null;
      if (had && had.type === "checkbox" && facetBox.contains(had)) refocus = { name: had.name, value: had.value };
      // One panel that folds: on a phone, 30-odd filter rows above the results would push
      // them off the first screen, so it starts folded on narrow screens and open on wide
      // ones, and keeps what the learner chose while the facets are drawn anew.
      var panel = el("details", "facet-panel");
      var summary = el("summary", null, t("search-facets"));
      var active = core.FACETS.reduce(function (n, f) { return n + (state.filters[f] || []).length; }, 0);
      if (active) summary.appendChild(el("span", "facet-active", " (" + t("search-facets-active", { n: String(active) }) + ")"));
      panel.appendChild(summary);
      panel.open = facetsOpen !== null ? facetsOpen : !window.matchMedia || window.matchMedia("(min-width: 40rem)").matches;
      panel.addEventListener("toggle", function () { facetsOpen = panel.open; });
      var box = el("div", "facet-groups");
      var any = false;
      core.FACETS.forEach(function (f) {
        var selected = state.filters[f] || [];
        var all = [];
        m.facets[f].forEach(function (name, i) {
          if (counts[f][i] > 0 || selected.indexOf(name) >= 0) all.push({ name: name, count: counts[f][i], order: i });
        });
        if (!all.length) return;
        any = true;
        // The most frequent values first (then catalogue order), selected ones always.
        var top = new Set(core.best(all, FACET_SHOWN, byCount));
        var values = expanded[f] ? all : all.filter(function (v) { return top.has(v) || selected.indexOf(v.name) >= 0; });
        var fs = el("fieldset", "facet");
        fs.appendChild(el("legend", null, t("search-facet-" + f)));
        values.forEach(function (v, i) {
          var id = "facet-" + f + "-" + i;
          var wrap = el("div", "facet-option");
          var check = document.createElement("input");
          check.type = "checkbox";
          check.id = id;
          check.name = f;
          check.value = v.name;
          check.checked = selected.indexOf(v.name) >= 0;
          var label = el("label", null, facetLabel(f, v.name) + " (" + v.count + ")");
          label.htmlFor = id;
          wrap.appendChild(check);
          wrap.appendChild(label);
          fs.appendChild(wrap);
        });
        if (values.length < all.length) {
          var more = el("button", "link-button facet-more", t("search-facet-all", { n: String(all.length) }));
          more.type = "button";
          more.addEventListener("click", function () {
            expanded[f] = true;
            renderFacets(m, state, counts);
            var next = facetBox.querySelectorAll("input[name='" + f + "']")[values.length];
            if (next) next.focus();
          });
          fs.appendChild(more);
        }
        box.appendChild(fs);
      });
      panel.appendChild(box);
      facetBox.replaceChildren(panel);
      facetBox.hidden = !any;
      if (refocus) {
        var same = Array.prototype.find.call(facetBox.querySelectorAll("input[type=checkbox]"), function (c) {
          return c.name === refocus.name && c.value === refocus.value;
        });
        if (same) same.focus({ preventScroll: true });
      }
    }

    function renderEmpty(state) {
      empty.textContent = "";
      empty.appendChild(el("p", "empty-title", t("search-none", { q: state.q })));
      empty.appendChild(el("p", null, t("search-none-tips")));
      var actions = el("p", "empty-actions");
      var a = el("a", null, t("search-none-browse"));
      a.href = root + "index.html";
      actions.appendChild(a);
      var hasFilters = core.FACETS.some(function (f) { return (state.filters[f] || []).length; });
      if (hasFilters) {
        var b = el("button", "link-button", t("search-clear-filters"));
        b.type = "button";
        b.addEventListener("click", function () {
          core.FACETS.forEach(function (f) { state.filters[f] = []; });
          update(state, true);
        });
        actions.appendChild(document.createTextNode(" · "));
        actions.appendChild(b);
      }
      empty.appendChild(actions);
      empty.hidden = false;
    }

    var generation = 0;
    var LOADING_AFTER = 400; // ms
    function show(state, typing) {
      var mine = ++generation;
      current = state;
      if (!core.queryWords(state.q).length) {
        list.textContent = "";
        empty.hidden = true;
        facetBox.hidden = true;
        status.textContent = "";
        catalogue.hidden = false;
        return Promise.resolve();
      }
      page.setAttribute("aria-busy", "true");
      // On a slow connection a first query waits for several files: say so, but only
      // then, so that fast answers do not flash (or announce) a loading message.
      var slow = setTimeout(function () { if (mine === generation) status.textContent = t("search-loading"); }, LOADING_AFTER);
      return search.run(state, typing).then(function (found) {
        if (mine !== generation) return null;
        var filtered = core.applyFacets(found.ranked, found.m.table, filterIndexes(found.m, state), found.m.facets);
        renderFacets(found.m, state, filtered.counts);
        catalogue.hidden = true;
        var total = filtered.results.length;
        if (!total) {
          list.textContent = "";
          status.textContent = t("search-none", { q: state.q });
          renderEmpty(state);
          return null;
        }
        empty.hidden = true;
        var top = core.best(filtered.results, shown);
        return renderResults(found, top, total).then(function () {
          if (mine !== generation) return;
          var text = total === 1 ? t("search-results-one", { q: state.q }) : t("search-results-many", { n: String(total), q: state.q });
          if (total > shown) text += t("search-results-shown", { shown: String(Math.min(shown, total)) });
          // Say which spelling was used when a word was found only one typo away.
          var typos = core.typoKeys(top);
          if (typos.length) text += " " + t("search-typo", { words: typos.slice(0, 3).join(", ") });
          status.textContent = text;
        });
      }).catch(function () {
        if (mine !== generation) return;
        // Offline, the service worker has only the index files of earlier searches: say
        // why this one failed, and offer the catalogue, whose pages may well be saved.
        list.textContent = "";
        empty.hidden = true;
        catalogue.hidden = false;
        status.textContent = t(navigator.onLine === false ? "search-offline" : "search-error");
      }).then(function () {
        clearTimeout(slow);
        if (mine === generation) page.removeAttribute("aria-busy");
      });
    }

    // The address bar follows the query once the browser is idle: replacing the history
    // entry took Chromium a millisecond, a tenth of a warm query, before the results.
    var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 1); };
    var pendingURL = null;
    function update(state, resetPage, typing) {
      if (resetPage) shown = PAGE;
      if (pendingURL === null) {
        idle(function () {
          try { history.replaceState(null, "", pendingURL); } catch (e) { /* file:// in some browsers */ }
          pendingURL = null;
        }, { timeout: 200 });
      }
      pendingURL = location.pathname + core.formatState(state) + location.hash;
      return show(state, typing);
    }

    function readForm() {
      var state = { q: input.value, filters: {} };
      core.FACETS.forEach(function (f) {
        state.filters[f] = Array.from(facetBox.querySelectorAll("input[name='" + f + "']:checked"))
          .map(function (b) { return b.value; });
      });
      return state;
    }

    // One listener for every facet checkbox, however often the facets are drawn again.
    facetBox.addEventListener("change", function (e) {
      if (e.target && e.target.type === "checkbox") update(readForm(), true);
    });

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(readForm(), true, true); }, 120);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      update(readForm(), true);
    });

    // For benchmarks and tests: run a query as if typed, resolved once results are shown.
    window.Latih = window.Latih || {};
    window.Latih.searchPage = { run: function (q) { input.value = q; return update(readForm(), true); } };

    var initial = core.parseState(location.search);
    input.value = initial.q;
    page.classList.add("js");
    window.latihSearchReady = show(initial);
  }

  window.Latih.dom.ready(document, start);
})();
