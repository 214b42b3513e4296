/*
 * Latih verification: the rules, in the order CredentialVerifier.swift applies them, with
 * the same reason codes (Tests/vectors/credentials/hostile.json holds both to them):
 * input, format, issuer, proof, period, status. Pure apart from the crypto it is handed:
 * WebCrypto's SHA-256 and Ed25519 where the browser has them, else sha.js and ed25519.js.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./bytes.js"), require("./json.js"), require("./jcs.js"), require("./sha.js"),
      require("./ed25519.js"), require("./inflate.js"));
  } else {
    var V = root.LatihVerify = root.LatihVerify || {};
    V.verify = factory(V.bytes, V.json, V.jcs, V.sha, V.ed25519, V.inflate);
  }
})(typeof self !== "undefined" ? self : this, function (bytes, json, jcs, sha, ed25519, inflate) {
  "use strict";

  var CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];
  var SUITE = "eddsa-jcs-2022";
  var MAX_PAYLOAD = 16384;
  var STATUS_SIZE = 131072;

  function own(o, k) { return json.isObject(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined; }
  function str(v) { return typeof v === "string" ? v : undefined; }
  function strings(v) { return Array.isArray(v) && v.every(function (s) { return typeof s === "string"; }) ? v : undefined; }
  function sameList(a, b) { return !!a && a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }

  /** Seconds since 1970 of an XML Schema dateTimeStamp (DateTimeStamp.swift), or null. */
  function seconds(text) {
    if (typeof text !== "string") return null;
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5], s = +m[6];
    var leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    var days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] || h > 23 || mi > 59 || s > 59) return null;
    var offset = 0;
    if (m[8] !== "Z") {
      var oh = +m[8].slice(1, 3), om = +m[8].slice(4, 6);
      if (oh > 14 || om > 59) return null;
      offset = (oh * 60 + om) * 60 * (m[8][0] === "-" ? -1 : 1);
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) / 1000 - offset + (m[7] ? Number("0" + m[7]) : 0);
  }

  /** The credential in `input` (an address, a `v1.` payload, or JSON), or {reason}. */
  function read(input) {
    var text = String(input).trim();
    if (!text) return { reason: "input.empty" };
    if (text[0] !== "{" && text[0] !== "[") {
      var hash = text.lastIndexOf("#");
      if (hash >= 0) text = text.slice(hash + 1);
      var dot = text.indexOf(".");
      if (dot < 0) return { reason: "input.not-a-credential" };
      if (text.slice(0, dot) !== "v1") return { reason: "input.unknown-version" };
      var payload = text.slice(dot + 1);
      if (!payload) return { reason: "input.empty" };
      if (payload.length > MAX_PAYLOAD) return { reason: "input.too-large" };
      var deflated = bytes.fromBase64url(payload);
      if (!deflated) return { reason: "input.bad-encoding" };
      var raw = inflate.inflate(deflated, json.MAX_BYTES);
      var decoded = raw && bytes.fromUTF8(raw);
      if (decoded === null || decoded === undefined) return { reason: "input.bad-payload" };
      text = decoded;
    }
    try {
      return { value: json.parse(text) };
    } catch (e) {
      if (e instanceof json.Failure) return { reason: "json." + e.reason };
      throw e;
    }
  }

  function formatProblem(c) {
    if (!json.isObject(c)) return "format.not-an-object";
    if (!sameList(strings(own(c, "@context")), CONTEXTS)) return "format.context";
    var types = strings(own(c, "type"));
    if (!types || types.indexOf("VerifiableCredential") < 0 ||
        (types.indexOf("OpenBadgeCredential") < 0 && types.indexOf("AchievementCredential") < 0)) return "format.type";
    var issuer = own(c, "issuer"), subject = own(c, "credentialSubject"), achievement = own(subject, "achievement");
    var identifier = own(subject, "identifier");
    if (!str(own(c, "id")) || !str(own(c, "validFrom")) || !str(own(issuer, "id")) || !json.isObject(achievement) ||
        !str(own(achievement, "id")) || !str(own(achievement, "name")) ||
        !(str(own(subject, "id")) || (Array.isArray(identifier) && identifier.length > 0))) return "format.field";
    var status = own(c, "credentialStatus"), index = str(own(status, "statusListIndex"));
    if (own(status, "type") !== "BitstringStatusListEntry" || own(status, "statusPurpose") !== "revocation" ||
        !index || !/^[0-9]{1,9}$/.test(index) || !str(own(status, "statusListCredential"))) return "format.status";
    return null;
  }

  function proofOf(doc) {
    var p = own(doc, "proof");
    if (p === undefined) return { reason: "proof-missing" };
    if (Array.isArray(p)) {
      if (p.length !== 1 || !json.isObject(p[0])) return { reason: p.length ? "proof-several" : "proof-missing" };
      return { proof: p[0] };
    }
    return json.isObject(p) ? { proof: p } : { reason: "proof-type" };
  }

  /** The public key (Multikey) of a trusted key, if `multibase` is a well-formed Ed25519 key. */
  function publicKey(multibase) {
    if (typeof multibase !== "string" || multibase[0] !== "z") return null;
    var b = bytes.fromBase58(multibase.slice(1));
    if (!b || b[0] !== 0xed || b[1] !== 0x01 || b.length !== 34) return null;
    return b.subarray(2);
  }

  function allows(key, at) {
    if (key.from && at < seconds(key.from + "T00:00:00Z")) return false;
    if (key.until && at >= seconds(key.until + "T00:00:00Z") + 86400) return false;
    return true;
  }

  function trustedKey(doc, proof, trust) {
    if (str(own(own(doc, "issuer"), "id")) !== trust.issuer.id) return { reason: "issuer.unknown" };
    var method = str(own(proof, "verificationMethod"));
    if (!method || method.indexOf(trust.issuer.id + "#") !== 0) return { reason: "issuer.method" };
    var multibase = method.slice(trust.issuer.id.length + 1);
    if (!publicKey(multibase)) return { reason: "issuer.key-invalid" };
    var key = trust.keys.filter(function (k) { return k.publicKeyMultibase === multibase; })[0];
    if (!key) return { reason: "issuer.key-unknown" };
    var at = seconds(str(own(proof, "created") !== undefined ? own(proof, "created") : own(doc, "validFrom")));
    if (at === null) return { reason: "proof-created" };
    return allows(key, at) ? { key: key } : { reason: "issuer.key-window" };
  }

  function without(o, k) {
    var out = Object.create(null);
    Object.keys(o).forEach(function (key) { if (key !== k) out[key] = o[key]; });
    return out;
  }

  /** The proof's problem over `doc` with `key` (raw 32 bytes), or null when it verifies. */
  async function proofProblem(doc, proof, key, crypto) {
    if (own(proof, "type") !== "DataIntegrityProof") return "proof-type";
    if (own(proof, "cryptosuite") !== SUITE) return "proof-cryptosuite";
    if (own(proof, "proofPurpose") !== "assertionMethod") return "proof-purpose";
    if (own(proof, "created") !== undefined && seconds(own(proof, "created")) === null) return "proof-created";
    var unsigned = without(doc, "proof");
    var pc = own(proof, "@context");
    if (pc !== undefined) {
      var dc = own(unsigned, "@context");
      if (!Array.isArray(pc) || !Array.isArray(dc) || pc.length > dc.length ||
          !pc.every(function (x, i) { return jcs.canonical(x) === jcs.canonical(dc[i]); })) return "proof-context";
      unsigned["@context"] = pc;
    }
    var value = str(own(proof, "proofValue"));
    var signature = value && value[0] === "z" ? bytes.fromBase58(value.slice(1)) : null;
    if (!signature || signature.length !== 64) return "proof-value";
    var data = bytes.concat(await crypto.sha256(bytes.utf8(jcs.canonical(without(proof, "proofValue")))),
      await crypto.sha256(bytes.utf8(jcs.canonical(unsigned))));
    return (await crypto.ed25519(key, data, signature)) ? null : "proof-signature";
  }

  async function isSigned(doc, trust, crypto) {
    var p = proofOf(doc);
    if (!p.proof) return false;
    var t = trustedKey(doc, p.proof, trust);
    if (!t.key) return false;
    return (await proofProblem(doc, p.proof, publicKey(t.key.publicKeyMultibase), crypto)) === null;
  }

  function periodProblem(c, now) {
    var from = seconds(own(c, "validFrom"));
    if (from === null) return "period.bad-date";
    if (from > now) return "period.not-yet-valid";
    var until = own(c, "validUntil");
    if (until !== undefined) {
      var end = seconds(until);
      if (end === null) return "period.bad-date";
      if (end < now) return "period.expired";
    }
    return null;
  }

  async function statusOutcome(c, trust, list, crypto) {
    if (!list) return { outcome: "unchecked", reason: "status.missing" };
    var entry = own(c, "credentialStatus");
    var index = Number(own(entry, "statusListIndex"));
    if (own(entry, "statusListCredential") !== trust.statusList || own(list, "id") !== trust.statusList) {
      return { outcome: "unchecked", reason: "status.other-list" };
    }
    var types = strings(own(list, "type"));
    if (!types || types.indexOf("BitstringStatusListCredential") < 0 || !(await isSigned(list, trust, crypto))) {
      return { outcome: "unchecked", reason: "status.list-signature" };
    }
    var asOf = str(own(list, "validFrom"));
    var subject = own(list, "credentialSubject"), encoded = str(own(subject, "encodedList"));
    var gz = encoded && encoded[0] === "u" ? bytes.fromBase64url(encoded.slice(1)) : null;
    var bits = gz && inflate.gunzip(gz, 1 << 20);
    if (own(subject, "statusPurpose") !== "revocation" || !bits) return { outcome: "unchecked", reason: "status.not-a-list", asOf: asOf };
    if (bits.length * 8 < STATUS_SIZE) return { outcome: "unchecked", reason: "status.too-short", asOf: asOf };
    if (index >= bits.length * 8) return { outcome: "failed", reason: "status.range", asOf: asOf };
    var revoked = (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
    return revoked ? { outcome: "failed", reason: "status.revoked", asOf: asOf } : { outcome: "passed", asOf: asOf };
  }

  function verdictOf(checks) {
    for (var i = 0; i < checks.length; i++) {
      var c = checks[i];
      if (c.outcome !== "failed") continue;
      if (c.reason === "period.expired") return "expired";
      if (c.reason === "period.not-yet-valid") return "not-yet-valid";
      if (c.reason === "status.revoked") return "revoked";
      return "invalid";
    }
    return checks.some(function (c) { return c.outcome === "unchecked"; }) ? "valid-unchecked" : "valid";
  }

  function result(checks, credential, asOf) {
    var first = checks.filter(function (c) { return c.outcome !== "passed"; })[0];
    return { checks: checks, verdict: verdictOf(checks), reason: first ? first.reason : "", credential: credential || null, statusAsOf: asOf || null };
  }

  /**
   * Verifies `input` against `trust` ({issuer: {id, name, url}, keys, statusList}) and the
   * status list credential `list` (or null), at `now` (seconds), with `crypto`
   * ({sha256, ed25519}, each async). Resolves to {checks, verdict, reason, credential, statusAsOf};
   * `credential` is null unless its proof verified.
   */
  async function verify(input, trust, list, now, crypto) {
    var r = typeof input === "string" ? read(input) : { value: input };
    var checks = [];
    if (r.reason) return result([{ check: "input", outcome: "failed", reason: r.reason }]);
    var c = r.value;
    checks.push({ check: "input", outcome: "passed" });
    var f = formatProblem(c);
    if (f) return result(checks.concat({ check: "format", outcome: "failed", reason: f }));
    checks.push({ check: "format", outcome: "passed" });
    var p = proofOf(c);
    if (!p.proof) return result(checks.concat({ check: "issuer", outcome: "failed", reason: p.reason }));
    var t = trustedKey(c, p.proof, trust);
    if (!t.key) return result(checks.concat({ check: "issuer", outcome: "failed", reason: t.reason }));
    checks.push({ check: "issuer", outcome: "passed" });
    var problem = await proofProblem(c, p.proof, publicKey(t.key.publicKeyMultibase), crypto);
    if (problem) return result(checks.concat({ check: "proof", outcome: "failed", reason: problem }));
    checks.push({ check: "proof", outcome: "passed" });
    var period = periodProblem(c, now);
    checks.push(period ? { check: "period", outcome: "failed", reason: period } : { check: "period", outcome: "passed" });
    var s = await statusOutcome(c, trust, list, crypto);
    checks.push({ check: "status", outcome: s.outcome, reason: s.reason });
    return result(checks, c, s.asOf);
  }

  /** Crypto from the hand-written SHA-256, SHA-512 and Ed25519 alone. */
  var fallback = {
    name: "latih",
    sha256: function (b) { return Promise.resolve(sha.sha256(b)); },
    ed25519: function (key, message, signature) { return Promise.resolve(ed25519.verify(key, message, signature)); }
  };

  /**
   * Crypto from WebCrypto where it has what is needed, else the fallback: `subtle` may be
   * missing (not a secure context), and Ed25519 is missing before Chrome 137 and Firefox 129.
   */
  async function cryptoFor(subtle) {
    if (!subtle) return fallback;
    var hasEd25519 = true;
    try {
      var probe = await subtle.importKey("raw", new Uint8Array(32).fill(0x01), { name: "Ed25519" }, false, ["verify"]);
      hasEd25519 = !!probe;
    } catch (e) {
      hasEd25519 = false;
    }
    return {
      name: hasEd25519 ? "webcrypto" : "webcrypto+latih",
      sha256: async function (b) { return new Uint8Array(await subtle.digest("SHA-256", b)); },
      ed25519: hasEd25519 ? async function (key, message, signature) {
        try {
          var k = await subtle.importKey("raw", key, { name: "Ed25519" }, false, ["verify"]);
          return await subtle.verify({ name: "Ed25519" }, k, signature, message);
        } catch (e) {
          return false;
        }
      } : fallback.ed25519
    };
  }

  /** Whether `nip` is the one a credential's identifier hashes: "sha256$" + SHA-256(nip + salt). */
  async function matchesNIP(credential, nip, crypto) {
    var ids = own(own(credential, "credentialSubject"), "identifier") || [];
    for (var i = 0; i < ids.length; i++) {
      var hash = str(own(ids[i], "identityHash")), salt = str(own(ids[i], "salt")) || "";
      if (!hash || hash.indexOf("sha256$") !== 0) continue;
      if (bytes.hex(await crypto.sha256(bytes.utf8(String(nip).trim() + salt))) === hash.slice(7)) return true;
    }
    return false;
  }

  return { read: read, verify: verify, seconds: seconds, cryptoFor: cryptoFor, fallback: fallback, matchesNIP: matchesNIP };
});
