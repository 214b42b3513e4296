#!/usr/bin/env python3
"""Hostile Markdown: does any construct cost more than its size? Each construct below is
written into one lesson of a small site at two sizes, 4× apart, and `latih build` times the
whole build (`--no-search`), the best of three runs. A construct whose time grows much
more than 4× would let one lesson stall a build, as a wide table did in cmark-gfm (whose
parse time grows with the square of a table's columns; Latih refuses tables over 100
columns). The same constructs seed the FuzzLinks corpus (Fuzz/seeds.py), where libFuzzer's
`-timeout` bounds each input.

    python3 bench/markdown_growth.py [--latih .build/release/latih] [--size 250000]
"""
import argparse
import pathlib
import shutil
import subprocess
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent

# Each makes about n bytes of Markdown.
CONSTRUCTS = {
    "nested block quotes": lambda n: "".join("> " * i + "a\n" for i in range(int((n / 2) ** 0.5))),
    "nested lists": lambda n: "".join("  " * i + "- a\n" for i in range(int((n / 2) ** 0.5))),
    "nested ordered lists": lambda n: "".join("   " * i + "1. a\n" for i in range(int((n / 3) ** 0.5))),
    "many list items": lambda n: "- a\n" * (n // 4),
    "task list": lambda n: "- [ ] a\n" * (n // 8),
    "open brackets": lambda n: "[" * n + "a",
    "links in links": lambda n: "[" * (n // 3) + "a" + "](b)" * (n // 12),
    "images unclosed": lambda n: "![" * (n // 2),
    "emphasis runs": lambda n: "*a " * (n // 3),
    "mixed emphasis": lambda n: "*a_" * (n // 3),
    "nested emphasis": lambda n: "*" * (n // 2) + "a" + "*" * (n // 2),
    "strikethrough runs": lambda n: "~~a " * (n // 4),
    "underscores": lambda n: "_a" * (n // 2) + "_",
    "backtick runs": lambda n: "".join("`" * i + "a" for i in range(1, int((2 * n) ** 0.5))),
    "inline HTML unclosed": lambda n: "<a " * (n // 3),
    "HTML comment unclosed": lambda n: "<!--" + "-" * n,
    "entities": lambda n: "&" * n,
    "link reference definitions": lambda n: "".join(f"[a{i}]: /u\n" for i in range(n // 20)) + "".join(f"[a{i}]" for i in range(n // 20)),
    "footnotes": lambda n: "".join(f"[^{i}]" for i in range(n // 16)) + "\n\n" + "".join(f"[^{i}]: x\n" for i in range(n // 16)),
    "autolinks": lambda n: "www.a.com " * (n // 10),
    "autolink with parens": lambda n: "www.a.com/" + "(" * (n // 2) + ")" * (n // 2),
    "setext heading": lambda n: "a\n" * (n // 4) + "===\n",
    "table, many rows": lambda n: "|a|b|\n|-|-|\n" + "|a|b|\n" * (n // 6),
    "table, 90 columns": lambda n: "|" + "a|" * 90 + "\n|" + "-|" * 90 + "\n" + ("|" + "a|" * 90 + "\n") * (n // 182),
}


def site(folder, body):
    content = folder / "content"
    shutil.copytree(REPO / "Tests" / "LatihSiteTests" / "Fixtures" / "valid" / "minimal" / "content", content)
    lesson = content / "courses" / "dasar" / "01-pertama.md"
    text = lesson.read_text()
    end = text.index("\n---\n", 4) + 5
    lesson.write_text(text[:end] + "\n" + body + "\n")
    return content


def timed(latih, content, out):
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([latih, "build", "--content", content, "--templates", REPO / "templates", "--output", out, "--no-search"],
                       capture_output=True)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--latih", default=str(REPO / ".build" / "release" / "latih"))
    ap.add_argument("--size", type=int, default=250_000)
    args = ap.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="latih-growth-"))
    empty = timed(args.latih, site(work / "empty", ""), work / "out")
    print(f"a build of the same site without the construct: {empty * 1000:.0f} ms\n")
    print(f"| construct | {args.size // 1000} KB | {4 * args.size // 1000} KB | ÷ (less the empty build) |")
    print("|---|---:|---:|---:|")
    for i, (name, make) in enumerate(CONSTRUCTS.items()):
        small = timed(args.latih, site(work / f"{i}a", make(args.size)), work / "out")
        large = timed(args.latih, site(work / f"{i}b", make(4 * args.size)), work / "out")
        ratio = (large - empty) / max(small - empty, 0.002)
        print(f"| {name} | {small * 1000:.0f} ms | {large * 1000:.0f} ms | {ratio:.1f} |", flush=True)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
