// The search page's engine, run by Node over a built site's files: prints, for each query
// given as an argument, the documents of its top ten as JSON ({query: [doc, …]}).
// `node Tests/search/top_ten.js SITE QUERY…`. Used to hold other readers of the index to
// what the browser shows. (Not a test file: `node --test` runs only *.test.js.)
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { engine } = require("../js/search-modules.js");

const [site, ...queries] = process.argv.slice(2);

function registered(name) {
  const sandbox = { self: {} };
  vm.runInNewContext(fs.readFileSync(path.join(site, name + ".js"), "utf8"), sandbox);
  return sandbox.self.latihSearchData[name];
}

const catalogue = fs.readdirSync(path.join(site, "search")).find((f) => /^index\.[0-9a-f]+\.js$/.test(f)).slice(0, -3);
const search = engine.createSearch({
  catalogue: () => registered("search/" + catalogue),
  load: (names) => Promise.resolve(names.map(registered)),
});

(async () => {
  const out = {};
  for (const q of queries) {
    const found = await search.run({ q, filters: {} }, false);
    out[q] = engine.best(found.ranked, 10).map((r) => r.doc);
  }
  process.stdout.write(JSON.stringify(out) + "\n");
})();
