#!/usr/bin/env node
/*
 * How far down each word's own ranking the ten best pages of a two-word query sit, on a
 * built site's search index, ranked with the browser's own functions
 * (templates/assets/latih-search.js). A page whose rank is under the number of cards per
 * key (10) shows with no further request; the others need a document file each.
 *
 *   node bench/pair_coverage.js /tmp/bench/topical-10000/latih/site "data pegawai" "pengelolaan arsip"
 *   node bench/pair_coverage.js /tmp/bench/10000/latih/site --random 300
 *   node bench/pair_coverage.js /tmp/bench/10000/latih/site --random 300 --min-df 300
 *
 * For each pair it prints the worst rank, over the ten best pages, of the better of the
 * two words' rankings, and how many of the ten have no card. With --random N it samples
 * N pairs of indexed words (a fixed seed) and prints percentiles instead; --min-df D
 * samples only words on at least D pages, the pairs that need documents beyond the cards.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "templates", "assets", "latih-search.js"));

const args = process.argv.slice(2);
const site = args.shift();
if (!site) {
  console.error("usage: pair_coverage.js SITE [\"word word\" ...] [--random N]");
  process.exit(2);
}
const randomAt = args.indexOf("--random");
const randomCount = randomAt >= 0 ? Number(args.splice(randomAt, 2)[1]) : 0;
const minAt = args.indexOf("--min-df");
const minDF = minAt >= 0 ? Number(args.splice(minAt, 2)[1]) : 0;

const searchDir = path.join(site, "search");
const catalogueFile = fs.readdirSync(searchDir).find((f) => /^index\.\w+\.json$/.test(f));
const meta = JSON.parse(fs.readFileSync(path.join(searchDir, catalogueFile), "utf8"));
meta.shards = core.decodeBounds(meta.shards);
const shards = new Map();

function entry(key) {
  const n = core.shardFor(meta.shards, key);
  if (!shards.has(n)) shards.set(n, JSON.parse(fs.readFileSync(path.join(searchDir, "terms", `${n}.${meta.h}.json`), "utf8")));
  return shards.get(n).k[key] || null;
}

/** The matches the page would rank for `word` (exact and stems), and the documents with a card. */
function matchesFor(word) {
  const e = entry(word);
  if (!e) return { matches: [], carded: new Set() };
  const matches = [{ kind: "exact", key: word, postings: core.wordPostings(e) }];
  const carded = new Set(e.c.map((c) => c[0]));
  for (const stem of e.st || []) {
    const s = entry(stem);
    matches.push({ kind: "stem", key: stem, postings: core.stemPostings(s) });
    (s && s.c || []).forEach((c) => carded.add(c[0]));
  }
  if (!e.st) matches.push({ kind: "stem", key: word, postings: core.stemPostings(e) });
  return { matches, carded };
}

/** Documents in the order a one-word query for `word` ranks them. */
function ownRanking(word, matches) {
  const ranked = core.rank([matches], meta.n);
  const at = new Map();
  ranked.forEach((r, i) => at.set(r.doc, i));
  return at;
}

function measure(a, b) {
  const A = matchesFor(a), B = matchesFor(b);
  const top = core.rank([A.matches, B.matches], meta.n).slice(0, 10);
  const ra = ownRanking(a, A.matches), rb = ownRanking(b, B.matches);
  let worst = 0, missing = 0;
  for (const r of top) {
    const best = Math.min(ra.has(r.doc) ? ra.get(r.doc) : Infinity, rb.has(r.doc) ? rb.get(r.doc) : Infinity);
    worst = Math.max(worst, best);
    if (!A.carded.has(r.doc) && !B.carded.has(r.doc)) missing++;
  }
  return { worst, missing };
}

if (randomCount > 0) {
  const words = JSON.parse(fs.readFileSync(path.join(site, meta.words + ".json"), "utf8"))
    .filter((w) => !/\d/.test(w) && (!minDF || core.wordPostings(entry(w)).size >= minDF));
  let seed = 7, missing = 0;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const worst = [];
  for (let i = 0; i < randomCount; i++) {
    const m = measure(words[Math.floor(next() * words.length)], words[Math.floor(next() * words.length)]);
    worst.push(m.worst);
    missing += m.missing;
  }
  worst.sort((x, y) => x - y);
  const at = (p) => worst[Math.min(worst.length - 1, Math.floor(p * worst.length))];
  console.log(`${randomCount} random pairs of ${words.length} words: worst rank at the median ${at(0.5)}, 90th percentile ${at(0.9)}, ` +
    `99th ${at(0.99)}; ${(missing / randomCount).toFixed(1)} of the ten best pages without a card, on average`);
  for (const k of [10, 20, 50]) {
    console.log(`  all ten best pages within the first ${k} of a word: ${(100 * worst.filter((w) => w < k).length / worst.length).toFixed(0)} %`);
  }
}
for (const pair of args) {
  const [a, b] = core.queryWords(pair);
  const { worst, missing } = measure(a, b);
  console.log(`${JSON.stringify(pair)}: worst rank ${worst}, ${missing} of the ten best pages without a card`);
}
