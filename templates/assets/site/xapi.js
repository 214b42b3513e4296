/*
 * Latih: reporting to an agency's learning record store with xAPI 1.0.3.
 *
 * Nothing is sent unless a page is opened with the standard launch parameters
 * (endpoint, auth, actor, registration, as cmi5 and xAPI launch use them) AND the
 * endpoint's origin is one that site.conf lists under `xapi-endpoints`: a link cannot
 * make a learner's browser report to a server the publisher did not name. Statements
 * wait in a queue in localStorage, which survives going offline and reloading, and
 * are retried with exponential backoff. Classic script; pure parts tested in Node.
 *
 * The same launch lets progress follow the learner: the learner's own statements are
 * read back from the store (`GET statements?agent=…`) and merged into what this browser
 * holds (completions united, best scores and attempts kept), so that a phone and an
 * office PC show the same progress.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.Latih = Object.assign(root.Latih || {}, { xapi: api });
    if (typeof document !== "undefined") root.Latih.dom.ready(document, function () { api.start(document, root); });
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var ADL = "http://adlnet.gov/expapi/verbs/";
  var VERBS = {
    initialized: ADL + "initialized", experienced: ADL + "experienced", answered: ADL + "answered",
    passed: ADL + "passed", failed: ADL + "failed", completed: ADL + "completed"
  };
  var TYPES = {
    course: "http://adlnet.gov/expapi/activities/course",
    lesson: "http://adlnet.gov/expapi/activities/lesson",
    assessment: "http://adlnet.gov/expapi/activities/assessment",
    interaction: "http://adlnet.gov/expapi/activities/cmi.interaction"
  };
  /** Latih question kinds as xAPI interaction types. */
  var INTERACTIONS = {
    single: "choice", multiple: "choice", truefalse: "true-false", numeric: "numeric",
    short: "fill-in", ordering: "sequencing", matching: "matching"
  };
  var QUEUE_KEY = "latih.xapi.queue";
  var LAUNCH_KEY = "latih.xapi.launch";

  /** The launch parameters from a query string, or null when any required one is missing or malformed. */
  function parseLaunch(search) {
    var p = new URLSearchParams(search || "");
    var endpoint = p.get("endpoint"), auth = p.get("auth"), actorText = p.get("actor");
    if (!endpoint || !auth || !actorText) return null;
    var actor;
    try { actor = JSON.parse(actorText); } catch (e) { return null; }
    if (!actor || typeof actor !== "object" || !(actor.mbox || actor.account || actor.mbox_sha1sum || actor.openid)) return null;
    try { new URL(endpoint); } catch (e) { return null; }
    return {
      endpoint: endpoint.charAt(endpoint.length - 1) === "/" ? endpoint : endpoint + "/",
      auth: auth, actor: actor, registration: p.get("registration") || null
    };
  }

  /** Whether `endpoint` is on one of the allowed origins (`http://host:*` allows any port). */
  function originAllowed(endpoint, allowed) {
    var url;
    try { url = new URL(endpoint); } catch (e) { return false; }
    return allowed.some(function (origin) {
      var m = /^(https?):\/\/([a-z0-9.-]+)(?::(\d+|\*))?$/.exec(origin);
      if (!m || url.protocol !== m[1] + ":" || url.hostname !== m[2]) return false;
      var port = url.port || (url.protocol === "https:" ? "443" : "80");
      return m[3] === "*" || (m[3] || (m[1] === "https" ? "443" : "80")) === port;
    });
  }

  function uuid(random) {
    var b = random(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  /**
   * The activity ids of a course, a lesson (by its `<course>/<lesson>` id), a quiz and
   * its questions (from 1), under `base`, the site's address with its final slash. The
   * same scheme as LatihContent's ActivityIDs; Tests/vectors/activity-ids.tsv holds both.
   */
  var ids = {
    course: function (base, course) { return base + "courses/" + course + "/"; },
    lesson: function (base, lesson) { return base + "courses/" + lesson + "/"; },
    quiz: function (base, quiz) { return base + "kuis/" + quiz; },
    question: function (base, quiz, number) { return ids.quiz(base, quiz) + "#soal-" + number; }
  };

  function activity(id, type, name, lang, extra) {
    var definition = { type: type, name: {} };
    definition.name[lang] = name;
    if (extra) Object.keys(extra).forEach(function (k) { definition[k] = extra[k]; });
    return { objectType: "Activity", id: id, definition: definition };
  }

  /** One xAPI statement. `options` may hold result, parent (an activity), and timestamp. */
  function statement(verb, launch, object, options, random) {
    var s = {
      id: uuid(random),
      actor: launch.actor,
      verb: { id: VERBS[verb], display: { "en-US": verb } },
      object: object,
      timestamp: options.timestamp,
      context: { platform: "Latih", language: options.lang || "id" }
    };
    if (launch.registration) s.context.registration = launch.registration;
    if (options.parent) s.context.contextActivities = { parent: [options.parent] };
    if (options.result) s.result = options.result;
    return s;
  }

  /** Milliseconds before retry number `n` (from 0): 1 s, 2 s, 4 s … up to a minute. */
  function backoff(n) { return Math.min(60000, 1000 * Math.pow(2, n)); }

  // ---- Runtime ----

  function start(doc, win) {
    // In an LMS package the LMS runtime (site/lms.js) reports, through the parts below.
    if (doc.documentElement.hasAttribute("data-lms")) return;
    var storage;
    try { storage = win.localStorage; storage.getItem(QUEUE_KEY); } catch (e) { return; }
    var allowedMeta = doc.querySelector('meta[name="latih-xapi-endpoints"]');
    var allowed = (allowedMeta ? allowedMeta.content : "").split(/\s+/).filter(Boolean);
    var fromURL = parseLaunch(win.location.search);
    var launch = null;
    if (fromURL && originAllowed(fromURL.endpoint, allowed)) {
      launch = fromURL;
      storage.setItem(LAUNCH_KEY, JSON.stringify(launch));
    } else if (!fromURL) {
      try { launch = JSON.parse(storage.getItem(LAUNCH_KEY) || "null"); } catch (e) { launch = null; }
      if (launch && !originAllowed(launch.endpoint, allowed)) launch = null;
    }
    var queue = loadQueue(storage);
    var sender = makeSender(storage, win, queue);
    if (!launch) { sender.flush(); return; }

    var lang = doc.documentElement.lang || "id";
    var baseMeta = doc.querySelector('meta[name="latih-base-url"]');
    var base = baseMeta && baseMeta.content ? baseMeta.content : new URL(doc.documentElement.getAttribute("data-root") || "", win.location.href).href;
    if (base.charAt(base.length - 1) !== "/") base += "/";
    restore(doc, win, storage, launch, base, !!fromURL || !!doc.querySelector(".progress-page"));
    var random = function (n) { return win.crypto.getRandomValues(new Uint8Array(n)); };
    var now = function () { return new Date().toISOString(); };
    var send = function (verb, object, options) {
      options.timestamp = options.timestamp || now();
      options.lang = lang;
      sender.enqueue(launch, statement(verb, launch, object, options, random));
    };

    var article = doc.querySelector("article.lesson[data-lesson]");
    var course = article ? article.getAttribute("data-course") : null;
    var courseActivity = course && activity(ids.course(base, course), TYPES.course, article.getAttribute("data-course-title"), lang);
    if (fromURL) send("initialized", courseActivity || activity(base, TYPES.course, doc.title, lang), {});
    if (article) {
      var lessonTitle = doc.querySelector("h1").textContent;
      send("experienced", activity(ids.lesson(base, article.getAttribute("data-lesson")), TYPES.lesson, lessonTitle, lang), { parent: courseActivity });
    }
    doc.addEventListener("latih:quiz-attempt", function (e) {
      var d = e.detail;
      var quizActivity = activity(ids.quiz(base, d.id), TYPES.assessment, d.title, lang);
      d.questions.forEach(function (q) {
        send("answered", activity(ids.question(base, d.id, q.index + 1), TYPES.interaction, q.text, lang,
          { interactionType: INTERACTIONS[q.kind] || "other" }),
          { timestamp: d.at, parent: quizActivity, result: { response: q.response, success: q.success } });
      });
      // The attempt's own time, on its answers and its result, which the browser's record
      // holds too: read back from the store, the attempt is then recognised as the same
      // one, not counted twice. (A report folds answers before the result of the same time.)
      send(d.passed ? "passed" : "failed", quizActivity, {
        timestamp: d.at,
        parent: courseActivity,
        result: { score: { scaled: d.score / 100, raw: d.score, min: 0, max: 100 }, success: d.passed, completion: true }
      });
      checkCourse();
    });
    // The lesson's own "completed", which an agency's report counts JP from; then, after
    // the quiz handlers, so that "passed" is reported before it, the course's.
    doc.addEventListener("latih:lesson-completed", function () {
      setTimeout(function () {
        if (article) {
          send("completed", activity(ids.lesson(base, article.getAttribute("data-lesson")), TYPES.lesson,
            doc.querySelector("h1").textContent, lang), { parent: courseActivity, result: { completion: true } });
        }
        checkCourse();
      }, 0);
    });

    /** Sends `completed` for the course once every lesson is done and every quiz passed. */
    function checkCourse() {
      if (!article || !win.Latih || !win.Latih.store) return;
      var store = win.Latih.store, state = store.load(storage).state;
      var lessons = Array.prototype.map.call(doc.querySelectorAll(".outline li[data-lesson]"), function (li) { return li.getAttribute("data-lesson"); });
      var quizzes = (article.getAttribute("data-course-quizzes") || "").split(" ").filter(Boolean);
      var done = lessons.every(function (id) { var r = store.lessonRecord(state, id); return r && r.completed; }) &&
        quizzes.every(function (id) { var r = store.quizRecord(state, id); return r && r.passed; });
      var flag = "latih.xapi.completed." + (launch.registration || "") + "." + course;
      if (!done || storage.getItem(flag)) return;
      storage.setItem(flag, now());
      send("completed", courseActivity, { result: { completion: true } });
    }
  }

  // ---- Progress from the learner's statements ----

  var RESTORED_KEY = "latih.xapi.restored";
  /** How often, at most, a page reads the learner's statements back (a launch, and the progress page, always do). */
  var RESTORE_EVERY = 10 * 60 * 1000;

  /**
   * The progress that `statements` (the learner's, from the store) record on this site
   * (`base`), as the browser's store holds progress: lessons opened and completed, and
   * each quiz attempt with its score. `store` is site/store.js.
   */
  function progressFromStatements(statements, base, store) {
    var state = store.empty();
    var attempts = [];
    statements.forEach(function (s) {
      var object = s && s.object && s.object.id, verb = s && s.verb && s.verb.id;
      if (typeof object !== "string" || typeof verb !== "string" || object.indexOf(base) !== 0) return;
      var at = new Date(s.timestamp || s.stored);
      if (isNaN(at.getTime())) return;
      at = at.toISOString();
      var path = object.slice(base.length);
      // Only ids as Latih makes them: a statement is data, and "__proto__" is no quiz.
      if (!/^(courses|kuis)\/[A-Za-z0-9][A-Za-z0-9._\-\/]*[#?]?[^]*$/.test(path) || /__proto__|constructor|prototype/.test(path)) return;
      var lesson = /^courses\/([^/]+\/[^/]+)\/$/.exec(path);
      if (lesson) {
        if (verb === VERBS.completed) state = store.recordLesson(state, lesson[1], "completed", at);
        else if (verb !== VERBS.answered) state = store.recordLesson(state, lesson[1], "opened", at);
        return;
      }
      var quiz = /^kuis\/([^#?]+)$/.exec(path);
      var score = s.result && s.result.score && s.result.score.raw;
      if (quiz && (verb === VERBS.passed || verb === VERBS.failed) && typeof score === "number" && score >= 0 && score <= 100) {
        attempts.push({ id: quiz[1], score: score, passed: verb === VERBS.passed, at: at });
      }
    });
    attempts.sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; });
    attempts.forEach(function (a) { state = store.recordAttempt(state, a.id, a.score, a.passed, a.at); });
    return state;
  }

  /** The learner's statements, page by page (`more`), from the store of `launch`. */
  function learnerStatements(win, launch, done) {
    var out = [];
    var first = launch.endpoint + "statements?agent=" + encodeURIComponent(JSON.stringify(launch.actor)) + "&limit=500";
    function page(url, n) {
      win.fetch(url, { headers: { "Authorization": launch.auth, "X-Experience-API-Version": "1.0.3" }, credentials: "omit" })
        .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
        .then(function (body) {
          out = out.concat(Array.isArray(body.statements) ? body.statements : []);
          if (body.more && n < 50) page(new URL(body.more, launch.endpoint).href, n + 1); else done(out);
        })
        .catch(function () { done(null); });
    }
    page(first, 0);
  }

  /**
   * Merges the learner's progress from the store into this browser's. When it adds
   * something and the page shows progress, the page is shown again with it.
   */
  function restore(doc, win, storage, launch, base, now) {
    var store = win.Latih && win.Latih.store;
    if (!store || !win.fetch) return;
    var last = Number(storage.getItem(RESTORED_KEY) || 0);
    if (!now && Date.now() - last < RESTORE_EVERY) return;
    storage.setItem(RESTORED_KEY, String(Date.now()));
    learnerStatements(win, launch, function (statements) {
      if (!statements) return;
      var remote = progressFromStatements(statements, base, store);
      var local = store.load(storage).state;
      var before = JSON.stringify(store.merge(local, store.empty()));
      var merged = store.merge(local, remote);
      if (JSON.stringify(merged) === before) return;
      store.save(storage, merged);
      if (typeof win.CustomEvent === "function") doc.dispatchEvent(new win.CustomEvent("latih:progress-restored"));
      if (doc.querySelector(".progress-page")) win.location.reload();
    });
  }

  function loadQueue(storage) {
    try {
      var q = JSON.parse(storage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(q) ? q : [];
    } catch (e) { return []; }
  }

  /**
   * Keeps the queue in storage and posts it, oldest first, retrying with backoff.
   * Requests are `keepalive`, so that statements sent as the page closes still arrive.
   */
  function makeSender(storage, win, queue) {
    var busy = false, failures = 0, timer = null, waiting = [];
    function persist() { try { storage.setItem(QUEUE_KEY, JSON.stringify(queue)); } catch (e) { /* full */ } }
    function flush() {
      if (!queue.length) waiting.splice(0).forEach(function (f) { f(); });
      if (busy || !queue.length) return;
      busy = true;
      var first = queue[0];
      var batch = queue.filter(function (q) { return q.endpoint === first.endpoint && q.auth === first.auth; });
      win.fetch(first.endpoint + "statements", {
        method: "POST",
        keepalive: true,
        headers: { "Authorization": first.auth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
        body: JSON.stringify(batch.map(function (q) { return q.statement; }))
      }).then(function (response) {
        if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)) {
          // Sent, or refused for good (a retry cannot fix a 4xx): either way, off the queue.
          queue.splice(0, queue.length, ...queue.filter(function (q) { return batch.indexOf(q) < 0; }));
          persist();
          failures = 0;
          busy = false;
          flush();
        } else {
          throw new Error("LRS answered " + response.status);
        }
      }).catch(function () {
        busy = false;
        clearTimeout(timer);
        timer = setTimeout(flush, backoff(failures++));
      });
    }
    win.addEventListener("online", function () { failures = 0; flush(); });
    return {
      enqueue: function (launch, statement) {
        queue.push({ endpoint: launch.endpoint, auth: launch.auth, statement: statement });
        persist();
        flush();
      },
      flush: flush,
      /** Calls `f` once every queued statement has been sent or refused. */
      whenEmpty: function (f) { if (queue.length) waiting.push(f); else f(); }
    };
  }

  return {
    VERBS: VERBS, TYPES: TYPES, INTERACTIONS: INTERACTIONS, ids: ids, parseLaunch: parseLaunch, originAllowed: originAllowed,
    statement: statement, activity: activity, uuid: uuid, backoff: backoff, start: start,
    makeSender: makeSender, loadQueue: loadQueue, progressFromStatements: progressFromStatements
  };
});
