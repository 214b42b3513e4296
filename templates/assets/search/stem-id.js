/*
 * Latih search: Indonesian stemming, as Sources/LatihSearch/IndonesianStemmer.swift does
 * it. Tests/vectors/stems-id.tsv holds both implementations to the same answers.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.LatihSearch = root.LatihSearch || {}).stemId = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Rules in the Nazief–Adriani tradition (particles, possessives, derivational suffixes,
  // up to three prefixes with their sound changes), with two additions that fix what
  // Snowball's Indonesian stemmer gets wrong: where a prefix hides a sound (mengupas:
  // kupas or upas?) every reading is tried and the one that occurs in the indexed corpus
  // wins, and a short list of roots that merely look affixed (terampil, pegawai, kelola)
  // stops stripping. The list is this project's own; no word list under a restrictive
  // licence is used.

  /** Roots that look like prefixed or suffixed words, and must not be stripped. */
  var ROOTS = new Set((
    "terampil terima terus teman tempat tentang tetap percaya peran perlu pergi penting pegawai pesan " +
    "perintah pertama perempuan persen beri benar berat besar belum betul bersih dinas diri dingin digital " +
    "diskusi dinamis kecil kenal keras ketik kerja kelas kertas kepala keluarga kelola sekolah sedang sedia " +
    "sehat semua sendiri sering serta setia selesai mereka menteri meja menit jalan bulan makan bukan ikan " +
    "taman badan hutan organisasi ajar dengan kembang jadi cari beli mati nanti kunci hati gigi kali lagi lari " +
    "mandi mimpi pagi seni tepi tinggi bunyi janji kopi roti bumi kawan lawan korban papan zaman bahan tekan masalah " +
    // Roots in k- and n- after meng-/peng- and men-/pen- (whose readings start with a
    // vowel and with t- first), and roots in per-.
    "kumpul kirim kaji kuasa kurang kutip kunjung kuat kira kena kasih kabar kupas tahu nilai nikmat nasihat nalar nama nomor nikah " +
    "periksa pengaruh pelihara rencana selenggara manfaat uji aju adu didik pakai sejahtera cek ganti " +
    // Roots in r- after pe-, which per- before a vowel would read otherwise (perawat is
    // pe-rawat, as peraturan is per-atur-an).
    "rawat rancang rumah rekam rangkum rasa rokok renang ramal"
  ).split(" "));

  /** What may follow the repeated root in the second half of a reduplicated word. */
  var REDUPLICATED_SUFFIXES = ["an", "nya", "kan", "i"];

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
    else if (w.indexOf("memper") === 0) out = [w.slice(6), "per" + w.slice(6)];
    else if (/^(me|pe)ny/.test(w) && vowel(c4)) out = ["s" + w.slice(4)];
    else if (/^(me|pe)ng/.test(w)) {
      rest = w.slice(4);
      // A root in a vowel first (mengubah, pengamanan); a root in k- is listed (mengirim).
      out = vowel(c4) ? [rest, "k" + rest] : ("ghkqx".indexOf(c4) >= 0 ? [rest] : []);
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
      // A loanword keeps its t before a consonant: mentransfer, pentransferan.
      else if (c3 === "t" && w.length > 4 && !vowel(w.charAt(4))) out = [rest];
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
  function stripPrefixes(w, family) {
    var known = knownIn(family);
    for (var i = 0; i < 3; i++) {
      if (ROOTS.has(w)) return w;
      var first = i === 0;
      var readings = prefixReadings(w).filter(function (r) { return r.length >= 4 || (first && r.length === 3 && known(r)); });
      if (!readings.length) return w;
      // A listed root first, then what the corpus knows, the larger family first: the
      // corpus also knows the readings this stemmer made of its other words (elola of
      // mengelola).
      var pick = null;
      for (var r = 0; r < readings.length && pick === null; r++) if (ROOTS.has(readings[r])) pick = readings[r];
      if (pick === null) pick = bestKnown(readings, family);
      if (pick === null) pick = readings[0];
      // A word the corpus knows is kept unless the shorter reading gathers a larger family:
      // "sepakat" and kesepakatan (ke-sepakat-an) are not se-pakat, nor berkelompok
      // ber-ke-lompok; but dipelajari is di-pe-ajar-i, for "ajar" also gathers belajar and
      // pembelajaran. Past the first prefix this holds even when the shorter reading is
      // unknown; before it, an unknown root is still read off (bersepeda is ber-sepeda,
      // though the corpus never says "sepeda"). Families are counted for roots of four
      // letters; a shorter one is always read off (diisi, dicek). Sizes are compared only
      // when the word heads a family of two or more: a caller that knows words only as yes
      // or no says nothing of families, and then a known word is kept only past the first
      // prefix, before an unknown reading.
      var size = family(w), next = family(pick);
      var keep = first ? size >= 2 && next > 0 && next <= size : size > 0 && (next === 0 || (size >= 2 && next <= size));
      if (pick.length >= 4 && !ROOTS.has(pick) && keep) return w;
      // A reading that gives back the root's first sound (pem-eriksa → periksa,
      // men-ilai → nilai) is the root: meN- and peN- take that sound only from a root.
      if (!(w.length >= pick.length && w.slice(w.length - pick.length) === pick)) return pick;
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
  function suffixReadings(w, known, imperative) {
    // A loan in -isasi is read down to what it was made from (digitalisasi, sosialisasi),
    // unless that is no word the corpus knows and the loan is: otorisasi is a root.
    if (endsWith(w, "isasi") && w.length - 5 >= 4) return [w.slice(0, -5), w];
    var prefix = prefixKind(w);
    var out = [];
    var knows = known || function () { return false; };
    // peN- makes nouns, with -an, never verbs with -kan: penolakan is peN-tolak-an (per-
    // does take -kan: perhatikan).
    var nounPrefix = prefix === "pe" && w.indexOf("per") !== 0;
    if (endsWith(w, "kan") && w.length - 3 >= 3 && (!(invalidPair(prefix, "kan") || nounPrefix) || knows(w.slice(0, -3)))) out.push(w.slice(0, -3));
    if (endsWith(w, "an") && w.length - 2 >= 3 && (!invalidPair(prefix, "an") || knows(w.slice(0, -2)))) out.push(w.slice(0, -2));
    // No native root ends in -ks: seleksi and transaksi keep their -i.
    if (endsWith(w, "i") && w.length - 1 >= 3 && !endsWith(w, "ksi") &&
        ((/^(me|di|te)$/.test(prefix) && !invalidPair(prefix, "i")) || (prefix !== "" && knows(w.slice(0, -1))) ||
         (imperative && (prefix === "" || prefix === "pe")))) out.push(w.slice(0, -1));
    out.push(w);
    return out;
  }

  /**
   * Tries every reading (inflection × suffix × prefixes) and keeps the one whose stem
   * the corpus knows, the largest family first. With none known, it prefers a reading whose prefix could be
   * removed (so "bertanya" is ber-tanya, not berta-nya), then the first.
   */
  function stemWord(w, family) {
    if (w.length <= 3 || ROOTS.has(w)) return w;
    var known = knownIn(family);
    var candidates = [];
    inflectionReadings(w).forEach(function (inflected) {
      if (ROOTS.has(inflected)) { candidates.push({ stem: inflected, stripped: true }); return; }
      // An imperative's -lah follows a verb, whose -i is a suffix even without a prefix:
      // pahamilah is paham-i-lah.
      var imperative = inflected !== w && endsWith(w, "lah");
      suffixReadings(inflected, known, imperative).forEach(function (r) {
        var stem = ROOTS.has(r) ? r : stripPrefixes(r, family);
        candidates.push({ stem: stem, stripped: stem !== r || prefixReadings(r).length === 0 });
      });
    });
    // A listed root beats a reading the corpus merely knows: "bermasalah" is ber-masalah,
    // not ber-masa-lah, though "masa" is a word too.
    var i;
    for (i = 0; i < candidates.length; i++) if (ROOTS.has(candidates[i].stem)) return candidates[i].stem;
    var hit = bestKnown(candidates.map(function (c) { return c.stem; }), family);
    if (hit !== null) return hit;
    for (i = 0; i < candidates.length; i++) if (candidates[i].stripped) return candidates[i].stem;
    return candidates[0].stem;
  }

  /** Whether a listed root or the corpus knows a word, by a family function. */
  function knownIn(family) {
    return function (w) { return ROOTS.has(w) || family(w) > 0; };
  }

  /** Of the readings the corpus knows, the one with the largest family (the first on a tie), or null. */
  function bestKnown(readings, family) {
    var best = null, size = 0;
    for (var i = 0; i < readings.length; i++) {
      var f = family(readings[i]);
      if (f > size) { best = readings[i]; size = f; }
    }
    return best;
  }

  /**
   * The stem of a lowercase Indonesian word. `isKnown(word)` says what the corpus being
   * indexed knows of a word: false or 0 for nothing, true for a word, or the size of the
   * family it heads. It settles readings that rules alone cannot: a known reading beats
   * an unknown one, and a larger family a smaller one.
   */
  function stemIndonesian(word, isKnown) {
    var test = isKnown || function () { return false; };
    var family = function (w) { var k = test(w); return k === true ? 1 : +k || 0; };
    var w = String(word).toLowerCase();
    if (w.indexOf("-") >= 0) {
      var parts = w.split("-");
      if (parts.length === 2 && parts[0] && parts[1]) {
        var a = parts[0], b = parts[1];
        // Reduplication: buku-buku, anak-anaknya, sayur-mayur.
        if (a === b || b.indexOf(a) === 0 || (a.length > 2 && a.slice(1) === b.slice(1))) return stemWord(a, family);
        // Reduplication around affixes: both halves come to one stem (bermain-main,
        // berlari-larian, sebaik-baiknya, tolong-menolong, kekanak-kanakan).
        var stem = stemWord(a, family);
        if (stem === stemWord(b, family)) return stem;
        // Or the second half is the first's stem with a suffix (kekanak-kanakan,
        // kemerah-merahan), which alone would be read another way (kana-kan).
        if (stem.length >= 3 && b.indexOf(stem) === 0 && REDUPLICATED_SUFFIXES.indexOf(b.slice(stem.length)) >= 0) return stem;
      }
      return w;
    }
    return stemWord(w, family);
  }

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

  return {
    ROOTS: ROOTS, stemIndonesian: stemIndonesian, memoStemmer: memoStemmer, prefixReadings: prefixReadings
  };
});
