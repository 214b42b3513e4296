/*
 * Latih search: facets (category, level, competency, tag) from the catalogue file, and
 * the filtering and counting of results by them.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { var L = root.LatihSearch = root.LatihSearch || {}; L.facets = factory(); }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FACETS = ["category", "level", "competency", "tag"];

  /**
   * Each document's facet values (as facet-name indexes), from the catalogue file. The
   * entries are shared by documents with the same values (a course's pages) and numbered
   * (`id`, and `table.entries` in that order), so results are tallied per entry.
   */
  function facetTable(meta) {
    var docs = new Array(meta.n);
    var entries = [];
    function entry(course, values) {
      var e = { course: course, values: values, id: entries.length };
      entries.push(e);
      return e;
    }
    var end = 0;
    meta.courses.forEach(function (c) {
      // [category, level, [competencies], [tags], gap after the previous course, count]
      var values = { category: c[0] >= 0 ? [c[0]] : [], level: c[1] >= 0 ? [c[1]] : [], competency: c[2], tag: c[3] };
      var shared = entry(c, values); // shared by the course's pages
      var first = end + c[4];
      end = first + c[5];
      for (var d = first; d < end; d++) docs[d] = shared;
    });
    Object.keys(meta.docTags || {}).forEach(function (tag) {
      var doc = 0;
      meta.docTags[tag].forEach(function (delta) {
        doc += delta;
        var was = docs[doc] || { course: null, values: { category: [], level: [], competency: [], tag: [] } };
        docs[doc] = entry(was.course, Object.assign({}, was.values, { tag: was.values.tag.concat([Number(tag)]) }));
      });
    });
    docs.entries = entries;
    return docs;
  }

  function passes(docFacets, filters, except) {
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (f === except || !filters[f] || !filters[f].length) continue;
      var have = docFacets ? docFacets.values[f] : [];
      if (!filters[f].some(function (v) { return have.indexOf(v) >= 0; })) return false;
    }
    return true;
  }

  /**
   * Filters ranked results and counts facet values. `filters` maps a facet to selected
   * value indexes; counts for one facet apply every other facet's filter.
   */
  function applyFacets(ranked, table, filters, names) {
    var counts = {};
    FACETS.forEach(function (f) { counts[f] = names[f].map(function () { return 0; }); });
    var active = FACETS.filter(function (f) { return filters[f] && filters[f].length; });
    var kept = [];
    // Documents with the same facet values (a course's pages, mostly) are counted as a
    // group: one tally per entry of the table, not per document.
    var entries = table.entries, tally = new Int32Array(entries.length);
    for (var i = 0; i < ranked.length; i++) {
      var df = table[ranked[i].doc];
      if (!df) { if (!active.length) kept.push(ranked[i]); continue; }
      tally[df.id]++;
      if (!active.length || passes(df, filters, null)) kept.push(ranked[i]);
    }
    for (var g = 0; g < entries.length; g++) {
      var n = tally[g];
      if (!n) continue;
      for (var f = 0; f < FACETS.length; f++) {
        var facet = FACETS[f];
        if (active.length && !passes(entries[g], filters, facet)) continue;
        var values = entries[g].values[facet];
        for (var v = 0; v < values.length; v++) counts[facet][values[v]] += n;
      }
    }
    return { results: kept, counts: counts };
  }

  return {
    FACETS: FACETS, facetTable: facetTable, applyFacets: applyFacets
  };
});
