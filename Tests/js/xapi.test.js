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
