/*
 * Latih: quizzes in the browser.
 *
 * The page carries each quiz as a plain HTML form plus a JSON key of salted answer
 * hashes (see QuizRenderer.swift). Scoring and answer normalisation are pure
 * functions, tested with `node --test`; the DOM code below them is thin.
 * A classic script (pages must work from file://), exported to Node for tests.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./dom.js"), require("./sha256.js"));
  } else {
    var dom = root.Latih && root.Latih.dom;
    var api = factory(dom, root.Latih.sha256);
    root.Latih = Object.assign(root.Latih || {}, { quiz: api });
    if (typeof document !== "undefined") dom.ready(document, function () { api.enhanceQuizzes(document, root); });
  }
})(typeof self !== "undefined" ? self : this, function (dom, hash) {
  "use strict";

  function utf8(s) {
    return Array.from(unescape(encodeURIComponent(s)), function (c) { return c.charCodeAt(0); });
  }

  /** SHA-256 of a string's UTF-8 bytes, as lowercase hex (site/sha256.js). */
  function sha256(text) {
    return hash.hex(hash.digest(utf8(text)));
  }

  /** The hash the page's key holds for an answer (QuizRenderer.answerHash). */
  function answerHash(salt, question, value) {
    return sha256(salt + "|" + question + "|" + value).slice(0, 16);
  }

  var TRAILING = ".,!?;:…'\")(-";

  /** NFC, lowercase, whitespace collapsed, trimmed, trailing punctuation dropped (AnswerText.normalise). */
  function normaliseAnswer(s) {
    var out = String(s).normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
    while (out.length && (TRAILING.indexOf(out[out.length - 1]) >= 0 || out[out.length - 1] === " ")) out = out.slice(0, -1);
    return out;
  }

  /** A number typed with `.` or `,` as the decimal separator, or NaN. */
  function parseNumber(s) {
    var t = String(s).trim();
    if (!/^-?\d+([.,]\d+)?$/.test(t)) return NaN;
    return Number(t.replace(",", "."));
  }

  function decode64(s) {
    try { return decodeURIComponent(escape(atob(s))); } catch (e) { return ""; }
  }

  /**
   * Scores one question, 0 to 1. `response` is a token (single), a list of tokens
   * (multiple, ordering), "benar"/"salah" (true/false), typed text (numeric, short),
   * or an array of right-hand tokens by left index (matching).
   */
  function scoreQuestion(key, response, salt, q, partial) {
    function hashed(v) { return key.h.indexOf(answerHash(salt, q, v)) >= 0; }
    switch (key.k) {
      case "single":
      case "truefalse":
        return response && hashed(response) ? 1 : 0;
      case "multiple": {
        var chosen = response || [];
        var right = chosen.filter(hashed).length, wrong = chosen.length - right;
        if (partial) return Math.max(0, (right - wrong) / key.h.length);
        return right === key.h.length && wrong === 0 ? 1 : 0;
      }
      case "numeric": {
        var x = parseNumber(response || "");
        var v = Number(decode64(key.v)), t = Number(decode64(key.t));
        return !isNaN(x) && Math.abs(x - v) <= t + 1e-9 ? 1 : 0;
      }
      case "numeric-set": {
        // Moodle's numerical question: the best credit of the ranges the answer is in.
        var n = parseNumber(response || "");
        if (isNaN(n)) return 0;
        return key.s.reduce(function (best, r) {
          var lo = Number(decode64(r[0])), hi = Number(decode64(r[1]));
          return n >= lo - 1e-9 && n <= hi + 1e-9 ? Math.max(best, r[2]) : best;
        }, 0);
      }
      case "short":
        return response && hashed(normaliseAnswer(response)) ? 1 : 0;
      case "ordering":
        return response && hashed(response.join(",")) ? 1 : 0;
      case "matching": {
        var pairs = response || [];
        var good = pairs.filter(function (tok, i) { return tok && hashed(i + "=" + tok); }).length;
        if (partial) return good / key.h.length;
        return good === key.h.length ? 1 : 0;
      }
      default:
        return 0;
    }
  }

  /** The quiz score in whole percent from per-question scores. */
  function quizScore(scores) {
    if (!scores.length) return 0;
    var sum = scores.reduce(function (a, b) { return a + b; }, 0);
    return Math.round((sum / scores.length) * 100);
  }

  /** Fisher–Yates shuffle of a copy, with a supplied random source. */
  function shuffled(items, random) {
    var a = items.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  var fill = dom.fill;

  // ---- DOM: thin code over the functions above. All text goes in with textContent. ----

  function enhanceQuizzes(doc, win) {
    var quizzes = doc.querySelectorAll("section.quiz");
    if (!quizzes.length) return;
    var storeApi = win.Latih && win.Latih.store;
    var storage = storeApi.browserStorage(win);
    var loaded = storeApi.load(storage);
    var shared = { state: loaded.state };
    Array.prototype.forEach.call(quizzes, function (section) {
      enhanceQuiz(section, doc, win, storeApi, storage, shared, loaded.problem);
    });
  }

  function responseOf(item) {
    var kind = item.getAttribute("data-kind");
    var inputs = item.querySelectorAll("input");
    if (kind === "single" || kind === "truefalse") {
      var checked = item.querySelector("input:checked");
      return checked ? checked.value : null;
    }
    if (kind === "multiple") {
      return Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) { return i.value; });
    }
    if (kind === "numeric" || kind === "short") return inputs[0].value;
    if (kind === "ordering") {
      return Array.prototype.map.call(item.querySelectorAll(".ordering > li"), function (li) { return li.getAttribute("data-token"); });
    }
    if (kind === "matching") {
      return Array.prototype.map.call(item.querySelectorAll("select"), function (s) { return s.value; });
    }
    return null;
  }

  function isEmptyResponse(r) {
    return r === null || r === "" || (Array.isArray(r) && (r.length === 0 || r.every(function (x) { return !x; })));
  }

  /**
   * Reflections (unscored essays): each answer is kept in the store as the learner types,
   * under `<quiz id>#<question number>`, comes back on the next visit, and travels in
   * the progress export.
   */
  function enhanceEssays(section, quizId, storeApi, storage, S) {
    Array.prototype.forEach.call(section.querySelectorAll("textarea[data-essay]"), function (area) {
      var id = quizId + "#" + (Number(area.getAttribute("data-essay")) + 1);
      var status = area.closest(".question").querySelector(".essay-status");
      var rec = storeApi.essayRecord(storeApi.load(storage).state, id);
      if (rec) area.value = rec.text;
      var timer = null;
      area.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var state = storeApi.recordEssay(storeApi.load(storage).state, id, area.value, new Date().toISOString());
          if (storeApi.save(storage, state) && status) status.textContent = S["quiz-essay-saved"];
        }, 400);
      });
    });
  }

  function enhanceQuiz(section, doc, win, storeApi, storage, shared, problem) {
    var key = JSON.parse(section.querySelector(".quiz-key").textContent);
    // The quiz's interface strings come with the page's (once, however many quizzes it
    // has); a key that carries its own (`s`) is read as it is.
    var S = key.s || dom.readJSON(doc, "latih-strings") || {};
    var id = section.getAttribute("data-quiz");
    var pass = Number(section.getAttribute("data-pass"));
    var attempts = Number(section.getAttribute("data-attempts"));
    var retryWay = {
      kind: section.getAttribute("data-retry") || "review",
      minutes: Number(section.getAttribute("data-retry-minutes")) || 0,
      contact: section.getAttribute("data-retry-contact") || ""
    };
    var partial = section.getAttribute("data-partial") === "true";
    var form = section.querySelector("form");
    var check = section.querySelector(".quiz-check");
    var retry = section.querySelector(".quiz-retry");
    var status = section.querySelector(".quiz-status");
    var best = section.querySelector(".quiz-best");
    // Scored questions only: reflections and text between questions are not answered here.
    var items = Array.prototype.slice.call(section.querySelectorAll(".question:not(.question-unscored)"));
    enhanceEssays(section, id, storeApi, storage, S);

    check.hidden = false;
    Array.prototype.forEach.call(section.querySelectorAll(".ordering .move"), function (m) { m.hidden = false; });
    if (problem === "damaged") status.textContent = S["quiz-storage-reset"];

    if (section.getAttribute("data-shuffle") === "true") {
      var list = section.querySelector(".quiz-questions");
      shuffled(items, Math.random).forEach(function (li) { list.appendChild(li); });
      Array.prototype.forEach.call(section.querySelectorAll(".options"), function (ul) {
        shuffled(Array.prototype.slice.call(ul.children), Math.random).forEach(function (li) { ul.appendChild(li); });
      });
    }

    section.addEventListener("click", function (e) {
      var button = e.target.closest && e.target.closest(".move-up, .move-down");
      if (!button || button.disabled) return;
      var li = button.closest("li");
      var up = button.classList.contains("move-up");
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return;
      li.parentNode.insertBefore(li, up ? other : other.nextElementSibling);
      button.focus();
      var position = Array.prototype.indexOf.call(li.parentNode.children, li) + 1;
      status.textContent = fill(S["quiz-moved"], { item: li.querySelector(".item-text").textContent, n: position });
    });

    function showBest() {
      var rec = storeApi.quizRecord(shared.state, id);
      if (!rec) return rec;
      best.hidden = false;
      best.textContent = fill(S["quiz-best"], {
        score: rec.best, n: rec.attempts, verdict: rec.passed ? S["quiz-verdict-passed"] : S["quiz-verdict-failed"]
      });
      return rec;
    }

    function setDisabled(disabled) {
      Array.prototype.forEach.call(form.querySelectorAll("input, select, .move button"), function (el) { el.disabled = disabled; });
    }

    function clearResults() {
      Array.prototype.forEach.call(section.querySelectorAll(".question-result, .option-feedback, .explanation, .option-answer"), function (el) {
        el.hidden = true;
      });
      Array.prototype.forEach.call(section.querySelectorAll(".correct-answer, .option-yours"), function (el) { el.remove(); });
      items.forEach(function (item) { item.classList.remove("is-correct", "is-wrong", "is-partial"); });
    }

    function addCorrectAnswer(item, text) {
      var p = doc.createElement("p");
      p.className = "correct-answer";
      p.textContent = fill(S["quiz-correct-answer"], { answer: text });
      item.querySelector("fieldset").appendChild(p);
    }

    function reveal() {
      items.forEach(function (item) {
        var q = Number(item.getAttribute("data-q"));
        var k = key.q[q];
        var hashed = function (v) { return k.h.indexOf(answerHash(key.salt, q, v)) >= 0; };
        if (k.k === "single" || k.k === "multiple" || k.k === "truefalse") {
          Array.prototype.forEach.call(item.querySelectorAll("input"), function (input) {
            if (hashed(input.value)) {
              var mark = item.querySelector('.option-answer[data-for="' + input.value + '"]');
              mark.textContent = " " + S["quiz-right-option"];
              mark.hidden = false;
            }
          });
        } else if (k.k === "numeric" || k.k === "numeric-set" || k.k === "short") {
          addCorrectAnswer(item, decode64(k.r));
        } else if (k.k === "ordering") {
          var list = item.querySelector(".ordering");
          // The learner's order stays as they left it; the right one is written beside it.
          var tokens = decode64(k.r).split(",");
          addCorrectAnswer(item, tokens.map(function (t) {
            var li = list.querySelector('li[data-token="' + t + '"]');
            return li ? li.querySelector(".item-text").textContent : "";
          }).join(" → "));
        } else if (k.k === "matching") {
          var rights = decode64(k.r).split(",");
          Array.prototype.forEach.call(item.querySelectorAll("select"), function (select, i) {
            var option = select.querySelector('option[value="' + rights[i] + '"]');
            var mark = item.querySelector('.option-answer[data-for="' + i + '"]');
            mark.textContent = " " + fill(S["quiz-correct-answer"], { answer: option ? option.textContent : "" });
            mark.hidden = false;
          });
        }
      });
    }

    function lock() {
      setDisabled(true);
      check.hidden = true;
      retry.hidden = true;
    }

    // After the last attempt of a round without a pass: say so, and what to do next. The
    // answers stay hidden, since another round follows (or the course admin decides).
    var restart = null;
    function spent(round) {
      lock();
      var text;
      if (retryWay.kind === "wait") {
        var date = new Date(round.opensAt);
        var when = date.toLocaleString(doc.documentElement.lang === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeStyle: "short" });
        text = fill(S["quiz-spent-wait"], { date: when });
      } else if (retryWay.kind === "contact") {
        text = fill(S["quiz-spent-contact"], { contact: retryWay.contact });
      } else {
        text = S["quiz-spent-review"];
        if (!restart) {
          restart = doc.createElement("button");
          restart.type = "button";
          restart.className = "button quiz-restart";
          restart.textContent = S["quiz-restart"];
          restart.addEventListener("click", function () {
            shared.state = storeApi.startRound(storeApi.load(storage).state, id, new Date().toISOString());
            storeApi.save(storage, shared.state);
            restart.hidden = true;
            clearResults();
            form.reset();
            setDisabled(false);
            check.hidden = false;
            status.textContent = fill(S["quiz-new-round"], { n: attempts });
            var first = form.querySelector("input, select, button");
            if (first) first.focus();
          });
          check.parentNode.appendChild(restart);
        }
        restart.hidden = false;
      }
      return text;
    }

    var record = showBest();
    if (record && record.passed) {
      reveal();
      lock();
    } else if (attempts) {
      var round = storeApi.attemptRound(record, attempts, retryWay, new Date().toISOString());
      if (round.spent) status.textContent = spent(round);
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearResults();
      var answered = [];
      var scores = items.map(function (item) {
        var q = Number(item.getAttribute("data-q"));
        var response = responseOf(item);
        var score = scoreQuestion(key.q[q], response, key.salt, q, partial);
        answered.push({
          index: q, kind: item.getAttribute("data-kind"), success: score === 1,
          text: item.querySelector("legend").textContent,
          response: Array.isArray(response) ? response.join("[,]") : String(response === null ? "" : response)
        });
        var result = item.querySelector(".question-result");
        var verdict = score === 1 ? "quiz-correct" : score > 0 ? "quiz-partly" : isEmptyResponse(response) ? "quiz-unanswered" : "quiz-incorrect";
        result.textContent = S[verdict];
        result.hidden = false;
        item.classList.add(score === 1 ? "is-correct" : score > 0 ? "is-partial" : "is-wrong");
        var chosen = Array.isArray(response) ? response : [response];
        chosen.forEach(function (value) {
          var fb = value && item.querySelector('.option-feedback[data-for="' + value + '"]');
          if (fb) fb.hidden = false;
          // The learner's own choice says so in words, beside the mark of the right one:
          // a disabled control alone is faint, and colour alone is no answer.
          var input = value && item.querySelector('input[value="' + value + '"]');
          var label = input && input.closest("label");
          if (label && (input.type === "radio" || input.type === "checkbox")) {
            label.parentNode.insertBefore(dom.el(doc, "span", "option-yours", S["quiz-your-choice"]), label.nextSibling);
          }
        });
        var explanation = item.querySelector(".explanation");
        if (explanation) explanation.hidden = false;
        return score;
      });
      var percent = quizScore(scores);
      var passed = percent >= pass;
      // From what is stored now, which a reflection on the page may have changed.
      var at = new Date().toISOString();
      shared.state = storeApi.recordAttempt(storeApi.load(storage).state, id, percent, passed, at);
      storeApi.save(storage, shared.state);
      var rec = showBest();
      // Tell the rest of the page (lesson completion) that an attempt was recorded.
      if (typeof win.CustomEvent === "function") {
        doc.dispatchEvent(new win.CustomEvent("latih:quiz-attempt", { detail: {
          id: id, passed: passed, score: percent, at: at, title: section.querySelector("h2").textContent,
          questions: answered.sort(function (a, b) { return a.index - b.index; })
        } }));
      }
      var right = scores.filter(function (s) { return s === 1; }).length;
      var message = fill(S["quiz-score"], { score: percent, n: right, total: scores.length }) + " " +
        fill(S[passed ? "quiz-passed" : "quiz-failed"], { pass: pass });
      var round = attempts ? storeApi.attemptRound(rec, attempts, retryWay, new Date().toISOString()) : null;
      if (passed) {
        reveal();
        lock();
        message += " " + S["quiz-answers-shown"];
      } else if (round && round.spent) {
        message += " " + spent(round);
      } else {
        setDisabled(true);
        check.hidden = true;
        retry.hidden = false;
        if (round) message += " " + fill(S["quiz-attempts-left"], { n: attempts - round.used });
      }
      status.textContent = message;
      // Focus follows the result, so that a keyboard or screen-reader user lands on it.
      status.focus();
    });

    retry.addEventListener("click", function () {
      clearResults();
      form.reset();
      setDisabled(false);
      retry.hidden = true;
      check.hidden = false;
      status.textContent = "";
      var first = form.querySelector("input, select, button");
      if (first) first.focus();
    });
  }

  return {
    sha256: sha256, answerHash: answerHash, normaliseAnswer: normaliseAnswer, parseNumber: parseNumber,
    scoreQuestion: scoreQuestion, quizScore: quizScore, shuffled: shuffled, enhanceQuizzes: enhanceQuizzes
  };
});
