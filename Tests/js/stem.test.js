// The Indonesian stemmer against the shared table that the Swift side will use too.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { stemIndonesian } = require("../../templates/assets/search/stem-id.js");

const rows = fs.readFileSync(path.join(__dirname, "..", "vectors", "stems-id.tsv"), "utf8")
  .split("\n").slice(1).filter(Boolean).map((l) => l.split("\t"));
// The corpus the table assumes: one that contains each expected stem as a word.
const corpus = new Set(rows.map(([, stem]) => stem));

test("the table covers the required forms and at least 150 more", () => {
  assert.ok(rows.length >= 160, String(rows.length));
});

test("every word stems as the table says", () => {
  const wrong = rows.filter(([word, stem]) => stemIndonesian(word, (w) => corpus.has(w)) !== stem)
    .map(([word, stem]) => `${word}: expected ${stem}, got ${stemIndonesian(word, (w) => corpus.has(w))}`);
  assert.deepEqual(wrong, []);
});

test("the forms Snowball gets wrong come out right even with no corpus at all", () => {
  const none = () => false;
  for (const [word, stem] of [["menulis", "tulis"], ["mengetahui", "tahu"], ["menangkap", "tangkap"], ["mengupas", "kupas"],
    ["bertanya", "tanya"], ["pemrograman", "program"], ["pelatihan", "latih"], ["pembinaan", "bina"],
    ["keterampilan", "terampil"], ["pelayanan", "layan"], ["digitalisasi", "digital"], ["buku-buku", "buku"]]) {
    assert.equal(stemIndonesian(word, none), stem, word);
  }
  assert.notEqual(stemIndonesian("digitalisasi", none), "gitalisasi");
});

test("word families in a corpus come to one stem each, as the Swift build stems them (Tests/vectors/stem-families.tsv)", () => {
  const lines = fs.readFileSync(path.join(__dirname, "..", "vectors", "stem-families.tsv"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));
  const attested = new Set(lines.find(([k]) => k === "@attested")[1].split(" "));
  const sizes = new Map(lines.find(([k]) => k === "@families")[1].split(" ").map((p) => p.split(":"))
    .map(([root, size]) => [root, Number(size)]));
  // After the named lines, a header, then one family per line.
  const families = lines.filter(([k]) => !k.startsWith("@")).slice(1).map(([stem, words]) => ({ stem, words: words.split(" ") }));
  const words = new Set(families.flatMap((f) => f.words));
  // What the browser knows from the index: words (`w`), attested roots (`a`), and the
  // family sizes (`f`), as View.isKnown gives them.
  const known = (w) => sizes.get(w) || (words.has(w) || attested.has(w) ? 1 : 0);
  const wrong = families.flatMap((f) => f.words.filter((w) => stemIndonesian(w, known) !== f.stem)
    .map((w) => `${w}: ${stemIndonesian(w, known)}, not ${f.stem}`));
  assert.deepEqual(wrong, []);
  assert.ok(families.length >= 70);
  // The family sizes decide: knowing only that the word and both readings are words, each
  // of one, the stemmer cannot tell the root.
  const flat = (w) => words.has(w) || attested.has(w);
  for (const w of ["memasak", "meminta", "mengalahkan"]) {
    assert.notEqual(stemIndonesian(w, flat), stemIndonesian(w, known), w);
  }
});

for (const [name, least, floor] of [["stems-id-gold.tsv", 300, 0.99], ["stems-id-unfitted.tsv", 240, 0.86]]) {
  test(`${name}: every word stems as recorded, as the Swift side stems it, and most to their root`, () => {
    const rows = fs.readFileSync(path.join(__dirname, "..", "vectors", name), "utf8")
      .split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));
    assert.ok(rows.length >= least, String(rows.length));
    const differs = rows.filter(([word, , latih]) => stemIndonesian(word, () => false) !== latih)
      .map(([word, , latih]) => `${word}: ${stemIndonesian(word, () => false)}, recorded ${latih}`);
    assert.deepEqual(differs, []);
    const right = rows.filter(([, root, latih]) => root === latih).length;
    assert.ok(right / rows.length >= floor, `${right} of ${rows.length}`);
    // Told only which words are roots (and which words there are), as yes or no: nearly
    // every word comes to its root, as on the Swift side.
    const roots = new Set(rows.map(([, root]) => root)), known = new Set(rows.flatMap(([word, root]) => [word, root]));
    for (const knows of [roots, known]) {
      const hit = rows.filter(([word, root]) => stemIndonesian(word, (w) => knows.has(w)) === root).length;
      assert.ok(hit / rows.length >= 0.99, `${hit} of ${rows.length}`);
    }
  });
}
