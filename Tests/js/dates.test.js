// Dates as the browser writes them (site/dom.js) against Tests/vectors/dates.tsv, the
// table Swift's formatDate is held to as well, with the month names of the theme's i18n.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const dom = require("../../templates/assets/site/dom.js");

const months = (lang) => fs.readFileSync(path.join(__dirname, "..", "..", "templates", "i18n", lang + ".conf"), "utf8")
  .split("\n").find((l) => l.startsWith("months:")).slice("months:".length).trim();

test("dates read as the pages write them, in each language", () => {
  const rows = fs.readFileSync(path.join(__dirname, "..", "vectors", "dates.tsv"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));
  assert.ok(rows.length >= 4);
  for (const [iso, id, en] of rows) {
    assert.strictEqual(dom.date(iso, { months: months("id") }), id, iso);
    assert.strictEqual(dom.date(iso, { months: months("en") }), en, iso);
  }
  // A time is written as the day it is where the page is read.
  const t = new Date(2026, 11, 6, 23, 30);
  assert.strictEqual(dom.date(t.toISOString(), { months: months("id") }), "6 Desember 2026");
  assert.strictEqual(dom.date("bukan tanggal", { months: months("id") }), "");
});
