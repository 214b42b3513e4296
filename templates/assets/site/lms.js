/*
 * Latih: a lesson inside an LMS, as a SCORM 1.2 SCO or a cmi5 AU (`latih package`).
 *
 * The page keeps its own progress in the browser, as on the site, and reports it to the
 * LMS by the same rules: a lesson without a quiz is complete when its end has been read,
 * a lesson with quizzes is passed when every quiz is. Its score is the lowest best score
 * of its quizzes, so that "passed" and "score ≥ mastery score" always agree.
 *
 * Joined after store.js and xapi.js and before the quiz and progress scripts (see
 * latih-lms.bundle), so that progress
 * kept by the LMS (SCORM suspend data) is back in the store before they read it.
 * A classic script; the pure parts are exported to Node for tests.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./store.js"), require("./xapi.js"), require("./dom.js"));
  } else {
    var L = root.Latih || {};
    var api = factory(L.store, L.xapi, L.dom);
    root.Latih = Object.assign(root.Latih || {}, { lms: api });
    if (typeof document !== "undefined") api.start(document, root);
  }
})(typeof self !== "undefined" ? self : this, function (store, xapi, dom) {
  "use strict";

  // ---- What the lesson has achieved, from the store ----

  /**
   * The lesson's outcome: `status` is "incomplete", "completed" (no quiz, read to the
   * end), "passed" (every quiz passed) or "failed" (a quiz attempted and not passed);
   * `score` is the lowest best score of its quizzes (0–100), or null before any attempt.
   */
  function outcome(state, lessonId, quizzes) {
    var rec = store.lessonRecord(state, lessonId);
    if (!quizzes.length) return { status: rec && rec.completed ? "completed" : "incomplete", score: null };
    var records = quizzes.map(function (q) { return store.quizRecord(state, q.id); });
    if (!records.some(Boolean)) return { status: "incomplete", score: null };
    var score = Math.min.apply(null, records.map(function (r) { return r ? r.best : 0; }));
    var allPassed = records.every(function (r) { return r && r.passed; });
    var anyFailed = records.some(function (r) { return r && !r.passed; });
    return { status: allPassed ? "passed" : anyFailed ? "failed" : "incomplete", score: score };
  }

  /** The pass mark of a lesson's quizzes, when they share one (0–100), or null. */
  function masteryScore(quizzes) {
    if (!quizzes.length) return null;
    var first = quizzes[0].pass;
    return quizzes.every(function (q) { return q.pass === first; }) ? first : null;
  }

  // ---- SCORM 1.2 ----

  /**
   * The LMS's API object, found as the SCORM 1.2 runtime environment specifies: in this
   * window or one of its parents, then in the window that opened it and its parents.
   */
  function findAPI(win) {
    function climb(w) {
      for (var tries = 0; w && tries < 500; tries++) {
        try { if (w.API) return w.API; } catch (e) { return null; /* another origin */ }
        if (!w.parent || w.parent === w) return null;
        w = w.parent;
      }
      return null;
    }
    var found = climb(win);
    if (!found) {
      try { if (win.opener) found = climb(win.opener); } catch (e) { found = null; }
    }
    return found;
  }

  function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }

  /** Milliseconds as a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS (hours up to 9999). */
  function scormTime(ms) {
    var centis = Math.max(0, Math.round(ms / 10));
    var hours = Math.min(9999, Math.floor(centis / 360000));
    if (hours === 9999) centis = Math.min(centis, 9999 * 360000 + 359999);
    var minutes = Math.floor(centis / 6000) % 60;
    var seconds = Math.floor(centis / 100) % 60;
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(centis % 100, 2);
  }

  /** Milliseconds as an ISO 8601 duration, as xAPI's result.duration takes it. */
  function isoDuration(ms) {
    var centis = Math.max(0, Math.round(ms / 10));
    var h = Math.floor(centis / 360000), m = Math.floor(centis / 6000) % 60, s = (centis % 6000) / 100;
    return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + s.toFixed(2).replace(/\.?0+$/, "") + "S";
  }

  var SUSPEND_LIMIT = 4096;

  function seconds(iso) { return iso ? Math.round(Date.parse(iso) / 1000) : 0; }
  function iso(sec) { return sec ? new Date(sec * 1000).toISOString() : null; }

  /**
   * The course's progress as SCORM suspend data (at most 4,096 characters): lessons and
   * quizzes by their position in the course, times in seconds. When a long course does
   * not fit, quiz histories go first, then the times of lessons opened but not finished.
   */
  function encodeSuspend(state, lessonIds, quizIds) {
    var lessons = [], quizzes = [];
    lessonIds.forEach(function (id, i) {
      var r = store.lessonRecord(state, id);
      if (r) lessons.push([i, seconds(r.opened), seconds(r.completed)]);
    });
    quizIds.forEach(function (id, i) {
      var q = store.quizRecord(state, id);
      if (q) quizzes.push([i, q.attempts, q.best, q.passed ? 1 : 0, q.history.map(function (h) { return [seconds(h.at), h.score, h.passed ? 1 : 0]; })]);
    });
    var text = JSON.stringify({ v: 1, l: lessons, q: quizzes });
    if (text.length > SUSPEND_LIMIT) {
      quizzes.forEach(function (q) { q[4] = q[4].filter(function (h) { return h[2]; }).slice(0, 1); });
      text = JSON.stringify({ v: 1, l: lessons, q: quizzes });
    }
    if (text.length > SUSPEND_LIMIT) {
      lessons = lessons.filter(function (l) { return l[2]; }).map(function (l) { return [l[0], l[2], l[2]]; });
      text = JSON.stringify({ v: 1, l: lessons, q: quizzes });
    }
    return text.length > SUSPEND_LIMIT ? "" : text;
  }

  /** The store that suspend data describes, or null when it is not Latih's. */
  function decodeSuspend(text, lessonIds, quizIds) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return null; }
    if (!data || data.v !== 1 || !Array.isArray(data.l) || !Array.isArray(data.q)) return null;
    var state = store.empty();
    data.l.forEach(function (l) {
      var id = Array.isArray(l) && lessonIds[l[0]];
      if (id) state.lessons[id] = { opened: iso(l[1]) || iso(l[2]), completed: iso(l[2]) };
    });
    data.q.forEach(function (q) {
      var id = Array.isArray(q) && quizIds[q[0]];
      if (!id || !Array.isArray(q[4])) return;
      state.quizzes[id] = {
        attempts: q[1], best: q[2], passed: q[3] === 1,
        history: q[4].map(function (h) { return { at: iso(h[0]), score: h[1], passed: h[2] === 1 }; })
      };
    });
    return store.validate(state) ? state : null;
  }

  /** A SCORM status that the LMS holds, from best to worst, for never reporting less. */
  var RANK = { passed: 4, completed: 3, failed: 2, incomplete: 1, browsed: 0, "not attempted": 0, "": 0 };

  function startScorm(page) {
    var api = findAPI(page.win);
    if (!api || String(api.LMSInitialize("")) !== "true") return page.say("lms-not-connected");
    page.say("lms-connected");
    var started = Date.now();
    if (api.LMSGetValue("cmi.core.entry") === "resume") {
      var kept = decodeSuspend(api.LMSGetValue("cmi.suspend_data"), page.lessonIds, page.quizIds);
      if (kept) store.save(page.storage, store.merge(store.load(page.storage).state, kept));
    }
    var held = api.LMSGetValue("cmi.core.lesson_status");
    function report() {
      var o = outcome(store.load(page.storage).state, page.lessonId, page.quizzes);
      if ((RANK[o.status] || 0) >= (RANK[held] || 0) || held === "failed") {
        api.LMSSetValue("cmi.core.lesson_status", o.status);
        held = o.status;
      }
      if (o.score !== null) {
        api.LMSSetValue("cmi.core.score.min", "0");
        api.LMSSetValue("cmi.core.score.max", "100");
        api.LMSSetValue("cmi.core.score.raw", String(o.score));
      }
      var suspend = encodeSuspend(store.load(page.storage).state, page.lessonIds, page.quizIds);
      if (suspend) api.LMSSetValue("cmi.suspend_data", suspend);
      api.LMSCommit("");
      return o;
    }
    report();
    page.onProgress(report);
    page.onLeave(function () {
      var o = report();
      api.LMSSetValue("cmi.core.session_time", scormTime(Date.now() - started));
      // "suspend" keeps the attempt open, so the next launch resumes it.
      api.LMSSetValue("cmi.core.exit", o.status === "passed" || o.status === "completed" ? "" : "suspend");
      api.LMSCommit("");
      api.LMSFinish("");
    });
  }

  // ---- cmi5 ----

  var CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var CMI5_VERBS = {
    initialized: "http://adlnet.gov/expapi/verbs/initialized", completed: "http://adlnet.gov/expapi/verbs/completed",
    passed: "http://adlnet.gov/expapi/verbs/passed", failed: "http://adlnet.gov/expapi/verbs/failed",
    terminated: "http://adlnet.gov/expapi/verbs/terminated", answered: "http://adlnet.gov/expapi/verbs/answered"
  };

  /** The cmi5 launch parameters, or null when one is missing or malformed. */
  function parseCmi5Launch(search) {
    var p = new URLSearchParams(search || "");
    var names = ["endpoint", "fetch", "actor", "registration", "activityId"];
    if (names.some(function (n) { return !p.get(n); })) return null;
    var actor;
    try { actor = JSON.parse(p.get("actor")); } catch (e) { return null; }
    if (!actor || typeof actor !== "object" || !(actor.account || actor.mbox)) return null;
    try { new URL(p.get("endpoint")); new URL(p.get("fetch")); } catch (e) { return null; }
    var endpoint = p.get("endpoint");
    return {
      endpoint: endpoint.charAt(endpoint.length - 1) === "/" ? endpoint : endpoint + "/",
      fetch: p.get("fetch"), actor: actor, registration: p.get("registration"), activityId: p.get("activityId")
    };
  }

  /**
   * A cmi5 statement: the LMS's context template, the registration, the cmi5 category
   * (for cmi5-defined verbs; `moveOn` adds the moveon category), and the mastery score
   * that decided a passed or failed.
   */
  function cmi5Statement(verb, launch, launchData, options, random) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
    context.registration = launch.registration;
    if (options.defined) {
      context.contextActivities = context.contextActivities || {};
      var category = (context.contextActivities.category || []).slice();
      category.push({ id: CMI5_CATEGORY });
      if (options.moveOn) category.push({ id: MOVEON_CATEGORY });
      context.contextActivities.category = category;
    }
    if (options.mastery !== undefined && options.mastery !== null) {
      context.extensions = Object.assign({}, context.extensions || {});
      context.extensions[MASTERY_EXTENSION] = options.mastery;
    }
    if (options.parent) {
      context.contextActivities = context.contextActivities || {};
      context.contextActivities.parent = [options.parent];
    }
    var s = {
      id: xapi.uuid(random),
      actor: launch.actor,
      verb: { id: CMI5_VERBS[verb], display: { "en-US": verb } },
      object: options.object || { objectType: "Activity", id: launch.activityId },
      timestamp: options.timestamp,
      context: context
    };
    if (options.result) s.result = options.result;
    return s;
  }

  /** Whether a launchData's moveOn is met by what the lesson has sent. */
  function moveOnMet(moveOn, sent) {
    switch (moveOn) {
      case "Passed": return !!sent.passed;
      case "Completed": return !!sent.completed;
      case "CompletedAndPassed": return !!(sent.completed && sent.passed);
      case "CompletedOrPassed": return !!(sent.completed || sent.passed);
      default: return true;
    }
  }

  function startCmi5(page) {
    var win = page.win, storage = page.storage;
    var launch = parseCmi5Launch(win.location.search);
    if (!launch) return page.say("lms-not-connected");
    if (page.allowed.length && !xapi.originAllowed(launch.endpoint, page.allowed)) return page.say("lms-not-connected");
    var started = Date.now();
    var random = function (n) { return win.crypto.getRandomValues(new Uint8Array(n)); };
    var key = "latih.cmi5." + launch.registration + "." + launch.activityId;
    var sent;
    try { sent = JSON.parse(storage.getItem(key) || "{}") || {}; } catch (e) { sent = {}; }
    function remember() { try { storage.setItem(key, JSON.stringify(sent)); } catch (e) { /* kept in memory */ } }
    var headers = { "X-Experience-API-Version": "1.0.3" };

    // The fetch URL hands out its token once; a reload in the same session reuses it.
    var tokenKey = "latih.cmi5.token." + launch.fetch;
    var tokenStore;
    try { tokenStore = win.sessionStorage; tokenStore.getItem(tokenKey); } catch (e) { tokenStore = store.memoryStorage(); }
    var token = tokenStore.getItem(tokenKey);
    var gotToken = token ? Promise.resolve(token) : win.fetch(launch.fetch, { method: "POST" }).then(function (r) {
      if (!r.ok) throw new Error("fetch answered " + r.status);
      return r.json();
    }).then(function (body) {
      if (!body || typeof body["auth-token"] !== "string") throw new Error("no auth-token");
      tokenStore.setItem(tokenKey, body["auth-token"]);
      return body["auth-token"];
    });

    gotToken.then(function (t) {
      token = t;
      var q = new URLSearchParams({ stateId: "LMS.LaunchData", activityId: launch.activityId,
                                    agent: JSON.stringify(launch.actor), registration: launch.registration });
      return win.fetch(launch.endpoint + "activities/state?" + q.toString(), {
        headers: Object.assign({ Authorization: "Basic " + token }, headers)
      });
    }).then(function (r) {
      if (!r.ok) throw new Error("LMS.LaunchData answered " + r.status);
      return r.json();
    }).then(function (launchData) {
      run(launchData || {});
    }).catch(function () { page.say("lms-not-connected"); });

    function run(launchData) {
      var sender = xapi.makeSender(storage, win, xapi.loadQueue(storage));
      var auth = { endpoint: launch.endpoint, auth: "Basic " + token };
      var normal = (launchData.launchMode || "Normal") === "Normal";
      var mastery = typeof launchData.masteryScore === "number" ? launchData.masteryScore : null;
      if (mastery === null && masteryScore(page.quizzes) !== null) mastery = masteryScore(page.quizzes) / 100;
      function send(verb, options) {
        options.timestamp = new Date().toISOString();
        sender.enqueue(auth, cmi5Statement(verb, launch, launchData, options, random));
      }
      function duration() { return isoDuration(Date.now() - started); }
      page.say(normal ? "lms-connected" : "lms-review");
      send("initialized", { defined: true });

      function report() {
        if (!normal) return;
        var o = outcome(store.load(storage).state, page.lessonId, page.quizzes);
        if (o.score !== null && !sent.passed) {
          var scaled = o.score / 100;
          var pass = mastery === null ? o.status === "passed" : scaled >= mastery && o.status !== "incomplete";
          var attempts = page.quizzes.reduce(function (n, q) {
            var r = store.quizRecord(store.load(storage).state, q.id);
            return n + (r ? r.attempts : 0);
          }, 0);
          if (pass || (o.status === "failed" && attempts > (sent.failedAt || 0))) {
            send(pass ? "passed" : "failed", {
              defined: true, moveOn: true, mastery: mastery,
              result: { score: { scaled: scaled, raw: o.score, min: 0, max: 100 }, success: pass, duration: duration() }
            });
            if (pass) sent.passed = new Date().toISOString(); else sent.failedAt = attempts;
            remember();
          }
        }
        var complete = page.quizzes.length ? !!sent.passed : o.status === "completed";
        if (complete && !sent.completed) {
          send("completed", { defined: true, moveOn: true, result: { completion: true, duration: duration() } });
          sent.completed = new Date().toISOString();
          remember();
        }
        if (moveOnMet(launchData.moveOn, sent)) page.say("lms-done");
      }
      // Each question answered, for the agency's item analysis (cmi5 "allowed" statements).
      page.onQuizAttempt(function (d) {
        if (!normal) return;
        // Under the lesson's own id (the AU's), which the LMS gave at launch.
        var quiz = { objectType: "Activity", id: xapi.ids.quiz(launch.activityId + "/", d.id),
                     definition: { type: xapi.TYPES.assessment, name: { und: d.title } } };
        d.questions.forEach(function (q) {
          send("answered", {
            object: { objectType: "Activity", id: xapi.ids.question(launch.activityId + "/", d.id, q.index + 1),
                      definition: { type: xapi.TYPES.interaction, name: { und: q.text },
                                    interactionType: xapi.INTERACTIONS[q.kind] || "other" } },
            parent: quiz, result: { response: q.response, success: q.success }
          });
        });
      });
      report();
      page.onProgress(report);
      var ended = false;
      function terminate() {
        if (ended) return;
        ended = true;
        send("terminated", { defined: true, result: { duration: duration() } });
      }
      page.onLeave(terminate);
      var returnURL = launchData.returnURL;
      if (typeof returnURL === "string" && /^https?:\/\//i.test(returnURL)) {
        page.offerExit(function () {
          terminate();
          // Back to the LMS once the statements are sent, or after 3 s: they wait in the
          // queue and go with the next page that Latih opens.
          var gone = false;
          var go = function () { if (!gone) { gone = true; win.location.assign(returnURL); } };
          sender.whenEmpty(go);
          setTimeout(go, 3000);
        });
      }
    }
  }

  // ---- The page ----

  function start(doc, win) {
    var mode = doc.documentElement.getAttribute("data-lms");
    var article = doc.querySelector("article.lesson[data-lesson]");
    if (!article || (mode !== "scorm12" && mode !== "cmi5")) return;
    var strings = dom.readJSON(doc, "latih-strings") || {};
    var box = doc.createElement("div");
    box.className = "lms-status";
    var line = doc.createElement("p");
    line.setAttribute("role", "status");
    box.appendChild(line);
    var header = article.querySelector(".page-header");
    header.appendChild(box);
    var allowedMeta = doc.querySelector('meta[name="latih-xapi-endpoints"]');
    var leaving = [];
    var page = {
      doc: doc, win: win, storage: store.browserStorage(win),
      lessonId: article.getAttribute("data-lesson"),
      lessonIds: Array.prototype.map.call(doc.querySelectorAll(".outline li[data-lesson]"), function (li) { return li.getAttribute("data-lesson"); }),
      quizIds: (article.getAttribute("data-course-quizzes") || "").split(" ").filter(Boolean),
      quizzes: Array.prototype.map.call(article.querySelectorAll("section.quiz[data-quiz]"), function (s) {
        return { id: s.getAttribute("data-quiz"), pass: Number(s.getAttribute("data-pass")) };
      }),
      allowed: (allowedMeta ? allowedMeta.content : "").split(/\s+/).filter(function (o) { return o && o !== "https:"; }),
      say: function (key) { line.textContent = strings[key] || ""; },
      onProgress: function (f) {
        var later = function () { setTimeout(f, 0); };
        doc.addEventListener("latih:quiz-attempt", later);
        doc.addEventListener("latih:lesson-completed", later);
      },
      onQuizAttempt: function (f) { doc.addEventListener("latih:quiz-attempt", function (e) { f(e.detail); }); },
      onLeave: function (f) { leaving.push(f); },
      offerExit: function (f) {
        var button = doc.createElement("button");
        button.type = "button";
        button.className = "button-secondary lms-exit";
        button.textContent = strings["lms-exit"] || "";
        button.addEventListener("click", f);
        box.appendChild(button);
      }
    };
    var left = false;
    function leave() {
      if (left) return;
      left = true;
      leaving.forEach(function (f) { f(); });
    }
    win.addEventListener("pagehide", leave);
    win.addEventListener("beforeunload", leave);
    if (mode === "scorm12") startScorm(page);
    else startCmi5(page);
  }

  return {
    outcome: outcome, masteryScore: masteryScore, findAPI: findAPI, scormTime: scormTime, isoDuration: isoDuration,
    encodeSuspend: encodeSuspend, decodeSuspend: decodeSuspend, parseCmi5Launch: parseCmi5Launch,
    cmi5Statement: cmi5Statement, moveOnMet: moveOnMet, SUSPEND_LIMIT: SUSPEND_LIMIT, start: start
  };
});
