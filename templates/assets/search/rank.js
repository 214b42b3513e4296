/*
 * Latih search: ranking. Per query word, a document scores its best weighted impact;
 * documents matching more of the query's words come first, then those that have more of
 * them as written (not only a word of the same stem).
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { var L = root.LatihSearch = root.LatihSearch || {}; L.rank = factory(); }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** How much each kind of match counts: exact word > same stem > prefix > one typo. */
  var WEIGHTS = { exact: 1, stem: 0.7, prefix: 0.45, typo: 0.3 };

  /**
   * Ranks documents. `matches` holds, per query word, a list of `{kind, key, postings}`
   * with postings a Map(doc → impact). A document scores, per query word, its best
   * weighted impact; documents matching more of the query's words come first, then by
   * score, then by position in the catalogue (`compareRanked`). Returns every matching
   * document as `{doc, score, words, via}`, `via[w]` being the best match for word w.
   */
  function rank(matches, documents, counting) {
    return score(matches, documents, counting).sort(compareRanked);
  }

  /**
   * What `rank` returns, in no particular order. A common word matches most of the
   * catalogue, and the page shows ten results at a time: `best` picks those without
   * sorting thousands of documents (sorting was a third of a warm query at 10,000).
   * Scores are kept in typed arrays indexed by document.
   *
   * `counting[w]` false: word w adds to scores but not to the words a document matches,
   * and a document that matches only such words is left out (see `countingWords`).
   */
  function score(matches, documents, counting) {
    var n = documents || 0;
    if (!n) {
      matches.forEach(function (forWord) {
        forWord.forEach(function (m) { m.postings.forEach(function (_, doc) { if (doc >= n) n = doc + 1; }); });
      });
    }
    var total = new Float64Array(n), count = new Uint8Array(n), best = new Float64Array(n), hit = new Uint8Array(n);
    // How many counting words a document has as written, and which have it for this word.
    var exact = new Uint8Array(n), asWritten = new Uint8Array(n);
    // Which match was best, as 1 + its index in the word's list (0: none), in typed
    // arrays rather than arrays of objects, which cost a warm query twice as much.
    var bestMatch = new Uint8Array(n);
    var vias = matches.map(function (forWord) { return { matches: forWord, match: new Uint8Array(n), score: new Float64Array(n) }; });
    var touched = [];
    matches.forEach(function (forWord, w) {
      if (forWord.length > 255) forWord = forWord.slice(0, 255);
      var seen = [];
      forWord.forEach(function (m, mi) {
        var weight = WEIGHTS[m.kind] * (m.factor || 1);
        var written = m.kind === "exact";
        var docs = m.postings.docs, impacts = m.postings.impacts;
        if (docs) {
          for (var j = 0; j < docs.length; j++) {
            var doc = docs[j], s = impacts[j] * weight;
            if (written) asWritten[doc] = 1;
            if (bestMatch[doc] === 0) { seen.push(doc); best[doc] = s; bestMatch[doc] = mi + 1; } else if (s > best[doc]) { best[doc] = s; bestMatch[doc] = mi + 1; }
          }
          return;
        }
        m.postings.forEach(function (impact, doc) {
          var s = impact * weight;
          if (written) asWritten[doc] = 1;
          if (bestMatch[doc] === 0) { seen.push(doc); best[doc] = s; bestMatch[doc] = mi + 1; } else if (s > best[doc]) { best[doc] = s; bestMatch[doc] = mi + 1; }
        });
      });
      var via = vias[w];
      var counts = !counting || counting[w];
      for (var i = 0; i < seen.length; i++) {
        var d = seen[i];
        if (!hit[d]) { hit[d] = 1; touched.push(d); }
        if (counts) { count[d]++; if (asWritten[d]) exact[d]++; }
        asWritten[d] = 0;
        total[d] += best[d];
        via.match[d] = bestMatch[d];
        via.score[d] = best[d];
        best[d] = 0;
        bestMatch[d] = 0;
      }
    });
    var out = [];
    var some = !counting || counting.some(Boolean);
    for (var k = 0; k < touched.length; k++) {
      var doc = touched[k];
      if (some && count[doc] === 0) continue;
      out.push(new Ranked(doc, total[doc], count[doc], vias, exact[doc]));
    }
    return out;
  }

  /**
   * Words that carry little on their own: Indonesian and English function words, and
   * the question words of queries typed as questions ("bagaimana cara melindungi data",
   * "apa itu SPBE"). This project's own short list; no stemming or index depends on it.
   */
  var FUNCTION_WORDS = new Set((
    "yang dan di ke dari untuk dengan pada dalam itu ini adalah ialah apa apakah bagaimana mengapa kenapa " +
    "cara atau juga akan sudah telah tidak bisa oleh sebagai karena jika kalau agar supaya saat ketika bagi " +
    "tentang para secara serta tetapi namun saya kita kami anda ada harus sangat hanya the a an of to in on " +
    "for and or is are what how why with by at from do does can your my i you"
  ).split(" "));

  /**
   * Which query words count toward how many words a document matches (`score`): all,
   * unless some are function words and others are not; then only the others. A page that
   * says "bagaimana" does not outrank one about the question's subject, and pages that
   * match only "yang" are not results.
   */
  function countingWords(words) {
    var flags = words.map(function (w) { return !FUNCTION_WORDS.has(w); });
    return flags.some(Boolean) ? flags : words.map(function () { return true; });
  }

  /**
   * Rank order: more query words matched, then more of them as written (a page that says
   * "disuguhi" above pages that only say "suguhan"), then a higher score, then catalogue order.
   */
  function compareRanked(a, b) {
    return b.words - a.words || b.exact - a.exact || b.score - a.score || a.doc - b.doc;
  }

  /**
   * The `k` best of `ranked` (from `score`), in rank order (or in `compare`'s order, for
   * other lists): one pass, keeping the best so far sorted.
   */
  function best(ranked, k, compare) {
    var order = compare || compareRanked;
    if (k >= ranked.length) return ranked.slice().sort(order);
    var top = [];
    for (var i = 0; i < ranked.length; i++) {
      var r = ranked[i];
      if (top.length === k && order(r, top[k - 1]) >= 0) continue;
      var lo = 0, hi = top.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (order(top[mid], r) < 0) lo = mid + 1; else hi = mid;
      }
      top.splice(lo, 0, r);
      if (top.length > k) top.pop();
    }
    return top;
  }

  /** A ranked document. Its `via` (the best match per query word) is made when asked: only shown results need it. */
  function Ranked(doc, score, words, vias, exact) { this.doc = doc; this.score = score; this.words = words; this.exact = exact || 0; this._vias = vias; }
  Object.defineProperty(Ranked.prototype, "via", {
    get: function () {
      var doc = this.doc;
      return this._vias.map(function (v) {
        var m = v.match[doc] ? v.matches[v.match[doc] - 1] : null;
        return m ? { score: v.score[doc], kind: m.kind, key: m.key } : undefined;
      });
    }
  });

  /**
   * The words that results are shown for only through a typo ("mengaku" for "mengadu"),
   * in the order the results show them, so the page can say which spelling it used.
   */
  function typoKeys(results) {
    var out = [];
    results.forEach(function (r) {
      r.via.forEach(function (v) { if (v && v.kind === "typo" && out.indexOf(v.key) < 0) out.push(v.key); });
    });
    return out;
  }

  return {
    WEIGHTS: WEIGHTS, rank: rank, score: score, best: best, compareRanked: compareRanked,
    countingWords: countingWords, typoKeys: typoKeys, FUNCTION_WORDS: FUNCTION_WORDS
  };
});
