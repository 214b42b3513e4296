// xAPI launch parsing, the endpoint allow-list, and statement shape (xAPI 1.0.3).
const test = require("node:test");
const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const xapi = require("../../templates/assets/site/xapi.js");

const actor = { objectType: "Agent", name: "Siti", mbox: "mailto:siti@jakarta.go.id" };
const search = "?endpoint=" + encodeURIComponent("https://lrs.jakarta.go.id/xapi") + "&auth=" + encodeURIComponent("Basic dTpw") +
  "&actor=" + encodeURIComponent(JSON.stringify(actor)) + "&registration=760e3480-ba55-4991-94b0-01820dbd23a2";

test("launch parameters are read, and incomplete ones ignored", () => {
  const launch = xapi.parseLaunch(search);
  assert.equal(launch.endpoint, "https://lrs.jakarta.go.id/xapi/");
  assert.equal(launch.auth, "Basic dTpw");
  assert.deepEqual(launch.actor, actor);
  assert.equal(launch.registration, "760e3480-ba55-4991-94b0-01820dbd23a2");
  assert.equal(xapi.parseLaunch(""), null);
  assert.equal(xapi.parseLaunch("?endpoint=https://x/&auth=a"), null);
  assert.equal(xapi.parseLaunch("?endpoint=https://x/&auth=a&actor={bukan json"), null);
  assert.equal(xapi.parseLaunch("?endpoint=https://x/&auth=a&actor=" + encodeURIComponent('{"name":"tanpa pengenal"}')), null);
});

test("only endpoints on origins the publisher listed may receive statements", () => {
  const allowed = ["https://lrs.jakarta.go.id", "http://127.0.0.1:*"];
  assert.ok(xapi.originAllowed("https://lrs.jakarta.go.id/xapi/", allowed));
  assert.ok(xapi.originAllowed("http://127.0.0.1:8123/xapi/", allowed));
  assert.ok(!xapi.originAllowed("https://evil.example/xapi/", allowed));
  assert.ok(!xapi.originAllowed("http://lrs.jakarta.go.id/xapi/", allowed));
  assert.ok(!xapi.originAllowed("https://lrs.jakarta.go.id:8443/xapi/", allowed));
  assert.ok(!xapi.originAllowed("https://lrs.jakarta.go.id.evil.example/", allowed));
  assert.ok(!xapi.originAllowed("not a url", allowed));
});

test("statements carry the fields xAPI 1.0.3 requires", () => {
  const launch = xapi.parseLaunch(search);
  const random = (n) => crypto.randomBytes(n);
  const course = xapi.activity("https://latih.example.go.id/courses/spbe/", xapi.TYPES.course, "SPBE", "id");
  const s = xapi.statement("passed", launch, xapi.activity("https://latih.example.go.id/kuis/spbe/x/1", xapi.TYPES.assessment, "Kuis", "id"), {
    timestamp: "2026-11-29T01:00:00.000Z", parent: course, lang: "id",
    result: { score: { scaled: 0.8, raw: 80, min: 0, max: 100 }, success: true, completion: true },
  }, random);
  assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(s.verb.id, "http://adlnet.gov/expapi/verbs/passed");
  assert.equal(s.object.objectType, "Activity");
  assert.equal(s.object.definition.type, "http://adlnet.gov/expapi/activities/assessment");
  assert.deepEqual(s.actor, actor);
  assert.equal(s.context.registration, launch.registration);
  assert.deepEqual(s.context.contextActivities.parent, [course]);
  assert.equal(s.result.score.scaled, 0.8);
  assert.equal(xapi.backoff(0), 1000);
  assert.equal(xapi.backoff(3), 8000);
  assert.equal(xapi.backoff(20), 60000);
});

test("the learner's statements read back as the browser's progress, and merge without counting twice", () => {
  const store = require("../../templates/assets/site/store.js");
  const base = "https://latih.example.go.id/";
  const actor = { mbox: "mailto:siti@jakarta.go.id" };
  const at1 = "2026-03-02T01:00:00.250Z", at2 = "2026-03-02T01:05:00.000Z";
  const s = (verb, object, timestamp, result) => ({ actor, verb: { id: xapi.VERBS[verb] }, object: { id: base + object }, timestamp, result });
  const statements = [
    s("experienced", "courses/spbe/apa-itu-spbe/", "2026-03-02T00:59:00Z"),
    s("answered", "kuis/spbe/apa-itu-spbe/1#soal-1", at1, { success: true, response: "a" }),
    s("failed", "kuis/spbe/apa-itu-spbe/1", "2026-03-02T01:00:00.250000+00:00", { score: { raw: 50, scaled: 0.5 } }),
    s("passed", "kuis/spbe/apa-itu-spbe/1", at2, { score: { raw: 100, scaled: 1 } }),
    s("completed", "courses/spbe/apa-itu-spbe/", at2),
    s("completed", "courses/spbe/", at2),
    s("passed", "kuis/__proto__", at2, { score: { raw: 100 } }),
    { actor, verb: { id: xapi.VERBS.completed }, object: { id: "https://elsewhere.example/courses/a/b/" }, timestamp: at2 },
  ];
  const remote = xapi.progressFromStatements(statements, base, store);
  assert.deepEqual(Object.keys(remote.lessons), ["spbe/apa-itu-spbe"]);
  assert.equal(remote.lessons["spbe/apa-itu-spbe"].opened, "2026-03-02T00:59:00.000Z");
  assert.equal(remote.lessons["spbe/apa-itu-spbe"].completed, at2);
  assert.deepEqual(Object.keys(remote.quizzes), ["spbe/apa-itu-spbe/1"]);
  const q = remote.quizzes["spbe/apa-itu-spbe/1"];
  assert.equal(q.attempts, 2);
  assert.equal(q.best, 100);
  assert.equal(q.passed, true);
  assert.equal(Object.getPrototypeOf(remote.quizzes), Object.prototype);
  // The browser that made these attempts holds them with the same times: merged, each counts once.
  let local = store.empty();
  local = store.recordAttempt(local, "spbe/apa-itu-spbe/1", 50, false, at1);
  local = store.recordAttempt(local, "spbe/apa-itu-spbe/1", 100, true, at2);
  const merged = store.merge(local, remote);
  assert.equal(merged.quizzes["spbe/apa-itu-spbe/1"].attempts, 2);
  assert.equal(merged.lessons["spbe/apa-itu-spbe"].completed, at2);
  // Merging again changes nothing, so a page that shows progress again after a merge stops there.
  assert.equal(JSON.stringify(store.merge(merged, remote)), JSON.stringify(store.merge(merged, store.empty())));
});

// The activity-id scheme, against the table the Swift tests read (ActivityIDsTests). The
// browser always has a base (the site's address), so rows without one are Swift's alone.
test("activity ids follow Tests/vectors/activity-ids.tsv", () => {
  const fs = require("node:fs");
  const path = require("node:path");
  const rows = fs.readFileSync(path.join(__dirname, "..", "vectors", "activity-ids.tsv"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));
  const withBase = rows.filter(([base]) => base !== "-");
  assert.ok(withBase.length >= 8);
  for (const [given, kind, course, lesson, quiz, number, id] of withBase) {
    const base = given.endsWith("/") ? given : given + "/";
    const made = kind === "course" ? xapi.ids.course(base, course)
      : kind === "lesson" ? xapi.ids.lesson(base, course + "/" + lesson)
      : kind === "quiz" ? xapi.ids.quiz(base, quiz)
      : xapi.ids.question(base, quiz, Number(number));
    assert.equal(made, id, kind + " under " + given);
  }
});

test("statements read back by their activity ids restore the lessons and quizzes", () => {
  const store = require("../../templates/assets/site/store.js");
  const base = "https://latih.jakarta.go.id/";
  const at = "2026-12-07T08:00:00.000Z";
  const state = xapi.progressFromStatements([
    { verb: { id: xapi.VERBS.completed }, object: { id: xapi.ids.lesson(base, "keamanan-siber/kata-sandi") }, timestamp: at },
    { verb: { id: xapi.VERBS.passed }, object: { id: xapi.ids.quiz(base, "keamanan-siber/kata-sandi/1") }, timestamp: at,
      result: { score: { raw: 80 } } },
  ], base, store);
  assert.equal(state.lessons["keamanan-siber/kata-sandi"].completed, at);
  assert.ok(state.quizzes["keamanan-siber/kata-sandi/1"]);
});
