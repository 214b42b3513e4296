/*
 * Latih verification: the page (verifikasi/). It takes a credential from the address's
 * fragment (what a certificate's QR code opens), from pasted JSON, or from a .json file
 * opened or dropped, and shows each check's result. Nothing of the credential is shown
 * as fact unless its proof verified; every text goes in through textContent. The trust
 * list and the status list are embedded in the page by the build, so it works offline
 * and from file://.
 */
(function (root) {
  "use strict";
  var V = root.LatihVerify, dom = root.Latih.dom;
  var doc = root.document;

  function data(id) {
    var node = doc.getElementById(id);
    if (!node || !node.textContent.trim()) return null;
    try { return V.json.parse(node.textContent, 1 << 22); } catch (e) { return null; }
  }

  dom.ready(doc, function () {
    var page = doc.getElementById("verify");
    if (!page) return;
    var trust = data("latih-trust"), list = data("latih-status"), t = data("latih-verify-strings") || {};
    var out = doc.getElementById("verify-result");
    var form = doc.getElementById("verify-form"), input = doc.getElementById("verify-input"), file = doc.getElementById("verify-file");
    var cryptoReady = V.verify.cryptoFor(root.crypto && root.crypto.subtle);
    var language = doc.documentElement.lang || "id";

    function say(key, values) { return dom.fill(t[key] || key, values); }

    function formatDate(text) {
      var s = V.verify.seconds(text);
      if (s === null) return text;
      try {
        return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" })
          .format(new Date(s * 1000));
      } catch (e) {
        return text.slice(0, 10);
      }
    }

    function field(list, label, value) {
      if (value === undefined || value === null || value === "") return;
      list.appendChild(dom.el(doc, "dt", "", label));
      list.appendChild(dom.el(doc, "dd", "", String(value)));
    }

    function show(r, crypto, ms) {
      out.textContent = "";
      out.hidden = false;
      out.setAttribute("data-verdict", r.verdict);
      out.setAttribute("data-reason", r.reason || "");
      out.setAttribute("data-ms", String(Math.round(ms)));
      out.setAttribute("data-crypto", crypto.name);
      var good = r.verdict === "valid" || r.verdict === "valid-unchecked";
      var heading = dom.el(doc, "h2", "verify-verdict " + (good ? "is-valid" : "is-invalid"), say("verify-verdict-" + r.verdict));
      heading.tabIndex = -1;
      out.appendChild(heading);
      var checks = dom.el(doc, "ul", "verify-checks");
      r.checks.forEach(function (c) {
        var mark = c.outcome === "passed" ? "✓" : c.outcome === "failed" ? "✗" : "?";
        var li = dom.el(doc, "li", "verify-check is-" + c.outcome);
        li.setAttribute("data-check", c.check);
        li.appendChild(dom.el(doc, "span", "verify-mark", mark));
        li.setAttribute("aria-label", say("verify-check-" + c.check) + ": " + say("verify-outcome-" + c.outcome));
        li.appendChild(dom.el(doc, "strong", "", say("verify-check-" + c.check)));
        li.appendChild(doc.createTextNode(" "));
        li.appendChild(dom.el(doc, "span", "", c.outcome === "passed" ? say("verify-passed-" + c.check) : say("verify-reason-" + c.reason.replace(/\./g, "-"))));
        checks.appendChild(li);
      });
      out.appendChild(checks);
      if (r.statusAsOf) out.appendChild(dom.el(doc, "p", "verify-as-of", say("verify-status-as-of", { date: formatDate(r.statusAsOf) })));
      if (!r.credential) return heading.focus();
      var c = r.credential, subject = c.credentialSubject, achievement = subject.achievement;
      var facts = dom.el(doc, "dl", "verify-facts");
      field(facts, say("verify-field-learner"), subject.name);
      field(facts, say("verify-field-achievement"), achievement.name);
      field(facts, say("verify-field-jp"), subject.creditsEarned);
      field(facts, say("verify-field-date"), formatDate(c.validFrom));
      // The issuer's name comes from the trust list, not from the credential.
      field(facts, say("verify-field-issuer"), trust.issuer.name);
      field(facts, say("verify-field-id"), c.id);
      out.appendChild(facts);
      var nip = dom.el(doc, "form", "verify-nip");
      var label = dom.el(doc, "label", "", say("verify-nip-label"));
      label.htmlFor = "verify-nip-input";
      var box = doc.createElement("input");
      box.id = "verify-nip-input";
      box.inputMode = "numeric";
      box.autocomplete = "off";
      var button = dom.el(doc, "button", "button", say("verify-nip-button"));
      button.type = "submit";
      var answer = dom.el(doc, "p", "verify-nip-answer");
      answer.setAttribute("role", "status");
      nip.appendChild(label); nip.appendChild(box); nip.appendChild(button); nip.appendChild(answer);
      nip.addEventListener("submit", function (e) {
        e.preventDefault();
        V.verify.matchesNIP(c, box.value, crypto).then(function (ok) {
          answer.textContent = say(ok ? "verify-nip-match" : "verify-nip-mismatch");
          answer.setAttribute("data-match", String(ok));
        });
      });
      out.appendChild(nip);
      heading.focus();
    }

    function check(text) {
      if (!trust) {
        out.hidden = false;
        out.textContent = say("verify-no-issuer");
        return;
      }
      out.setAttribute("aria-busy", "true");
      cryptoReady.then(function (crypto) {
        var started = root.performance ? root.performance.now() : Date.now();
        return V.verify.verify(text, trust, list, Date.now() / 1000, crypto).then(function (r) {
          var ms = (root.performance ? root.performance.now() : Date.now()) - started;
          out.removeAttribute("aria-busy");
          show(r, crypto, ms);
        });
      });
    }

    function readFile(f) {
      if (!f) return;
      if (f.size > V.json.MAX_BYTES) {
        // Refused unread, as the verifier refuses an input past its bound.
        var refused = { check: "input", outcome: "failed", reason: "input.too-large" };
        cryptoReady.then(function (crypto) {
          show({ checks: [refused], verdict: "invalid", reason: refused.reason, credential: null, statusAsOf: null }, crypto, 0);
        });
        return;
      }
      f.arrayBuffer().then(function (buffer) {
        var text = V.bytes.fromUTF8(new Uint8Array(buffer));
        check(text === null ? "" : text);
      });
    }

    form.addEventListener("submit", function (e) { e.preventDefault(); check(input.value); });
    file.addEventListener("change", function () { readFile(file.files && file.files[0]); });
    page.addEventListener("dragover", function (e) { e.preventDefault(); });
    page.addEventListener("drop", function (e) {
      e.preventDefault();
      readFile(e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]);
    });
    function fromHash() {
      var h = root.location.hash;
      if (h && h.length > 1) check(h.slice(1));
    }
    root.addEventListener("hashchange", fromHash);
    fromHash();
  });
})(typeof self !== "undefined" ? self : this);
