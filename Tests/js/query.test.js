// The query engine over a real index: the sample catalogue, built by `latih`, read from
// disk through a loader that counts round trips as the page's script loader makes them.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");
const { execFileSync } = require("node:child_process");
const { engine } = require("./search-modules.js");

const root = path.join(__dirname, "..", "..");
const bin = process.env.LATIH_BIN || path.join(root, ".build", "debug", "latih");
/** Builds `content` into a new folder, removed when the tests end. */
function built(content) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "latih-query-"));
  execFileSync(bin, ["build", "--content", content, "--templates", path.join(root, "templates"), "--output", out]);
  test.after(() => fs.rmSync(out, { recursive: true, force: true }));
  return out;
}
const site = built(path.join(root, "content"));

/** What the script `search/<name>.js` of a built site registers, run as a browser would run it. */
function registered(name, from = site) {
  const sandbox = { self: {} };
  vm.runInNewContext(fs.readFileSync(path.join(from, name + ".js"), "utf8"), sandbox);
  return sandbox.self.latihSearchData[name];
}

/** A loader over a built site's files; `trips` lists the names of each `load` call. */
function diskLoader(from = site) {
  const trips = [];
  const catalogueName = fs.readdirSync(path.join(from, "search")).find((f) => /^index\.[0-9a-f]+\.js$/.test(f)).slice(0, -3);
  return {
    trips,
    catalogue: () => registered("search/" + catalogueName, from),
    load: (names) => { trips.push(names); return Promise.resolve(names.map((n) => registered(n, from))); },
  };
}

async function query(search, q, typing = false, shown = 10) {
  const found = await search.run({ q, filters: {} }, typing);
  const top = engine.best(found.ranked, shown);
  return { found, top, cards: await search.cards(found, top) };
}
const titles = (r) => r.cards.map((c) => c.info[1]);
const marked = (card) => card.segments.filter((s) => s.mark).map((s) => s.text.toLowerCase());

test("a query of up to three words costs one round trip for shards and one for the results' records", async () => {
  for (const q of ["kata sandi", "melindungi data warga", "phishing", "greeting visitors politely", "hoax", "verifkasi"]) {
    const loader = diskLoader();
    const r = await query(engine.createSearch(loader), q);
    assert.ok(r.top.length > 0, `no results for ${q}`);
    assert.equal(loader.trips.length, 2, `${q}: ${JSON.stringify(loader.trips)}`);
    assert.ok(loader.trips[0].every((n) => n.startsWith("search/terms/")), "shards first");
    assert.ok(loader.trips[1].every((n) => n.startsWith("search/docs/")), "then the records of what is shown");
    assert.equal(loader.trips[1].length, r.top.length, "only the records of the results shown");
  }
});

test("a warm query loads nothing it has, and a refined one only what is new", async () => {
  const loader = diskLoader();
  const search = engine.createSearch(loader);
  await query(search, "kata sandi");
  const before = loader.trips.length;
  const again = await query(search, "kata sandi");
  assert.equal(loader.trips.length, before, "the same query again: no trip at all");
  assert.equal(titles(again)[0], "Kata Sandi dan Verifikasi Dua Langkah");
});

test("results come from words, stems, typos and prefixes, with the matched words marked", async () => {
  const search = engine.createSearch(diskLoader());
  let r = await query(search, "kata sandi");
  assert.equal(titles(r)[0], "Kata Sandi dan Verifikasi Dua Langkah");
  assert.ok(marked(r.cards[0]).includes("sandi"), JSON.stringify(r.cards[0].segments));
  r = await query(search, "phising");
  assert.equal(titles(r)[0], "Mengenali Surel Phishing", "one letter missing");
  assert.ok(r.cards[0].segments.some((s) => s.mark && /phishing/i.test(s.text)));
  r = await query(search, "phish", true);
  assert.equal(titles(r)[0], "Mengenali Surel Phishing", "a prefix while typing");
  r = await query(search, "hoax");
  assert.ok(titles(r).includes("Mengenali dan Memeriksa Hoaks"), "a loanword's English spelling");
  r = await query(search, "greet");
  assert.equal(titles(r)[0], "Greeting Visitors and Finding Out What They Need", "English stems");
});

test("a card carries the record's title, page, minutes and breadcrumb, and an excerpt from its text", async () => {
  const search = engine.createSearch(diskLoader());
  const r = await query(search, "verifikasi dua langkah");
  const card = r.cards.find((c) => c.info[1] === "Kata Sandi dan Verifikasi Dua Langkah");
  assert.ok(card);
  const [kind, title, page, minutes, crumb] = card.info;
  assert.equal(kind, 1);
  assert.ok(fs.existsSync(path.join(site, page)), page);
  assert.ok(minutes > 0);
  assert.ok(crumb.includes(" › "), crumb);
  const excerpt = card.segments.map((s) => s.text).join("");
  assert.ok(excerpt.length > 40 && excerpt.length < 400, excerpt);
  assert.ok(title && !excerpt.includes("<"), "text, never markup");
});

test("a page found by its title and summary shows its summary, marked, not text that never says the word", async () => {
  const r = await query(engine.createSearch(diskLoader()), "kebocoran");
  const card = r.cards.find((c) => c.info[1] === "Saat Terjadi Kebocoran Data");
  assert.ok(card, titles(r).join(", "));
  assert.deepEqual(marked(card), ["bocor"], JSON.stringify(card.segments));
});

test("an index of another format version is refused, not misread", async () => {
  const loader = diskLoader();
  const search = engine.createSearch({ ...loader, catalogue: () => ({ ...loader.catalogue(), v: 1 }) });
  await assert.rejects(search.run({ q: "data", filters: {} }), /format 1/);
});

test("a word inside a hyphenated form is found by its part, and the whole form by its parts", async () => {
  // "sekurang-kurangnya" (a reduplication, in one lesson) and "e-government" (a compound, in a course).
  for (const [q, title] of [["kurangnya", "Saat Terjadi Kebocoran Data"], ["government", "SPBE dan Pemerintahan Digital"],
                            ["e-government", "SPBE dan Pemerintahan Digital"]]) {
    const r = await query(engine.createSearch(diskLoader()), q);
    assert.ok(titles(r).includes(title), `${q}: ${titles(r).join(", ")}`);
  }
});

test("the parts of a hyphenated form find it, and the whole form ranks its page first (Tests/js/fixtures/hyphens)", async () => {
  const hyphens = built(path.join(__dirname, "fixtures", "hyphens", "content"));
  const search = engine.createSearch(diskLoader(hyphens));
  // Each part, with and without its possessive, finds the one page that says "seluk-beluknya".
  for (const q of ["beluk", "beluknya", "seluk", "seluk-beluk"]) {
    assert.equal(titles(await query(search, q))[0], "Mengenal Pengadaan", q);
  }
  // "pasca-pandemi" is said once, on one page; "pandemi" three times on another, and
  // "pasca" alone on a third. Written with the hyphen or without, the query ranks the
  // page of the whole form first; the parts still find the others.
  assert.equal(titles(await query(search, "pasca-pandemi"))[0], "Pemulihan Ekonomi");
  const spaced = titles(await query(search, "pasca pandemi"));
  assert.deepEqual(spaced, ["Pemulihan Ekonomi", "Layanan Saat Wabah", "Serah Terima"]);
  assert.ok(titles(await query(search, "pandemi")).includes("Pemulihan Ekonomi"));
});
