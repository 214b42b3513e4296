"""The theme's scripts are published without comments (ScriptCompactor): each must still
parse, and the pure functions that Node tests on the source must be there, and behave
the same, in the published copy."""

import json
import os
import pathlib
import re
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))

# Runs in Node: the exported functions of a source script and of its published copy, with
# the results of a few calls of the search engine's pure functions on both.
PROBE = r"""
const [publishedPath, assets] = process.argv.slice(1);
const path = require("path");
// In a browser each module of a bundle registers on self.LatihSearch (the search engine)
// or self.Latih (the page scripts). Run the published copy so, and compare what it
// registers with the modules, each required from its source file.
const sandbox = { self: {}, TextDecoder, URLSearchParams, atob, Blob, Response, DecompressionStream };
require("vm").runInNewContext(require("fs").readFileSync(publishedPath, "utf8"), sandbox);
const pairs = [];
if (sandbox.self.LatihSearch) {
  pairs.push(["search", Object.assign({}, ...Object.values(sandbox.self.LatihSearch)), require(process.env.SEARCH_MODULES).engine]);
}
for (const name of ["dom", "store", "quiz", "progress", "xapi", "lms"]) {
  const registered = sandbox.self.Latih && sandbox.self.Latih[name];
  if (registered) pairs.push([name, registered, require(path.join(assets, "site", name + ".js"))]);
}
const names = (m) => Object.keys(m).sort();
const calls = (m) => m.stemIndonesian ? [
  m.tokenize("Kérja keras, buku-buku.").map((t) => t.word),
  ["pelayanan", "mengatur", "keterampilan", "buku-buku"].map((w) => m.stemIndonesian(w)),
  m.stemEnglish("replies"), m.excerpt("Satu dua tiga sandi empat.", (w) => w === "sandi"),
  m.textFragment(m.markSegments("… situs (Mafindo), atau klarifikasi …", (w) => w === "mafindo")),
  m.countingWords(["apa", "itu", "phishing"]),
] : m.fill ? [m.fill("{n} dari {total}", { n: 2, total: 7 })] : m.normaliseAnswer ? [m.normaliseAnswer("  Aparatur  SIPIL ")] : [];
console.log(JSON.stringify(pairs.map(([name, published, source]) => ({ name,
  same: JSON.stringify(names(source)) === JSON.stringify(names(published)) &&
    JSON.stringify(calls(source)) === JSON.stringify(calls(published)), names: names(published) }))));
"""


def test_published_scripts_parse_and_keep_their_functions(tmp_path):
    out = tmp_path / "site"
    subprocess.run([LATIH, "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"),
                    "--output", str(out)], check=True, capture_output=True)
    published = sorted((out / "assets").glob("*.js"))
    assert len(published) >= 4
    for path in published:
        check = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, f"{path.name}: {check.stderr}"
        stem = re.sub(r"\.[0-9a-f]{8}\.js$", "", path.name)
        bundle = REPO / "templates" / "assets" / (stem + ".bundle")
        sources = [REPO / "templates" / "assets" / (stem + ".js")]
        if bundle.exists():
            sources = [REPO / "templates" / "assets" / line.strip() for line in bundle.read_text().splitlines()
                       if line.strip() and not line.startswith("#")]
        for source in sources:
            assert "\n * " in source.read_text(encoding="utf-8"), source
        assert "\n * " not in path.read_text(encoding="utf-8"), f"{path.name} still has its comments"
        assert path.stat().st_size < sum(source.stat().st_size for source in sources)
    # The search engine and the page scripts' modules keep every function they export.
    checked = set()
    for name in ["latih-search", "latih", "latih-lms"]:
        copy = next(p for p in published if re.fullmatch(re.escape(name) + r"\.[0-9a-f]{8}\.js", p.name))
        result = subprocess.run(["node", "-e", PROBE, str(copy), str(REPO / "templates" / "assets")], capture_output=True,
                                text=True, check=True, env={**os.environ, "SEARCH_MODULES": str(REPO / "Tests" / "js" / "search-modules.js")})
        for module in json.loads(result.stdout):
            assert module["same"] and module["names"], (name, module)
            checked.add(module["name"])
    assert checked == {"search", "dom", "store", "quiz", "progress", "xapi", "lms"}, checked
