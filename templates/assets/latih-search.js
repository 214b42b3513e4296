/*
 * Latih: search. Two parts in one file, so the search page costs one script request:
 *
 * 1. The pure part (tokenizing, English stemming, postings, ranking, typo candidates,
 *    facets, excerpts, URL state): plain functions over plain data, exported to Node and
 *    tested with `node --test` (Tests/js/search.test.js).
 * 2. The page: loads the index files a query needs (JSON over HTTP, scripts from
 *    file://), ranks, and shows results, facets and the count. Result text is inserted
 *    with textContent only.
 *
 * Classic script, not an ES module: browsers refuse modules from file://, and the site
 * must search from a USB stick. Tokenizing and stemming must agree with the Swift build
 * (Sources/LatihSearch): Tests/vectors/*.tsv hold both to the same answers.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.Latih = Object.assign(root.Latih || {}, { searchCore: api });
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** How much each kind of match counts: exact word > same stem > prefix > one typo. */
  var WEIGHTS = { exact: 1, stem: 0.7, prefix: 0.45, typo: 0.3 };
  var MAX_WORDS = 8;
  var MAX_PREFIX_KEYS = 12;

  var WORD_CHAR = /[\p{L}\p{N}]/u;
  var MARK = /\p{M}/gu;

  /** Folds one character as the build does: lowercase, decomposed, marks dropped. */
  function fold(ch) { return ch.toLowerCase().normalize("NFD").replace(MARK, ""); }

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

  // ---- Indonesian stemming, as Sources/LatihSearch/IndonesianStemmer.swift ----
  //
  // Rules in the Nazief–Adriani tradition (particles, possessives, derivational suffixes,
  // up to three prefixes with their sound changes), with two additions that fix what
  // Snowball's Indonesian stemmer gets wrong: where a prefix hides a sound (mengupas:
  // kupas or upas?) every reading is tried and the one that occurs in the indexed corpus
  // wins, and a short list of roots that merely look affixed (terampil, pegawai, kelola)
  // stops stripping. The list is this project's own; no word list under a restrictive
  // licence is used. Tests/vectors/stems-id.tsv holds both implementations to the same answers.

  /** Roots that look like prefixed or suffixed words, and must not be stripped. */
  var ROOTS = new Set((
    "terampil terima terus teman tempat tentang tetap percaya peran perlu pergi penting pegawai pesan " +
    "perintah pertama perempuan persen beri benar berat besar belum betul bersih dinas diri dingin digital " +
    "diskusi dinamis kecil kenal keras ketik kerja kelas kertas kepala keluarga kelola sekolah sedang sedia " +
    "sehat semua sendiri sering serta setia selesai mereka menteri meja menit jalan bulan makan bukan ikan " +
    "taman badan hutan organisasi ajar dengan kembang jadi cari beli mati nanti kunci hati gigi kali lagi lari " +
    "mandi mimpi pagi seni tepi tinggi bunyi janji kopi roti bumi kawan lawan korban papan zaman bahan tekan masalah"
  ).split(" "));

  var VOWELS = "aiueo";
  function vowel(c) { return !!c && VOWELS.indexOf(c) >= 0; }
  function endsWith(w, s) { return w.length > s.length && w.slice(-s.length) === s; }

  /** Prefix and suffix pairs that Indonesian does not combine (Nazief and Adriani). */
  function invalidPair(prefix, suffix) {
    return (prefix === "be" && suffix === "i") || (prefix === "di" && suffix === "an") ||
      (prefix === "ke" && (suffix === "i" || suffix === "kan")) || (prefix === "me" && suffix === "an") ||
      (prefix === "se" && (suffix === "i" || suffix === "kan")) || (prefix === "te" && suffix === "an");
  }

  /** The possible words under one prefix, most likely first; empty when there is none. */
  function prefixReadings(w) {
    var out = [];
    var c3 = w.charAt(3), c4 = w.charAt(4), rest;
    if (/^(di|ke|se)/.test(w)) out = [w.slice(2)];
    else if (w.indexOf("belajar") === 0 || (w.indexOf("pel") === 0 && w.indexOf("ajar", 3) === 3)) out = [w.slice(3)];
    else if (w.indexOf("ber") === 0) out = vowel(c3) ? [w.slice(3), w.slice(2)] : [w.slice(3)];
    else if (w.indexOf("be") === 0 && !vowel(w.charAt(2)) && w.slice(3, 5) === "er") out = [w.slice(2)];
    else if (w.indexOf("ter") === 0) out = vowel(c3) ? [w.slice(3), w.slice(2)] : [w.slice(3)];
    else if (w.indexOf("memper") === 0) out = [w.slice(6)];
    else if (/^(me|pe)ny/.test(w) && vowel(c4)) out = ["s" + w.slice(4)];
    else if (/^(me|pe)ng/.test(w)) {
      rest = w.slice(4);
      out = vowel(c4) ? ["k" + rest, rest] : ("ghkqx".indexOf(c4) >= 0 ? [rest] : []);
      // menge-/penge- before a root of one syllable: mengecek, pengecatan.
      if (c4 === "e" && w.length > 5 && !vowel(w.charAt(5))) out.push(w.slice(5));
    } else if (/^(me|pe)m/.test(w)) {
      rest = w.slice(3);
      if (c3 === "p" || "bfv".indexOf(c3) >= 0) out = [rest];
      else if (vowel(c3)) out = ["p" + rest, "m" + rest];
      else if (c3 === "r") out = ["p" + rest, rest];
    } else if (/^(me|pe)n/.test(w)) {
      rest = w.slice(3);
      if ("cdjzs".indexOf(c3) >= 0) out = [rest];
      else if (vowel(c3)) out = ["t" + rest, "n" + rest];
    } else if (w.indexOf("me") === 0 && "lrwy".indexOf(w.charAt(2)) >= 0) out = [w.slice(2)];
    else if (w.indexOf("per") === 0) out = vowel(c3) ? [w.slice(3), w.slice(2)] : [w.slice(3)];
    else if (w.indexOf("pe") === 0 && !vowel(w.charAt(2))) out = [w.slice(2)];
    return out;
  }

  /** The first prefix's kind, for the combination rules: be, di, ke, me, pe, se, te or "". */
  function prefixKind(w) {
    var m = /^(be|di|ke|me|pe|se|te)/.exec(w);
    return m && prefixReadings(w).length ? m[1] : "";
  }

  /**
   * Removes up to three prefixes, choosing among readings by what the corpus knows.
   * A root must keep four letters, so that roots beginning like a prefix (didik, penuh,
   * sebar) are not eaten; three after a first prefix when the corpus knows them (dicek).
   */
  function stripPrefixes(w, known) {
    for (var i = 0; i < 3; i++) {
      if (ROOTS.has(w)) return w;
      var first = i === 0;
      var readings = prefixReadings(w).filter(function (r) { return r.length >= 4 || (first && r.length === 3 && known(r)); });
      if (!readings.length) return w;
      var pick = readings[0];
      for (var j = 0; j < readings.length; j++) {
        if (known(readings[j])) { pick = readings[j]; break; }
      }
      w = pick;
    }
    return w;
  }

  /**
   * The word with particles (-lah, -kah, -tah, -pun) and possessives (-ku, -mu, -nya)
   * removed, and without: "bertanya" ends in -nya and "pemerintah" in -tah, but neither
   * carries one.
   */
  function inflectionReadings(w) {
    var out = [];
    var v = w;
    var particle = /(lah|kah|tah|pun)$/.exec(v);
    if (particle && v.length - 3 >= 3 && !ROOTS.has(v)) v = v.slice(0, -3);
    var possessive = /(nya|ku|mu)$/.exec(v);
    if (possessive && v.length - possessive[1].length >= 3 && !ROOTS.has(v)) v = v.slice(0, -possessive[1].length);
    if (v !== w) out.push(v);
    out.push(w);
    return out;
  }

  /**
   * Readings of a word once its inflection is settled: each derivational suffix, and none.
   * A suffix that the combination rules exclude is still read off when what remains is a
   * word the corpus knows: "kerjakan" is kerja-kan, though ke- and -kan never combine,
   * and "pelajari" is pelajar-i. (Not for a word with no prefix: "tetapi" is not tetap-i.)
   */
  function suffixReadings(w, known) {
    if (endsWith(w, "isasi") && w.length - 5 >= 4) return [w.slice(0, -5)];
    var prefix = prefixKind(w);
    var out = [];
    var knows = known || function () { return false; };
    if (endsWith(w, "kan") && w.length - 3 >= 3 && (!invalidPair(prefix, "kan") || knows(w.slice(0, -3)))) out.push(w.slice(0, -3));
    if (endsWith(w, "an") && w.length - 2 >= 3 && (!invalidPair(prefix, "an") || knows(w.slice(0, -2)))) out.push(w.slice(0, -2));
    if (endsWith(w, "i") && w.length - 1 >= 3 &&
        ((/^(me|di|te)$/.test(prefix) && !invalidPair(prefix, "i")) || (prefix !== "" && knows(w.slice(0, -1))))) out.push(w.slice(0, -1));
    out.push(w);
    return out;
  }

  /**
   * Tries every reading (inflection × suffix × prefixes) and keeps the first whose stem
   * the corpus knows. With none known, it prefers a reading whose prefix could be
   * removed (so "bertanya" is ber-tanya, not berta-nya), then the first.
   */
  function stemWord(w, known) {
    if (w.length <= 3 || ROOTS.has(w)) return w;
    var candidates = [];
    inflectionReadings(w).forEach(function (inflected) {
      if (ROOTS.has(inflected)) { candidates.push({ stem: inflected, stripped: true }); return; }
      suffixReadings(inflected, known).forEach(function (r) {
        var stem = ROOTS.has(r) ? r : stripPrefixes(r, known);
        candidates.push({ stem: stem, stripped: stem !== r || prefixReadings(r).length === 0 });
      });
    });
    // A listed root beats a reading the corpus merely knows: "bermasalah" is ber-masalah,
    // not ber-masa-lah, though "masa" is a word too.
    var i;
    for (i = 0; i < candidates.length; i++) if (ROOTS.has(candidates[i].stem)) return candidates[i].stem;
    for (i = 0; i < candidates.length; i++) if (known(candidates[i].stem)) return candidates[i].stem;
    for (i = 0; i < candidates.length; i++) if (candidates[i].stripped) return candidates[i].stem;
    return candidates[0].stem;
  }

  /**
   * The stem of a lowercase Indonesian word. `isKnown(word)` says whether a word occurs in
   * the corpus being indexed; it settles readings that rules alone cannot.
   */
  function stemIndonesian(word, isKnown) {
    var test = isKnown || function () { return false; };
    var known = function (w) { return ROOTS.has(w) || test(w); };
    var w = String(word).toLowerCase();
    if (w.indexOf("-") >= 0) {
      var parts = w.split("-");
      if (parts.length === 2 && parts[0] && parts[1]) {
        var a = parts[0], b = parts[1];
        // Reduplication: buku-buku, anak-anaknya, sayur-mayur.
        if (a === b || b.indexOf(a) === 0 || (a.length > 2 && a.slice(1) === b.slice(1))) return stemWord(a, known);
      }
      return w;
    }
    return stemWord(w, known);
  }


  // ---- Porter2 (Snowball "English"), as Sources/LatihSearch/EnglishStemmer.swift ----

  var EN_EXCEPTIONS = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes"
  };
  var EN_AFTER_1A = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, proceed: 1, exceed: 1, succeed: 1 };
  function enVowel(c) { return "aeiouy".indexOf(c) >= 0 && c !== ""; }

  /**
   * `stemIndonesian` with its stems kept across calls. A stem depends only on the
   * answers `isKnown` gives to the questions the stemmer asks, so a kept stem is reused
   * while those answers hold, and worked out again when one changes. The search page
   * stems every word of every excerpt it shows; afresh, that was a fifth of a warm query.
   */
  function memoStemmer() {
    var memo = new Map();
    return function (word, isKnown) {
      var kept = memo.get(word);
      if (kept && kept.asked.every(function (w, i) { return isKnown(w) === kept.known[i]; })) return kept.stem;
      var asked = [], known = [];
      var stem = stemIndonesian(word, function (w) { var k = isKnown(w); asked.push(w); known.push(k); return k; });
      memo.set(word, { asked: asked, known: known, stem: stem });
      return stem;
    };
  }

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

  // ---- The index ----

  /**
   * Shard bounds from the catalogue's front-coded string (see the build's `frontCoded`):
   * each entry is a base-36 digit, how many leading characters it shares with the entry
   * before, then the rest of it; entries are separated by spaces.
   */
  function decodeBounds(coded) {
    var out = [], previous = "";
    coded.split(" ").forEach(function (entry) {
      previous = previous.slice(0, parseInt(entry.charAt(0), 36)) + entry.slice(1);
      out.push(previous);
    });
    return out;
  }

  /** The shard holding `key`: the last whose lower bound is ≤ key (binary search). */
  function shardFor(bounds, key) {
    var lo = 0, hi = bounds.length - 1, best = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (bounds[mid] <= key) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best;
  }

  /**
   * Shards that may hold keys starting with `prefix`: those that meet the range from
   * `prefix` to `prefix` followed by the highest code unit. Bounds are the shortest
   * strings that separate two shards, so a shard's bound need not start with `prefix`
   * even when its keys do.
   */
  function shardsForPrefix(bounds, prefix) {
    var out = [];
    for (var i = shardFor(bounds, prefix), last = shardFor(bounds, prefix + "\uffff"); i <= last; i++) out.push(i);
    return out;
  }

  /**
   * Packed numbers (Sources/LatihSearch/JSONText.swift, `packed`): five bits per
   * character, lowest first; `0`–`V` end a number, `W`–`_` say more bits follow.
   */
  var PACK = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var PACK_VALUE = new Int8Array(128).fill(-1);
  for (var p = 0; p < PACK.length; p++) PACK_VALUE[PACK.charCodeAt(p)] = p;
  function unpack(s) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < s.length; i++) {
      var d = PACK_VALUE[s.charCodeAt(i)];
      if (d >= 32) { value += (d - 32) * Math.pow(2, shift); shift += 5; }
      else { out.push(value + d * Math.pow(2, shift)); value = 0; shift = 0; }
    }
    return out;
  }

  /**
   * A posting list in typed arrays, in document order. It reads like a Map from
   * document to impact (`size`, `forEach(impact, doc)`, iteration as [doc, impact]).
   */
  function Postings(docs, impacts) { this.docs = docs; this.impacts = impacts; this.size = docs.length; }
  Postings.prototype.forEach = function (fn) {
    for (var i = 0; i < this.docs.length; i++) fn(this.impacts[i], this.docs[i]);
  };
  Postings.prototype[Symbol.iterator] = function* () {
    for (var i = 0; i < this.docs.length; i++) yield [this.docs[i], this.impacts[i]];
  };

  /** Postings (packed, or `[Δdoc, impact, …]`) → Postings. */
  function decodePostings(list) {
    var flat = typeof list === "string" ? unpack(list) : list;
    var n = flat.length >> 1, docs = new Int32Array(n), impacts = new Float64Array(n), doc = 0;
    for (var i = 0; i < n; i++) { doc += flat[2 * i]; docs[i] = doc; impacts[i] = flat[2 * i + 1]; }
    return new Postings(docs, impacts);
  }
  var EMPTY = new Postings(new Int32Array(0), new Float64Array(0));
  // Decoded once per key and kept on the entry: warm queries reuse them.
  function wordPostings(entry) {
    if (!entry || !entry.w) return EMPTY;
    return entry._w || (entry._w = decodePostings(entry.w));
  }
  function stemPostings(entry) {
    if (!entry || entry.s === undefined) return EMPTY;
    if (entry.s === 0) return wordPostings(entry);
    return entry._s || (entry._s = decodePostings(entry.s));
  }

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
   * little: the browser looks each reading up in the catalogue's word list.
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
        var docs = m.postings.docs, impacts = m.postings.impacts;
        if (docs) {
          for (var j = 0; j < docs.length; j++) {
            var doc = docs[j], s = impacts[j] * weight;
            if (bestMatch[doc] === 0) { seen.push(doc); best[doc] = s; bestMatch[doc] = mi + 1; } else if (s > best[doc]) { best[doc] = s; bestMatch[doc] = mi + 1; }
          }
          return;
        }
        m.postings.forEach(function (impact, doc) {
          var s = impact * weight;
          if (bestMatch[doc] === 0) { seen.push(doc); best[doc] = s; bestMatch[doc] = mi + 1; } else if (s > best[doc]) { best[doc] = s; bestMatch[doc] = mi + 1; }
        });
      });
      var via = vias[w];
      var counts = !counting || counting[w];
      for (var i = 0; i < seen.length; i++) {
        var d = seen[i];
        if (!hit[d]) { hit[d] = 1; touched.push(d); }
        if (counts) count[d]++;
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
      out.push(new Ranked(doc, total[doc], count[doc], vias));
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

  /** Rank order: more query words matched, then a higher score, then catalogue order. */
  function compareRanked(a, b) {
    return b.words - a.words || b.score - a.score || a.doc - b.doc;
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
  function Ranked(doc, score, words, vias) { this.doc = doc; this.score = score; this.words = words; this._vias = vias; }
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

  // ---- Facets ----

  var FACETS = ["category", "level", "competency", "tag"];

  /**
   * Each document's facet values (as facet-name indexes), from the catalogue file. The
   * entries are shared by documents with the same values (a course's pages) and numbered
   * (`id`, and `table.entries` in that order), so results are tallied per entry.
   */
  function facetTable(meta) {
    var docs = new Array(meta.n);
    var entries = [];
    function entry(course, values) {
      var e = { course: course, values: values, id: entries.length };
      entries.push(e);
      return e;
    }
    meta.courses.forEach(function (c) {
      // [category, level, [competencies], [tags], first doc, end doc]
      var values = { category: c[0] >= 0 ? [c[0]] : [], level: c[1] >= 0 ? [c[1]] : [], competency: c[2], tag: c[3] };
      var shared = entry(c, values); // shared by the course's pages
      for (var d = c[4]; d < c[5]; d++) docs[d] = shared;
    });
    Object.keys(meta.docTags || {}).forEach(function (tag) {
      var doc = 0;
      meta.docTags[tag].forEach(function (delta) {
        doc += delta;
        var was = docs[doc] || { course: null, values: { category: [], level: [], competency: [], tag: [] } };
        docs[doc] = entry(was.course, Object.assign({}, was.values, { tag: was.values.tag.concat([Number(tag)]) }));
      });
    });
    docs.entries = entries;
    return docs;
  }

  function passes(docFacets, filters, except) {
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (f === except || !filters[f] || !filters[f].length) continue;
      var have = docFacets ? docFacets.values[f] : [];
      if (!filters[f].some(function (v) { return have.indexOf(v) >= 0; })) return false;
    }
    return true;
  }

  /**
   * Filters ranked results and counts facet values. `filters` maps a facet to selected
   * value indexes; counts for one facet apply every other facet's filter.
   */
  function applyFacets(ranked, table, filters, names) {
    var counts = {};
    FACETS.forEach(function (f) { counts[f] = names[f].map(function () { return 0; }); });
    var active = FACETS.filter(function (f) { return filters[f] && filters[f].length; });
    var kept = [];
    // Documents with the same facet values (a course's pages, mostly) are counted as a
    // group: one tally per entry of the table, not per document.
    var entries = table.entries, tally = new Int32Array(entries.length);
    for (var i = 0; i < ranked.length; i++) {
      var df = table[ranked[i].doc];
      if (!df) { if (!active.length) kept.push(ranked[i]); continue; }
      tally[df.id]++;
      if (!active.length || passes(df, filters, null)) kept.push(ranked[i]);
    }
    for (var g = 0; g < entries.length; g++) {
      var n = tally[g];
      if (!n) continue;
      for (var f = 0; f < FACETS.length; f++) {
        var facet = FACETS[f];
        if (active.length && !passes(entries[g], filters, facet)) continue;
        var values = entries[g].values[facet];
        for (var v = 0; v < values.length; v++) counts[facet][values[v]] += n;
      }
    }
    return { results: kept, counts: counts };
  }

  // ---- Excerpts ----

  /** A passage of `text` around the first token that `isMatch` accepts, as the build makes them. */
  function excerpt(text, isMatch) {
    // Tokens are read only up to the one after the passage: documents run to 1,200
    // characters, and the first match is usually early.
    var starts = [], ends = [], at = -1;
    eachToken(text, function (word, start, end) {
      starts.push(start);
      ends.push(end);
      if (at < 0 && isMatch(word)) at = starts.length - 1;
      return at >= 0 && starts.length > at + 19;
    });
    var n = starts.length;
    if (!n) return "";
    var lo = at >= 0 ? Math.max(0, at - 8) : 0, hi = Math.min(n - 1, Math.max(at, 0) + 18);
    // Line breaks stay (a page shows them as spaces): they tell `textFragment` where a
    // paragraph or heading ends.
    var s = text.slice(starts[lo], ends[hi]).replace(/[^\S\n]/g, " ");
    return (lo > 0 ? "… " : "") + s + (hi < n - 1 ? " …" : "");
  }

  /**
   * A text fragment (`#:~:text=…`) for a result's link, from its marked excerpt: the first
   * marked word and the two words after it. Browsers that support text fragments scroll the
   * lesson to that passage and highlight it; the others, and a phrase the page does not
   * hold as such, simply open the page at its top. The phrase stops where the excerpt's
   * paragraph or heading does (a line break) or where it is cut (…). Empty when nothing is
   * marked.
   */
  function textFragment(segments) {
    var at = -1;
    for (var i = 0; i < segments.length; i++) if (segments[i].mark) { at = i; break; }
    if (at < 0) return "";
    var rest = segments.slice(at).map(function (seg) { return seg.text; }).join("");
    // Within the excerpt's paragraph: a fragment does not match across blocks.
    var words = rest.split(/[…\n]/)[0].trim().split(/\s+/).slice(0, 3).join(" ");
    // "-", "," and "&" are the directive's own syntax.
    return words ? "#:~:text=" + encodeURIComponent(words).replace(/-/g, "%2D") : "";
  }

  /** `text` as segments `{text, mark}`, with the words that `isMatch` accepts marked. */
  function markSegments(text, isMatch) {
    var out = [], last = 0;
    tokenize(text).forEach(function (t) {
      var parts = t.word.indexOf("-") >= 0 ? [t.word].concat(t.word.split("-")) : [t.word];
      if (!parts.some(isMatch)) return;
      if (t.start > last) out.push({ text: text.slice(last, t.start), mark: false });
      out.push({ text: text.slice(t.start, t.end), mark: true });
      last = t.end;
    });
    if (last < text.length) out.push({ text: text.slice(last), mark: false });
    return out;
  }

  // ---- URL state ----

  /** `?q=…&category=…` → `{q, filters: {facet: [names]}}`. */
  function parseState(search) {
    var params = new URLSearchParams(search || "");
    var filters = {};
    FACETS.forEach(function (f) { filters[f] = params.getAll(f).filter(Boolean); });
    return { q: params.get("q") || "", filters: filters };
  }

  function formatState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { (state.filters[f] || []).forEach(function (v) { params.append(f, v); }); });
    var s = params.toString();
    return s ? "?" + s : "";
  }

  return {
    WEIGHTS: WEIGHTS, FACETS: FACETS, MAX_PREFIX_KEYS: MAX_PREFIX_KEYS,
    tokenize: tokenize, queryWords: queryWords, stemEnglish: stemEnglish, stemIndonesian: stemIndonesian, memoStemmer: memoStemmer, ROOTS: ROOTS,
    shardFor: shardFor, shardsForPrefix: shardsForPrefix, decodePostings: decodePostings, decodeBounds: decodeBounds,
    wordPostings: wordPostings, stemPostings: stemPostings, unpack: unpack,
    typoCandidates: typoCandidates, oneEdit: oneEdit, loanSpellings: loanSpellings, rank: rank, score: score, best: best, compareRanked: compareRanked, typoKeys: typoKeys, countingWords: countingWords,
    facetTable: facetTable, applyFacets: applyFacets, excerpt: excerpt, markSegments: markSegments, textFragment: textFragment,
    parseState: parseState, formatState: formatState
  };
});

// ---- The search page ----
(function () {
  "use strict";
  if (typeof document === "undefined") return;

  var PAGE = 10;

  function start() {
    var page = document.getElementById("search");
    var Latih = window.Latih || {};
    if (!page || !page.dataset.index || !Latih.searchCore) return;
    var core = Latih.searchCore;
    var stemIndonesian = Latih.searchCore.stemIndonesian;
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
    var scripts = new Map();
    /** Runs `src` once; index scripts register their data in `latihSearchData`. */
    function script(src) {
      if (!scripts.has(src)) {
        scripts.set(src, new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = src;
          s.onload = resolve;
          s.onerror = function () { scripts.delete(src); reject(new Error("cannot load " + src)); };
          document.head.appendChild(s);
        }));
      }
      return scripts.get(src);
    }
    /** Index file `name` (without extension); from file://, the script `scriptName` holds it. */
    function load(name, scriptName) {
      if (cache.has(name)) return cache.get(name);
      var p, ready = (window.latihSearchData || {})[name];
      if (ready) {
        // The catalogue comes as a script tag beside this one, so that it downloads
        // alongside the engine, from http and from file:// alike.
        p = Promise.resolve(ready);
      } else if (fromFile) {
        p = script(root + (scriptName || name) + ".js").then(function () {
          var data = (window.latihSearchData || {})[name];
          if (!data) throw new Error("no data in " + name);
          return data;
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
          m.shards = core.decodeBounds(m.shards);
          return m;
        });
      }
      return metaPromise;
    }
    function shards(m, indexes) {
      var unique = Array.from(new Set(indexes)).sort(function (a, b) { return a - b; });
      return Promise.all(unique.map(function (i) {
        return load("search/terms/" + i + "." + m.h, "search/terms/s" + Math.floor(i / m.filesPerScript) + "." + m.h);
      }));
    }

    // ---- Querying ----
    function entryIn(loaded, key) {
      for (var i = 0; i < loaded.length; i++) if (Object.prototype.hasOwnProperty.call(loaded[i].k, key)) return loaded[i].k[key];
      return null;
    }

    /** Indonesian stem of a query word, with the corpus knowledge the build had. */
    function stemWithIndex(word, loaded) {
      return stemIndonesian(word, function (w) { return isKnown(loaded, w); });
    }

    /** Whether the build's stemmer knew `w`: a word of the corpus, or a root it attests. */
    function isKnown(loaded, w) { var e = entryIn(loaded, w); return !!(e && (e.w || e.a)); }

    // Stems of excerpt words, kept across queries (see `memoStemmer`).
    var excerptStem = core.memoStemmer();
    var excerptStemEN = new Map();

    /** The words the stemmer may consult for `word`: their shards settle its stem. */
    function consulted(word) {
      var asked = [];
      stemIndonesian(word, function (w) { asked.push(w); return false; });
      return asked;
    }

    var vocabularySets = new WeakMap();
    /** The word list as a set, made once. */
    function vocabularySet(vocabulary) {
      if (!vocabularySets.has(vocabulary)) vocabularySets.set(vocabulary, new Set(vocabulary));
      return vocabularySets.get(vocabulary);
    }

    function run(state, typing) {
      var words = core.queryWords(state.q);
      return meta().then(function (m) {
        if (!words.length) return { m: m, words: words, ranked: [], loaded: [] };
        // Two rounds: the shards of the words themselves (and of what they begin), then
        // the shards of their stems. A word in the index names its stems; for one that is
        // not, the stemmer's candidate readings are fetched, so it decides as the build did.
        // Words the query begins are looked up across shards only while typing; a
        // submitted or linked query uses what its own shards hold.
        var first = [];
        var partial = typing && !/\s$/.test(state.q);
        words.forEach(function (w, i) {
          first.push(core.shardFor(m.shards, w));
          if (partial && i === words.length - 1 && w.length >= 2) first = first.concat(core.shardsForPrefix(m.shards, w));
        });
        return shards(m, first).then(function (loaded) {
          var second = first.slice();
          words.forEach(function (w) {
            var e = entryIn(loaded, w);
            // An English reading is worth a shard only when the index has English pages.
            var stems = e && e.w ? e.st || [] : consulted(w).concat(m.en ? [core.stemEnglish(w)] : []);
            stems.forEach(function (st) { second.push(core.shardFor(m.shards, st)); });
          });
          return shards(m, second);
        }).then(function (loaded) {
          var matches = words.map(function (w, i) { return collect(w, loaded, m, partial && i === words.length - 1); });
          var counting = core.countingWords(words);
          var ranked = core.score(matches, m.n, counting);
          // A word is weak when at most one document matches it in any way.
          var weak = words.filter(function (w, i) {
            if (w.length < 5 && !core.loanSpellings(w).length) return false;
            var most = matches[i].reduce(function (n, mt) { return n + mt.postings.size; }, 0);
            if (most >= 2 * matches[i].length && matches[i].some(function (mt) { return mt.postings.size >= 2; })) return false;
            var docs = new Set();
            matches[i].forEach(function (mt) { mt.postings.forEach(function (_, d) { docs.add(d); }); });
            return docs.size < 2;
          });
          var withAll = 0, need = counting.filter(Boolean).length;
          for (var r = 0; r < ranked.length && weak.length && withAll < 2; r++) if (ranked[r].words === need) withAll++;
          if (!weak.length || withAll >= 2) return { m: m, words: words, ranked: ranked, loaded: loaded };
          // Too little found: try the word as Indonesian spells loanwords ("hoax" → hoaks),
          // and words one typo away, fetching the word list only now.
          return load(m.words).then(function (vocabulary) {
            var known = vocabularySet(vocabulary);
            var typos = {}, loans = {};
            var more = [];
            weak.forEach(function (w) {
              var spelled = loans[w] = core.loanSpellings(w).filter(function (v) { return known.has(v); });
              // A word the catalogue has is spelt right: its neighbours are other words
              // ("fakta" is not a typo of "akta"), only a word it lacks gets them.
              var near = known.has(w) ? [] : core.typoCandidates(w, vocabulary, 6);
              typos[w] = spelled.concat(near.filter(function (v) { return spelled.indexOf(v) < 0; }));
              typos[w].forEach(function (c) { more.push(core.shardFor(m.shards, c)); });
            });
            return shards(m, more).then(function (extra) {
              var all = loaded.concat(extra);
              words.forEach(function (w, i) {
                (typos[w] || []).forEach(function (c) {
                  var e = entryIn(all, c);
                  if (!e || !e.w) return;
                  matches[i].push({ kind: "typo", key: c, postings: core.wordPostings(e) });
                  // A loanword's reading is an Indonesian word, and so are the forms made
                  // from it: "process" finds "proses", and pages that say only "diproses".
                  if (loans[w] && loans[w].indexOf(c) >= 0 && e.s !== undefined) {
                    matches[i].push({ kind: "typo", key: c, postings: core.stemPostings(e) });
                  }
                });
              });
              return { m: m, words: words, ranked: core.score(matches, m.n, counting), loaded: all };
            });
          });
        });
      });
    }

    /**
     * Every way one query word matches: itself, its stem, and words it begins. Words it
     * begins count while it is being typed, or when it matches nothing as it stands.
     */
    function collect(w, loaded, m, partial) {
      var out = [];
      var exact = entryIn(loaded, w);
      if (exact && exact.w) out.push({ kind: "exact", key: w, postings: core.wordPostings(exact) });
      var stems = exact && exact.w ? [w].concat(exact.st || []) : [stemWithIndex(w, loaded), core.stemEnglish(w)];
      Array.from(new Set(stems)).forEach(function (s) {
        var e = entryIn(loaded, s);
        if (e && e.s !== undefined) out.push({ kind: "stem", key: s, postings: core.stemPostings(e) });
      });
      // A word the catalogue lacks, whose root it never uses alone: "mengadu" reads as
      // (k)adu, and the catalogue says "aduan" and "pengaduan". A reading's derived noun or
      // verb, when the index has it as a word, lends its stem (its key sorts next to the
      // reading's, so it is in a shard already fetched).
      if (!out.length && !(exact && exact.w)) {
        var lent = [];
        consulted(w).forEach(function (r) {
          ["an", "kan", "i"].forEach(function (suffix) {
            var d = entryIn(loaded, r + suffix);
            if (d && d.w) (d.st && d.st.length ? d.st : [r + suffix]).forEach(function (s) { if (lent.indexOf(s) < 0) lent.push(s); });
          });
        });
        lent.forEach(function (s) {
          var e = entryIn(loaded, s);
          if (e && e.s !== undefined) out.push({ kind: "stem", key: s, postings: core.stemPostings(e) });
        });
      }
      if (w.length >= 2 && (partial || !out.length)) {
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
      // `docsPerFile` documents a file; from file://, scripts of `filesPerScript` files.
      return Promise.all(missing.map(function (c) {
        var file = Math.floor(c.r.doc / m.docsPerFile);
        return load("search/docs/" + file + "." + m.h, "search/docs/s" + Math.floor(file / m.filesPerScript) + "." + m.h);
      })).then(function (files) {
        missing.forEach(function (c, i) {
          var rec = files[i][c.r.doc % m.docsPerFile];
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
      // The query's own words and stems are worked out once per query, not per result.
      if (!found.marks) {
        var base = {}, prefixes = [];
        found.words.forEach(function (w) {
          base[w] = 1;
          if (w.length >= 2) prefixes.push(w);
          var e = entryIn(found.loaded, w);
          (e && e.w ? e.st || [] : [stemWithIndex(w, found.loaded), core.stemEnglish(w)]).forEach(function (s) { base[s] = 1; });
        });
        // A word's stems, for this query's shards (so exact within it).
        var stems = new Map(), english = found.m.en;
        var known = function (w) { return isKnown(found.loaded, w); };
        found.marks = { keys: base, prefixes: prefixes, stemsOf: function (word) {
          var st = stems.get(word);
          if (!st) {
            st = [excerptStem(word, known)];
            if (english) {
              if (!excerptStemEN.has(word)) excerptStemEN.set(word, core.stemEnglish(word));
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

    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text) e.textContent = text;
      return e;
    }

    /** `results`: the ones to show, in rank order (`best` of the filtered ones). */
    function renderResults(found, results, total) {
      return cardsFor(results, found).then(function (cards) {
        var items = document.createDocumentFragment(); // swapped in at once, as the facets are
        cards.forEach(function (c) {
          var li = el("li", "result");
          var h = el("h2", "result-title");
          var segments = core.markSegments(c.text || "", matcherFor(found, c.r));
          var a = el("a", null, c.info[1]);
          // The link opens the lesson at the excerpt's passage (see `textFragment`).
          a.href = root + c.info[2] + core.textFragment(segments);
          h.appendChild(a);
          li.appendChild(h);
          li.appendChild(el("p", "crumb", crumb(found.m, c.info, c.r.doc)));
          if (c.info[3]) li.appendChild(el("p", "meta-line", t("search-minutes", { n: String(c.info[3]) })));
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
      return run(state, typing).then(function (found) {
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
    window.Latih.searchPage = { run: function (q) { input.value = q; return update(readForm(), true); } };

    var initial = core.parseState(location.search);
    input.value = initial.q;
    page.classList.add("js");
    window.latihSearchReady = show(initial);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
