#!/usr/bin/env python3
"""`make bench`: Latih against Hugo (+ Pagefind) on generated catalogues.

For each model of text (bench/generate.py: `prose`, real text's statistics, and `rare`,
a vocabulary of mostly rare forms) and each size it generates the same Markdown for both
tools, then
alternates the builds several times and reports medians of wall time, CPU time and peak
RSS (all from /usr/bin/time -v), output and index bytes, and ratios Latih ÷ peer, since
absolute times on a shared machine drift from run to run. It also measures an edit to
one lesson under `latih serve` (from saving the file to the new page being served) and
`latih serve`'s time to first byte, and, at one size, a cold search query in Chromium
(bench/search_bench.py has the full search comparison).

    python3 bench/bench.py --sizes 1000,10000,50000 --runs 3
    python3 bench/bench.py --models rare --sizes 10000 --runs 1
    python3 bench/bench.py --sizes 200 --runs 1 --no-pagefind     # CI smoke run
"""
import argparse
import os
import pathlib
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from search_bench import chrome  # noqa: E402


def measured(cmd, cwd=None):
    """Runs under /usr/bin/time -v: (wall s, cpu s, peak RSS MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        subprocess.run(["/usr/bin/time", "-v", "-o", out.name, *map(str, cmd)], cwd=cwd, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        text = open(out.name).read()
    def field(name):
        return re.search(re.escape(name) + r":\s*(.+)", text).group(1).strip()
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return seconds, cpu, int(field("Maximum resident set size (kbytes)")) / 1024


def size_of(path):
    return sum(p.stat().st_size for p in pathlib.Path(path).rglob("*") if p.is_file())


def files_in(path):
    return sum(1 for p in pathlib.Path(path).rglob("*") if p.is_file())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_measurements(latih, content, templates):
    """Seconds from saving one lesson to `latih serve` serving the new page over HTTP, and
    to the open page in headless Chromium showing it; and the time to first byte."""
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", suffix=".log")
    proc = subprocess.Popen([latih, "serve", "--content", content, "--templates", templates, "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.time() + 600
        while time.time() < deadline:
            if "Serving" in open(log.name).read():
                break
            time.sleep(0.05)
        t = time.perf_counter()
        with urllib.request.urlopen(base + "index.html") as r:
            r.read(1)
        ttfb = time.perf_counter() - t
        lesson = sorted((pathlib.Path(content) / "courses").glob("*/03-*.md"))[0]
        url = base + "courses/" + lesson.parent.name + "/" + lesson.stem[3:] + "/index.html"
        original = lesson.read_text(encoding="utf-8")
        times = []
        for i in range(5):
            marker = f"Penanda suntingan {i} {time.time_ns()}"
            t = time.perf_counter()
            lesson.write_text(original + f"\n{marker}\n", encoding="utf-8")
            while marker not in urllib.request.urlopen(url).read().decode():
                time.sleep(0.002)
            times.append(time.perf_counter() - t)
            time.sleep(0.3)
        # The same in a browser that has the lesson open: live reload swaps the page.
        browser = chrome()
        in_browser = []
        try:
            browser.get(url)
            time.sleep(1)
            for i in range(5):
                marker = f"Penanda peramban {i} {time.time_ns()}"
                t = time.perf_counter()
                lesson.write_text(original + f"\n{marker}\n", encoding="utf-8")
                while True:
                    try:
                        if marker in browser.execute_script("return document.body ? document.body.textContent : ''"):
                            break
                    except Exception:  # the page may be between documents
                        pass
                    time.sleep(0.002)
                in_browser.append(time.perf_counter() - t)
                time.sleep(0.5)
        finally:
            browser.quit()
        lesson.write_text(original, encoding="utf-8")
        return statistics.median(times), statistics.median(in_browser), ttfb
    finally:
        proc.terminate()
        proc.wait(10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--models", default="prose,rare")
    ap.add_argument("--no-serve", action="store_true", help="skip the `latih serve` measurements")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/latih-bench")
    ap.add_argument("--latih", default=str(REPO / ".build" / "release" / "latih"))
    ap.add_argument("--no-pagefind", action="store_true", help="skip Pagefind (slow and memory-hungry at large sizes)")
    ap.add_argument("--pagefind-max", type=int, default=10000, help="largest size to run Pagefind on")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    templates = REPO / "templates"
    results = {}
    for model, n in [(m, n) for m in args.models.split(",") for n in sizes]:
        work = pathlib.Path(args.work) / f"{model}-{n}"
        if not (work / "latih" / "content").exists():
            subprocess.run([sys.executable, str(HERE / "generate.py"), "--lessons", str(n), "--model", model,
                            "--out", str(work)], check=True)
        content, site = work / "latih" / "content", work / "latih" / "site"
        hugo_dir, public = work / "hugo", work / "hugo" / "public"
        use_pagefind = not args.no_pagefind and n <= args.pagefind_max
        latih_runs, hugo_runs, pagefind_runs = [], [], []
        # Each run writes fresh folders, deleted after the last: ext4 without a journal
        # (this machine's) slows file creation for minutes after files are deleted, which
        # would charge one tool for the other's clean-up.
        runs = work / "runs"
        if runs.exists():
            shutil.rmtree(runs)
            time.sleep(60)
        for i in range(args.runs):  # alternate the tools, so drift hits both alike
            site, public = runs / f"latih-{i}", runs / f"hugo-{i}"
            latih_runs.append(measured([args.latih, "build", "--content", content, "--templates", templates, "--output", site]))
            hugo_runs.append(measured(["hugo", "--quiet", "-d", public], cwd=hugo_dir))
            if use_pagefind:
                pagefind_runs.append(measured([sys.executable, "-m", "pagefind_bin", "--site", public]))
        med = lambda runs, i: statistics.median(r[i] for r in runs)
        row = {
            "latih": [med(latih_runs, i) for i in range(3)],
            "hugo": [med(hugo_runs, i) for i in range(3)],
            "pagefind": [med(pagefind_runs, i) for i in range(3)] if pagefind_runs else None,
            "latih_bytes": size_of(site), "hugo_bytes": size_of(public) - (size_of(public / "pagefind") if (public / "pagefind").exists() else 0),
            "latih_index": size_of(site / "search"),
            "pagefind_index": size_of(public / "pagefind") if (public / "pagefind").exists() else 0,
            "markdown": size_of(content), "latih_files": files_in(site),
            "pages": sum(1 for _ in site.rglob("*.html")),
            "index_files": files_in(site / "search"),
            "pagefind_files": files_in(public / "pagefind") if (public / "pagefind").exists() else 0,
        }
        shutil.rmtree(runs)
        if not args.no_serve and model == "prose":
            row["edit"], row["edit_browser"], row["ttfb"] = serve_measurements(args.latih, str(content), str(templates))
        results[(model, n)] = row

    print(f"\nLatih {subprocess.run([args.latih, '--version'], capture_output=True, text=True).stdout.strip()} against "
          f"{subprocess.run(['hugo', 'version'], capture_output=True, text=True).stdout.split()[1]} and Pagefind; "
          f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, medians of {args.runs} alternating runs.\n")
    print(f"{'model':<6} {'lessons':>8} {'tool':<22} {'wall s':>8} {'cpu s':>8} {'RSS MB':>8} {'output MB':>10} "
          f"{'index MB':>9} {'files':>8}")
    for (model, n), r in results.items():
        lw, lc, lm = r["latih"]
        hw, hc, hm = r["hugo"]
        print(f"{model:<6} {n:>8} {'latih (with search)':<22} {lw:>8.2f} {lc:>8.2f} {lm:>8.0f} {r['latih_bytes']/1e6:>10.1f} "
              f"{r['latih_index']/1e6:>9.1f} {r['latih_files']:>8}")
        print(f"{'':<6} {'':>8} {'hugo (HTML only)':<22} {hw:>8.2f} {hc:>8.2f} {hm:>8.0f} {r['hugo_bytes']/1e6:>10.1f}")
        if r["pagefind"]:
            pw, pc, pm = r["pagefind"]
            print(f"{'':<6} {'':>8} {'pagefind':<22} {pw:>8.2f} {pc:>8.2f} {pm:>8.0f} {'':>10} "
                  f"{r['pagefind_index']/1e6:>9.1f} {r['pagefind_files']:>8}")
        print(f"{'':<6} {'':>8} {'ratio latih ÷ hugo':<22} {lw/hw:>8.2f} {lc/hc:>8.2f} {lm/hm:>8.2f}")
        if r["pagefind"]:
            print(f"{'':<6} {'':>8} {'ratio ÷ hugo+pagefind':<22} {lw/(hw+pw):>8.2f} {lc/(hc+pc):>8.2f} {lm/max(hm, pm):>8.2f} "
                  f"{'':>10} {r['latih_index']/max(r['pagefind_index'], 1):>9.2f}")
        print(f"{'':<6} {'':>8} {'markdown':<22} {r['markdown']/1e6:.1f} MB; {r['pages']} pages, files written ÷ pages "
              f"{r['latih_files']/r['pages']:.2f}, index files {r['index_files']}")
        if "edit" in r:
            print(f"{'':<6} {'':>8} {'latih serve':<22} edit → new page over HTTP {r['edit']*1000:.0f} ms, "
                  f"in the open browser page {r['edit_browser']*1000:.0f} ms; first byte {r['ttfb']*1000:.1f} ms")
    for model in args.models.split(","):
        mine = sorted(n for m, n in results if m == model)
        if len(mine) >= 2:
            a, b = mine[-2:]
            ra, rb = results[(model, a)], results[(model, b)]
            print(f"\n{model}: scaling {a} → {b} lessons ({b/a:.0f}×): wall ×{rb['latih'][0]/ra['latih'][0]:.2f}, "
                  f"peak RSS ×{rb['latih'][2]/ra['latih'][2]:.2f}, index bytes ×{rb['latih_index']/ra['latih_index']:.2f}")


if __name__ == "__main__":
    main()
