/*
 * A strict SCORM 1.2 run-time API for tests, as a strict LMS implements it: every call
 * is recorded (window.scormCalls), and any element or value outside the SCORM 1.2 data
 * model is refused with the error code the specification gives (401 not implemented,
 * 403 read only, 404 write only, 405 incorrect data type, 301 not initialized,
 * 101 general exception). What a SCO stored is kept per SCO in localStorage under
 * "lms.<sco>", as an LMS keeps it between launches, and read back as `cmi.core.entry`
 * "resume" after an exit of "suspend".
 */
function StrictScormAPI(sco) {
  "use strict";
  var KEY = "lms." + sco;
  var kept = JSON.parse(localStorage.getItem(KEY) || "null") || {
    lesson_status: "not attempted", score: { raw: "", min: "", max: "" }, suspend_data: "", exit: "", launches: 0, total_ms: 0
  };
  var calls = window.scormCalls = [];
  var state = "new"; // new → running → finished
  var lastError = "0";
  var session = { exit: null, session_time: null };

  var decimal = /^-?\d{1,3}(\.\d{1,2})?$/;
  var timespan = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
  function score(v) { return v === "" || (decimal.test(v) && Number(v) >= 0 && Number(v) <= 100); }
  var ELEMENTS = {
    "cmi.core._children": { read: function () { return "student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time"; } },
    "cmi.core.score._children": { read: function () { return "raw,min,max"; } },
    "cmi.core.student_id": { read: function () { return "198501012010012001"; } },
    "cmi.core.student_name": { read: function () { return "Lestari, Siti"; } },
    "cmi.core.lesson_location": { read: function () { return kept.lesson_location || ""; },
                                  write: function (v) { return v.length <= 255 && (kept.lesson_location = v, true); } },
    "cmi.core.credit": { read: function () { return "credit"; } },
    "cmi.core.lesson_status": { read: function () { return kept.lesson_status; },
                                write: function (v) { return ["passed", "completed", "failed", "incomplete", "browsed"].indexOf(v) >= 0 && (kept.lesson_status = v, true); } },
    "cmi.core.entry": { read: function () { return kept.launches > 1 && kept.exit === "suspend" ? "resume" : kept.launches > 1 ? "" : "ab-initio"; } },
    "cmi.core.score.raw": { read: function () { return kept.score.raw; }, write: function (v) { return score(v) && (kept.score.raw = v, true); } },
    "cmi.core.score.min": { read: function () { return kept.score.min; }, write: function (v) { return score(v) && (kept.score.min = v, true); } },
    "cmi.core.score.max": { read: function () { return kept.score.max; }, write: function (v) { return score(v) && (kept.score.max = v, true); } },
    "cmi.core.total_time": { read: function () { return "0000:00:00.00"; } },
    "cmi.core.lesson_mode": { read: function () { return "normal"; } },
    "cmi.core.exit": { write: function (v) { return ["time-out", "suspend", "logout", ""].indexOf(v) >= 0 && (session.exit = v, true); } },
    "cmi.core.session_time": { write: function (v) { return timespan.test(v) && Number(v.split(":")[1]) < 60 && Number(v.split(":")[2]) < 60 && (session.session_time = v, true); } },
    "cmi.suspend_data": { read: function () { return kept.suspend_data; },
                          write: function (v) { return v.length <= 4096 && (kept.suspend_data = v, true); } },
    "cmi.launch_data": { read: function () { return ""; } },
    "cmi.comments": { read: function () { return kept.comments || ""; }, write: function (v) { return v.length <= 4096 && (kept.comments = v, true); } },
    "cmi.student_data.mastery_score": { read: function () { return "70"; } }
  };

  function record(fn, args, result) {
    calls.push({ fn: fn, args: args, result: result, error: lastError });
    return result;
  }
  function fail(code) { lastError = code; return "false"; }
  function running() {
    if (state === "new") { lastError = "301"; return false; }
    if (state === "finished") { lastError = "101"; return false; }
    return true;
  }
  function save() { localStorage.setItem(KEY, JSON.stringify(kept)); }

  return {
    LMSInitialize: function (arg) {
      lastError = "0";
      if (arg !== "") return record("LMSInitialize", [arg], fail("201"));
      if (state !== "new") return record("LMSInitialize", [arg], fail("101"));
      state = "running";
      kept.launches += 1;
      if (kept.lesson_status === "not attempted") kept.lesson_status = "incomplete";
      save();
      return record("LMSInitialize", [arg], "true");
    },
    LMSFinish: function (arg) {
      lastError = "0";
      if (arg !== "") return record("LMSFinish", [arg], fail("201"));
      if (!running()) return record("LMSFinish", [arg], "false");
      state = "finished";
      kept.exit = session.exit || "";
      kept.last_session_time = session.session_time;
      save();
      return record("LMSFinish", [arg], "true");
    },
    LMSGetValue: function (name) {
      lastError = "0";
      if (!running()) return record("LMSGetValue", [name], "");
      var e = ELEMENTS[name];
      if (!e) { lastError = "401"; return record("LMSGetValue", [name], ""); }
      if (!e.read) { lastError = "404"; return record("LMSGetValue", [name], ""); }
      return record("LMSGetValue", [name], e.read());
    },
    LMSSetValue: function (name, value) {
      lastError = "0";
      if (!running()) return record("LMSSetValue", [name, value], "false");
      var e = ELEMENTS[name];
      if (!e) return record("LMSSetValue", [name, value], fail("401"));
      if (!e.write) return record("LMSSetValue", [name, value], fail("403"));
      if (typeof value !== "string" || !e.write(value)) return record("LMSSetValue", [name, value], fail("405"));
      return record("LMSSetValue", [name, value], "true");
    },
    LMSCommit: function (arg) {
      lastError = "0";
      if (arg !== "") return record("LMSCommit", [arg], fail("201"));
      if (!running()) return record("LMSCommit", [arg], "false");
      save();
      return record("LMSCommit", [arg], "true");
    },
    LMSGetLastError: function () { return lastError; },
    LMSGetErrorString: function (code) { return { "0": "No error", "101": "General exception", "201": "Invalid argument error", "301": "Not initialized", "401": "Not implemented error", "403": "Element is read only", "404": "Element is write only", "405": "Incorrect data type" }[code] || ""; },
    LMSGetDiagnostic: function (code) { return this.LMSGetErrorString(code || lastError); }
  };
}
