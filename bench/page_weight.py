#!/usr/bin/env python3
"""Page weight: what a learner's phone downloads, gzip-compressed as a host serves it, on
the first visit to each kind of page of the sample site. That is the page with the CSS and
scripts it loads, then the offline worker (`sw.js`) and what it caches at once (its
`SHELL`), each file counted once. Images are left out. `make bench` prints the table that
bench/RESULTS.md keeps, and Tests/robustness/test_page_weight.py holds a lesson's first
visit to 60 KB.

    python3 bench/page_weight.py [--latih .build/release/latih] [--site DIR]
"""
import argparse
import gzip
import json
import pathlib
import re
import subprocess
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
KINDS = [("catalogue", "index.html"), ("course", "courses/spbe/index.html"),
         ("lesson with a quiz", "courses/spbe/apa-itu-spbe/index.html"),
         ("lesson", "courses/analisis-data/tabel-pivot/index.html"), ("search", "search/index.html"),
         ("progress", "kemajuan/index.html"), ("certificate check", "verifikasi/index.html"),
         ("learning path", "paths/index.html")]


def gz(path):
    return len(gzip.compress(path.read_bytes(), 9))


def loads(site, page):
    """The page and the stylesheets and scripts it loads, as paths under `site`."""
    html = (site / page).read_bytes()
    refs = re.findall(rb'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+\.(?:css|js))"', html)
    return [site / page] + [((site / page).parent / r.decode()).resolve() for r in refs]


def shell(site):
    text = (site / "sw.js").read_text()
    return [site / "sw.js"] + [site / p for p in json.loads(re.search(r"var SHELL = (\[.*?\]);", text).group(1))]


def first_visit(site, page):
    """{file: gzip bytes} of a first visit to `page`: its own load, then the worker's."""
    files = {}
    for f in loads(site, page) + shell(site):
        files.setdefault(f.resolve(), gz(f))
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--latih", default=str(REPO / ".build" / "release" / "latih"))
    ap.add_argument("--site")
    args = ap.parse_args()
    site = pathlib.Path(args.site or tempfile.mkdtemp(prefix="latih-weight-"))
    if not args.site:
        subprocess.run([args.latih, "build", "--content", REPO / "content", "--templates", REPO / "templates", "--output", site],
                       check=True, capture_output=True)
    print("| page | the page, its CSS and scripts | + the offline worker's first caching | first visit |")
    print("|---|---:|---:|---:|")
    for kind, page in KINDS:
        own = sum(gz(f) for f in dict.fromkeys(p.resolve() for p in loads(site, page)))
        total = sum(first_visit(site, page).values())
        print(f"| {kind} | {own / 1024:.1f} KB | {(total - own) / 1024:.1f} KB | {total / 1024:.1f} KB |")


if __name__ == "__main__":
    main()
