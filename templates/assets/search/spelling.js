/*
 * Latih search: other spellings of a query word that matches too little: words one typo
 * away, and the Indonesian spelling of a loanword.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { var L = root.LatihSearch = root.LatihSearch || {}; L.spelling = factory(); }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function endsWith(w, s) { return w.length > s.length && w.slice(-s.length) === s; }

  /**
   * Words within one edit (insertion, deletion, substitution or swap of neighbours) of
   * `word`, from `vocabulary`. Only for words of five letters or more.
   */
  function typoCandidates(word, vocabulary, limit) {
    if (word.length < 5) return [];
    var out = [];
    for (var i = 0; i < vocabulary.length && out.length < (limit || 8); i++) {
      var v = vocabulary[i];
      if (v !== word && Math.abs(v.length - word.length) <= 1 && oneEdit(word, v)) out.push(v);
    }
    return out;
  }

  /** Endings of English words and the Indonesian endings they are written with. */
  var LOAN_ENDINGS = [["tion", "si"], ["sion", "si"], ["ty", "tas"], ["ive", "if"], ["ical", "is"], ["ism", "isme"], ["ure", "ur"]];

  /**
   * How Indonesian writes a word taken from English or Dutch, by the rules of its
   * spelling guide for loanwords (Pedoman Umum Pembentukan Istilah): x → ks, ph → f,
   * th → t, ch → k, q → k, c → s before e, i and y and k elsewhere, y → i, z → s,
   * doubled consonants once, and some endings (-tion → -si, -ty → -tas, -ive → -if).
   * "hoax" → hoaks, "cyber" → siber, "privacy" → privasi, "access" → akses, "quality"
   * → kualitas. Learners type the English spelling; a catalogue has the Indonesian one.
   * Returns the readings that differ from `word`, with and without the ending rule, and
   * without a silent final e ("service" → servis). Only for query words that match too
   * little: the engine looks each reading up in the index.
   */
  function loanSpellings(word) {
    if (!/^[a-z]{3,}$/.test(word)) return [];
    var stems = [word];
    LOAN_ENDINGS.forEach(function (e) { if (endsWith(word, e[0])) stems.push(word.slice(0, -e[0].length) + e[1]); });
    var out = [];
    function add(w) { if (w !== word && w.length >= 3 && out.indexOf(w) < 0) out.push(w); }
    stems.forEach(function (s) {
      var w = indonesianLetters(s);
      add(w);
      if (/[^aeiou]e$/.test(w)) add(w.slice(0, -1));
    });
    return out;
  }

  function indonesianLetters(w) {
    var out = "";
    for (var i = 0; i < w.length; i++) {
      var c = w[i], next = w[i + 1] || "";
      if (c === "p" && next === "h") { out += "f"; i++; }
      else if (c === "t" && next === "h") { out += "t"; i++; }
      else if (c === "c" && next === "h") { out += "k"; i++; }
      else if (c === "c" && next === "k") { out += "k"; i++; }
      else if (c === "c" && next === "c") { out += /[eiy]/.test(w[i + 2] || "") ? "ks" : "k"; i++; }
      else if (c === "c") out += /[eiy]/.test(next) ? "s" : "k";
      else if (c === "x") out += "ks";
      else if (c === "q") out += "k";
      else if (c === "y") out += "i";
      else if (c === "z") out += "s";
      else out += c;
    }
    // A doubled consonant is written once ("process" → proses, "effektif" → efektif).
    return out.replace(/([^aeiou])\1/g, "$1");
  }

  function oneEdit(a, b) {
    if (a.length === b.length) {
      var diff = [];
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) { diff.push(i); if (diff.length > 2) return false; }
      if (diff.length === 1) return true;
      return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
    }
    if (a.length > b.length) { var t = a; a = b; b = t; }
    var j = 0, skipped = false;
    for (var k = 0; k < b.length; k++) {
      if (a[j] === b[k]) j++;
      else if (skipped) return false;
      else skipped = true;
    }
    return true;
  }

  return {
    typoCandidates: typoCandidates, oneEdit: oneEdit, loanSpellings: loanSpellings
  };
});
