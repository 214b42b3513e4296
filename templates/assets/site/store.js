/*
 * Latih: the learner's progress, kept in the browser.
 *
 * One small, versioned store over localStorage, keyed by stable ids (quiz ids are
 * built from slugs, not from lesson numbers). Stored data that is damaged or of an
 * unknown version never breaks a page: it is set aside under another key and the
 * store starts afresh, and the caller is told so it can say so.
 * A classic script (pages must work from file://), exported to Node for tests.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.Latih = Object.assign(root.Latih || {}, { store: api });
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var KEY = "latih.progress";
  var VERSION = 1;
  var HISTORY_LIMIT = 50;

  function empty() {
    return { version: VERSION, quizzes: {}, lessons: {} };
  }

  function isPlainObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  function validScore(n) {
    return typeof n === "number" && isFinite(n) && n >= 0 && n <= 100;
  }

  function validLesson(l) {
    return isPlainObject(l) && (l.opened === null || typeof l.opened === "string") &&
      (l.completed === null || typeof l.completed === "string");
  }

  var ESSAY_LIMIT = 20000;

  function validEssay(e) {
    return isPlainObject(e) && typeof e.text === "string" && e.text.length <= ESSAY_LIMIT && typeof e.at === "string";
  }

  /** Whether `data` is a store this version understands, down to every field. */
  function validate(data) {
    if (!isPlainObject(data) || data.version !== VERSION || !isPlainObject(data.quizzes)) return false;
    if (data.essays !== undefined && !(isPlainObject(data.essays) && Object.keys(data.essays).every(function (id) {
      return validEssay(data.essays[id]);
    }))) return false;
    if (data.lessons !== undefined && !(isPlainObject(data.lessons) && Object.keys(data.lessons).every(function (id) {
      return validLesson(data.lessons[id]);
    }))) return false;
    return Object.keys(data.quizzes).every(function (id) {
      var q = data.quizzes[id];
      return isPlainObject(q) && Number.isInteger(q.attempts) && q.attempts >= 0 && validScore(q.best) &&
        typeof q.passed === "boolean" && Array.isArray(q.history) && (q.round === undefined || typeof q.round === "string") &&
        q.history.every(function (h) {
          return isPlainObject(h) && typeof h.at === "string" && validScore(h.score) && typeof h.passed === "boolean";
        });
    });
  }

  /** Reads the store. `problem` is "damaged" when stored data had to be set aside. */
  function load(storage) {
    var raw;
    try { raw = storage.getItem(KEY); } catch (e) { return { state: empty(), problem: null }; }
    if (raw === null || raw === undefined) return { state: empty(), problem: null };
    var data = null;
    try { data = JSON.parse(raw); } catch (e) { data = null; }
    if (validate(data)) return { state: Object.assign({ lessons: {} }, data), problem: null };
    try {
      storage.setItem(KEY + ".disisihkan." + Date.now(), raw);
      storage.removeItem(KEY);
    } catch (e) { /* storage full or unavailable: start afresh in memory */ }
    return { state: empty(), problem: "damaged" };
  }

  /** Writes the store; false when the browser refuses (private mode, quota). */
  function save(storage, state) {
    try {
      storage.setItem(KEY, JSON.stringify(state));
      return true;
    } catch (e) {
      return false;
    }
  }

  /** The record of one quiz, or null if it was never attempted. */
  function quizRecord(state, id) {
    return Object.prototype.hasOwnProperty.call(state.quizzes, id) ? state.quizzes[id] : null;
  }

  /** A new state with one more attempt at quiz `id`. The best score never goes down. */
  function recordAttempt(state, id, score, passed, at) {
    var prev = quizRecord(state, id) || { attempts: 0, best: 0, passed: false, history: [] };
    var quizzes = Object.assign({}, state.quizzes);
    quizzes[id] = {
      attempts: prev.attempts + 1,
      best: Math.max(prev.best, score),
      passed: prev.passed || passed,
      history: prev.history.concat([{ at: at, score: score, passed: passed }]).slice(-HISTORY_LIMIT)
    };
    if (prev.round) quizzes[id].round = prev.round;
    return Object.assign({}, state, { quizzes: quizzes });
  }

  /**
   * A new state in which quiz `id`'s next round of attempts starts at `at`: the attempts
   * before it stay in the record (its best score, its history) but no longer count
   * against the quiz's limit.
   */
  function startRound(state, id, at) {
    var prev = quizRecord(state, id) || { attempts: 0, best: 0, passed: false, history: [] };
    var quizzes = Object.assign({}, state.quizzes);
    quizzes[id] = Object.assign({}, prev, { round: at });
    return Object.assign({}, state, { quizzes: quizzes });
  }

  /**
   * The round of attempts a learner is in, for a quiz with a `limit`: how many of its
   * attempts are used, whether it is spent, and (for `retry.kind` "wait") when the next
   * round opens. A round begins when the learner starts one after reviewing the lesson
   * (`record.round`), or by itself once the wait after a spent round has passed. Pure:
   * `now` and the record's times are ISO strings (Tests/js/quiz.test.js). The quiz
   * and the progress page both ask it.
   */
  function attemptRound(record, limit, retry, now) {
    var history = record ? record.history : [];
    var used = 0, opensAt = null;
    for (var i = 0; i < history.length; i++) {
      var at = history[i].at;
      if (record.round && at < record.round) continue;
      if (used >= limit && retry.kind === "wait" && opensAt && at >= opensAt) { used = 0; opensAt = null; }
      used += 1;
      if (used === limit && retry.kind === "wait") opensAt = new Date(Date.parse(at) + retry.minutes * 60000).toISOString();
    }
    if (used >= limit && retry.kind === "wait" && opensAt && now >= opensAt) return { used: 0, spent: false, opensAt: null };
    return { used: Math.min(used, limit), spent: used >= limit, opensAt: used >= limit ? opensAt : null };
  }

  /** A reflection's kept answer (`{ text, at }`), or null. */
  function essayRecord(state, id) {
    var essays = state.essays || {};
    return Object.prototype.hasOwnProperty.call(essays, id) ? essays[id] : null;
  }

  /** A new state with the answer to reflection `id` (`<quiz id>#<n>`), cut to its limit. */
  function recordEssay(state, id, text, at) {
    var essays = Object.assign({}, state.essays || {});
    essays[id] = { text: String(text).slice(0, ESSAY_LIMIT), at: at };
    return Object.assign({}, state, { essays: essays });
  }

  /** The record of one lesson: when it was first opened and when it was completed (or null). */
  function lessonRecord(state, id) {
    var lessons = state.lessons || {};
    return Object.prototype.hasOwnProperty.call(lessons, id) ? lessons[id] : null;
  }

  /**
   * A new state with lesson `id` opened (the first time is kept), completed, or no
   * longer completed (`what` is "opened", "completed" or "uncompleted").
   */
  function recordLesson(state, id, what, at) {
    var prev = lessonRecord(state, id) || { opened: null, completed: null };
    var next = { opened: prev.opened || at, completed: prev.completed };
    if (what === "completed") next.completed = prev.completed || at;
    if (what === "uncompleted") next.completed = null;
    var lessons = Object.assign({}, state.lessons || {});
    lessons[id] = next;
    return Object.assign({}, state, { lessons: lessons });
  }

  var FORMAT = "latih-progress";

  /**
   * The export file: `{ format: "latih-progress", version: 1, exported: <ISO time>,
   * progress: <the store> }`. Documented in the README; import accepts exactly this.
   */
  function exportDocument(state, at) {
    return { format: FORMAT, version: VERSION, exported: at, progress: state };
  }

  /**
   * Reads an export file's text. Returns `{ state }`, or `{ error }` with one of
   * "not-json", "not-latih", "version" or "invalid" so the page can say what is wrong.
   * Nothing is changed here: the caller merges only a state that passed every check.
   */
  function parseImport(text) {
    var doc;
    try { doc = JSON.parse(text); } catch (e) { return { error: "not-json" }; }
    if (!isPlainObject(doc) || doc.format !== FORMAT) return { error: "not-latih" };
    if (doc.version !== VERSION) return { error: "version" };
    if (!validate(doc.progress)) return { error: "invalid" };
    return { state: Object.assign({ lessons: {} }, doc.progress) };
  }

  function earliest(a, b) { return !a ? b : !b ? a : (a < b ? a : b); }

  /** Merges two stores: nothing is lost, and no best score is lowered. */
  function merge(a, b) {
    var out = empty();
    [a, b].forEach(function (s) {
      Object.keys(s.essays || {}).forEach(function (id) {
        // The answer written last is kept.
        out.essays = out.essays || {};
        var x = out.essays[id], y = s.essays[id];
        if (!x || y.at > x.at) out.essays[id] = { text: y.text, at: y.at };
      });
      Object.keys(s.lessons || {}).forEach(function (id) {
        var x = out.lessons[id] || { opened: null, completed: null }, y = s.lessons[id];
        out.lessons[id] = { opened: earliest(x.opened, y.opened), completed: earliest(x.completed, y.completed) };
      });
      Object.keys(s.quizzes).forEach(function (id) {
        var x = out.quizzes[id], y = s.quizzes[id];
        if (!x) { out.quizzes[id] = JSON.parse(JSON.stringify(y)); return; }
        var seen = {};
        var history = x.history.concat(y.history).filter(function (h) {
          var key = h.at + "|" + h.score + "|" + h.passed;
          if (seen[key]) return false;
          seen[key] = true;
          return true;
        }).sort(function (p, q) { return p.at < q.at ? -1 : p.at > q.at ? 1 : 0; }).slice(-HISTORY_LIMIT);
        out.quizzes[id] = {
          attempts: Math.max(x.attempts, y.attempts, history.length),
          best: Math.max(x.best, y.best),
          passed: x.passed || y.passed,
          history: history
        };
        var round = x.round && y.round ? (x.round > y.round ? x.round : y.round) : x.round || y.round;
        if (round) out.quizzes[id].round = round;
      });
    });
    return out;
  }

  /** A new state without anything recorded for one course's lessons and quizzes. */
  function resetCourse(state, courseId, quizIds) {
    var lessons = {}, quizzes = {};
    Object.keys(state.lessons || {}).forEach(function (id) {
      if (id.indexOf(courseId + "/") !== 0) lessons[id] = state.lessons[id];
    });
    // A quiz not yet passed keeps its attempts: starting a course again is no way round
    // its attempt limit (the quiz's `retry` is).
    Object.keys(state.quizzes).forEach(function (id) {
      if (quizIds.indexOf(id) < 0 || !state.quizzes[id].passed) quizzes[id] = state.quizzes[id];
    });
    var essays = {};
    Object.keys(state.essays || {}).forEach(function (id) {
      if (quizIds.indexOf(id.split("#")[0]) < 0) essays[id] = state.essays[id];
    });
    return Object.assign({}, state, { lessons: lessons, quizzes: quizzes, essays: essays });
  }

  /** A storage that lives only as long as the page, for browsers that refuse localStorage. */
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(items, k) ? items[k] : null; },
      setItem: function (k, v) { items[k] = String(v); },
      removeItem: function (k) { delete items[k]; },
      keys: function () { return Object.keys(items); }
    };
  }

  /** localStorage when the browser allows it, otherwise memory. */
  function browserStorage(win) {
    try {
      var s = win.localStorage;
      s.getItem(KEY);
      return s;
    } catch (e) {
      return memoryStorage();
    }
  }

  return {
    KEY: KEY, VERSION: VERSION, empty: empty, validate: validate, load: load, save: save,
    quizRecord: quizRecord, recordAttempt: recordAttempt, startRound: startRound, attemptRound: attemptRound, lessonRecord: lessonRecord, recordLesson: recordLesson,
    essayRecord: essayRecord, recordEssay: recordEssay,
    exportDocument: exportDocument, parseImport: parseImport, merge: merge, resetCourse: resetCourse,
    memoryStorage: memoryStorage, browserStorage: browserStorage
  };
});
