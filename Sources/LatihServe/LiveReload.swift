/// The script `latih serve` adds to every page: it updates the page when its file
/// changed, and shows build errors over the page until they are fixed. Its text is
/// inserted with textContent, and it styles through the CSS object model, which the
/// pages' Content-Security-Policy allows.
///
/// An edit to the open page swaps in the new `<main>` (fetched from the server, which
/// made it) and re-arms the theme's quizzes, progress and catalogue filters, instead of
/// reloading: a full reload of a lesson page costs about 110 ms on a small machine, more
/// than the rest of the update. Pages with parts only a reload re-arms (the offline
/// button), theme changes and errors still reload.
enum LiveReload {
    static let script = #"""
    (function () {
      "use strict";
      var box = null;
      function here() {
        var p = decodeURIComponent(location.pathname).replace(/^\//, "");
        return p === "" || /\/$/.test(p) ? p + "index.html" : p;
      }
      function show(text) {
        if (!box) {
          box = document.createElement("div");
          box.id = "latih-build-errors";
          box.setAttribute("role", "alert");
          var s = box.style;
          s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "70vh"; s.overflow = "auto";
          s.background = "#2b0d0d"; s.color = "#fff"; s.padding = "1rem 1.25rem"; s.zIndex = "2147483647";
          s.borderTop = "4px solid #ff6b6b"; s.font = "14px/1.5 ui-monospace, monospace";
          document.body.appendChild(box);
        }
        box.textContent = "";
        var h = document.createElement("h2");
        h.textContent = "Latih: the build failed. The last good page is shown; fix the file and save.";
        h.style.font = "bold 16px/1.4 system-ui, sans-serif"; h.style.margin = "0 0 0.5rem";
        var pre = document.createElement("pre");
        pre.textContent = text;
        pre.style.whiteSpace = "pre-wrap"; pre.style.margin = "0";
        box.appendChild(h);
        box.appendChild(pre);
      }
      function swap() {
        var url = location.href;
        return fetch(url, { cache: "no-store" }).then(function (r) {
          if (!r.ok) throw new Error(String(r.status));
          return r.text();
        }).then(function (html) {
          var next = new DOMParser().parseFromString(html, "text/html");
          var main = document.querySelector("main"), fresh = next.querySelector("main");
          if (!main || !fresh || fresh.querySelector(".offline-save") || location.href !== url) throw new Error("reload");
          main.replaceWith(document.adoptNode(fresh));
          document.title = next.title;
          var L = window.Latih || {};
          if (L.quiz) L.quiz.enhanceQuizzes(document, window);
          if (L.progress) L.progress.enhancePage(document, window);
          if (L.enhanceCatalogue) L.enhanceCatalogue(document, window);
          document.documentElement.setAttribute("data-latih-updated", String(Date.now()));
        });
      }
      var events = new EventSource("/_latih/events");
      events.addEventListener("reload", function (e) {
        var d = JSON.parse(e.data);
        if (box || d.all) { location.reload(); return; }
        if (d.changed.indexOf(here()) >= 0) swap().catch(function () { location.reload(); });
      });
      events.addEventListener("failed", function (e) { show(JSON.parse(e.data).text); });
    })();
    """#
}
