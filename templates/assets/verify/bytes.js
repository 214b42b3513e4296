/*
 * Latih verification: bytes and the text encodings credentials use (UTF-8, base58btc,
 * base64url without padding, hex). Pure; `node --test` checks them (Tests/js/verify.test.js).
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.LatihVerify = root.LatihVerify || {}).bytes = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** UTF-8 bytes of a string (which must hold no lone surrogate: json.js refuses those). */
  function utf8(text) {
    return new TextEncoder().encode(text);
  }

  /** The string of UTF-8 bytes, or null when they are not UTF-8. */
  function fromUTF8(bytes) {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (e) {
      return null;
    }
  }

  function hex(bytes) {
    var out = "";
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return out;
  }

  function fromHex(text) {
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
  }

  /** Base58 (Bitcoin's alphabet) to bytes, or null for a character outside it. */
  function fromBase58(text) {
    var ones = 0;
    while (ones < text.length && text[ones] === "1") ones++;
    var bytes = []; // least significant first
    for (var i = ones; i < text.length; i++) {
      var carry = B58.indexOf(text[i]);
      if (carry < 0) return null;
      for (var j = 0; j < bytes.length; j++) {
        carry += bytes[j] * 58;
        bytes[j] = carry & 0xff;
        carry >>= 8;
      }
      while (carry > 0) { bytes.push(carry & 0xff); carry >>= 8; }
    }
    var out = new Uint8Array(ones + bytes.length);
    for (var k = 0; k < bytes.length; k++) out[ones + k] = bytes[bytes.length - 1 - k];
    return out;
  }

  function toBase58(bytes) {
    var zeros = 0;
    while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
    var digits = [];
    for (var i = zeros; i < bytes.length; i++) {
      var carry = bytes[i];
      for (var j = 0; j < digits.length; j++) {
        carry += digits[j] << 8;
        digits[j] = carry % 58;
        carry = (carry / 58) | 0;
      }
      while (carry > 0) { digits.push(carry % 58); carry = (carry / 58) | 0; }
    }
    var out = "";
    for (var z = 0; z < zeros; z++) out += "1";
    for (var k = digits.length - 1; k >= 0; k--) out += B58[digits[k]];
    return out;
  }

  /** Unpadded base64url to bytes, or null for a character outside it or a length no encoding has. */
  function fromBase64url(text) {
    if (text.length % 4 === 1) return null;
    var out = new Uint8Array(Math.floor(text.length * 3 / 4));
    var acc = 0, bits = 0, n = 0;
    for (var i = 0; i < text.length; i++) {
      var v = B64.indexOf(text[i]);
      if (v < 0) return null;
      acc = ((acc << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) { bits -= 8; out[n++] = (acc >> bits) & 0xff; }
    }
    return out.subarray(0, n);
  }

  function toBase64url(bytes) {
    var out = "";
    for (var i = 0; i < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      var left = bytes.length - i;
      out += B64[n >> 18] + B64[(n >> 12) & 63] + (left > 1 ? B64[(n >> 6) & 63] : "") + (left > 2 ? B64[n & 63] : "");
    }
    return out;
  }

  function concat(a, b) {
    var out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
  }

  return { utf8: utf8, fromUTF8: fromUTF8, hex: hex, fromHex: fromHex, fromBase58: fromBase58, toBase58: toBase58,
    fromBase64url: fromBase64url, toBase64url: toBase64url, concat: concat };
});
