/*
 * Latih search: excerpts. A result's passage is cut from its page's text in the browser,
 * around the first word the query matched, and its matched words are marked.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./text.js"));
  else { var L = root.LatihSearch = root.LatihSearch || {}; L.excerpt = factory(L.text); }
})(typeof self !== "undefined" ? self : this, function (words) {
  "use strict";

  /** A passage of `text` around the first token that `isMatch` accepts, as the page shows it. */
  function excerpt(text, isMatch) {
    // Tokens are read only up to the one after the passage: a page's text may be long,
    // and the first match is usually early.
    var starts = [], ends = [], at = -1;
    words.eachToken(text, function (word, start, end) {
      starts.push(start);
      ends.push(end);
      if (at < 0 && isMatch(word)) at = starts.length - 1;
      return at >= 0 && starts.length > at + 19;
    });
    var n = starts.length;
    if (!n) return "";
    var lo = at >= 0 ? Math.max(0, at - 8) : 0, hi = Math.min(n - 1, Math.max(at, 0) + 18);
    // Line breaks stay (a page shows them as spaces): they tell `textFragment` where a
    // paragraph or heading ends.
    var s = text.slice(starts[lo], ends[hi]).replace(/[^\S\n]/g, " ");
    return (lo > 0 ? "… " : "") + s + (hi < n - 1 ? " …" : "");
  }

  /**
   * A text fragment (`#:~:text=…`) for a result's link, from its marked excerpt: the first
   * marked word and the two words after it. Browsers that support text fragments scroll the
   * lesson to that passage and highlight it; the others, and a phrase the page does not
   * hold as such, simply open the page at its top. The phrase stops where the excerpt's
   * paragraph or heading does (a line break) or where it is cut (…). Empty when nothing is
   * marked.
   */
  function textFragment(segments) {
    var at = -1;
    for (var i = 0; i < segments.length; i++) if (segments[i].mark) { at = i; break; }
    if (at < 0) return "";
    var rest = segments.slice(at).map(function (seg) { return seg.text; }).join("");
    // Within the excerpt's paragraph: a fragment does not match across blocks.
    var words = rest.split(/[…\n]/)[0].trim().split(/\s+/).slice(0, 3).join(" ");
    // "-", "," and "&" are the directive's own syntax.
    return words ? "#:~:text=" + encodeURIComponent(words).replace(/-/g, "%2D") : "";
  }

  /** `source` as segments `{text, mark}`, with the words that `isMatch` accepts marked. */
  function markSegments(source, isMatch) {
    var out = [], last = 0;
    words.tokenize(source).forEach(function (t) {
      var parts = t.word.indexOf("-") >= 0 ? [t.word].concat(t.word.split("-")) : [t.word];
      if (!parts.some(isMatch)) return;
      if (t.start > last) out.push({ text: source.slice(last, t.start), mark: false });
      out.push({ text: source.slice(t.start, t.end), mark: true });
      last = t.end;
    });
    if (last < source.length) out.push({ text: source.slice(last), mark: false });
    return out;
  }

  return {
    excerpt: excerpt, markSegments: markSegments, textFragment: textFragment
  };
});
