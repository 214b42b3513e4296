// Tests of the catalogue filter's pure functions, with Node's built-in test runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const latih = require("../../templates/assets/site/catalogue.js");
const dom = require("../../templates/assets/site/dom.js");

const courses = [
  { category: "Keamanan Siber", level: "dasar" },
  { category: "Pemerintahan Digital", level: "menengah" },
  { category: "Pemerintahan Digital", level: "dasar" },
];

test("an empty filter keeps every course, in order", () => {
  assert.deepEqual(latih.filterCourses(courses, { category: "", level: "" }), [0, 1, 2]);
});

test("category and level filters combine", () => {
  assert.deepEqual(latih.filterCourses(courses, { category: "Pemerintahan Digital", level: "" }), [1, 2]);
  assert.deepEqual(latih.filterCourses(courses, { category: "Pemerintahan Digital", level: "dasar" }), [2]);
  assert.deepEqual(latih.filterCourses(courses, { category: "Keamanan Siber", level: "lanjut" }), []);
});

test("filters round-trip through the query string", () => {
  const filter = { category: "Data & Analisis", level: "menengah" };
  const query = latih.writeFilter(filter);
  assert.equal(query, "?kategori=Data+%26+Analisis&tingkat=menengah");
  assert.deepEqual(latih.readFilter(query), filter);
  assert.equal(latih.writeFilter({ category: "", level: "" }), "");
  assert.deepEqual(latih.readFilter(""), { category: "", level: "" });
});

test("interface strings get their placeholders filled (site/dom.js, which every page script shares)", () => {
  assert.equal(dom.fill("{n} dari {total} kursus ditampilkan", { n: 2, total: 7 }), "2 dari 7 kursus ditampilkan");
  assert.equal(dom.fill("tanpa {x}", {}), "tanpa {x}");
  assert.equal(dom.fill("{n} {n}", { n: 0 }), "0 0");
  assert.equal(dom.fill(undefined, {}), "");
});

test("the shared DOM helpers: text only through textContent, JSON from its element, start once parsed", () => {
  const made = [];
  const doc = {
    readyState: "loading",
    listeners: {},
    createElement(tag) { const e = { tag, className: "", textContent: "" }; made.push(e); return e; },
    addEventListener(name, f) { this.listeners[name] = f; },
    getElementById(id) { return { "ok": { textContent: '{"a": 1}' }, "bad": { textContent: "{" } }[id] || null; },
  };
  const e = dom.el(doc, "p", "note", "<b>teks</b>");
  assert.deepEqual(e, { tag: "p", className: "note", textContent: "<b>teks</b>" });
  assert.deepEqual(dom.readJSON(doc, "ok"), { a: 1 });
  assert.equal(dom.readJSON(doc, "bad"), null);
  assert.equal(dom.readJSON(doc, "none"), null);
  let started = 0;
  dom.ready(doc, () => { started++; });
  assert.equal(started, 0);
  doc.listeners.DOMContentLoaded();
  doc.readyState = "complete";
  dom.ready(doc, () => { started++; });
  assert.equal(started, 2);
});
