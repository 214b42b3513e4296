/*
 * Latih: the search page. Loads the index files a query needs (as JSON over HTTP, as
 * scripts from file://), ranks with latih-search-core.js, and shows results, facets and
 * the result count. Every piece of result text is inserted with textContent.
 * The search box in every page's header is a plain form that opens this page.
 */
(function () {
  "use strict";
  if (typeof document === "undefined") return;

  var PAGE = 10;

  function start() {
    var page = document.getElementById("search");
    var Latih = window.Latih || {};
    if (!page || !page.dataset.index || !Latih.searchCore || !Latih.stem) return;
    var core = Latih.searchCore;
    var stemIndonesian = Latih.stem.stemIndonesian;
    var root = document.documentElement.getAttribute("data-root") || "";
    var strings = {};
    try { strings = JSON.parse(document.getElementById("latih-search-strings").textContent); } catch (e) { /* keep keys */ }
    function t(key, values) {
      var s = strings[key] || key;
      Object.keys(values || {}).forEach(function (k) { s = s.split("{" + k + "}").join(values[k]); });
      return s;
    }

    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var empty = document.getElementById("search-empty");
    var facetBox = document.getElementById("search-facets");
    var catalogue = document.getElementById("search-catalogue");

    // ---- Loading ----
    var cache = new Map();
    var fromFile = location.protocol === "file:";
    function load(name) {
      if (cache.has(name)) return cache.get(name);
      var p;
      if (fromFile) {
        p = new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = root + name + ".js";
          s.onload = function () {
            var data = (window.latihSearchData || {})[name];
            if (data) resolve(data); else reject(new Error("no data in " + name));
          };
          s.onerror = function () { reject(new Error("cannot load " + name)); };
          document.head.appendChild(s);
        });
      } else {
        p = fetch(root + name + ".json").then(function (r) {
          if (!r.ok) throw new Error(r.status + " " + name);
          return r.json();
        });
      }
      cache.set(name, p);
      p.catch(function () { cache.delete(name); });
      return p;
    }
    var metaName = page.dataset.index.slice(root.length);
    var metaPromise = null;
    function meta() {
      if (!metaPromise) {
        metaPromise = load(metaName).then(function (m) {
          m.table = core.facetTable(m);
          return m;
        });
      }
      return metaPromise;
    }
    function shards(m, indexes) {
      var unique = Array.from(new Set(indexes)).sort(function (a, b) { return a - b; });
      return Promise.all(unique.map(function (i) { return load(m.files[i]); }));
    }

    // ---- Querying ----
    function entryIn(loaded, key) {
      for (var i = 0; i < loaded.length; i++) if (Object.prototype.hasOwnProperty.call(loaded[i].k, key)) return loaded[i].k[key];
      return null;
    }

    /** Indonesian stem of a query word, with the corpus knowledge the build had. */
    function stemWithIndex(word, loaded) {
      return stemIndonesian(word, function (w) { var e = entryIn(loaded, w); return !!(e && e.w); });
    }

    /** The words the stemmer may consult for `word`: their shards settle its stem. */
    function consulted(word) {
      var asked = [];
      stemIndonesian(word, function (w) { asked.push(w); return false; });
      return asked;
    }

    function run(state) {
      var words = core.queryWords(state.q);
      return meta().then(function (m) {
        if (!words.length) return { m: m, words: words, ranked: [], loaded: [] };
        var needed = [];
        var typing = !/\s$/.test(state.q);
        words.forEach(function (w, i) {
          needed.push(core.shardFor(m.shards, w));
          consulted(w).forEach(function (c) { needed.push(core.shardFor(m.shards, c)); });
          needed.push(core.shardFor(m.shards, core.stemEnglish(w)));
          if (w.length >= 2 && (i === words.length - 1 ? typing || w.length >= 3 : w.length >= 3)) {
            needed = needed.concat(core.shardsForPrefix(m.shards, w));
          }
        });
        return shards(m, needed).then(function (loaded) {
          var matches = words.map(function (w) { return collect(w, loaded, m); });
          var ranked = core.rank(matches);
          var weak = words.filter(function (w, i) { return w.length >= 5 && matches[i].length < 2; });
          var fewWithAll = ranked.filter(function (r) { return r.words === words.length; }).length < 3;
          if (!weak.length || !fewWithAll) return { m: m, words: words, ranked: ranked, loaded: loaded };
          // Too little found: try words one typo away, fetching the word list only now.
          return load(m.words).then(function (vocabulary) {
            var typos = {};
            var more = [];
            weak.forEach(function (w) {
              typos[w] = core.typoCandidates(w, vocabulary, 6);
              typos[w].forEach(function (c) { more.push(core.shardFor(m.shards, c)); });
            });
            return shards(m, more).then(function (extra) {
              var all = loaded.concat(extra);
              words.forEach(function (w, i) {
                (typos[w] || []).forEach(function (c) {
                  var e = entryIn(all, c);
                  if (e && e.w) matches[i].push({ kind: "typo", key: c, postings: core.wordPostings(e) });
                });
              });
              return { m: m, words: words, ranked: core.rank(matches), loaded: all };
            });
          });
        });
      });
    }

    /** Every way one query word matches: itself, its stem, and words it begins. */
    function collect(w, loaded, m) {
      var out = [];
      var exact = entryIn(loaded, w);
      if (exact && exact.w) out.push({ kind: "exact", key: w, postings: core.wordPostings(exact) });
      var stems = exact && exact.w ? [w].concat(exact.st || []) : [stemWithIndex(w, loaded), core.stemEnglish(w)];
      Array.from(new Set(stems)).forEach(function (s) {
        var e = entryIn(loaded, s);
        if (e && e.s) out.push({ kind: "stem", key: s, postings: core.stemPostings(e) });
      });
      if (w.length >= 2) {
        var keys = [];
        loaded.forEach(function (shard) {
          Object.keys(shard.k).forEach(function (k) {
            if (k !== w && k.indexOf(w) === 0 && shard.k[k].w) keys.push(k);
          });
        });
        keys.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
        keys.slice(0, core.MAX_PREFIX_KEYS).forEach(function (k) {
          out.push({ kind: "prefix", key: k, factor: Math.min(1, w.length / k.length + 0.3),
            postings: core.wordPostings(entryIn(loaded, k)) });
        });
      }
      return out;
    }

    // ---- Cards ----
    function cardsFor(results, found) {
      var m = found.m, loaded = found.loaded;
      var cards = results.map(function (r) {
        var info = null, text = null;
        for (var i = 0; i < loaded.length && !info; i++) if (loaded[i].d[r.doc]) info = loaded[i].d[r.doc];
        r.via.forEach(function (v) {
          if (text !== null || !v) return;
          var e = entryIn(loaded, v.key);
          (e && e.c || []).forEach(function (c) { if (c[0] === r.doc && text === null) text = c[1]; });
        });
        return { r: r, info: info, text: text };
      });
      var missing = cards.filter(function (c) { return !c.info || c.text === null; });
      var groups = Array.from(new Set(missing.map(function (c) { return Math.floor(c.r.doc / m.groupSize); })));
      return Promise.all(groups.map(function (g) { return load(m.groups[g]); })).then(function (loadedGroups) {
        var byGroup = {};
        groups.forEach(function (g, i) { byGroup[g] = loadedGroups[i]; });
        missing.forEach(function (c) {
          var rec = byGroup[Math.floor(c.r.doc / m.groupSize)][c.r.doc % m.groupSize];
          c.info = c.info || rec.slice(0, 5);
          if (c.text === null) {
            var matcher = matcherFor(found, c.r);
            c.text = core.excerpt(rec[6], matcher) || rec[5];
          }
        });
        return cards;
      });
    }

    /** Whether a word of an excerpt is what the query matched (for <mark>). */
    function matcherFor(found, r) {
      var keys = {}, prefixes = [];
      found.words.forEach(function (w) {
        keys[w] = 1;
        prefixes.push(w);
        var e = entryIn(found.loaded, w);
        (e && e.w ? e.st || [] : [stemWithIndex(w, found.loaded), core.stemEnglish(w)]).forEach(function (s) { keys[s] = 1; });
      });
      r.via.forEach(function (v) { if (v) keys[v.key] = 1; });
      return function (word) {
        if (keys[word]) return true;
        if (prefixes.some(function (p) { return p.length >= 2 && word.indexOf(p) === 0; })) return true;
        return !!keys[stemWithIndex(word, found.loaded)] || !!keys[core.stemEnglish(word)];
      };
    }

    // ---- Showing ----
    var shown = PAGE;
    var current = null;

    function crumb(m, info, doc) {
      var kind = info[0];
      if (kind === 2) return t("search-kind-path");
      if (kind === 3) return t("search-kind-page");
      var df = m.table[doc];
      var course = df && df.course ? df.course[0] : "";
      if (kind === 0) {
        var category = df && df.course && df.course[2] >= 0 ? m.facets.category[df.course[2]] : "";
        return [t("search-kind-course"), category].filter(Boolean).join(" › ");
      }
      return [course, info[4]].filter(Boolean).join(" › ");
    }

    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text) e.textContent = text;
      return e;
    }

    function renderResults(found, results, total) {
      return cardsFor(results.slice(0, shown), found).then(function (cards) {
        list.textContent = "";
        cards.forEach(function (c) {
          var li = el("li", "result");
          var h = el("h2", "result-title");
          var a = el("a", null, c.info[1]);
          a.href = root + c.info[2];
          h.appendChild(a);
          li.appendChild(h);
          li.appendChild(el("p", "crumb", crumb(found.m, c.info, c.r.doc)));
          if (c.info[3]) li.appendChild(el("p", "meta-line", t("search-minutes", { n: String(c.info[3]) })));
          var p = el("p", "snippet");
          core.markSegments(c.text || "", matcherFor(found, c.r)).forEach(function (s) {
            p.appendChild(s.mark ? el("mark", null, s.text) : document.createTextNode(s.text));
          });
          li.appendChild(p);
          list.appendChild(li);
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
          list.appendChild(li);
        }
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

    function renderFacets(m, state, counts) {
      facetBox.textContent = "";
      var any = false;
      facetBox.appendChild(el("h2", "visually-hidden", t("search-facets")));
      core.FACETS.forEach(function (f) {
        var selected = state.filters[f] || [];
        var values = m.facets[f].map(function (name, i) { return { name: name, count: counts[f][i] }; })
          .filter(function (v) { return v.count > 0 || selected.indexOf(v.name) >= 0; });
        if (!values.length) return;
        any = true;
        var fs = el("fieldset", "facet");
        fs.appendChild(el("legend", null, t("search-facet-" + f)));
        values.forEach(function (v, i) {
          var id = "facet-" + f + "-" + i;
          var wrap = el("div", "facet-option");
          var box = document.createElement("input");
          box.type = "checkbox";
          box.id = id;
          box.name = f;
          box.value = v.name;
          box.checked = selected.indexOf(v.name) >= 0;
          box.addEventListener("change", onFacetChange);
          var label = el("label", null, facetLabel(f, v.name) + " (" + v.count + ")");
          label.htmlFor = id;
          wrap.appendChild(box);
          wrap.appendChild(label);
          fs.appendChild(wrap);
        });
        facetBox.appendChild(fs);
      });
      facetBox.hidden = !any;
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
    function show(state) {
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
      return run(state).then(function (found) {
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
        return renderResults(found, filtered.results, total).then(function () {
          if (mine !== generation) return;
          var text = total === 1 ? t("search-results-one", { q: state.q }) : t("search-results-many", { n: String(total), q: state.q });
          if (total > shown) text += t("search-results-shown", { shown: String(Math.min(shown, total)) });
          status.textContent = text;
        });
      }).catch(function () {
        if (mine !== generation) return;
        status.textContent = t("search-error");
      }).then(function () {
        if (mine === generation) page.removeAttribute("aria-busy");
      });
    }

    function update(state, resetPage) {
      if (resetPage) shown = PAGE;
      var url = location.pathname + core.formatState(state) + location.hash;
      try { history.replaceState(null, "", url); } catch (e) { /* file:// in some browsers */ }
      return show(state);
    }

    function readForm() {
      var state = { q: input.value, filters: {} };
      core.FACETS.forEach(function (f) {
        state.filters[f] = Array.from(facetBox.querySelectorAll("input[name='" + f + "']:checked"))
          .map(function (b) { return b.value; });
      });
      return state;
    }

    function onFacetChange() { update(readForm(), true); }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(readForm(), true); }, 120);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      update(readForm(), true);
    });

    var initial = core.parseState(location.search);
    input.value = initial.q;
    page.classList.add("js");
    window.latihSearchReady = show(initial);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
