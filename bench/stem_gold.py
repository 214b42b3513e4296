#!/usr/bin/env python3
"""Indonesian stemmers on word lists with their dictionary roots: Latih's against
Snowball's Indonesian stemmer (PyPI `snowballstemmer`, the algorithm Pagefind and Orama
use).

A word counts when the stemmer gives the root the dictionary (KBBI) gives. Latih is scored
three ways: knowing nothing of the corpus (the browser's stemmer, templates/assets/search/
stem-id.js, with no index); told only which words are the list's roots (yes or no, no
family sizes); and as `latih build` stems the word in a catalogue whose one lesson says
every word of the list and every root (the stems are read back from the built index's
term shards).

    python3 bench/stem_gold.py [--latih .build/release/latih] [--misses] [LIST.tsv ...]

The lists default to Tests/vectors/stems-id-gold.tsv and stems-id-unfitted.tsv.
"""
import argparse
import json
import os
import pathlib
import subprocess
import tempfile

import snowballstemmer

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "Tests" / "vectors"

# Stems with no corpus, and the built index's stems of each word (a word the index
# stores with no stem list is its own stem).
NODE = r"""
const fs = require("fs"), path = require("path"), vm = require("vm");
const [engineDir, site] = process.argv.slice(1);
const { stemIndonesian } = require(path.join(engineDir, "stem-id.js"));
const format = require(path.join(engineDir, "index-format.js"));
const words = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const built = new Map();
  const terms = path.join(site, "search", "terms");
  for (const file of fs.readdirSync(terms).sort()) {
    const sandbox = { self: {} };
    vm.runInNewContext(fs.readFileSync(path.join(terms, file), "utf8"), sandbox);
    for (const text of Object.values(sandbox.self.latihSearchData)) {
      const shard = format.decodeShard(await format.inflate(format.unpackText(text)));
      shard.keys.forEach((k) => { const e = shard.entries.get(k); if (e.w >= 0) built.set(k, e.st && e.st.length ? e.st[0] : k); });
    }
  }
  const roots = new Set(JSON.parse(process.env.ROOTS));
process.stdout.write(JSON.stringify(words.map((w) => [stemIndonesian(w, () => false), stemIndonesian(w, (x) => roots.has(x)),
  built.get(w) || null])));
})();
"""


def read_list(path):
    return [line.split("\t")[:2] for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]


def latih_stems(latih, rows):
    """Each word's stem with no corpus, and as `latih build` stems it."""
    with tempfile.TemporaryDirectory(prefix="latih-stems-") as work:
        content = pathlib.Path(work) / "content"
        course = content / "courses" / "kata"
        course.mkdir(parents=True)
        (content / "site.conf").write_text("title: Kata\ndescription: Daftar kata.\nlanguage: id\n", encoding="utf-8")
        (course / "course.md").write_text("---\ntitle: Kata\nsummary: Kata.\nlevel: dasar\ncategory: Kata\n---\n",
                                          encoding="utf-8")
        words = sorted({w for row in rows for w in row})
        (course / "01-kata.md").write_text("---\ntitle: Kata\nduration: 10 menit\n---\n\n" + " ".join(words) + "\n",
                                           encoding="utf-8")
        site = pathlib.Path(work) / "site"
        subprocess.run([latih, "build", "--content", str(content), "--templates", str(ROOT / "templates"),
                        "--output", str(site)], check=True, capture_output=True)
        out = subprocess.run(["node", "-e", NODE, str(ROOT / "templates" / "assets" / "search"), str(site)],
                             input=json.dumps([w for w, _ in rows]), capture_output=True, text=True, check=True,
                             env={**os.environ, "ROOTS": json.dumps(sorted({r for _, r in rows}))})
        return json.loads(out.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lists", nargs="*", type=pathlib.Path,
                        default=[VECTORS / "stems-id-gold.tsv", VECTORS / "stems-id-unfitted.tsv"])
    parser.add_argument("--latih", default=str(ROOT / ".build" / "release" / "latih"))
    parser.add_argument("--misses", action="store_true", help="list the words each stemmer gets wrong")
    args = parser.parse_args()
    snowball = snowballstemmer.stemmer("indonesian")
    print("| list | words | Latih, no corpus | Latih, told the roots | Latih, as built with the corpus | Snowball |")
    print("|---|---:|---:|---:|---:|---:|")
    misses = []
    for path in args.lists:
        rows = read_list(path)
        latih = latih_stems(args.latih, rows)
        scores = {"Latih, no corpus": [s[0] for s in latih], "Latih, told the roots": [s[1] for s in latih],
                  "Latih, built": [s[2] for s in latih],
                  "Snowball": [snowball.stemWord(w) for w, _ in rows]}
        cells = []
        for name, stems in scores.items():
            right = sum(s == r for s, (_, r) in zip(stems, rows))
            cells.append(f"{right} ({100 * right / len(rows):.1f} %)")
            misses.append((f"{path.name}, {name}", [f"{w} → {s} (not {r})" for s, (w, r) in zip(stems, rows) if s != r]))
        print(f"| {path.name} | {len(rows)} | " + " | ".join(cells) + " |")
    if args.misses:
        for name, wrong in misses:
            print(f"\n{name}: {len(wrong)} wrong")
            for line in wrong:
                print("  " + line)


if __name__ == "__main__":
    main()
