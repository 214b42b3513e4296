/*
 * Latih verification: DEFLATE (RFC 1951) and gzip (RFC 1952) decoding with a bound on
 * the output, for the QR payload and the status list. DecompressionStream would inflate
 * a bomb until memory runs out and is missing from older browsers; this stops at the
 * bound and works everywhere, including Node's tests.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.LatihVerify = root.LatihVerify || {}).inflate = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  var DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  function Bad() {}

  /** A canonical Huffman code from code lengths: counts per length and symbols in order. */
  function table(lengths) {
    var counts = new Uint16Array(16), symbols = new Uint16Array(lengths.length), offs = new Uint16Array(16);
    for (var i = 0; i < lengths.length; i++) counts[lengths[i]]++;
    counts[0] = 0;
    for (i = 1; i < 16; i++) offs[i] = offs[i - 1] + counts[i - 1];
    for (i = 0; i < lengths.length; i++) if (lengths[i]) symbols[offs[lengths[i]]++] = i;
    return { counts: counts, symbols: symbols };
  }

  /** Raw DEFLATE `data` inflated, or null when it is not valid or passes `limit` bytes. */
  function inflate(data, limit) {
    var pos = 0, bit = 0, out = new Uint8Array(Math.min(limit, Math.max(1024, data.length * 4))), size = 0;
    function bits(n) {
      var v = 0;
      for (var i = 0; i < n; i++) {
        if (pos >= data.length) throw new Bad();
        v |= ((data[pos] >> bit) & 1) << i;
        if (++bit === 8) { bit = 0; pos++; }
      }
      return v;
    }
    function decodeSymbol(t) {
      var code = 0, first = 0, index = 0;
      for (var len = 1; len < 16; len++) {
        code |= bits(1);
        var count = t.counts[len];
        if (code - count < first) return t.symbols[index + (code - first)];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
      }
      throw new Bad();
    }
    function put(b) {
      if (size >= out.length) {
        if (out.length >= limit) throw new Bad();
        var bigger = new Uint8Array(Math.min(limit, out.length * 2));
        bigger.set(out);
        out = bigger;
      }
      out[size++] = b;
    }
    try {
      var last;
      do {
        last = bits(1);
        var type = bits(2);
        if (type === 0) {
          if (bit) { bit = 0; pos++; }
          if (pos + 4 > data.length) throw new Bad();
          var len = data[pos] | (data[pos + 1] << 8), nlen = data[pos + 2] | (data[pos + 3] << 8);
          if ((len ^ 0xffff) !== nlen || pos + 4 + len > data.length) throw new Bad();
          pos += 4;
          for (var i = 0; i < len; i++) put(data[pos++]);
          continue;
        }
        var lit, dist;
        if (type === 1) {
          var l = new Uint8Array(288), d = new Uint8Array(30);
          for (i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
          d.fill(5);
          lit = table(l); dist = table(d);
        } else if (type === 2) {
          var hlit = bits(5) + 257, hdist = bits(5) + 1, hclen = bits(4) + 4;
          var cl = new Uint8Array(19);
          for (i = 0; i < hclen; i++) cl[ORDER[i]] = bits(3);
          var clt = table(cl), lengths = new Uint8Array(hlit + hdist);
          for (i = 0; i < hlit + hdist;) {
            var sym = decodeSymbol(clt);
            if (sym < 16) { lengths[i++] = sym; continue; }
            var rep = 0, val = 0;
            if (sym === 16) { if (!i) throw new Bad(); val = lengths[i - 1]; rep = 3 + bits(2); }
            else if (sym === 17) rep = 3 + bits(3);
            else rep = 11 + bits(7);
            if (i + rep > hlit + hdist) throw new Bad();
            while (rep--) lengths[i++] = val;
          }
          lit = table(lengths.subarray(0, hlit)); dist = table(lengths.subarray(hlit));
        } else {
          throw new Bad();
        }
        for (;;) {
          var s = decodeSymbol(lit);
          if (s < 256) { put(s); continue; }
          if (s === 256) break;
          s -= 257;
          if (s >= 29) throw new Bad();
          var length = LEN_BASE[s] + bits(LEN_EXTRA[s]);
          var ds = decodeSymbol(dist);
          if (ds >= 30) throw new Bad();
          var back = DIST_BASE[ds] + bits(DIST_EXTRA[ds]);
          if (back > size) throw new Bad();
          for (i = 0; i < length; i++) put(out[size - back]);
        }
      } while (!last);
    } catch (e) {
      if (e instanceof Bad) return null;
      throw e;
    }
    return out.slice(0, size);
  }

  /** A gzip member's contents, or null (RFC 1952: header, DEFLATE, CRC and size). */
  function gunzip(data, limit) {
    if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 8) return null;
    var flags = data[3], pos = 10;
    if (flags & 4) pos += 2 + (data[pos] | (data[pos + 1] << 8));
    if (flags & 8) { while (pos < data.length && data[pos]) pos++; pos++; }
    if (flags & 16) { while (pos < data.length && data[pos]) pos++; pos++; }
    if (flags & 2) pos += 2;
    if (pos >= data.length) return null;
    return inflate(data.subarray(pos, data.length - 8), limit);
  }

  return { inflate: inflate, gunzip: gunzip };
});
