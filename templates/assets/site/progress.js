/*
 * Latih: learner progress on every page, and the "Kemajuan Saya" page.
 *
 * Completion, JP hours and roll-ups are pure functions over the store (store.js)
 * and the progress catalogue that the build embeds in the progress page; they are
 * tested with `node --test`. The DOM code below them only reads and writes text.
 * A classic script (pages must work from file://), exported to Node for tests.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./store.js"), require("./dom.js"));
  } else {
    var L = root.Latih || {};
    var api = factory(L.store, L.dom);
    root.Latih = Object.assign(root.Latih || {}, { progress: api });
    if (typeof document !== "undefined") L.dom.ready(document, function () { api.enhancePage(document, root); });
  }
})(typeof self !== "undefined" ? self : this, function (store, dom) {
  "use strict";

  /** One jam pelajaran (JP) is 45 minutes; a civil servant's yearly target is 20 JP. */
  var JP_MINUTES = 45;
  var JP_TARGET = 20;

  function later(a, b) { return !a ? b : !b ? a : (a > b ? a : b); }

  /** When a quiz was first passed, from its history, or null. */
  function firstPass(record) {
    if (!record || !record.passed) return null;
    for (var i = 0; i < record.history.length; i++) if (record.history[i].passed) return record.history[i].at;
    return null;
  }

  /**
   * When a lesson became complete, or null. A lesson with quizzes is complete when every
   * one of them is passed (at the latest first pass), whatever else was recorded: marking
   * it done never gives its JP. Any other lesson is complete when marked or read to its
   * end. The report and the certificates count by the same rule (ReportBuilder.swift;
   * Tests/vectors/completion.tsv holds the two equal).
   */
  function lessonCompletion(lesson, state) {
    if (lesson.quizzes.length) {
      var last = null;
      for (var i = 0; i < lesson.quizzes.length; i++) {
        var at = firstPass(store.quizRecord(state, lesson.quizzes[i]));
        if (!at) return null;
        last = later(last, at);
      }
      return last;
    }
    var rec = store.lessonRecord(state, lesson.id);
    return rec && rec.completed ? rec.completed : null;
  }

  /**
   * A course's progress: lessons done, quizzes passed, whether it has started, and
   * whether it is complete (every lesson complete and every quiz passed), with the date
   * it became so.
   */
  function courseProgress(course, state) {
    var p = { done: 0, total: course.lessons.length, quizzes: 0, passed: 0, started: false, complete: false, completedAt: null, minutesDone: 0 };
    var last = null;
    course.lessons.forEach(function (lesson) {
      if (store.lessonRecord(state, lesson.id)) p.started = true;
      var completedAt = lessonCompletion(lesson, state);
      if (completedAt) {
        p.done += 1;
        p.minutesDone += lesson.minutes;
        last = later(last, completedAt);
      }
      lesson.quizzes.forEach(function (id) {
        p.quizzes += 1;
        var q = store.quizRecord(state, id);
        if (q) p.started = true;
        var passedAt = firstPass(q);
        if (passedAt) { p.passed += 1; last = later(last, passedAt); }
      });
    });
    p.complete = p.total > 0 && p.done === p.total && p.passed === p.quizzes;
    p.completedAt = p.complete ? last : null;
    return p;
  }

  /** Year (in the learner's time zone) of an ISO timestamp. */
  function yearOf(iso) { return new Date(iso).getFullYear(); }

  /** JP earned from completed lessons' durations: in `year`, and in total. */
  function jpEarned(catalogue, state, year) {
    var inYear = 0, total = 0;
    catalogue.courses.forEach(function (course) {
      course.lessons.forEach(function (lesson) {
        var completedAt = lessonCompletion(lesson, state);
        if (!completedAt) return;
        total += lesson.minutes;
        if (yearOf(completedAt) === year) inYear += lesson.minutes;
      });
    });
    return { year: Math.round((inYear / JP_MINUTES) * 10) / 10, total: Math.round((total / JP_MINUTES) * 10) / 10 };
  }

  /** Courses of a learning path completed, of its total. */
  function pathProgress(path, catalogue, state) {
    var byId = {};
    catalogue.courses.forEach(function (c) { byId[c.id] = c; });
    var courses = path.courses.filter(function (id) { return byId[id]; });
    var done = courses.filter(function (id) { return courseProgress(byId[id], state).complete; }).length;
    return { done: done, total: courses.length };
  }

  /** Per competency (sorted by name): courses that build it, and how many are complete. */
  function competencyProgress(catalogue, state) {
    var map = {};
    catalogue.courses.forEach(function (course) {
      var progress = courseProgress(course, state);
      course.competencies.forEach(function (name) {
        map[name] = map[name] || { name: name, done: 0, total: 0, started: false };
        map[name].total += 1;
        if (progress.complete) map[name].done += 1;
        if (progress.started) map[name].started = true;
      });
    });
    return Object.keys(map).sort().map(function (k) { return map[k]; });
  }

  /** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
  function csvCell(value) {
    var s = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /**
   * Progress as CSV for a supervisor's spreadsheet: a row per lesson opened and per quiz
   * tried, with the columns and words of the interface's language (the `progress-csv-*`
   * strings; Tests/vectors/progress-csv.tsv), which latih report reads back in either.
   */
  function toCSV(catalogue, state, S) {
    var rows = [S["progress-csv-columns"].split(",")];
    catalogue.courses.forEach(function (course) {
      course.lessons.forEach(function (lesson) {
        var rec = store.lessonRecord(state, lesson.id);
        if (rec) rows.push([S["progress-csv-lesson"], course.id, lesson.id, lesson.title, rec.opened, rec.completed, lesson.minutes, "", "", ""]);
        lesson.quizzes.forEach(function (id) {
          var q = store.quizRecord(state, id);
          if (q) rows.push([S["progress-csv-quiz"], course.id, id, lesson.title, "", firstPass(q), "", q.best, q.attempts, S[q.passed ? "progress-csv-yes" : "progress-csv-no"]]);
        });
      });
    });
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  var fill = dom.fill, el = dom.el, readJSON = dom.readJSON;

  // ---- DOM ----

  function enhancePage(doc, win) {
    if (!store) return;
    var S = readJSON(doc, "latih-strings") || {};
    var storage = store.browserStorage(win);
    var loaded = store.load(storage);
    var ctx = { doc: doc, win: win, S: S, storage: storage, state: loaded.state, problem: loaded.problem };
    ctx.save = function (state) { ctx.state = state; store.save(storage, state); };
    // What is stored now: another script of the page (a quiz, a reflection) may have
    // written since this page read it, and a change must not undo theirs.
    ctx.fresh = function () { return store.load(storage).state; };
    enhanceLesson(ctx);
    markStatuses(ctx);
    markPaths(ctx);
    continueLearning(ctx);
    var catalogue = readJSON(doc, "latih-catalogue");
    if (catalogue && doc.querySelector(".progress-page")) renderProgressPage(ctx, catalogue);
    if (catalogue && doc.querySelector(".certificate-page")) renderCertificate(ctx, catalogue);
  }

  /** The certificate of a completed course, named by `?kursus=` in the URL. */
  function renderCertificate(ctx, catalogue) {
    var doc = ctx.doc, S = ctx.S;
    var page = doc.querySelector(".certificate-page");
    var id = new URLSearchParams(ctx.win.location.search).get("kursus");
    var course = catalogue.courses.filter(function (c) { return c.id === id; })[0];
    var p = course && courseProgress(course, ctx.state);
    if (!p || !p.complete) {
      page.querySelector(".certificate-missing").hidden = false;
      return;
    }
    var lang = doc.documentElement.lang || "id";
    var cert = page.querySelector(".certificate");
    var form = page.querySelector(".certificate-form");
    var name = form.querySelector("input");
    cert.querySelector(".certificate-course").textContent = course.title;
    cert.querySelector(".certificate-date").textContent = dom.date(p.completedAt, S);
    var minutes = course.lessons.reduce(function (sum, l) { return sum + l.minutes; }, 0);
    cert.querySelector(".certificate-jp").textContent = fill(S["progress-jp-value"], {
      jp: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(Math.round((minutes / JP_MINUTES) * 10) / 10)
    });
    var tbody = cert.querySelector("tbody");
    course.lessons.forEach(function (lesson) {
      lesson.quizzes.forEach(function (qid, i) {
        var q = store.quizRecord(ctx.state, qid);
        var tr = el(doc, "tr");
        tr.appendChild(el(doc, "td", null, lesson.title + (lesson.quizzes.length > 1 ? " (" + (i + 1) + ")" : "")));
        tr.appendChild(el(doc, "td", null, q.best + "%"));
        tbody.appendChild(tr);
      });
    });
    cert.querySelector(".certificate-scores").hidden = !tbody.children.length;
    var stored = "latih.certificate-name";
    try { name.value = ctx.storage.getItem(stored) || ""; } catch (e) { /* no stored name */ }
    function update() {
      cert.querySelector(".certificate-name").textContent = name.value.trim() || "…";
      try { ctx.storage.setItem(stored, name.value); } catch (e) { /* name not remembered */ }
    }
    name.addEventListener("input", update);
    form.querySelector(".certificate-print").addEventListener("click", function () { ctx.win.print(); });
    update();
    form.hidden = false;
    cert.hidden = false;
  }

  function enhanceLesson(ctx) {
    var doc = ctx.doc, S = ctx.S;
    var article = doc.querySelector("article.lesson[data-lesson]");
    if (!article) return;
    var id = article.getAttribute("data-lesson");
    var now = function () { return new Date().toISOString(); };
    ctx.save(store.recordLesson(ctx.fresh(), id, "opened", now()));
    var box = article.querySelector(".lesson-complete");
    var button = box.querySelector(".mark-complete");
    var status = box.querySelector(".lesson-complete-status");
    box.hidden = false;
    // A lesson with a quiz is complete when its quiz is passed, not when marked.
    var hasQuiz = article.hasAttribute("data-has-quiz");
    var quizIds = Array.prototype.map.call(article.querySelectorAll("section.quiz"), function (q) { return q.getAttribute("data-quiz"); });
    function allPassed() {
      return quizIds.length > 0 && quizIds.every(function (q) { var r = store.quizRecord(ctx.state, q); return r && r.passed; });
    }
    button.hidden = hasQuiz;
    if (hasQuiz) status.textContent = S[allPassed() ? "progress-quiz-lesson-done" : "progress-quiz-completes"];
    function completed() {
      if (typeof ctx.win.CustomEvent === "function") doc.dispatchEvent(new ctx.win.CustomEvent("latih:lesson-completed", { detail: { id: id } }));
    }
    function show(announce) {
      if (hasQuiz) {
        if (announce) status.textContent = S["progress-quiz-lesson-done"];
        return;
      }
      var rec = store.lessonRecord(ctx.state, id);
      var done = !!(rec && rec.completed);
      button.setAttribute("aria-pressed", String(done));
      button.textContent = done ? S["progress-marked-complete"] : S["progress-mark-complete"];
      if (announce) status.textContent = done ? S["progress-lesson-done"] : S["progress-lesson-undone"];
    }
    button.addEventListener("click", function () {
      var rec = store.lessonRecord(ctx.state, id);
      ctx.save(store.recordLesson(ctx.fresh(), id, rec && rec.completed ? "uncompleted" : "completed", now()));
      show(true);
      if (!(rec && rec.completed)) completed();
    });
    show(false);
    // A lesson without a quiz completes when its end has been read (scrolled into view).
    var end = article.querySelector(".pager");
    if (!article.hasAttribute("data-has-quiz") && end && "IntersectionObserver" in ctx.win) {
      var observer = new ctx.win.IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        observer.disconnect();
        var rec = store.lessonRecord(ctx.state, id);
        if (!rec || !rec.completed) {
          ctx.save(store.recordLesson(ctx.fresh(), id, "completed", now()));
          show(true);
          completed();
        }
      });
      observer.observe(end);
    }
    // A lesson with quizzes completes when all of them are passed.
    doc.addEventListener("latih:quiz-attempt", function () {
      ctx.state = store.load(ctx.storage).state;
      var rec = store.lessonRecord(ctx.state, id);
      if (allPassed() && !(rec && rec.completed)) {
        ctx.save(store.recordLesson(ctx.fresh(), id, "completed", now()));
        show(true);
        completed();
      }
    });
  }

  /**
   * The home page's "Lanjutkan belajar" for a learner who comes back: a link to the lesson
   * they were last in (of a course not yet complete), and how many courses they are taking.
   * Course titles and lesson counts come from the page's cards; nothing shows for someone new.
   */
  function continueLearning(ctx) {
    var doc = ctx.doc, S = ctx.S;
    var box = doc.getElementById("continue");
    if (!box) return;
    var lessons = ctx.state.lessons || {};
    var cards = {};
    Array.prototype.forEach.call(doc.querySelectorAll("[data-course][data-lessons]"), function (card) {
      var title = card.querySelector(".card-title");
      cards[card.getAttribute("data-course")] = { total: Number(card.getAttribute("data-lessons")), title: title ? title.textContent.trim() : "" };
    });
    var taking = {}, last = null, lastAt = "";
    Object.keys(lessons).forEach(function (id) {
      var course = id.split("/")[0], card = cards[course];
      if (!card) return;
      var done = Object.keys(lessons).filter(function (l) { return l.indexOf(course + "/") === 0 && lessons[l].completed; }).length;
      if (done >= card.total) return;
      taking[course] = true;
      var at = lessons[id].completed && lessons[id].completed > lessons[id].opened ? lessons[id].completed : lessons[id].opened || "";
      if (at > lastAt) { lastAt = at; last = id; }
    });
    if (!last) return;
    var root = doc.documentElement.getAttribute("data-root") || "";
    var link = box.querySelector(".continue-link");
    link.href = root + "courses/" + last + "/index.html";
    link.textContent = fill(S["progress-continue"], { course: cards[last.split("/")[0]].title });
    box.querySelector(".continue-courses a").textContent = fill(S["progress-continue-courses"], { n: Object.keys(taking).length });
    box.hidden = false;
  }

  /** How far the learner is through each learning path on its card: courses completed of its courses. */
  function markPaths(ctx) {
    var doc = ctx.doc, S = ctx.S, lessons = ctx.state.lessons || {};
    Array.prototype.forEach.call(doc.querySelectorAll("[data-path-courses]"), function (card) {
      var courses = (card.getAttribute("data-path-courses") || "").split(" ").filter(Boolean).map(function (c) {
        var cut = c.lastIndexOf(":");
        return { slug: c.slice(0, cut), total: Number(c.slice(cut + 1)) };
      });
      var started = false, done = 0;
      courses.forEach(function (c) {
        var finished = Object.keys(lessons).filter(function (id) {
          if (id.indexOf(c.slug + "/") !== 0) return false;
          started = true;
          return !!lessons[id].completed;
        }).length;
        if (c.total > 0 && finished >= c.total) done++;
      });
      var line = card.querySelector(".card-progress");
      if (!line || !started) return;
      line.hidden = false;
      line.textContent = fill(S["progress-path"], { done: done, total: courses.length });
    });
  }

  /** Status next to each lesson in course outlines and syllabi, and on catalogue cards. */
  function markStatuses(ctx) {
    var doc = ctx.doc, S = ctx.S;
    Array.prototype.forEach.call(doc.querySelectorAll("li[data-lesson]"), function (li) {
      var rec = store.lessonRecord(ctx.state, li.getAttribute("data-lesson"));
      if (!rec) return;
      var mark = el(doc, "span", "lesson-status " + (rec.completed ? "is-done" : "is-started"),
        " " + (rec.completed ? S["progress-status-done"] : S["progress-status-started"]));
      li.appendChild(mark);
    });
    Array.prototype.forEach.call(doc.querySelectorAll("[data-course][data-lessons]"), function (card) {
      var course = card.getAttribute("data-course");
      var total = Number(card.getAttribute("data-lessons"));
      var lessons = ctx.state.lessons || {};
      var done = Object.keys(lessons).filter(function (id) { return id.indexOf(course + "/") === 0 && lessons[id].completed; }).length;
      var started = Object.keys(lessons).some(function (id) { return id.indexOf(course + "/") === 0; });
      var line = card.classList.contains("course-progress") ? card : card.querySelector(".card-progress");
      if (!line || !started) return;
      line.hidden = false;
      line.textContent = fill(S["progress-card"], { done: done, total: total });
    });
  }

  function renderProgressPage(ctx, catalogue) {
    var doc = ctx.doc, S = ctx.S, state = ctx.state;
    var page = doc.querySelector(".progress-page");
    if (ctx.problem === "damaged") page.querySelector(".progress-notice").textContent = S["progress-damaged"];
    var lang = doc.documentElement.lang || "id";
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    var year = new Date().getFullYear();
    var jp = jpEarned(catalogue, state, year);
    var anything = false;

    var jpBox = page.querySelector(".progress-jp");
    jpBox.querySelector(".jp-year").textContent = fill(S["progress-jp-year"], { year: year, jp: number.format(jp.year), target: JP_TARGET });
    var bar = jpBox.querySelector(".jp-bar");
    bar.max = JP_TARGET;
    bar.value = Math.min(jp.year, JP_TARGET);
    bar.textContent = number.format(jp.year) + " / " + JP_TARGET;
    jpBox.querySelector(".jp-total").textContent = fill(S["progress-jp-total"], { jp: number.format(jp.total) });

    var started = page.querySelector(".progress-list.started");
    var completed = page.querySelector(".progress-list.completed");
    catalogue.courses.forEach(function (course) {
      var p = courseProgress(course, state);
      if (!p.started) return;
      anything = true;
      var li = el(doc, "li", "progress-item");
      li.setAttribute("data-course", course.id);
      var link = el(doc, "a", null, course.title);
      link.href = course.url;
      li.appendChild(link);
      if (p.complete) {
        li.appendChild(el(doc, "span", "progress-date", " · " + fill(S["progress-completed-on"], { date: dom.date(p.completedAt, S) }) + " · "));
        var cert = el(doc, "a", "certificate-link", S["progress-certificate"]);
        cert.href = "../sertifikat/index.html?kursus=" + encodeURIComponent(course.id);
        li.appendChild(cert);
        completed.appendChild(li);
      } else {
        var bar = el(doc, "progress");
        bar.max = p.total + p.quizzes;
        bar.value = p.done + p.passed;
        bar.setAttribute("aria-label", course.title);
        li.appendChild(bar);
        li.appendChild(el(doc, "p", "progress-detail", fill(S["progress-course"], { done: p.done, total: p.total, passed: p.passed, quizzes: p.quizzes })));
        started.appendChild(li);
      }
    });
    page.querySelector(".progress-courses").hidden = !started.children.length;
    page.querySelector(".progress-completed").hidden = !completed.children.length;

    var tbody = page.querySelector(".quiz-scores tbody");
    catalogue.courses.forEach(function (course) {
      course.lessons.forEach(function (lesson) {
        lesson.quizzes.forEach(function (id, i) {
          var q = store.quizRecord(state, id);
          if (!q) return;
          var tr = el(doc, "tr");
          var th = el(doc, "th");
          th.scope = "row";
          var a = el(doc, "a", null, lesson.title + (lesson.quizzes.length > 1 ? " (" + (i + 1) + ")" : ""));
          a.href = lesson.url;
          th.appendChild(a);
          tr.appendChild(th);
          tr.appendChild(el(doc, "td", null, q.best + "%"));
          tr.appendChild(el(doc, "td", null, String(q.attempts)));
          var limit = catalogue.limits && catalogue.limits[id];
          var spent = !q.passed && limit &&
            store.attemptRound(q, limit.attempts, { kind: limit.retry, minutes: limit.minutes }, new Date().toISOString()).spent;
          tr.appendChild(el(doc, "td", null, q.passed ? S["progress-status-done"] : spent ? S["progress-status-spent"] : S["progress-status-started"]));
          tbody.appendChild(tr);
        });
      });
    });
    page.querySelector(".progress-quizzes").hidden = !tbody.children.length;

    var paths = page.querySelector(".progress-list.paths");
    catalogue.paths.forEach(function (path) {
      var p = pathProgress(path, catalogue, state);
      var li = el(doc, "li", "progress-item");
      var a = el(doc, "a", null, path.title);
      a.href = path.url;
      li.appendChild(a);
      var bar = el(doc, "progress");
      bar.max = p.total;
      bar.value = p.done;
      bar.setAttribute("aria-label", path.title);
      li.appendChild(bar);
      li.appendChild(el(doc, "p", "progress-detail", fill(S["progress-path"], p)));
      paths.appendChild(li);
    });
    page.querySelector(".progress-paths").hidden = !anything || !paths.children.length;

    // The competencies the learner is building come first; the rest wait, folded, so that
    // a dozen at "0 of N" do not push JP and the export down the page.
    var competencies = page.querySelector(".progress-list.competencies");
    var all = competencyProgress(catalogue, state);
    var rest = null;
    all.forEach(function (c) {
      var li = el(doc, "li", "progress-item", c.name + ": " + fill(S["progress-competency"], c));
      if (c.started || c.done) { competencies.appendChild(li); return; }
      if (!rest) rest = el(doc, "ul", "progress-list competencies-rest");
      rest.appendChild(li);
    });
    if (rest) {
      var fold = el(doc, "details", "competencies-more");
      fold.appendChild(el(doc, "summary", "", fill(S["progress-competencies-more"], { n: rest.children.length })));
      fold.appendChild(rest);
      competencies.parentNode.appendChild(fold);
    }
    page.querySelector(".progress-competencies").hidden = !anything || !all.length;
    jpBox.hidden = !anything;
    page.querySelector(".progress-empty").hidden = anything;
    manage(ctx, catalogue, page);
  }

  function download(ctx, name, type, text) {
    var blob = new ctx.win.Blob([text], { type: type });
    var a = el(ctx.doc, "a");
    a.href = ctx.win.URL.createObjectURL(blob);
    a.download = name;
    ctx.doc.body.appendChild(a);
    a.click();
    a.remove();
  }

  /** Export, import and reset, on the progress page. */
  function manage(ctx, catalogue, page) {
    var S = ctx.S, box = page.querySelector(".progress-manage");
    var status = box.querySelector(".manage-status");
    box.hidden = false;
    var stamp = function () { return new Date().toISOString().slice(0, 10); };
    box.querySelector(".export-json").addEventListener("click", function () {
      var doc = store.exportDocument(ctx.fresh(), new Date().toISOString());
      download(ctx, "kemajuan-latih-" + stamp() + ".json", "application/json", JSON.stringify(doc, null, 2));
      status.textContent = S["progress-exported"];
    });
    box.querySelector(".export-csv").addEventListener("click", function () {
      download(ctx, "kemajuan-latih-" + stamp() + ".csv", "text/csv", "\ufeff" + toCSV(catalogue, ctx.fresh(), ctx.S));
      status.textContent = S["progress-exported"];
    });
    var input = box.querySelector(".import-file");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new ctx.win.FileReader();
      reader.onload = function () {
        var result = store.parseImport(String(reader.result));
        if (result.error) {
          status.textContent = S["progress-import-" + result.error];
          input.value = "";
          return;
        }
        ctx.save(store.merge(ctx.fresh(), result.state));
        ctx.win.location.reload();
      };
      reader.onerror = function () { status.textContent = S["progress-import-not-json"]; };
      reader.readAsText(file);
    });
    box.querySelector(".reset-all:not(.not-you)").addEventListener("click", function () {
      if (!ctx.win.confirm(S["progress-reset-all-confirm"])) return;
      ctx.save(store.empty());
      ctx.win.location.reload();
    });
    // A shared computer: the record is saved as a file for its owner first, then this
    // browser is emptied for the next person (their kept certificates too).
    box.querySelector(".not-you").addEventListener("click", function () {
      var doc = store.exportDocument(ctx.fresh(), new Date().toISOString());
      download(ctx, "kemajuan-latih-" + stamp() + ".json", "application/json", JSON.stringify(doc, null, 2));
      if (!ctx.win.confirm(S["progress-not-you-confirm"])) return;
      ctx.save(store.empty());
      try { ctx.win.localStorage.removeItem("latih.credentials"); } catch (e) { /* storage refused */ }
      ctx.win.location.reload();
    });
    Array.prototype.forEach.call(page.querySelectorAll(".progress-list.started > li, .progress-list.completed > li"), function (li) {
      var course = catalogue.courses.filter(function (c) { return c.id === li.getAttribute("data-course"); })[0];
      var button = el(ctx.doc, "button", "reset-course", S["progress-reset-course"]);
      button.type = "button";
      button.setAttribute("aria-label", S["progress-reset-course"] + ": " + course.title);
      button.addEventListener("click", function () {
        if (!ctx.win.confirm(fill(S["progress-reset-course-confirm"], { course: course.title }))) return;
        var quizIds = [];
        course.lessons.forEach(function (l) { quizIds = quizIds.concat(l.quizzes); });
        ctx.save(store.resetCourse(ctx.fresh(), course.id, quizIds));
        ctx.win.location.reload();
      });
      li.appendChild(button);
    });
  }

  return {
    JP_MINUTES: JP_MINUTES, JP_TARGET: JP_TARGET, lessonCompletion: lessonCompletion, courseProgress: courseProgress, jpEarned: jpEarned,
    pathProgress: pathProgress, competencyProgress: competencyProgress, toCSV: toCSV, enhancePage: enhancePage
  };
});
