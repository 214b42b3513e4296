// The search engine's modules, as the bundle file lists them: for tests that use several.
// (Not a test file: `node --test` runs only files named *.test.js.)
const fs = require("node:fs");
const path = require("node:path");

const assets = path.join(__dirname, "..", "..", "templates", "assets");
/** The parts of `latih-search.bundle`, in order. */
const parts = fs.readFileSync(path.join(assets, "latih-search.bundle"), "utf8")
  .split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
/** Every function the engine's modules export (those under search/, but the page's), in one object. */
const engine = Object.assign({}, ...parts.filter((p) => p.startsWith("search/") && !p.endsWith("page.js"))
  .map((p) => require(path.join(assets, p))));

module.exports = { assets, parts, engine };
