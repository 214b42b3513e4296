/*
 * Latih search: answering a query. Pure: it is handed a loader, and touches no page, so
 * `node --test` drives it over a built site's files (Tests/js/query.test.js).
 *
 * A loader has two methods:
 *   catalogue()  → the catalogue's data (or a promise of it);
 *   load(names)  → a promise of the text each index file `names[i]` registered.
 * Each call of `load` is one round trip: the files it names are fetched in parallel.
 *
 * A query costs at most three round trips on its critical path: the catalogue (loaded
 * with the engine), the term shards that its words and their likely stems fall in, and
 * the records of the results it shows.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./text.js"), require("./stem-id.js"), require("./stem-en.js"), require("./index-format.js"),
      require("./rank.js"), require("./facets.js"), require("./spelling.js"), require("./excerpt.js"));
  } else {
    var L = root.LatihSearch = root.LatihSearch || {};
    L.query = factory(L.text, L.stemId, L.stemEn, L.indexFormat, L.rank, L.facets, L.spelling, L.excerpt);
  }
})(typeof self !== "undefined" ? self : this, function (text, stemId, stemEn, format, rank, facets, spelling, excerpts) {
  "use strict";

  /** Words a partly typed word begins, at most. */
  var MAX_PREFIX_KEYS = 12;
  /** Shards searched for words that a partly typed word begins, beyond its own. */
  var MAX_PREFIX_SHARDS = 2;
  /** Stems guessed per query word before its shard arrives (see `likelyStems`). */
  var MAX_GUESSED_STEMS = 4;

  /**
   * The stems a word may have, before the index says which words the corpus knows: the
   * stemmer's answer when it knows nothing, when it knows every reading, and when it knows
   * just one of the readings it asks about. The build's stem is almost always among them,
   * so their shards come in the same round trip as the word's own.
   */
  function likelyStems(word) {
    var asked = [];
    var out = [stemId.stemIndonesian(word, function (w) { asked.push(w); return false; })];
    function add(s) { if (out.indexOf(s) < 0) out.push(s); }
    add(stemId.stemIndonesian(word, function () { return true; }));
    asked.slice(0, 16).forEach(function (only) {
      add(stemId.stemIndonesian(word, function (w) { return w === only; }));
    });
    return out.slice(0, MAX_GUESSED_STEMS);
  }

  /** `?q=…&category=…` → `{q, filters: {facet: [names]}}`. */
  function parseState(search) {
    var params = new URLSearchParams(search || "");
    var filters = {};
    facets.FACETS.forEach(function (f) { filters[f] = params.getAll(f).filter(Boolean); });
    return { q: params.get("q") || "", filters: filters };
  }

  function formatState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    facets.FACETS.forEach(function (f) { (state.filters[f] || []).forEach(function (v) { params.append(f, v); }); });
    var s = params.toString();
    return s ? "?" + s : "";
  }

  /**
   * What a query has loaded: the catalogue `m` and its term shards by number. Every key
   * lives in exactly one shard, the one `shardFor` names, so a lookup is one binary search.
   */
  function View(m, shards) { this.m = m; this.shards = shards; }
  /** `{shard, entry}` for `key`, or null when its shard is not loaded or lacks it. */
  View.prototype.find = function (key) {
    var shard = this.shards.get(format.shardFor(this.m.bounds, key));
    var entry = shard && shard.entries.get(key);
    return entry ? { shard: shard, entry: entry } : null;
  };
  View.prototype.has = function (key) { return this.shards.has(format.shardFor(this.m.bounds, key)); };
  /** Whether `key` is a word of the corpus. */
  View.prototype.isWord = function (key) { var f = this.find(key); return !!(f && f.entry.w >= 0); };
  /**
   * What the build's stemmer knew of `key`: 0 when it is neither a word of the corpus nor
   * a root it attests, otherwise the size of the family it heads (at least 1).
   */
  View.prototype.isKnown = function (key) {
    var f = this.find(key);
    return f && (f.entry.w >= 0 || f.entry.a) ? Math.max(1, f.entry.f) : 0;
  };
  View.prototype.words = function (key) { var f = this.find(key); return f ? format.wordPostings(f.shard, f.entry) : format.EMPTY; };
  View.prototype.stemmed = function (key) { var f = this.find(key); return f ? format.stemPostings(f.shard, f.entry) : format.EMPTY; };
  View.prototype.hasStem = function (key) { var f = this.find(key); return !!(f && f.entry.s >= 0); };
  /** The build's stems of `key`, when the corpus has it as a word; null otherwise. */
  View.prototype.stemsOf = function (key) { var f = this.find(key); return f && f.entry.w >= 0 ? f.entry.st || [] : null; };
  /** Every word key of the loaded shards (for typo candidates). */
  View.prototype.vocabulary = function () {
    if (!this._vocabulary) {
      var out = [];
      this.shards.forEach(function (shard) {
        shard.keys.forEach(function (k) { if (shard.entries.get(k).w >= 0) out.push(k); });
      });
      this._vocabulary = out;
    }
    return this._vocabulary;
  };

  /**
   * A search over one index. `loader` fetches its files (see the top of this file).
   * Returns `{run, cards, catalogue}`.
   */
  function createSearch(loader) {
    var metaPromise = null;
    var shardCache = new Map(), docCache = new Map();

    function catalogue() {
      if (!metaPromise) {
        metaPromise = Promise.resolve(loader.catalogue()).then(function (m) {
          if (!m || m.v !== format.FORMAT_VERSION) throw new Error("search index format " + (m && m.v) + " is not " + format.FORMAT_VERSION);
          m.table = facets.facetTable(m);
          m.bounds = format.decodeBounds(m.shards);
          return m;
        });
        metaPromise.catch(function () { metaPromise = null; });
      }
      return metaPromise;
    }

    /** Files `names`, decoded by `decode`, fetching the ones not yet loaded in one round trip. */
    function files(cache, names, decode) {
      var missing = names.filter(function (n) { return !cache.has(n); });
      if (missing.length) {
        var batch = Promise.resolve(loader.load(missing));
        missing.forEach(function (name, i) {
          var p = batch.then(function (texts) {
            if (typeof texts[i] !== "string") throw new Error("no data in " + name);
            return format.inflate(format.unpackText(texts[i]));
          }).then(decode);
          cache.set(name, p);
          p.catch(function () { cache.delete(name); });
        });
      }
      return Promise.all(names.map(function (n) { return cache.get(n); }));
    }

    /** A view of `m` with shards `indexes` loaded (with those of `view`, if given). */
    function load(m, indexes, view) {
      var unique = Array.from(new Set(indexes)).filter(function (i) { return !view || !view.shards.has(i); }).sort(function (a, b) { return a - b; });
      return files(shardCache, unique.map(function (i) { return "search/terms/" + i + "." + m.h; }), format.decodeShard).then(function (loaded) {
        var shards = new Map(view ? view.shards : []);
        unique.forEach(function (i, k) { shards.set(i, loaded[k]); });
        return new View(m, shards);
      });
    }

    /** The Indonesian stem of a query word, with the corpus knowledge the build had. */
    function stemWith(view, word) {
      return stemId.stemIndonesian(word, function (w) { return view.isKnown(w); });
    }

    /** The stems a query word is matched by: the build's, or the stemmer's with what is loaded. */
    function stemsFor(view, w) {
      var listed = view.stemsOf(w);
      if (listed) return [w].concat(listed);
      return view.m.en ? [stemWith(view, w), stemEn.stemEnglish(w)] : [stemWith(view, w)];
    }

    /**
     * Ranks the documents for `state.q`. `typing`: the last word may be unfinished, so
     * words it begins count too. Resolves to `{m, words, ranked, view}`, `ranked` in no
     * particular order (`rank.best` picks the top).
     */
    function run(state, typing) {
      var words = text.queryWords(state.q);
      return catalogue().then(function (m) {
        if (!words.length) return { m: m, words: words, ranked: [], view: new View(m, new Map()) };
        var partial = typing && !/\s$/.test(state.q);
        // One round trip for every shard the query is likely to need: the words' own,
        // their likely stems', their English stems' (when the index has English pages),
        // a loanword's Indonesian spelling's, and, while a word is being typed, the next
        // shards of the words it begins.
        var want = [];
        words.forEach(function (w, i) {
          var own = format.shardFor(m.bounds, w);
          want.push(own);
          likelyStems(w).forEach(function (s) { want.push(format.shardFor(m.bounds, s)); });
          if (m.en) want.push(format.shardFor(m.bounds, stemEn.stemEnglish(w)));
          spelling.loanSpellings(w).slice(0, 1).forEach(function (s) { want.push(format.shardFor(m.bounds, s)); });
          if (partial && i === words.length - 1 && w.length >= 2) {
            format.shardsForPrefix(m.bounds, w).filter(function (s) { return s > own; }).slice(0, MAX_PREFIX_SHARDS)
              .forEach(function (s) { want.push(s); });
          }
        });
        return load(m, want).then(function (view) {
          // A stem the guesses missed costs one more trip; the stemmer asks only about
          // words whose shards it can see, so the answer is settled by then.
          var more = [];
          words.forEach(function (w) {
            stemsFor(view, w).forEach(function (s) { if (!view.has(s)) more.push(format.shardFor(m.bounds, s)); });
          });
          return more.length ? load(m, more, view) : view;
        }).then(function (view) { return answer(m, words, view, partial); });
      });
    }

    function answer(m, words, view, partial) {
      var matches = words.map(function (w, i) { return collect(w, view, partial && i === words.length - 1); });
      var counting = rank.countingWords(words);
      var ranked = rank.score(matches, m.n, counting);
      // A word is weak when at most one document matches it in any way.
      var weak = words.filter(function (w, i) {
        if (w.length < 5 && !spelling.loanSpellings(w).length) return false;
        var most = matches[i].reduce(function (n, mt) { return n + mt.postings.size; }, 0);
        if (most >= 2 * matches[i].length && matches[i].some(function (mt) { return mt.postings.size >= 2; })) return false;
        var docs = new Set();
        matches[i].forEach(function (mt) { mt.postings.forEach(function (_, d) { docs.add(d); }); });
        return docs.size < 2;
      });
      var withAll = 0, need = counting.filter(Boolean).length;
      for (var r = 0; r < ranked.length && weak.length && withAll < 2; r++) if (ranked[r].words === need) withAll++;
      if (!weak.length || withAll >= 2) return { m: m, words: words, ranked: ranked, view: view };
      // Too little found: try the word as Indonesian spells loanwords ("hoax" → hoaks),
      // and words one typo away among the keys of the shards already loaded (a typo
      // after the first letters sorts near the word it misspells).
      var vocabulary = view.vocabulary();
      words.forEach(function (w, i) {
        if (weak.indexOf(w) < 0) return;
        var loans = spelling.loanSpellings(w).filter(function (v) { return view.isWord(v); });
        // A word the catalogue has is spelt right: its neighbours are other words
        // ("fakta" is not a typo of "akta"), only a word it lacks gets them.
        var near = view.isWord(w) ? [] : spelling.typoCandidates(w, vocabulary, 6);
        loans.concat(near.filter(function (v) { return loans.indexOf(v) < 0; })).forEach(function (c) {
          matches[i].push({ kind: "typo", key: c, postings: view.words(c) });
          // A loanword's reading is an Indonesian word, and so are the forms made from
          // it: "process" finds "proses", and pages that say only "diproses".
          if (loans.indexOf(c) >= 0 && view.hasStem(c)) matches[i].push({ kind: "typo", key: c, postings: view.stemmed(c) });
        });
      });
      return { m: m, words: words, ranked: rank.score(matches, m.n, counting), view: view };
    }

    /**
     * Every way one query word matches: itself, its stem, and words it begins. Words it
     * begins count while it is being typed, or when it matches nothing as it stands.
     */
    function collect(w, view, partial) {
      var out = [];
      var isWord = view.isWord(w);
      if (isWord) out.push({ kind: "exact", key: w, postings: view.words(w) });
      Array.from(new Set(stemsFor(view, w))).forEach(function (s) {
        if (view.hasStem(s)) out.push({ kind: "stem", key: s, postings: view.stemmed(s) });
      });
      // A word the catalogue lacks, whose root it never uses alone: "mengadu" reads as
      // (k)adu, and the catalogue says "aduan" and "pengaduan". A reading's derived noun or
      // verb, when the index has it as a word, lends its stem (its key sorts next to the
      // reading's, so it is in a shard already fetched).
      if (!out.length && !isWord) {
        var lent = [];
        consulted(w).forEach(function (r) {
          ["an", "kan", "i"].forEach(function (suffix) {
            var st = view.stemsOf(r + suffix);
            if (st) (st.length ? st : [r + suffix]).forEach(function (s) { if (lent.indexOf(s) < 0) lent.push(s); });
          });
        });
        lent.forEach(function (s) {
          if (view.hasStem(s)) out.push({ kind: "stem", key: s, postings: view.stemmed(s) });
        });
      }
      if (w.length >= 2 && (partial || !out.length)) {
        var keys = [];
        view.shards.forEach(function (shard) {
          var list = shard.keys;
          // Keys are sorted: those that begin with `w` are one run.
          var lo = 0, hi = list.length;
          while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < w) lo = mid + 1; else hi = mid; }
          for (var k = lo; k < list.length && list[k].indexOf(w) === 0; k++) {
            if (list[k] !== w && shard.entries.get(list[k]).w >= 0) keys.push(list[k]);
          }
        });
        keys.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
        keys.slice(0, MAX_PREFIX_KEYS).forEach(function (k) {
          out.push({ kind: "prefix", key: k, factor: Math.min(1, w.length / k.length + 0.3), postings: view.words(k) });
        });
      }
      return out;
    }

    /** The words the stemmer may consult for `word`. */
    function consulted(word) {
      var asked = [];
      stemId.stemIndonesian(word, function (w) { asked.push(w); return false; });
      return asked;
    }

    /**
     * What the page shows of `results` (from `run`'s `found`), in one round trip for their
     * records: `{r, info, segments}`, `info` being `[kind, title, path, minutes, crumb]`
     * and `segments` the excerpt, with the matched words marked (`excerpt.markSegments`).
     */
    function cards(found, results) {
      var m = found.m;
      var names = results.map(function (r) { return "search/docs/" + r.doc + "." + m.h; });
      return files(docCache, names, format.decodeDocument).then(function (records) {
        return results.map(function (r, i) {
          var rec = records[i], isMatch = matcherFor(found, r);
          var segments = excerpts.markSegments(excerpts.excerpt(rec[6], isMatch), isMatch);
          // A page found by its title, summary or tags only: its summary, marked where it
          // says the word, rather than the first lines of a text that never does.
          if (!segments.some(function (s) { return s.mark; }) && rec[5]) {
            var summary = excerpts.markSegments(rec[5], isMatch);
            if (summary.some(function (s) { return s.mark; }) || !segments.length) segments = summary;
          }
          return { r: r, info: rec.slice(0, 5), segments: segments };
        });
      });
    }

    // Stems of excerpt words, kept across queries (see `memoStemmer`).
    var excerptStem = stemId.memoStemmer();
    var excerptStemEN = new Map();

    /** Whether a word of an excerpt is what the query matched (for <mark>). */
    function matcherFor(found, r) {
      // The query's own words and stems are worked out once per query, not per result.
      if (!found.marks) {
        var view = found.view, base = {}, prefixes = [];
        found.words.forEach(function (w) {
          base[w] = 1;
          if (w.length >= 2) prefixes.push(w);
          stemsFor(view, w).forEach(function (s) { base[s] = 1; });
        });
        // A word's stems, for this query's shards (so exact within it).
        var stems = new Map(), english = found.m.en;
        var known = function (w) { return view.isKnown(w); };
        found.marks = { keys: base, prefixes: prefixes, stemsOf: function (word) {
          var st = stems.get(word);
          if (!st) {
            st = [excerptStem(word, known)];
            if (english) {
              if (!excerptStemEN.has(word)) excerptStemEN.set(word, stemEn.stemEnglish(word));
              st.push(excerptStemEN.get(word));
            }
            stems.set(word, st);
          }
          return st;
        } };
      }
      var keys = Object.create(found.marks.keys), prefixes = found.marks.prefixes, stemsOf = found.marks.stemsOf;
      r.via.forEach(function (v) { if (v) keys[v.key] = 1; });
      return function (word) {
        if (keys[word]) return true;
        for (var i = 0; i < prefixes.length; i++) if (word.indexOf(prefixes[i]) === 0) return true;
        var st = stemsOf(word);
        return !!keys[st[0]] || (st.length > 1 && !!keys[st[1]]);
      };
    }

    return { catalogue: catalogue, run: run, cards: cards };
  }

  return {
    MAX_PREFIX_KEYS: MAX_PREFIX_KEYS, createSearch: createSearch, likelyStems: likelyStems,
    parseState: parseState, formatState: formatState
  };
});
