// The pure search functions: the same tables as the Swift tests, and ranking rules.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { engine } = require("./search-modules.js");
const core = engine;

function rows(name) {
  return fs.readFileSync(path.join(__dirname, "..", "vectors", name), "utf8")
    .split("\n").slice(1).filter(Boolean).map((l) => l.split("\t"));
}

test("tokenizes as the Swift build does (Tests/vectors/tokens.tsv)", () => {
  const wrong = rows("tokens.tsv").filter(([text, expected]) => core.tokenize(text).map((t) => t.word).join(" ") !== expected);
  assert.deepEqual(wrong, []);
});

test("token offsets point into the original text", () => {
  const text = "Kérja keras, buku-buku.";
  assert.deepEqual(core.tokenize(text).map((t) => text.slice(t.start, t.end)), ["Kérja", "keras", "buku-buku"]);
});

test("stems English as the Swift build does (Tests/vectors/stems-en.tsv)", () => {
  const table = rows("stems-en.tsv");
  assert.ok(table.length >= 100);
  const wrong = table.filter(([w, s]) => core.stemEnglish(w) !== s).map(([w, s]) => `${w}: ${s} ≠ ${core.stemEnglish(w)}`);
  assert.deepEqual(wrong, []);
});

test("query words are folded, unique and at most eight", () => {
  assert.deepEqual(core.queryWords("Kata  SANDI kata"), ["kata", "sandi"]);
  assert.equal(core.queryWords("a b c d e f g h i j").length, 8);
});

test("shard lookup by range, and prefixes that span shards", () => {
  const bounds = ["", "data", "kata", "katb", "sandi"];
  assert.equal(core.shardFor(bounds, "aduan"), 0);
  assert.equal(core.shardFor(bounds, "data"), 1);
  assert.equal(core.shardFor(bounds, "kata"), 2);
  assert.equal(core.shardFor(bounds, "zebra"), 4);
  assert.deepEqual(core.shardsForPrefix(bounds, "kat"), [1, 2, 3]);
  assert.deepEqual(core.shardsForPrefix(bounds, "san"), [3, 4], "\"sandi\" may start a shard");
  // Bounds are shortest separators: "kes" starts the shard whose first key is "kesehatan".
  const short = ["", "kes", "ket", "l"];
  assert.deepEqual(core.shardsForPrefix(short, "kese"), [1]);
  assert.deepEqual(core.shardsForPrefix(short, "ke"), [0, 1, 2]);
  assert.deepEqual(core.shardsForPrefix(short, "k"), [0, 1, 2]);
  assert.deepEqual(core.shardsForPrefix(short, "lat"), [3]);
});

/** A shard laid out as docs/search.md specifies, written here by hand. */
function varints(...values) {
  const out = [];
  for (let v of values) {
    while (v >= 0x80) { out.push((v & 0x7f) | 0x80); v = Math.floor(v / 128); }
    out.push(v);
  }
  return out;
}
const utf8 = (s) => [...Buffer.from(s, "utf8")];

test("a shard decodes as the layout says: front-coded keys, flags, family, stems, deltas then impacts", () => {
  const bytes = Uint8Array.from([
    ...varints(3),
    // "kata": a word, its own stem (4), postings docs 2, 300 (deltas 2, 298), impacts 24, 48.
    ...varints(0, 4), ...utf8("kata"), ...varints(1 | 4), ...varints(2, 2, 298), 24, 48,
    // "katalog": shares 4 bytes; a word with two stems (one of 6 bytes of UTF-8 of its own,
    // stem postings of its own.
    ...varints(4, 3), ...utf8("log"), ...varints(1 | 2 | 16), ...varints(2, 0, 6), ...utf8("kélas"),
    // ...and "alo", bytes 3 to 5 of the key, as 1 + offset 3, length 3.
    ...varints(4, 3),
    ...varints(1, 5), 240, ...varints(2, 1, 1), 1, 255,
    // "latih": a root the corpus attests (8), heading a family of 130 words (32), with
    // stem postings only.
    ...varints(0, 5), ...utf8("latih"), ...varints(2 | 8 | 32), ...varints(130), ...varints(1, 200000), 72,
  ]);
  const shard = core.decodeShard(bytes);
  assert.deepEqual(shard.keys, ["kata", "katalog", "latih"]);
  const kata = shard.entries.get("kata");
  assert.deepEqual([...core.wordPostings(shard, kata)], [[2, Math.expm1(1)], [300, Math.expm1(2)]]);
  assert.equal(core.stemPostings(shard, kata), core.wordPostings(shard, kata), "flag 4: one list, decoded once");
  const katalog = shard.entries.get("katalog");
  assert.deepEqual(katalog.st, ["kélas", "alo"]);
  assert.deepEqual([...core.wordPostings(shard, katalog)].map(([d]) => d), [5]);
  assert.deepEqual([...core.stemPostings(shard, katalog)].map(([d]) => d), [1, 2]);
  assert.equal(core.stemPostings(shard, katalog).impacts[1], Math.expm1(255 / 24));
  const latih = shard.entries.get("latih");
  assert.ok(latih.a && latih.w < 0);
  assert.deepEqual([kata.f, katalog.f, latih.f], [0, 0, 130]);
  assert.equal(core.wordPostings(shard, latih).size, 0);
  assert.deepEqual([...core.stemPostings(shard, latih)], [[200000, Math.expm1(3)]]);
});

test("packed strings read back as the Swift test packs them", () => {
  // SearchIndexBuilderTests.packedVector: ScriptPacking.pack of these bytes.
  const text = String.fromCharCode(130, 95, 114, 18, 113, 3, 134, 64, 768);
  assert.deepEqual([...core.unpackText(text)], [0x00, 0x0a, 0xff, 0x22, 0x5c, 0x41, 0x80, 0x0d, 0x00]);
  assert.deepEqual([...core.unpackText("")], []);
});

test("exact beats stem beats prefix beats typo for the same impact", () => {
  const same = (doc) => new Map([[doc, 100]]);
  const ranked = core.rank([[
    { kind: "typo", key: "t", postings: same(4) },
    { kind: "prefix", key: "p", postings: same(3) },
    { kind: "stem", key: "s", postings: same(2) },
    { kind: "exact", key: "e", postings: same(1) },
  ]]);
  assert.deepEqual(ranked.map((r) => r.doc), [1, 2, 3, 4]);
});

test("the page can name the spellings that results were found by, only where a typo was their best match", () => {
  const ranked = core.rank([
    [{ kind: "typo", key: "mengaku", postings: new Map([[1, 50], [2, 40]]) },
      { kind: "exact", key: "mengadu", postings: new Map([[2, 90]]) }],
    [{ kind: "exact", key: "warga", postings: new Map([[1, 30], [2, 30], [3, 30]]) },
      { kind: "typo", key: "warna", postings: new Map([[3, 20], [4, 80]]) }],
  ]);
  // 2 is found by "mengadu" itself; 1 by the typo "mengaku"; 4 by the typo "warna" only.
  assert.deepEqual(core.typoKeys(ranked), ["mengaku", "warna"]);
  assert.deepEqual(core.typoKeys(ranked.filter((r) => r.doc === 2)), []);
});

test("function words add to the score but not to the words a page matches, unless the query has nothing else", () => {
  assert.deepEqual(core.countingWords(["bagaimana", "melindungi", "data"]), [false, true, true]);
  assert.deepEqual(core.countingWords(["apa", "itu"]), [true, true], "a query of function words only is taken as it is");
  const matches = [
    [{ kind: "exact", key: "bagaimana", postings: new Map([[1, 10], [3, 90]]) }],
    [{ kind: "exact", key: "data", postings: new Map([[1, 20], [2, 60]]) }],
  ];
  // 2 says "data" most; 1 also says "bagaimana", which no longer puts it first; 3 says only "bagaimana".
  const ranked = core.rank(matches, 0, core.countingWords(["bagaimana", "data"]));
  assert.deepEqual(ranked.map((r) => [r.doc, r.words, r.score]), [[2, 1, 60], [1, 1, 30]]);
  assert.deepEqual(core.rank(matches).map((r) => r.doc), [1, 3, 2], "without flags every word counts");
});

test("a document's best match counts once per query word; matching more words ranks first", () => {
  const ranked = core.rank([
    [{ kind: "exact", key: "kata", postings: new Map([[1, 500], [2, 10]]) },
      { kind: "stem", key: "kata", postings: new Map([[1, 600]]) }],
    [{ kind: "exact", key: "sandi", postings: new Map([[2, 10]]) }],
  ]);
  assert.deepEqual(ranked.map((r) => [r.doc, r.words]), [[2, 2], [1, 1]]);
  assert.equal(ranked[1].score, 500, "max(500×1, 600×0.7) = 500, not the sum");
});

test("best picks the k first of rank's order from unsorted scores, ties broken by catalogue order", () => {
  // 2,000 documents over two words, with many equal scores.
  let seed = 3;
  const next = (m) => (seed = (seed * 1103515245 + 12345) % 2147483648) % m;
  const a = new Map(), b = new Map();
  for (let doc = 0; doc < 2000; doc++) {
    if (next(3)) a.set(doc, 10 * next(20));
    if (!next(4)) b.set(doc, 10 * next(5));
  }
  const matches = [[{ kind: "exact", key: "a", postings: a }], [{ kind: "stem", key: "b", postings: b }]];
  const ranked = core.rank(matches, 2000);
  const scored = core.score(matches, 2000);
  assert.equal(scored.length, ranked.length);
  for (const k of [1, 10, 37, ranked.length, ranked.length + 5]) {
    assert.deepEqual(core.best(scored, k).map((r) => r.doc), ranked.slice(0, k).map((r) => r.doc), `k = ${k}`);
  }
  for (let i = 1; i < ranked.length; i++) assert.ok(core.compareRanked(ranked[i - 1], ranked[i]) < 0, "a strict total order");
  assert.ok(ranked[0].words === 2 && ranked[ranked.length - 1].words === 1);
});

test("best takes another order, as the facet lists use it to pick their most frequent values", () => {
  const values = [5, 9, 1, 9, 3, 7, 7, 2, 9, 0].map((count, order) => ({ count, order }));
  const byCount = (a, b) => b.count - a.count || a.order - b.order;
  assert.deepEqual(core.best(values, 4, byCount).map((v) => v.order), [1, 3, 8, 5]);
  assert.deepEqual(core.best(values, 20, byCount), values.slice().sort(byCount));
  assert.equal(values[0].order, 0, "the list itself is left as it was");
});

test("a document counts once per query word even when its impacts are zero", () => {
  const zero = () => new Map([[1, 0]]);
  const ranked = core.rank([[{ kind: "exact", key: "a", postings: zero() }, { kind: "stem", key: "b", postings: zero() }]]);
  assert.deepEqual(ranked.map((r) => [r.doc, r.words]), [[1, 1]]);
  assert.equal(ranked[0].via[0].key, "a", "the first match stands when none scores more");
});

test("a memo stemmer gives what the stemmer gives, and works a stem out again when the corpus answers change", () => {
  const stem = core.memoStemmer();
  // Neither "ukir" nor "kukir" is a listed root, so the corpus decides.
  assert.equal(stem("mengukir", (w) => w === "kukir"), "kukir");
  assert.equal(stem("mengukir", (w) => w === "kukir"), "kukir");
  assert.equal(stem("mengukir", (w) => w === "ukir"), "ukir", "a kept stem is not reused when an answer differs");
  for (const [word] of rows("stems-id.tsv").slice(0, 60)) {
    const known = (w) => w.length % 2 === 0;
    assert.equal(stem(word, known), core.stemIndonesian(word, known), word);
    assert.equal(stem(word, () => false), core.stemIndonesian(word, () => false), word);
  }
});

test("typo candidates are one edit away and only for words of five letters or more", () => {
  const vocab = ["phishing", "fishing", "verifikasi", "kata", "sandi", "phising"];
  assert.deepEqual(core.typoCandidates("phisihng", vocab), ["phishing", "phising"]);
  assert.deepEqual(core.typoCandidates("phishnig", vocab), ["phishing"], "a swap of neighbours is one edit");
  assert.deepEqual(core.typoCandidates("verifkasi", vocab), ["verifikasi"]);
  assert.deepEqual(core.typoCandidates("sand", vocab), []);
  assert.ok(core.oneEdit("abcd", "abdc") && core.oneEdit("abc", "abxc") && !core.oneEdit("abc", "axyc"));
});

test("loanwords spelled the English way read as Indonesian spells them", () => {
  const cases = {
    hoax: "hoaks", cyber: "siber", privacy: "privasi", access: "akses", process: "proses", photo: "foto",
    quality: "kualitas", computer: "komputer", public: "publik", information: "informasi", effective: "efektif",
    technology: "teknologi", digitalization: "digitalisasi", procedure: "prosedur", service: "servis", success: "sukses",
  };
  for (const [english, indonesian] of Object.entries(cases)) {
    assert.ok(core.loanSpellings(english).includes(indonesian), `${english} → ${indonesian}: ${core.loanSpellings(english)}`);
  }
  // Words with nothing to respell, words already Indonesian, and words that are not plain letters.
  for (const w of ["data", "email", "hoaks", "siber", "proses", "covid19", "ab"]) assert.deepEqual(core.loanSpellings(w), [], w);
  assert.ok(!core.loanSpellings("hoax").includes("hoax"), "never the word itself");
});

test("facets filter with OR inside a facet and AND across facets, and count without their own filter", () => {
  const meta = {
    n: 5,
    // Each course: its facets, then the gap after the previous course's documents and
    // its own count: docs 0–1, doc 2, then (doc 3 in no course) doc 4.
    courses: [[0, 0, [0], [], 0, 2], [1, 1, [], [0], 0, 1], [-1, -1, [], [], 1, 1]],
    docTags: { 1: [0, 3] },
    facets: { category: ["X", "Y"], level: ["dasar", "lanjut"], competency: ["K"], tag: ["t0", "t1"] },
  };
  const table = core.facetTable(meta);
  assert.equal(table[1].course, meta.courses[0]);
  assert.equal(table[2].course, meta.courses[1]);
  assert.equal(table[3].course, null, "doc 3 has its own tag and no course");
  assert.equal(table[4].course, meta.courses[2]);
  const ranked = [0, 1, 2, 3, 4].map((doc) => ({ doc, score: 1, words: 1, via: [] }));
  let out = core.applyFacets(ranked, table, { category: [1] }, meta.facets);
  assert.deepEqual(out.results.map((r) => r.doc), [2]);
  assert.deepEqual(out.counts.category, [2, 1], "category counts ignore the category filter");
  out = core.applyFacets(ranked, table, { category: [0, 1], tag: [1] }, meta.facets);
  assert.deepEqual(out.results.map((r) => r.doc), [0]);
  assert.deepEqual(out.counts.tag, [1, 1], "doc 3 has tag t1 but no course, so the category filter drops it");
});

test("excerpts centre on the first match and marks cover whole matching words", () => {
  const text = "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas kata sandi rahasia.";
  const ex = core.excerpt(text, (w) => w === "sandi");
  assert.ok(ex.startsWith("… ") && ex.includes("kata sandi rahasia"), ex);
  const segs = core.markSegments("Kata-kata sandi, Sandiwara.", (w) => w === "sandi" || w === "kata");
  assert.deepEqual(segs.filter((s) => s.mark).map((s) => s.text), ["Kata-kata", "sandi", ]);
  assert.equal(segs.map((s) => s.text).join(""), "Kata-kata sandi, Sandiwara.");
});

test("a result's link carries a text fragment: the first marked word and two more, within the paragraph", () => {
  const segs = (text, words) => core.markSegments(text, (w) => words.includes(w));
  assert.equal(core.textFragment(segs("… situs (Mafindo), atau klarifikasi hoaks …", ["mafindo"])), "#:~:text=Mafindo)%2C%20atau%20klarifikasi");
  // Hyphens are the directive's syntax; a heading's line break and the excerpt's cut end the phrase.
  assert.equal(core.textFragment(segs("Undang-Undang Nomor 27", ["undang-undang"])), "#:~:text=Undang%2DUndang%20Nomor%2027");
  assert.equal(core.textFragment(segs("Cara memeriksa\nBaca sampai habis", ["memeriksa"])), "#:~:text=memeriksa");
  assert.equal(core.textFragment(segs("… kata sandi …", ["sandi"])), "#:~:text=sandi");
  assert.equal(core.textFragment(segs("tanpa kata yang cocok", ["sandi"])), "", "nothing marked, no fragment");
  // Excerpts keep line breaks (a page shows them as spaces) so that the phrase can stop there.
  assert.equal(core.excerpt("Cara memeriksa\nBaca sampai habis", (w) => w === "baca"), "Cara memeriksa\nBaca sampai habis");
});

test("an excerpt is the first match's 8 words before and 18 after, with an ellipsis where text is cut", () => {
  const words = (n, at) => Array.from({ length: n }, (_, i) => (i === at ? "Sandi" : "kata" + i)).join(" ");
  const isMatch = (w) => w === "sandi";
  // The passage, worked out from every token of the text, for texts that end at and around its edges.
  const expected = (text) => {
    const tokens = core.tokenize(text);
    const found = tokens.findIndex((t) => isMatch(t.word));
    const at = Math.max(found, 0), lo = found >= 0 ? Math.max(0, at - 8) : 0, hi = Math.min(tokens.length - 1, at + 18);
    return (lo > 0 ? "… " : "") + text.slice(tokens[lo].start, tokens[hi].end) + (hi < tokens.length - 1 ? " …" : "");
  };
  for (const at of [-1, 0, 5, 8, 9, 30]) {
    for (const extra of [0, 1, 17, 18, 19, 20, 40]) {
      const text = words(Math.max(at, 0) + extra + 1, at);
      assert.equal(core.excerpt(text, isMatch), expected(text), `match at ${at}, ${extra} words after`);
    }
  }
  assert.equal(core.excerpt(words(30, 20), isMatch), "… kata12 kata13 kata14 kata15 kata16 kata17 kata18 kata19 Sandi kata21 kata22 kata23 kata24 kata25 kata26 kata27 kata28 kata29");
  assert.equal(core.excerpt(words(40, 5), isMatch).endsWith("kata23 …"), true);
  assert.equal(core.excerpt("", isMatch), "");
});

test("shard bounds decode from the catalogue's front-coded string (the same vector as the Swift test)", () => {
  const list = ["", "ai", "ajar2", "ajaran2", "ajarkan", "buku-buku", "bukubuku", "zz", "é", "éa", "日本", "日本語", "😀a", "😀b", "😁"];
  assert.deepEqual(core.decodeBounds("0 0ai 1jar2 4an2 4kan 0buku-buku 4buku 0zz 0é 1a 0日本 2語 0😀a 2b 0😁"), list);
  assert.deepEqual(core.decodeBounds("0"), [""]);
  assert.deepEqual(core.decodeBounds("0" + "a".repeat(40) + " z" + "a".repeat(5) + "b"), ["a".repeat(40), "a".repeat(40) + "b"]);
});

test("URL state round-trips the query and repeated facet values", () => {
  const state = core.parseState("?q=kata+sandi&category=Keamanan+Siber&tag=a&tag=b");
  assert.equal(state.q, "kata sandi");
  assert.deepEqual(state.filters.tag, ["a", "b"]);
  assert.equal(core.formatState(state), "?q=kata+sandi&category=Keamanan+Siber&tag=a&tag=b");
  assert.equal(core.formatState(core.parseState("")), "");
});

test("a page with the word as written ranks above pages that only share its stem", () => {
  // "disuguhi": page 1 says it once in its body; page 2 has "suguhan" in its title.
  const ranked = core.rank([[
    { kind: "exact", key: "disuguhi", postings: new Map([[1, 20]]) },
    { kind: "stem", key: "suguh", postings: new Map([[1, 20], [2, 200]]) },
  ]]);
  assert.deepEqual(ranked.map((r) => [r.doc, r.exact]), [[1, 1], [2, 0]]);
  // More words matched still comes first: a page with both words, one by its stem only.
  const two = core.rank([
    [{ kind: "exact", key: "beluknya", postings: new Map([[1, 10]]) }, { kind: "stem", key: "beluk", postings: new Map([[1, 10], [2, 90], [3, 90]]) }],
    [{ kind: "exact", key: "seluk", postings: new Map([[2, 50], [3, 40]]) }],
  ]);
  assert.deepEqual(two.map((r) => r.doc), [2, 3, 1]);
});
