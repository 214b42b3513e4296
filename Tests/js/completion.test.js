// The site's completion and JP rules against Tests/vectors/completion.tsv, the table the
// report's Swift tests read too (CompletionRulesTests).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");

const site = path.join(__dirname, "..", "..", "templates", "assets", "site");
const store = require(path.join(site, "store.js"));
const progress = require(path.join(site, "progress.js"));

const rows = fs.readFileSync(path.join(__dirname, "..", "vectors", "completion.tsv"), "utf8")
  .split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));

const course = {
  id: "k", title: "K", lessons: [
    { id: "k/a", minutes: 60, quizzes: [] },
    { id: "k/b", minutes: 45, quizzes: ["k/b/1"] },
    { id: "k/c", minutes: 30, quizzes: ["k/c/1", "k/c/2"] },
  ],
};
const catalogue = { courses: [course] };

test("the completion table holds for the site's progress", () => {
  assert.ok(rows.length >= 10);
  for (const [name, events, complete, done, jp] of rows) {
    let state = store.load({ getItem: () => null }).state;
    for (const event of events ? events.split(";") : []) {
      const [what, id, at] = event.split(" ");
      if (what === "read") state = store.recordLesson(state, id, "completed", at);
      else state = store.recordAttempt(state, id, what === "pass" ? 100 : 0, what === "pass", at);
    }
    const completed = course.lessons.filter((l) => progress.lessonCompletion(l, state)).map((l) => l.id).join(" ");
    assert.strictEqual(completed, complete, name);
    assert.strictEqual(progress.courseProgress(course, state).complete ? "yes" : "no", done, name);
    assert.strictEqual(progress.jpEarned(catalogue, state, 2026).year, Number(jp), name);
  }
});
