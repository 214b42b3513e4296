/*
 * Latih verification: RFC 8785 canonical JSON, as CanonicalJSON.swift writes it. In
 * JavaScript it is short: JSON.stringify already escapes strings as RFC 8785 asks and
 * prints numbers as ECMAScript does; keys sort by UTF-16 code units, which is how
 * JavaScript compares strings.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.LatihVerify = root.LatihVerify || {}).jcs = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function canonical(v) {
    if (v === null || typeof v === "boolean") return String(v);
    if (typeof v === "number") return v === 0 ? "0" : String(v);
    if (typeof v === "string") return JSON.stringify(v);
    if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
    return "{" + Object.keys(v).sort().map(function (k) { return JSON.stringify(k) + ":" + canonical(v[k]); }).join(",") + "}";
  }

  return { canonical: canonical };
});
