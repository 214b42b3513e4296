/*
 * Latih search: words of text, as the build finds them (Sources/LatihSearch/Tokenizer.swift).
 *
 * Every file of this folder is one module of the search engine. The theme loader joins
 * them, in the order `../latih-search.bundle` lists, into the one published
 * `latih-search.js`: the search page costs one script request, and the engine runs from
 * `file://`, where browsers refuse ES modules. In Node (`node --test`) each file is a
 * CommonJS module that requires the ones it uses; in the browser each registers itself on
 * `self.LatihSearch` and finds the ones listed before it there.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.LatihSearch = root.LatihSearch || {}).text = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** A query's words beyond this many are ignored. */
  var MAX_WORDS = 8;
  var MARK = /\p{M}/gu;

  /**
   * Words of `text` with their UTF-16 offsets: runs of letters and digits, joined across
   * single hyphens ("buku-buku"), lowercased and without diacritics. One regular
   * expression finds them; combining marks inside a word are kept until folding.
   */
  var WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:-[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  var NON_ASCII = /[^\x00-\x7f]/;

  function tokenize(text) {
    var out = [];
    eachToken(text, function (word, start, end) { out.push({ word: word, start: start, end: end }); });
    return out;
  }

  /** Calls `visit(word, start, end)` for each word of `text`, as `tokenize` finds them, until it returns true. */
  function eachToken(text, visit) {
    var match, s = String(text);
    var re = new RegExp(WORD); // its own lastIndex: a visitor may tokenize too
    while ((match = re.exec(s)) !== null) {
      var raw = match[0];
      var end = match.index + raw.length;
      if (!NON_ASCII.test(raw)) { // most words: nothing to fold but case
        if (visit(raw.toLowerCase(), match.index, end)) return;
        continue;
      }
      while (end > match.index && /\p{M}/u.test(s.charAt(end - 1))) end--;
      if (visit(raw.toLowerCase().normalize("NFD").replace(MARK, ""), match.index, end)) return;
    }
  }

  /** The words of a query, without repeats, at most eight. */
  function queryWords(q) {
    var seen = {}, out = [];
    tokenize(q).forEach(function (t) {
      if (!seen[t.word] && out.length < MAX_WORDS) { seen[t.word] = true; out.push(t.word); }
    });
    return out;
  }

  return { MAX_WORDS: MAX_WORDS, tokenize: tokenize, eachToken: eachToken, queryWords: queryWords };
});
