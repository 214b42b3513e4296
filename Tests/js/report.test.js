// The report's table sorting: numbers by value with empty cells last, text in Indonesian
// order, stable, both ways.
const test = require("node:test");
const assert = require("node:assert/strict");
const report = require("../../templates/assets/site/report.js");

const n = (number, text = String(number)) => ({ number, text });
const t = (text) => ({ number: null, text });

test("numbers sort by value, and cells without one go last", () => {
  const keys = [n(10), n(2.5), { number: null, text: "–" }, n(-1), n(2.5, "2,5")];
  assert.deepEqual(report.order(keys, false), [3, 1, 4, 0, 2]);
  assert.deepEqual(report.order(keys, true), [0, 1, 4, 3, 2]);
});

test("text sorts as Indonesian, and equal keys keep their order", () => {
  const keys = [t("Unit Satu"), t("unit dua"), t("Ádministrasi"), t("Unit Satu")];
  assert.deepEqual(report.order(keys, false), [2, 1, 0, 3]);
  assert.deepEqual(report.order(keys, true), [0, 3, 1, 2]);
});
