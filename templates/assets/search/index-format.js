/*
 * Latih search: reading the index files (docs/search.md specifies them; the build writes
 * them in Sources/LatihSearch/SearchIndexBuilder.swift and ShardEncoding.swift).
 *
 * Every file is a script that registers its data under its name in
 * `self.latihSearchData`: the catalogue as JSON, term shards and document records as
 * raw DEFLATE, packed into a string (`unpackText`). This module turns that text into shards and records.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.LatihSearch = root.LatihSearch || {}).indexFormat = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** The catalogue's `v` this engine reads. */
  var FORMAT_VERSION = 4;

  /**
   * Shard bounds from the catalogue's front-coded string (see the build's `frontCoded`):
   * each entry is a base-36 digit, how many leading characters it shares with the entry
   * before, then the rest of it; entries are separated by spaces.
   */
  function decodeBounds(coded) {
    var out = [], previous = "";
    coded.split(" ").forEach(function (entry) {
      previous = previous.slice(0, parseInt(entry.charAt(0), 36)) + entry.slice(1);
      out.push(previous);
    });
    return out;
  }

  /** The shard holding `key`: the last whose lower bound is ≤ key (binary search). */
  function shardFor(bounds, key) {
    var lo = 0, hi = bounds.length - 1, best = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (bounds[mid] <= key) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best;
  }

  /**
   * Shards that may hold keys starting with `prefix`: those that meet the range from
   * `prefix` to `prefix` followed by the highest code unit. Bounds are the shortest
   * strings that separate two shards, so a shard's bound need not start with `prefix`
   * even when its keys do.
   */
  function shardsForPrefix(bounds, prefix) {
    var out = [];
    for (var i = shardFor(bounds, prefix), last = shardFor(bounds, prefix + "\uffff"); i <= last; i++) out.push(i);
    return out;
  }

  /** Impacts are stored as one byte q, ln(1 + impact) in steps of 1/24: this undoes it. */
  var IMPACT_STEPS = 24;
  var IMPACT = new Float64Array(256);
  for (var q = 0; q < 256; q++) IMPACT[q] = Math.expm1(q / IMPACT_STEPS);

  /**
   * A posting list in typed arrays, in document order. It reads like a Map from
   * document to impact (`size`, `forEach(impact, doc)`, iteration as [doc, impact]).
   */
  function Postings(docs, impacts) { this.docs = docs; this.impacts = impacts; this.size = docs.length; }
  Postings.prototype.forEach = function (fn) {
    for (var i = 0; i < this.docs.length; i++) fn(this.impacts[i], this.docs[i]);
  };
  Postings.prototype[Symbol.iterator] = function* () {
    for (var i = 0; i < this.docs.length; i++) yield [this.docs[i], this.impacts[i]];
  };
  var EMPTY = new Postings(new Int32Array(0), new Float64Array(0));

  /**
   * The bytes a file registered as a string (ScriptPacking.swift): 7-bit groups, most
   * significant bit first, each an ASCII character, except that a group the string
   * literal cannot hold (NUL, LF, CR, quote, backslash: FORBIDDEN[i]) comes with the group
   * after it as one character, U+0080 + 128 i + next, or, last, as U+0300 + i.
   */
  var FORBIDDEN = [0x00, 0x0a, 0x0d, 0x22, 0x5c];
  function unpackText(text) {
    var out = new Uint8Array(Math.floor(text.length * 2 * 7 / 8)), n = 0, acc = 0, bits = 0;
    function group(g) {
      acc = ((acc << 7) | g) & 0x7fff;
      bits += 7;
      if (bits >= 8) { bits -= 8; out[n++] = (acc >> bits) & 0xff; }
    }
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x80) group(c);
      else if (c < 0x300) { c -= 0x80; group(FORBIDDEN[c >> 7]); group(c & 0x7f); }
      else group(FORBIDDEN[c - 0x300]);
    }
    return out.subarray(0, n);
  }

  /** Raw DEFLATE `bytes`, inflated by the browser's own `DecompressionStream`. */
  function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  var utf8 = new TextDecoder();

  /** The unsigned LEB128 varint at `cursor.at` of `bytes`; moves the cursor past it. */
  function readVarint(bytes, cursor) {
    var value = 0, shift = 0, b;
    do { b = bytes[cursor.at++]; value += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
    return value;
  }

  /**
   * A term shard's entries from its inflated bytes (layout: ShardEncoding.swift). Keys are
   * read at once; a posting list only when a query asks for it (`wordPostings`,
   * `stemPostings`), since a query uses a few of a shard's thousand keys.
   *
   * Returns `{keys, entries}`: keys in sorted order, and a Map from key to
   * `{w, s, st, a}`: byte offsets of the word and stem postings (-1: none; `s` equal to
   * `w` when the two lists are the same), the build's stems of the word, and whether it
   * is a root that the corpus attests.
   */
  function decodeShard(bytes) {
    var c = { at: 0 };
    function varint() { return readVarint(bytes, c); }
    function skipPostings() {
      var n = varint();
      for (var seen = 0; seen < n; c.at++) if (!(bytes[c.at] & 0x80)) seen++;
      c.at += n;
    }
    var count = varint(), keys = new Array(count), entries = new Map();
    var previous = new Uint8Array(0), prevKey = "";
    for (var k = 0; k < count; k++) {
      var shared = varint(), rest = varint();
      var keyBytes = new Uint8Array(shared + rest);
      keyBytes.set(previous.subarray(0, shared));
      keyBytes.set(bytes.subarray(c.at, c.at + rest), shared);
      c.at += rest;
      var ascii = true;
      for (var i = 0; i < keyBytes.length && ascii; i++) if (keyBytes[i] >= 0x80) ascii = false;
      var key = ascii ? prevKey.slice(0, shared) + String.fromCharCode.apply(null, keyBytes.subarray(shared)) : utf8.decode(keyBytes);
      previous = keyBytes;
      prevKey = key;
      var flags = varint();
      var entry = { w: -1, s: -1, st: null, a: (flags & 8) !== 0, f: 0 };
      if (flags & 32) entry.f = varint();
      if (flags & 16) {
        var n = varint();
        entry.st = new Array(n);
        for (var j = 0; j < n; j++) {
          // 0, then length and bytes; or 1 + offset, then length, of a run of the key's bytes.
          var from = varint(), len = varint();
          if (from) entry.st[j] = utf8.decode(keyBytes.subarray(from - 1, from - 1 + len));
          else { entry.st[j] = utf8.decode(bytes.subarray(c.at, c.at + len)); c.at += len; }
        }
      }
      if (flags & 1) { entry.w = c.at; skipPostings(); }
      if (flags & 4) entry.s = entry.w;
      if (flags & 2) { entry.s = c.at; skipPostings(); }
      keys[k] = key;
      entries.set(key, entry);
    }
    return { keys: keys, entries: entries, bytes: bytes };
  }

  /** The posting list at byte `offset` of `shard`. */
  function readPostings(shard, offset) {
    var bytes = shard.bytes, c = { at: offset };
    var n = readVarint(bytes, c), docs = new Int32Array(n), impacts = new Float64Array(n), doc = 0;
    for (var i = 0; i < n; i++) { doc += readVarint(bytes, c); docs[i] = doc; }
    for (var j = 0; j < n; j++) impacts[j] = IMPACT[bytes[c.at++]];
    return new Postings(docs, impacts);
  }

  // Decoded once per key and kept on the entry: warm queries reuse them.
  /** The documents that hold `entry`'s key as a word. */
  function wordPostings(shard, entry) {
    if (!entry || entry.w < 0) return EMPTY;
    return entry._w || (entry._w = readPostings(shard, entry.w));
  }
  /** The documents that hold a word with `entry`'s key as its stem. */
  function stemPostings(shard, entry) {
    if (!entry || entry.s < 0) return EMPTY;
    if (entry.s === entry.w) return wordPostings(shard, entry);
    return entry._s || (entry._s = readPostings(shard, entry.s));
  }

  /** A document record (`[kind, title, path, minutes, crumb, summary, text]`) from its inflated bytes. */
  function decodeDocument(bytes) { return JSON.parse(utf8.decode(bytes)); }

  return {
    FORMAT_VERSION: FORMAT_VERSION, IMPACT_STEPS: IMPACT_STEPS, EMPTY: EMPTY, Postings: Postings,
    decodeBounds: decodeBounds, shardFor: shardFor, shardsForPrefix: shardsForPrefix,
    unpackText: unpackText, inflate: inflate, decodeShard: decodeShard, decodeDocument: decodeDocument,
    wordPostings: wordPostings, stemPostings: stemPostings
  };
});
