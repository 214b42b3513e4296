// Completion, JP hours and roll-ups over the progress store.
const test = require("node:test");
const assert = require("node:assert/strict");
const store = require("../../templates/assets/site/store.js");
const progress = require("../../templates/assets/site/progress.js");

const catalogue = {
  version: 1,
  courses: [
    { id: "spbe", title: "SPBE", url: "", level: "menengah", competencies: ["Tata kelola", "Data"],
      lessons: [
        { id: "spbe/apa", title: "Apa", url: "", minutes: 45, quizzes: ["spbe/apa/1"] },
        { id: "spbe/arsitektur", title: "Arsitektur", url: "", minutes: 45, quizzes: [] },
      ] },
    { id: "data", title: "Data", url: "", level: "dasar", competencies: ["Data"],
      lessons: [{ id: "data/rapi", title: "Rapi", url: "", minutes: 90, quizzes: [] }] },
  ],
  paths: [{ id: "p", title: "P", url: "", courses: ["data", "spbe", "tidak-ada"] }],
};

function complete(state, id, at) { return store.recordLesson(store.recordLesson(state, id, "opened", at), id, "completed", at); }

test("a course is complete only when every lesson is complete and every quiz passed", () => {
  let s = store.empty();
  assert.equal(progress.courseProgress(catalogue.courses[0], s).started, false);
  s = complete(s, "spbe/apa", "2026-06-01T08:00:00Z");
  s = complete(s, "spbe/arsitektur", "2026-06-02T08:00:00Z");
  let p = progress.courseProgress(catalogue.courses[0], s);
  // Marking a lesson with a quiz done does not complete it: its quiz must be passed.
  assert.deepEqual([p.done, p.total, p.passed, p.quizzes, p.complete], [1, 2, 0, 1, false]);
  s = store.recordAttempt(s, "spbe/apa/1", 50, false, "2026-06-03T08:00:00Z");
  s = store.recordAttempt(s, "spbe/apa/1", 90, true, "2026-06-04T08:00:00Z");
  p = progress.courseProgress(catalogue.courses[0], s);
  assert.deepEqual([p.done, p.passed], [2, 1]);
  assert.equal(p.complete, true);
  assert.equal(p.completedAt, "2026-06-04T08:00:00Z");
});

test("JP counts completed lessons' minutes, 45 minutes to a JP, this year and in total", () => {
  let s = store.empty();
  s = store.recordAttempt(s, "spbe/apa/1", 90, true, "2025-06-01T08:00:00Z"); // its lesson completes with the pass
  s = complete(s, "data/rapi", "2026-06-01T08:00:00Z");
  s = store.recordLesson(s, "spbe/arsitektur", "opened", "2026-06-01T08:00:00Z");
  assert.deepEqual(progress.jpEarned(catalogue, s, 2026), { year: 2, total: 3 });
  assert.deepEqual(progress.jpEarned(catalogue, s, 2025), { year: 1, total: 3 });
  assert.equal(progress.JP_TARGET, 20);
});

test("paths and competencies roll up from complete courses", () => {
  let s = complete(store.empty(), "data/rapi", "2026-06-01T08:00:00Z");
  assert.deepEqual(progress.pathProgress(catalogue.paths[0], catalogue, s), { done: 1, total: 2 });
  assert.deepEqual(progress.competencyProgress(catalogue, s), [
    { name: "Data", done: 1, total: 2, started: true },
    { name: "Tata kelola", done: 0, total: 1, started: false },
  ]);
});

/** The interface strings of templates/i18n/<lang>.conf. */
function strings(lang) {
  const text = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "..", "templates", "i18n", lang + ".conf"), "utf8");
  return Object.fromEntries(text.split("\n").filter((l) => l && !l.startsWith("#") && l.includes(": "))
    .map((l) => [l.slice(0, l.indexOf(": ")), l.slice(l.indexOf(": ") + 2)]));
}

test("CSV has a row per lesson and quiz, quoted, safe from spreadsheet formulas, in the site's language", () => {
  let s = complete(store.empty(), "spbe/apa", "2026-06-01T08:00:00Z");
  s = store.recordAttempt(s, "spbe/apa/1", 90, true, "2026-06-01T09:00:00Z");
  const cat = JSON.parse(JSON.stringify(catalogue));
  cat.courses[0].lessons[0].title = '=HYPERLINK("x"), "Apa"';
  const lines = progress.toCSV(cat, s, strings("id")).trim().split("\r\n");
  assert.equal(lines[0], "jenis,kursus,id,judul,dibuka,selesai,menit,skor_terbaik,percobaan,lulus");
  assert.equal(lines[1], `pelajaran,spbe,spbe/apa,"'=HYPERLINK(""x""), ""Apa""",2026-06-01T08:00:00Z,2026-06-01T08:00:00Z,45,,,`);
  assert.equal(lines[2], `kuis,spbe,spbe/apa/1,"'=HYPERLINK(""x""), ""Apa""",,2026-06-01T09:00:00Z,,90,1,ya`);
  assert.equal(lines.length, 3);
});

test("the CSV's words in each language are the shared table's", () => {
  const rows = require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "vectors", "progress-csv.tsv"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));
  assert.equal(rows.length, 5);
  ["id", "en"].forEach((lang, i) => {
    const S = strings(lang);
    for (const [role, ...words] of rows) assert.equal(S["progress-csv-" + role], words[i], `${lang} ${role}`);
  });
});
