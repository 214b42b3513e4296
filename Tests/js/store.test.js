// The learner's progress store: versioned, validated, never lowering a best score,
// and never breaking on damaged data.
const test = require("node:test");
const assert = require("node:assert/strict");
const store = require("../../templates/assets/site/store.js");

test("an empty browser starts with an empty store", () => {
  const s = store.memoryStorage();
  const { state, problem } = store.load(s);
  assert.deepEqual(state, { version: 1, quizzes: {}, lessons: {} });
  assert.equal(problem, null);
});

test("attempts accumulate and the best score never goes down", () => {
  let state = store.empty();
  state = store.recordAttempt(state, "spbe/apa-itu-spbe/1", 40, false, "2026-11-01T08:00:00Z");
  state = store.recordAttempt(state, "spbe/apa-itu-spbe/1", 90, true, "2026-11-01T08:05:00Z");
  state = store.recordAttempt(state, "spbe/apa-itu-spbe/1", 60, false, "2026-11-02T08:00:00Z");
  const rec = store.quizRecord(state, "spbe/apa-itu-spbe/1");
  assert.equal(rec.attempts, 3);
  assert.equal(rec.best, 90);
  assert.equal(rec.passed, true);
  assert.deepEqual(rec.history.map((h) => h.score), [40, 90, 60]);
  assert.ok(store.validate(state));
});

test("saved state loads back", () => {
  const s = store.memoryStorage();
  const state = store.recordAttempt(store.empty(), "a/b/1", 75, true, "2026-11-01T08:00:00Z");
  assert.equal(store.save(s, state), true);
  assert.deepEqual(store.load(s).state, state);
});

test("damaged or foreign data is set aside, not thrown", () => {
  for (const raw of ["{not json", JSON.stringify({ version: 99, quizzes: {} }),
    JSON.stringify({ version: 1, quizzes: { x: { attempts: -1, best: 50, passed: true, history: [] } } }),
    JSON.stringify({ version: 1, quizzes: { x: { attempts: 1, best: 500, passed: true, history: [] } } })]) {
    const s = store.memoryStorage();
    s.setItem(store.KEY, raw);
    const { state, problem } = store.load(s);
    assert.equal(problem, "damaged", raw);
    assert.deepEqual(state, store.empty());
    assert.equal(s.getItem(store.KEY), null);
    const aside = s.keys().filter((k) => k.startsWith(store.KEY + ".disisihkan."));
    assert.equal(aside.length, 1);
    assert.equal(s.getItem(aside[0]), raw, "the damaged data is kept for inspection");
  }
});

test("a browser that refuses storage still works, in memory", () => {
  const refusing = { get localStorage() { throw new Error("SecurityError"); } };
  const s = store.browserStorage(refusing);
  s.setItem("k", "v");
  assert.equal(s.getItem("k"), "v");
});

test("lessons keep their first opening and their completion", () => {
  let state = store.empty();
  state = store.recordLesson(state, "spbe/apa-itu-spbe", "opened", "2026-03-01T08:00:00Z");
  state = store.recordLesson(state, "spbe/apa-itu-spbe", "opened", "2026-03-02T08:00:00Z");
  assert.deepEqual(store.lessonRecord(state, "spbe/apa-itu-spbe"), { opened: "2026-03-01T08:00:00Z", completed: null });
  state = store.recordLesson(state, "spbe/apa-itu-spbe", "completed", "2026-03-02T09:00:00Z");
  state = store.recordLesson(state, "spbe/apa-itu-spbe", "completed", "2026-03-03T09:00:00Z");
  assert.equal(store.lessonRecord(state, "spbe/apa-itu-spbe").completed, "2026-03-02T09:00:00Z");
  state = store.recordLesson(state, "spbe/apa-itu-spbe", "uncompleted", "2026-03-04T09:00:00Z");
  assert.equal(store.lessonRecord(state, "spbe/apa-itu-spbe").completed, null);
  assert.ok(store.validate(state));
});

test("a version 1 store written before lessons were recorded still loads", () => {
  const s = store.memoryStorage();
  s.setItem(store.KEY, JSON.stringify({ version: 1, quizzes: {} }));
  const { state, problem } = store.load(s);
  assert.equal(problem, null);
  assert.deepEqual(state.lessons, {});
});

test("export and import round-trip through the documented format", () => {
  let state = store.recordAttempt(store.empty(), "spbe/apa-itu-spbe/1", 80, true, "2026-05-01T08:00:00Z");
  state = store.recordLesson(state, "spbe/apa-itu-spbe", "completed", "2026-05-01T08:10:00Z");
  const doc = store.exportDocument(state, "2026-05-02T00:00:00Z");
  assert.equal(doc.format, "latih-progress");
  assert.equal(doc.version, 1);
  const back = store.parseImport(JSON.stringify(doc));
  assert.deepEqual(back.state, state);
});

test("bad or foreign import files are named, not merged", () => {
  assert.deepEqual(store.parseImport("{bukan json"), { error: "not-json" });
  assert.deepEqual(store.parseImport(JSON.stringify({ hello: 1 })), { error: "not-latih" });
  assert.deepEqual(store.parseImport(JSON.stringify({ format: "latih-progress", version: 2, progress: {} })), { error: "version" });
  assert.deepEqual(store.parseImport(JSON.stringify({ format: "latih-progress", version: 1, progress: { version: 1, quizzes: { x: { best: 900 } } } })), { error: "invalid" });
});

test("merging never lowers a best score and keeps the earliest completion", () => {
  let a = store.recordAttempt(store.empty(), "q", 90, true, "2026-05-01T08:00:00Z");
  a = store.recordLesson(a, "c/l", "completed", "2026-05-03T00:00:00Z");
  let b = store.recordAttempt(store.empty(), "q", 40, false, "2026-05-02T08:00:00Z");
  b = store.recordLesson(b, "c/l", "completed", "2026-05-01T00:00:00Z");
  b = store.recordAttempt(b, "r", 70, true, "2026-05-02T09:00:00Z");
  const m = store.merge(a, b);
  assert.equal(m.quizzes.q.best, 90);
  assert.equal(m.quizzes.q.passed, true);
  assert.equal(m.quizzes.q.history.length, 2);
  assert.equal(m.quizzes.r.best, 70);
  assert.equal(m.lessons["c/l"].completed, "2026-05-01T00:00:00Z");
  assert.deepEqual(store.merge(a, a), a);
  assert.ok(store.validate(m));
});

test("resetting a course removes only that course", () => {
  let s = store.recordLesson(store.empty(), "spbe/a", "completed", "2026-05-01T00:00:00Z");
  s = store.recordLesson(s, "data/b", "completed", "2026-05-01T00:00:00Z");
  s = store.recordAttempt(s, "spbe/a/1", 80, true, "2026-05-01T00:00:00Z");
  s = store.recordAttempt(s, "data/b/1", 80, true, "2026-05-01T00:00:00Z");
  const r = store.resetCourse(s, "spbe", ["spbe/a/1"]);
  assert.deepEqual(Object.keys(r.lessons), ["data/b"]);
  assert.deepEqual(Object.keys(r.quizzes), ["data/b/1"]);
});
