/*
 * Latih: offline use. Registers the service worker (not on file://, where browsers do
 * not run them, and where every page is on disk anyway), and gives course pages a
 * "Simpan untuk offline" button that stores the course, its lessons, their quizzes and
 * images in the browser's cache.
 */
(function (root) {
  "use strict";
  if (typeof document === "undefined") return;
  var doc = document;
  function start() {
    var nav = root.navigator;
    if (!nav || !("serviceWorker" in nav) || root.location.protocol === "file:" || !root.caches) return;
    var siteRoot = doc.documentElement.getAttribute("data-root") || "";
    nav.serviceWorker.register(siteRoot + "sw.js").catch(function () { /* offline use is an extra */ });
    var box = doc.querySelector(".offline-save");
    if (!box) return;
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    box.hidden = false;
    button.addEventListener("click", function () {
      var urls = [root.location.href.split("#")[0]];
      Array.prototype.forEach.call(doc.querySelectorAll(".syllabus li[data-lesson] a"), function (a) { urls.push(a.href); });
      var done = 0;
      button.disabled = true;
      status.textContent = button.getAttribute("data-saving").replace("{n}", "0").replace("{total}", urls.length);
      root.caches.open("latih-halaman").then(function (cache) {
        return Promise.all(urls.map(function (url) {
          return root.fetch(url).then(function (response) {
            if (!response.ok) throw new Error(url);
            return cache.put(url, response.clone()).then(function () { return response.text(); });
          }).then(function (html) {
            // Images and other files the lesson shows.
            var page = new root.DOMParser().parseFromString(html, "text/html");
            var files = Array.prototype.map.call(page.querySelectorAll("img[src], .prose a[href$='.pdf']"), function (e) {
              return new URL(e.getAttribute("src") || e.getAttribute("href"), url).href;
            });
            return cache.addAll(files.filter(function (f) { return f.indexOf(root.location.origin) === 0; }));
          }).then(function () {
            done += 1;
            status.textContent = button.getAttribute("data-saving").replace("{n}", done).replace("{total}", urls.length);
          });
        }));
      }).then(function () {
        status.textContent = button.getAttribute("data-saved");
      }).catch(function () {
        status.textContent = button.getAttribute("data-failed");
      }).then(function () { button.disabled = false; });
    });
  }
  root.Latih.dom.ready(doc, start);
})(typeof self !== "undefined" ? self : this);
