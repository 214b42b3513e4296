// Tests of the catalogue filter's pure functions, with Node's built-in test runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const latih = require("../../templates/assets/latih.js");

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

test("interface strings get their placeholders filled", () => {
  assert.equal(latih.fill("{n} dari {total} kursus ditampilkan", { n: 2, total: 7 }), "2 dari 7 kursus ditampilkan");
  assert.equal(latih.fill("tanpa {x}", {}), "tanpa {x}");
});
