/*
 * Latih verification: a strict JSON reader, by the rules of StrictJSON.swift (I-JSON,
 * RFC 7493, with bounds). JSON.parse keeps the last of two equal keys, lets lone
 * surrogates through and treats __proto__ specially; a signature means something only
 * over one reading of the text. Objects come back without a prototype.
 * Failures are {reason, offset}, with the reasons the Swift side gives.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.LatihVerify = root.LatihVerify || {}).json = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MAX_BYTES = 65536, MAX_DEPTH = 32, LIMIT = 9007199254740992;

  function Failure(reason, offset) {
    this.reason = reason;
    this.offset = offset;
  }

  function utf8Length(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
    }
    return n;
  }

  /** Parses `text` (a string) as one JSON value of at most `limit` UTF-8 bytes; throws a Failure. */
  function parse(text, limit) {
    if (utf8Length(text) > (limit || MAX_BYTES)) throw new Failure("too-large", 0);
    var i = 0;
    function fail(reason, at) { throw new Failure(reason, at === undefined ? i : at); }
    function space() {
      while (i < text.length) {
        var c = text[i];
        if (c === " " || c === "\n" || c === "\r" || c === "\t") i++; else break;
      }
    }
    function word(w, v) {
      if (text.substr(i, w.length) !== w) fail("syntax");
      i += w.length;
      return v;
    }
    function hex4() {
      var h = text.substr(i, 4);
      if (!/^[0-9a-fA-F]{4}$/.test(h)) fail("syntax");
      i += 4;
      return parseInt(h, 16);
    }
    function string() {
      i++;
      var out = "";
      for (;;) {
        if (i >= text.length) fail("syntax");
        var c = text.charCodeAt(i);
        if (c === 0x22) { i++; return out; }
        if (c < 0x20) fail("syntax");
        if (c >= 0xd800 && c <= 0xdfff) {
          // Raw surrogates (pasted text): only a high one followed by a low one.
          var next = text.charCodeAt(i + 1);
          if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) fail("lone-surrogate");
          out += text[i] + text[i + 1];
          i += 2;
          continue;
        }
        if (c !== 0x5c) { out += text[i++]; continue; }
        var at = i;
        var e = text[i + 1];
        i += 2;
        if (e === '"' || e === "\\" || e === "/") out += e;
        else if (e === "b") out += "\b";
        else if (e === "f") out += "\f";
        else if (e === "n") out += "\n";
        else if (e === "r") out += "\r";
        else if (e === "t") out += "\t";
        else if (e === "u") {
          var u = hex4();
          if (u >= 0xd800 && u <= 0xdbff) {
            if (text[i] !== "\\" || text[i + 1] !== "u") fail("lone-surrogate", at);
            i += 2;
            var low = hex4();
            if (low < 0xdc00 || low > 0xdfff) fail("lone-surrogate", at);
            out += String.fromCharCode(u, low);
          } else if (u >= 0xdc00 && u <= 0xdfff) {
            fail("lone-surrogate", at);
          } else {
            out += String.fromCharCode(u);
          }
        } else fail("syntax");
      }
    }
    function number() {
      var m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
      if (!m) fail("syntax");
      var start = i;
      i += m[0].length;
      var v = Number(m[0]);
      if (!isFinite(v) || Math.abs(v) >= LIMIT || (v === 0 && 1 / v < 0)) fail("number-range", start);
      return v;
    }
    function value(depth) {
      if (depth > MAX_DEPTH) fail("too-deep");
      if (i >= text.length) fail("syntax");
      var c = text[i];
      if (c === "{") return object(depth);
      if (c === "[") return array(depth);
      if (c === '"') return string();
      if (c === "t") return word("true", true);
      if (c === "f") return word("false", false);
      if (c === "n") return word("null", null);
      return number();
    }
    function object(depth) {
      i++;
      var obj = Object.create(null);
      space();
      if (text[i] === "}") { i++; return obj; }
      for (;;) {
        space();
        if (text[i] !== '"') fail("syntax");
        var at = i;
        var key = string();
        if (key === "__proto__") fail("reserved-key", at);
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail("duplicate-key", at);
        space();
        if (text[i] !== ":") fail("syntax");
        i++;
        space();
        obj[key] = value(depth + 1);
        space();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") { i++; return obj; }
        fail("syntax");
      }
    }
    function array(depth) {
      i++;
      var items = [];
      space();
      if (text[i] === "]") { i++; return items; }
      for (;;) {
        space();
        items.push(value(depth + 1));
        space();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "]") { i++; return items; }
        fail("syntax");
      }
    }
    space();
    var v = value(0);
    space();
    if (i !== text.length) fail("syntax");
    return v;
  }

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  return { parse: parse, Failure: Failure, isObject: isObject, MAX_BYTES: MAX_BYTES };
});
