/*
 * Latih verification: the agency's certificates a learner keeps on Kemajuan Saya. Each
 * file is kept as its text in this browser (`latih.credentials`), and verified again on
 * every visit by the same rules as the verification page, against the trust and status
 * lists the build embedded: a revocation published since shows. Only what a verified
 * proof covers is shown as the certificate's; every text goes in through textContent.
 */
(function (root) {
  "use strict";
  var V = root.LatihVerify, dom = root.Latih.dom;
  var doc = root.document;
  var KEY = "latih.credentials", LIMIT = 200;

  function data(id) {
    var node = doc.getElementById(id);
    if (!node || !node.textContent.trim()) return null;
    try { return V.json.parse(node.textContent, 1 << 22); } catch (e) { return null; }
  }

  function stored() {
    try {
      var list = JSON.parse(root.localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (t) { return typeof t === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function keep(list) {
    try { root.localStorage.setItem(KEY, JSON.stringify(list.slice(0, LIMIT))); } catch (e) { /* storage full or refused */ }
  }

  dom.ready(doc, function () {
    var section = doc.querySelector(".progress-credentials");
    var trust = data("latih-trust");
    if (!section || !trust) return;
    var list = data("latih-status"), S = data("latih-strings") || {}, T = data("latih-verify-strings") || {};
    var ul = section.querySelector(".credential-list"), status = section.querySelector(".credential-status");
    var input = section.querySelector(".credential-file");
    var cryptoReady = V.verify.cryptoFor(root.crypto && root.crypto.subtle);
    section.hidden = false;

    function show() {
      var texts = stored();
      ul.textContent = "";
      return cryptoReady.then(function (crypto) {
        return Promise.all(texts.map(function (text) { return V.verify.verify(text, trust, list, Date.now() / 1000, crypto); }));
      }).then(function (results) {
        results.forEach(function (r, i) {
          var li = dom.el(doc, "li", "credential is-" + r.verdict);
          li.setAttribute("data-verdict", r.verdict);
          if (r.credential) {
            var subject = r.credential.credentialSubject;
            li.appendChild(dom.el(doc, "strong", "credential-name", subject.achievement.name));
            var lang = doc.documentElement.lang === "en" ? "en-GB" : "id-ID";
            var jp = typeof subject.creditsEarned === "number" ? subject.creditsEarned.toLocaleString(lang) : "";
            var at = V.verify.seconds(r.credential.validFrom);
            var date = at === null ? "" : new Date(at * 1000).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" });
            li.appendChild(dom.el(doc, "span", "credential-facts", dom.fill(S["progress-credentials-jp"], { jp: jp }) + " · " + date));
          }
          li.appendChild(dom.el(doc, "span", "credential-verdict", T["verify-verdict-" + r.verdict] || r.verdict));
          li.querySelector(".credential-verdict").classList.add(r.verdict === "valid" || r.verdict === "valid-unchecked" ? "is-valid" : "is-invalid");
          var remove = dom.el(doc, "button", "button-secondary credential-remove", S["progress-credentials-remove"]);
          remove.type = "button";
          remove.addEventListener("click", function () {
            var now = stored();
            now.splice(i, 1);
            keep(now);
            show().then(function () { status.textContent = S["progress-credentials-removed"]; });
          });
          li.appendChild(remove);
          ul.appendChild(li);
        });
      });
    }

    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      Promise.all(files.map(function (f) {
        if (f.size > V.json.MAX_BYTES) return null;
        return f.arrayBuffer().then(function (b) { return V.bytes.fromUTF8(new Uint8Array(b)); });
      })).then(function (texts) {
        var now = stored(), added = 0;
        texts.forEach(function (text) {
          if (!text || V.verify.read(text).reason) return;
          if (now.indexOf(text) < 0) { now.push(text); added += 1; }
        });
        keep(now);
        input.value = "";
        return show().then(function () {
          status.textContent = S[added ? "progress-credentials-added" : "progress-credentials-unreadable"];
        });
      });
    });
    show();
  });
})(typeof self !== "undefined" ? self : this);
