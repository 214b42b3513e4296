// The LMS runtime's pure parts: outcomes by the site's rules, SCORM 1.2 values, suspend
// data within its 4,096 characters, and cmi5 launch parameters and statements.
const test = require("node:test");
const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const store = require("../../templates/assets/site/store.js");
const lms = require("../../templates/assets/site/lms.js");

const random = (n) => crypto.randomBytes(n);
const quiz = [{ id: "c/kuis/1", pass: 70 }];

test("a lesson's outcome follows the site's rules", () => {
  let s = store.empty();
  assert.deepEqual(lms.outcome(s, "c/bacaan", []), { status: "incomplete", score: null });
  s = store.recordLesson(s, "c/bacaan", "opened", "2026-03-01T08:00:00.000Z");
  assert.equal(lms.outcome(s, "c/bacaan", []).status, "incomplete");
  s = store.recordLesson(s, "c/bacaan", "completed", "2026-03-01T08:10:00.000Z");
  assert.deepEqual(lms.outcome(s, "c/bacaan", []), { status: "completed", score: null });

  assert.deepEqual(lms.outcome(s, "c/kuis", quiz), { status: "incomplete", score: null });
  s = store.recordAttempt(s, "c/kuis/1", 50, false, "2026-03-01T09:00:00.000Z");
  assert.deepEqual(lms.outcome(s, "c/kuis", quiz), { status: "failed", score: 50 });
  s = store.recordAttempt(s, "c/kuis/1", 100, true, "2026-03-01T09:05:00.000Z");
  assert.deepEqual(lms.outcome(s, "c/kuis", quiz), { status: "passed", score: 100 });
  // Two quizzes: passed only when both are, scored by the weaker one.
  const two = [{ id: "c/kuis/1", pass: 70 }, { id: "c/kuis/2", pass: 70 }];
  assert.deepEqual(lms.outcome(s, "c/kuis", two), { status: "incomplete", score: 0 });
  s = store.recordAttempt(s, "c/kuis/2", 80, true, "2026-03-01T09:10:00.000Z");
  assert.deepEqual(lms.outcome(s, "c/kuis", two), { status: "passed", score: 80 });
  assert.equal(lms.masteryScore(two), 70);
  assert.equal(lms.masteryScore([{ id: "a", pass: 70 }, { id: "b", pass: 80 }]), null);
});

test("SCORM 1.2 session times are CMITimespans", () => {
  const timespan = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
  for (const ms of [0, 5, 999, 61000, 3600000 * 27 + 123456, 3600000 * 12000]) {
    assert.match(lms.scormTime(ms), timespan, String(ms));
  }
  assert.equal(lms.scormTime(0), "0000:00:00.00");
  assert.equal(lms.scormTime(3723450), "0001:02:03.45");
  assert.equal(lms.scormTime(3600000 * 12000), "9999:59:59.99");
  assert.equal(lms.isoDuration(3723450), "PT1H2M3.45S");
  assert.equal(lms.isoDuration(0), "PT0S");
  assert.equal(lms.isoDuration(90000), "PT1M30S");
});

test("suspend data round-trips a course's progress and never exceeds 4,096 characters", () => {
  const lessons = Array.from({ length: 60 }, (_, i) => "kursus/pelajaran-" + i);
  const quizzes = Array.from({ length: 60 }, (_, i) => "kursus/pelajaran-" + i + "/1");
  let s = store.empty();
  lessons.slice(0, 3).forEach((id) => { s = store.recordLesson(s, id, "completed", "2026-03-02T10:00:00.000Z"); });
  s = store.recordAttempt(s, quizzes[1], 40, false, "2026-03-02T10:01:00.000Z");
  s = store.recordAttempt(s, quizzes[1], 90, true, "2026-03-02T10:02:00.000Z");
  const text = lms.encodeSuspend(s, lessons, quizzes);
  assert.ok(text.length <= lms.SUSPEND_LIMIT);
  const back = lms.decodeSuspend(text, lessons, quizzes);
  assert.deepEqual(back.lessons[lessons[0]], { opened: "2026-03-02T10:00:00.000Z", completed: "2026-03-02T10:00:00.000Z" });
  assert.deepEqual(back.quizzes[quizzes[1]], s.quizzes[quizzes[1]]);
  assert.ok(store.validate(back));

  // A long course with long histories: the histories give way, progress stays.
  let big = store.empty();
  lessons.forEach((id, i) => { big = store.recordLesson(big, id, "completed", new Date(Date.UTC(2026, 0, 1 + i)).toISOString()); });
  quizzes.forEach((id) => { for (let k = 0; k < 30; k++) big = store.recordAttempt(big, id, k, k > 25, new Date(Date.UTC(2026, 1, 1, 0, k)).toISOString()); });
  const packed = lms.encodeSuspend(big, lessons, quizzes);
  assert.ok(packed.length > 0 && packed.length <= lms.SUSPEND_LIMIT, String(packed.length));
  const kept = lms.decodeSuspend(packed, lessons, quizzes);
  assert.equal(Object.keys(kept.lessons).filter((id) => kept.lessons[id].completed).length, 60);
  assert.ok(quizzes.every((id) => kept.quizzes[id].passed && kept.quizzes[id].best === 29));

  assert.equal(lms.decodeSuspend("bukan json", lessons, quizzes), null);
  assert.equal(lms.decodeSuspend('{"v":2,"l":[],"q":[]}', lessons, quizzes), null);
});

const actor = { objectType: "Agent", name: "Siti", account: { homePage: "https://lms.jakarta.go.id", name: "198501012010012001" } };
const launch = "?endpoint=" + encodeURIComponent("https://lrs.jakarta.go.id/xapi") +
  "&fetch=" + encodeURIComponent("https://lms.jakarta.go.id/token?k=1") +
  "&actor=" + encodeURIComponent(JSON.stringify(actor)) +
  "&registration=760e3480-ba55-4991-94b0-01820dbd23a2&activityId=" + encodeURIComponent("https://latih.example/courses/c/kuis/");

test("cmi5 launch parameters are read, and incomplete ones ignored", () => {
  const l = lms.parseCmi5Launch(launch);
  assert.equal(l.endpoint, "https://lrs.jakarta.go.id/xapi/");
  assert.equal(l.fetch, "https://lms.jakarta.go.id/token?k=1");
  assert.deepEqual(l.actor, actor);
  assert.equal(l.activityId, "https://latih.example/courses/c/kuis/");
  assert.equal(lms.parseCmi5Launch(launch.replace(/&fetch=[^&]*/, "")), null);
  assert.equal(lms.parseCmi5Launch(launch.replace(/&registration=[^&]*/, "")), null);
  assert.equal(lms.parseCmi5Launch("?endpoint=x&fetch=y&actor=%7B%7D&registration=r&activityId=a"), null);
});

test("cmi5-defined statements carry the context template, registration and categories", () => {
  const l = lms.parseCmi5Launch(launch);
  const launchData = {
    contextTemplate: {
      contextActivities: { grouping: [{ id: "https://lms.jakarta.go.id/kursus/9" }] },
      extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "sesi-1" }
    },
    launchMode: "Normal", moveOn: "CompletedAndPassed"
  };
  const s = lms.cmi5Statement("passed", l, launchData, {
    defined: true, moveOn: true, mastery: 0.7, timestamp: "2026-03-01T09:00:00.000Z",
    result: { score: { scaled: 0.9 }, success: true, duration: "PT2M" }
  }, random);
  assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(s.verb.id, "http://adlnet.gov/expapi/verbs/passed");
  assert.deepEqual(s.object, { objectType: "Activity", id: "https://latih.example/courses/c/kuis/" });
  assert.equal(s.context.registration, "760e3480-ba55-4991-94b0-01820dbd23a2");
  assert.deepEqual(s.context.contextActivities.grouping, [{ id: "https://lms.jakarta.go.id/kursus/9" }]);
  assert.deepEqual(s.context.contextActivities.category.map((c) => c.id), [
    "https://w3id.org/xapi/cmi5/context/categories/cmi5", "https://w3id.org/xapi/cmi5/context/categories/moveon"]);
  assert.equal(s.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"], "sesi-1");
  assert.equal(s.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"], 0.7);
  // The template is copied, never changed.
  assert.equal(launchData.contextTemplate.contextActivities.category, undefined);
  // An "allowed" statement has the template but not the cmi5 category.
  const a = lms.cmi5Statement("answered", l, launchData, { timestamp: "2026-03-01T09:00:00.000Z", object: { id: "x" } }, random);
  assert.equal(a.context.contextActivities.category, undefined);
  assert.equal(a.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"], "sesi-1");
});

test("moveOn is met as cmi5 defines it", () => {
  assert.ok(lms.moveOnMet("Passed", { passed: "t" }));
  assert.ok(!lms.moveOnMet("Passed", { completed: "t" }));
  assert.ok(lms.moveOnMet("CompletedOrPassed", { completed: "t" }));
  assert.ok(!lms.moveOnMet("CompletedAndPassed", { completed: "t" }));
  assert.ok(lms.moveOnMet("CompletedAndPassed", { completed: "t", passed: "t" }));
  assert.ok(lms.moveOnMet("NotApplicable", {}));
});

test("the SCORM API is found in a parent frame, then through the opener", () => {
  const api = { LMSInitialize() { return "true"; } };
  const top = { parent: null };
  top.parent = top;
  const middle = { parent: top };
  const frame = { parent: middle };
  assert.equal(lms.findAPI(frame), null);
  middle.API = api;
  assert.equal(lms.findAPI(frame), api);
  delete middle.API;
  const lmsWindow = { parent: null, API: api };
  lmsWindow.parent = lmsWindow;
  const popup = { parent: null, opener: { parent: lmsWindow } };
  popup.parent = popup;
  assert.equal(lms.findAPI(popup), api);
});
