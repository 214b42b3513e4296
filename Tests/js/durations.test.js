// Durations as the browser writes them (site/dom.js) against Tests/vectors/durations.tsv,
// the table Swift's formatMinutes is held to as well.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const dom = require("../../templates/assets/site/dom.js");

test("durations read as the pages write them, in each language", () => {
  const rows = fs.readFileSync(path.join(__dirname, "..", "vectors", "durations.tsv"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));
  assert.ok(rows.length >= 6);
  const units = { id: { "unit-hours": "jam", "unit-minutes": "menit" }, en: { "unit-hours": "h", "unit-minutes": "min" } };
  for (const [minutes, id, en] of rows) {
    assert.strictEqual(dom.duration(Number(minutes), units.id), id, minutes);
    assert.strictEqual(dom.duration(Number(minutes), units.en), en, minutes);
  }
});
