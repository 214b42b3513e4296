/*
 * Latih: the monitoring report's tables sort by any column (`latih report`).
 *
 * Each header of a table marked `data-sortable` becomes a button; pressing it sorts the
 * rows by that column, numbers by their `data-sort` value, and again the other way, and
 * `aria-sort` tells screen readers. Without JavaScript the tables keep the order the
 * report wrote. A classic script (the report opens from file://), exported to Node.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (typeof document !== "undefined") root.Latih.dom.ready(document, function () { api.enhance(document); });
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** Compares two cells' keys: numbers as numbers (empty last), text as Indonesian text. */
  function compare(a, b) {
    var x = a.number, y = b.number;
    if (x !== null || y !== null) {
      if (x === null) return 1;
      if (y === null) return -1;
      return x - y;
    }
    return a.text.localeCompare(b.text, "id");
  }

  /** The sort key of a cell: its `data-sort` number, or its text. */
  function key(cell) {
    var raw = cell.getAttribute("data-sort");
    var n = raw === null || raw === "" ? null : Number(raw);
    return { number: n !== null && isFinite(n) ? n : null, text: cell.textContent.trim() };
  }

  /** Row order for a column: indexes of `keys` sorted, stable, descending when asked;
   *  in a column of numbers, cells without one stay last either way. */
  function order(keys, descending) {
    var numeric = keys.some(function (k) { return k.number !== null; });
    return keys.map(function (k, i) { return i; }).sort(function (i, j) {
      var a = keys[i], b = keys[j];
      if (numeric && (a.number === null) !== (b.number === null)) return a.number === null ? 1 : -1;
      var c = compare(a, b);
      if (descending) c = -c;
      return c !== 0 ? c : i - j;
    });
  }

  function enhance(doc) {
    Array.prototype.forEach.call(doc.querySelectorAll("table[data-sortable]"), function (table) {
      var headers = table.querySelectorAll("thead th");
      var body = table.tBodies[0];
      Array.prototype.forEach.call(headers, function (th, column) {
        var button = doc.createElement("button");
        button.type = "button";
        button.className = "sort-button";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () {
          var descending = th.getAttribute("aria-sort") === "ascending";
          Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", descending ? "descending" : "ascending");
          var rows = Array.prototype.slice.call(body.rows);
          var keys = rows.map(function (r) { return key(r.cells[column]); });
          order(keys, descending).forEach(function (i) { body.appendChild(rows[i]); });
        });
      });
    });
  }

  return { compare: compare, order: order, enhance: enhance };
});
