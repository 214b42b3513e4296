// Quiz scoring, answer normalisation and hashing, checked against the Swift side:
// the shared vectors in Tests/vectors/ and a quiz key from a golden page built by Swift.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const quiz = require("../../templates/assets/site/quiz.js");

const root = path.join(__dirname, "..", "..");
function tsv(name) {
  return fs.readFileSync(path.join(root, "Tests", "vectors", name), "utf8").split("\n").slice(1)
    .filter((l) => l.length).map((l) => l.split("\t"));
}

test("sha256 matches the shared vectors and Node's crypto", () => {
  const rows = tsv("sha256.tsv");
  assert.ok(rows.length >= 5);
  for (const [input, hex] of rows) {
    assert.equal(quiz.sha256(input), hex, input);
    assert.equal(quiz.sha256(input), crypto.createHash("sha256").update(input, "utf8").digest("hex"));
  }
  const long = "ASN ".repeat(1000);
  assert.equal(quiz.sha256(long), crypto.createHash("sha256").update(long).digest("hex"));
});

test("answers normalise exactly as in Swift", () => {
  const rows = tsv("answers.tsv");
  assert.ok(rows.length >= 10);
  for (const [input, expected] of rows) {
    assert.equal(quiz.normaliseAnswer(input.replace(/\\t/g, "\t")), expected, JSON.stringify(input));
  }
});

test("numbers accept a decimal comma", () => {
  assert.equal(quiz.parseNumber("2,5"), 2.5);
  assert.equal(quiz.parseNumber(" 16 "), 16);
  assert.ok(Number.isNaN(quiz.parseNumber("16 digit")));
  assert.ok(Number.isNaN(quiz.parseNumber("")));
});

// The key of the first quiz on a golden page that Swift rendered (its questions are
// Tests/LatihQuizTests/Fixtures/all-types.quiz), so both sides must agree on hashing.
const page = fs.readFileSync(path.join(root, "Tests/LatihSiteTests/Fixtures/golden/minimal/courses/dasar/kedua/index.html"), "utf8");
const key = JSON.parse(page.match(/<script type="application\/json" class="quiz-key">([^<]*)<\/script>/)[1]);
const token = (q, i) => quiz.sha256(`${key.salt}|t|${q}|${i}`).slice(0, 8);
const score = (q, response, partial = false) => quiz.scoreQuestion(key.q[q], response, key.salt, q, partial);

test("the page's form values are the tokens both sides derive", () => {
  assert.ok(page.includes(`value="${token(0, 1)}"`));
  assert.ok(page.includes(`data-token="${token(6, 2)}"`));
});

test("single choice", () => {
  assert.equal(score(0, token(0, 1)), 1);
  assert.equal(score(0, token(0, 0)), 0);
  assert.equal(score(0, null), 0);
});

test("multiple choice, all or nothing and partial", () => {
  assert.equal(score(1, [token(1, 0), token(1, 1)]), 1);
  assert.equal(score(1, [token(1, 0)]), 0);
  assert.equal(score(1, [token(1, 0)], true), 0.5);
  assert.equal(score(1, [token(1, 0), token(1, 2)], true), 0);
  assert.equal(score(1, [token(1, 0), token(1, 1), token(1, 2)]), 0);
});

test("true/false", () => {
  assert.equal(score(2, "salah"), 1);
  assert.equal(score(2, "benar"), 0);
});

test("short answer ignores case, spaces and trailing punctuation", () => {
  assert.equal(score(3, "aparatur  SIPIL negara."), 1);
  assert.equal(score(3, " asn "), 1);
  assert.equal(score(3, "PNS"), 0);
  assert.equal(score(3, ""), 0);
});

test("numeric, exact and with tolerance", () => {
  assert.equal(score(4, "16"), 1);
  assert.equal(score(4, "16,0"), 1);
  assert.equal(score(4, "15"), 0);
  assert.equal(score(4, "enam belas"), 0);
  assert.equal(score(5, "3"), 1);
  assert.equal(score(5, "2,1"), 1);
  assert.equal(score(5, "1.9"), 0);
});

test("ordering and matching", () => {
  assert.equal(score(6, [token(6, 0), token(6, 1), token(6, 2)]), 1);
  assert.equal(score(6, [token(6, 1), token(6, 0), token(6, 2)]), 0);
  assert.equal(score(7, [token(7, 0), token(7, 1)]), 1);
  assert.equal(score(7, [token(7, 1), token(7, 0)]), 0);
  assert.equal(score(7, [token(7, 0), ""], true), 0.5);
});

test("quiz score is the rounded mean", () => {
  assert.equal(quiz.quizScore([1, 0.5, 0]), 50);
  assert.equal(quiz.quizScore([1, 1, 0]), 67);
  assert.equal(quiz.quizScore([]), 0);
});

test("shuffle keeps every item", () => {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const out = quiz.shuffled([1, 2, 3, 4, 5], random);
  assert.deepEqual([...out].sort(), [1, 2, 3, 4, 5]);
});

test("a spent round of attempts says what comes next: a new round after review, after a wait, or none", () => {
  const store = require("../../templates/assets/site/store.js");
  let s = store.empty();
  const at = (m) => new Date(Date.UTC(2026, 2, 1, 8, m)).toISOString();
  for (let m = 0; m < 3; m++) s = store.recordAttempt(s, "q", 40, false, at(m));
  const rec = () => store.quizRecord(s, "q");
  const review = { kind: "review" }, wait = { kind: "wait", minutes: 60 }, contact = { kind: "contact", contact: "bpsdm@jakarta.go.id" };
  assert.deepEqual(store.attemptRound(rec(), 3, review, at(5)), { used: 3, spent: true, opensAt: null });
  assert.deepEqual(store.attemptRound(rec(), 3, contact, at(5)), { used: 3, spent: true, opensAt: null });
  assert.deepEqual(store.attemptRound(rec(), 5, review, at(5)), { used: 3, spent: false, opensAt: null });
  // Waiting: spent until an hour after the last attempt, then a fresh round.
  assert.deepEqual(store.attemptRound(rec(), 3, wait, at(30)), { used: 3, spent: true, opensAt: at(62) });
  assert.deepEqual(store.attemptRound(rec(), 3, wait, at(62)), { used: 0, spent: false, opensAt: null });
  s = store.recordAttempt(s, "q", 50, false, at(70));
  assert.deepEqual(store.attemptRound(rec(), 3, wait, at(71)), { used: 1, spent: false, opensAt: null });
  // Reviewing starts a round that the earlier attempts do not count against.
  s = store.startRound(s, "q", at(80));
  assert.deepEqual(store.attemptRound(rec(), 3, review, at(81)), { used: 0, spent: false, opensAt: null });
  s = store.recordAttempt(s, "q", 60, false, at(82));
  assert.equal(rec().round, at(80), "an attempt keeps the round");
  assert.deepEqual(store.attemptRound(rec(), 3, review, at(83)), { used: 1, spent: false, opensAt: null });
  assert.equal(rec().attempts, 5, "every attempt stays on record");
  assert.ok(store.validate(s));
});

test("starting a course again keeps a quiz's attempts until it is passed", () => {
  const store = require("../../templates/assets/site/store.js");
  let s = store.recordAttempt(store.empty(), "k/a/1", 30, false, "2026-03-01T08:00:00Z");
  s = store.recordAttempt(s, "k/b/1", 90, true, "2026-03-01T08:05:00Z");
  s = store.recordLesson(s, "k/b", "completed", "2026-03-01T08:05:00Z");
  const reset = store.resetCourse(s, "k", ["k/a/1", "k/b/1"]);
  assert.equal(store.quizRecord(reset, "k/a/1").attempts, 1);
  assert.equal(store.quizRecord(reset, "k/b/1"), null);
  assert.equal(store.lessonRecord(reset, "k/b"), null);
});
