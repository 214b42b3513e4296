/*
 * Latih search: English stemming, Porter2 (Snowball's "English" stemmer), as
 * Sources/LatihSearch/EnglishStemmer.swift does it, for pages in English.
 * Tests/vectors/stems-en.tsv holds both implementations to the same answers.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.LatihSearch = root.LatihSearch || {}).stemEn = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var EN_EXCEPTIONS = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes"
  };
  var EN_AFTER_1A = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, proceed: 1, exceed: 1, succeed: 1 };
  function enVowel(c) { return "aeiouy".indexOf(c) >= 0 && c !== ""; }

  function stemEnglish(word) {
    if (word.length <= 2) return word;
    if (EN_EXCEPTIONS[word]) return EN_EXCEPTIONS[word];
    if (!/^[a-z']+$/.test(word)) return word;
    var w = word.charAt(0) === "'" ? word.slice(1) : word;
    w = w.split("");
    for (var i = 0; i < w.length; i++) if (w[i] === "y" && (i === 0 || enVowel(w[i - 1]))) w[i] = "Y";
    w = w.join("");
    function region(start) {
      for (var i = start + 1; i < w.length; i++) if (!enVowel(w[i]) && enVowel(w[i - 1])) return i + 1;
      return w.length;
    }
    var r1 = /^(gener|arsen)/.test(w) ? 5 : /^commun/.test(w) ? 6 : region(0);
    var r2 = region(r1);
    function v(i) { return i >= 0 && i < w.length && enVowel(w[i]); }
    function ends(s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
    function longest(list) {
      var best = null;
      list.forEach(function (s) { if (ends(s) && (!best || s.length > best.length)) best = s; });
      return best;
    }
    function cut(s) { w = w.slice(0, w.length - s.length); }
    function rep(s, by) { cut(s); w += by; }
    function inR1(s) { return w.length - s.length >= r1; }
    function inR2(s) { return w.length - s.length >= r2; }
    function shortSyllable(end) {
      if (end === 2) return v(0) && !v(1);
      if (end < 3) return false;
      var c = w[end - 1];
      return !v(end - 3) && v(end - 2) && !v(end - 1) && c !== "w" && c !== "x" && c !== "Y";
    }
    var s = longest(["'", "'s", "'s'"]);
    if (s) cut(s);
    s = longest(["sses", "ied", "ies", "s", "us", "ss"]);
    if (s === "sses") rep(s, "ss");
    else if (s === "ied" || s === "ies") rep(s, w.length - s.length > 1 ? "i" : "ie");
    else if (s === "s" && w.length >= 3 && /[aeiouy]/.test(w.slice(0, w.length - 2))) cut(s);
    if (EN_AFTER_1A[w]) return w;
    s = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]);
    if (s === "eed" || s === "eedly") { if (inR1(s)) rep(s, "ee"); }
    else if (s && /[aeiouy]/.test(w.slice(0, w.length - s.length))) {
      cut(s);
      if (ends("at") || ends("bl") || ends("iz")) w += "e";
      else if (w.length >= 2 && w[w.length - 1] === w[w.length - 2] && "bdfgmnprt".indexOf(w[w.length - 1]) >= 0) w = w.slice(0, -1);
      else if (r1 >= w.length && shortSyllable(w.length)) w += "e";
    }
    if (w.length > 2 && (ends("y") || ends("Y")) && !v(w.length - 2)) w = w.slice(0, -1) + "i";
    s = longest(["tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator", "alism",
      "aliti", "alli", "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "fulli", "lessli", "li"]);
    if (s && inR1(s)) {
      var step2 = { tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize",
        ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful", ousli: "ous",
        ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", fulli: "ful", lessli: "less" };
      if (step2[s]) rep(s, step2[s]);
      else if (s === "ogi") { if (w.length > 3 && w[w.length - 4] === "l") rep(s, "og"); }
      else if (s === "li") { if (w.length > 2 && "cdeghkmnrt".indexOf(w[w.length - 3]) >= 0) cut(s); }
    }
    s = longest(["tional", "ational", "alize", "icate", "iciti", "ical", "ful", "ness", "ative"]);
    if (s && inR1(s)) {
      var step3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "" };
      if (s in step3) rep(s, step3[s]);
      else if (s === "ative" && inR2(s)) cut(s);
    }
    s = longest(["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
      "iti", "ous", "ive", "ize", "ion"]);
    if (s && inR2(s)) {
      if (s !== "ion") cut(s);
      else if (w.length > 3 && (w[w.length - 4] === "s" || w[w.length - 4] === "t")) cut(s);
    }
    if (ends("e")) { if (inR2("e") || (inR1("e") && !shortSyllable(w.length - 1))) cut("e"); }
    else if (ends("l") && inR2("l") && w.length > 1 && w[w.length - 2] === "l") cut("l");
    return w.replace(/Y/g, "y");
  }

  return { stemEnglish: stemEnglish };
});
