/*
 * Latih verification: Ed25519 signature verification (RFC 8032 §5.1.7) with BigInt, for
 * browsers whose WebCrypto has no Ed25519 (Chrome before 137, Firefox before 129) or no
 * crypto.subtle at all (a plain-http intranet). Verification only: nothing secret passes
 * through it, so constant time does not matter here. Held to RFC 8032's vectors and to
 * WebCrypto's answers in Tests/js/verify.test.js.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./sha.js"));
  else { var V = root.LatihVerify = root.LatihVerify || {}; V.ed25519 = factory(V.sha); }
})(typeof self !== "undefined" ? self : this, function (sha) {
  "use strict";

  var n = function (x) { return BigInt(x); };
  var P = (n(1) << n(255)) - n(19);
  var L = (n(1) << n(252)) + n("27742317777372353535851937790883648493");
  var D = mod(n(-121665) * inv(n(121666)));
  var SQRT_M1 = pow(n(2), (P - n(1)) / n(4));

  function mod(a, m) { m = m || P; var r = a % m; return r < n(0) ? r + m : r; }
  function pow(b, e) {
    var r = n(1);
    b = mod(b);
    while (e > n(0)) {
      if (e & n(1)) r = mod(r * b);
      b = mod(b * b);
      e >>= n(1);
    }
    return r;
  }
  function inv(a) { return pow(a, P - n(2)); }

  // Points in extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z.
  var ZERO = [n(0), n(1), n(1), n(0)];

  function add(p, q) {
    var a = mod((p[1] - p[0]) * (q[1] - q[0])), b = mod((p[1] + p[0]) * (q[1] + q[0]));
    var c = mod(n(2) * D * p[3] * q[3]), d = mod(n(2) * p[2] * q[2]);
    var e = b - a, f = d - c, g = d + c, h = b + a;
    return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
  }

  function multiply(p, s) {
    var r = ZERO;
    for (var i = n(255); i >= n(0); i--) {
      r = add(r, r);
      if ((s >> i) & n(1)) r = add(r, p);
    }
    return r;
  }

  function littleEndian(bytes) {
    var v = n(0);
    for (var i = bytes.length - 1; i >= 0; i--) v = (v << n(8)) | n(bytes[i]);
    return v;
  }

  /** The point of a 32-byte encoding, or null when it is not one (RFC 8032 §5.1.3). */
  function decode(bytes) {
    if (bytes.length !== 32) return null;
    var copy = bytes.slice();
    var sign = copy[31] >> 7;
    copy[31] &= 0x7f;
    var y = littleEndian(copy);
    if (y >= P) return null;
    var y2 = mod(y * y), u = mod(y2 - n(1)), v = mod(D * y2 + n(1));
    var x = mod(u * pow(v, n(3)) * pow(u * pow(v, n(7)), (P - n(5)) / n(8)));
    var vx2 = mod(v * x * x);
    if (vx2 === mod(-u)) x = mod(x * SQRT_M1);
    else if (vx2 !== u) return null;
    if (x === n(0) && sign === 1) return null;
    if (Number(x & n(1)) !== sign) x = P - x;
    return [x, y, n(1), mod(x * y)];
  }

  /** The 32-byte encoding of a point. */
  function encode(p) {
    var zi = inv(p[2]), x = mod(p[0] * zi), y = mod(p[1] * zi);
    var out = new Uint8Array(32);
    for (var i = 0; i < 32; i++) { out[i] = Number(y & n(0xff)); y >>= n(8); }
    if (x & n(1)) out[31] |= 0x80;
    return out;
  }

  function negate(p) { return [mod(-p[0]), p[1], p[2], mod(-p[3])]; }

  var BASE = decode(new Uint8Array([0x58].concat(new Array(31).fill(0x66))));

  /** Whether `signature` (64 bytes) is `publicKey`'s (32 bytes) over `message`. */
  function verify(publicKey, message, signature) {
    if (signature.length !== 64) return false;
    var A = decode(publicKey);
    if (!A) return false;
    var s = littleEndian(signature.subarray(32));
    if (s >= L) return false;
    var buf = new Uint8Array(64 + message.length);
    buf.set(signature.subarray(0, 32), 0);
    buf.set(publicKey, 32);
    buf.set(message, 64);
    var k = mod(littleEndian(sha.sha512(buf)), L);
    // R' = [S]B - [k]A, compared with R as bytes: the check BoringSSL makes, and so
    // swift-crypto and Chromium's WebCrypto, which the other paths of the site use.
    var r = encode(add(multiply(BASE, s), negate(multiply(A, k))));
    for (var i = 0; i < 32; i++) if (r[i] !== signature[i]) return false;
    return true;
  }

  return { verify: verify };
});
