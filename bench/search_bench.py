#!/usr/bin/env python3
"""`make bench-search`: Latih's search against Hugo + Pagefind on the same generated
catalogue. Both sites are served from loopback by a server that gzips text as hosts do
and counts the bytes it sends; headless Chromium runs each query from an empty cache.

Prints, side by side with ratios (Latih ÷ Pagefind): bytes, requests and round trips of
a cold query (engine code and index only, up to the top ten results with excerpts), the
median warm query time in the browser, index size and files, and build times. It does so
for the models of generated catalogue (bench/generate.py) that `--models` names: by
default `prose`, text with real text's statistics, and `rare`, a vocabulary of mostly
rare forms; `uniform` and `topical` are there too.

    python3 bench/search_bench.py --lessons 10000 --work /tmp/bench
    python3 bench/search_bench.py --models topical --query "data pegawai"   # list each request
"""
import argparse
import gzip
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from servers import CountingServer  # noqa: E402

PAGEFIND_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Cari</title></head>
<body><ol id="results"></ol>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
await pagefind.init();
async function run(q) {
  const search = await pagefind.search(q);
  const top = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const list = document.getElementById("results");
  list.textContent = "";
  for (const d of top) {
    const li = document.createElement("li");
    li.textContent = d.meta.title + " — " + d.excerpt;
    list.appendChild(li);
  }
  return top.length;
}
window.benchRun = run;
const q = new URLSearchParams(location.search).get("q");
run(q).then(() => { document.body.dataset.done = "1"; });
</script></body></html>
"""


def latih_ready(b):
    return b.execute_script(
        "return !!document.querySelector('#search-results .result') || /^Tidak/.test(document.getElementById('search-status').textContent)")


def latih_is_search(p):
    return p.startswith("/search/") and not p.endswith(".html") or "/assets/latih-search" in p


def chrome():
    o = Options()
    o.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        o.add_argument(a)
    return webdriver.Chrome(options=o, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def timed(cmd, **kw):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t


def dir_bytes(d, gz=False):
    total = 0
    for p in pathlib.Path(d).rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            total += len(gzip.compress(data, 6)) if gz and p.suffix in (".json", ".js") else len(data)
    return total


def queries_for(content):
    """Queries drawn from the generated text: common and rare roots, inflected forms, two
    words, a prefix; and two words of one lesson that no other lesson may have (the
    longest two of the middle lesson), as a learner types a name or a code."""
    lessons = sorted(pathlib.Path(content).glob("courses/*/*-pelajaran-*.md"))
    text = lessons[len(lessons) // 2].read_text(encoding="utf-8").split("---", 2)[-1].lower()
    words = sorted(set(w.strip(".,|`()[]!?:;") for w in text.split()), key=lambda w: (-len(w), w))
    rare = [w for w in words if w.isalpha()][:2]
    return ["layanan", "pelatihan", "merancang", "data pegawai", "keamanan", "dilaporkan", "pengelolaan arsip", "interop",
            "keamanan informasi", "laporan kinerja", "anggaran daerah", "pelayanan publik"] + rare


def round_trips(browser, is_search):
    """Round trips of the search's requests, one after another: a new trip begins when a
    request starts after every earlier one has ended (from Resource Timing)."""
    entries = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => [new URL(e.name).pathname, e.startTime, e.responseEnd])")
    trips, end = 0, -1.0
    for path, start, finish in sorted((e for e in entries if is_search(e[0])), key=lambda e: e[1]):
        if start >= end:
            trips += 1
        end = max(end, finish)
    return trips


def cold(server, url, ready, is_search, detail=False):
    b = chrome()
    try:
        b.get(server.url + "404-bench")  # a first page on the origin, outside the measurement
        server.reset()
        b.get(url)
        WebDriverWait(b, 60).until(ready)
        trips = round_trips(b, is_search)
        # The service worker fetches the offline shell again: count each file once.
        seen, reqs = set(), []
        for p, n in server.requests():
            if is_search(p) and p not in seen:
                seen.add(p)
                reqs.append((p, n))
        if detail:
            for p, n in reqs:
                print(f"    {n/1024:>7.1f} KB  {p}")
        return sum(n for _, n in reqs), len(reqs), trips
    finally:
        b.quit()


def warm(server, url, ready, script, queries):
    b = chrome()
    try:
        b.get(url)
        WebDriverWait(b, 60).until(ready)
        times = []
        for _ in range(2):  # the first round warms the cache, the second is measured
            round_times = []
            for q in queries:
                ms = b.execute_async_script(
                    "const done = arguments[arguments.length - 1]; const t = performance.now();"
                    + script + "(arguments[0]).then(() => done(performance.now() - t));", q)
                round_times.append(ms)
            times = round_times
        return statistics.median(times)
    finally:
        b.quit()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lessons", type=int, default=10000)
    ap.add_argument("--work", default="/tmp/latih-bench")
    ap.add_argument("--latih", default=str(REPO / ".build" / "release" / "latih"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--models", default="prose,rare",
                    help="generated catalogues to measure (bench/generate.py --model), comma-separated")
    ap.add_argument("--query", action="append", help="only these queries, Latih only, with each request listed")
    args = ap.parse_args()
    done = [bench_model(model, args) for model in args.models.split(",")]
    for runs in filter(None, done):  # deleted at the end: see bench_model
        shutil.rmtree(runs)


def bench_model(model, args):
    work = pathlib.Path(args.work) / f"{model}-{args.lessons}"
    if not (work / "latih" / "content").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--lessons", str(args.lessons), "--model", model,
                        "--out", str(work)], check=True)
    content, templates = work / "latih" / "content", REPO / "templates"
    site = work / "latih" / "site"
    hugo_dir = work / "hugo"
    from urllib.parse import quote

    if args.query:  # a probe: build once, list what each cold query fetches
        subprocess.run([args.latih, "build", "--content", content, "--templates", templates, "--output", site], check=True)
        srv = CountingServer(site)
        for q in args.query:
            print(f"{model}: {q!r}")
            b, r, t = cold(srv, srv.url + "search/index.html?q=" + quote(q), latih_ready, latih_is_search, detail=True)
            print(f"  {b/1024:.1f} KB in {r} requests, {t} round trips")
        srv.close()
        return

    # Every timed build writes a folder of its own, deleted only after the last: on a
    # file system without a journal (this machine's), ext4 skips inodes freed in the last
    # minutes when it creates files, so a build right after deleting the previous output
    # pays for it, by several seconds and unevenly. Fresh folders keep that out.
    runs = work / "runs"
    if runs.exists():
        shutil.rmtree(runs)  # left by an interrupted run
        time.sleep(60)
    with_index, without_index, hugo_t, pagefind_t = [], [], [], []
    for i in range(args.runs):
        site = runs / f"latih-{i}"
        with_index.append(timed([args.latih, "build", "--content", content, "--templates", templates, "--output", site]))
        without_index.append(timed([args.latih, "build", "--no-search", "--content", content, "--templates", templates,
                                    "--output", runs / f"latih-plain-{i}"]))
        public = runs / f"hugo-{i}"
        hugo_t.append(timed(["hugo", "--quiet", "-d", str(public)], cwd=hugo_dir))
        pagefind_t.append(timed([sys.executable, "-m", "pagefind_bin", "--site", str(public)]))
    (public / "bench-search.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    # The same pair of builds into memory (tmpfs), where deleting costs nothing and no
    # disk adds its noise: what the index itself costs the build, in CPU and memory.
    in_memory = memory_builds(args, content, templates)

    queries = queries_for(content)
    latih_srv, pf_srv = CountingServer(site), CountingServer(public)
    pf_ready = lambda b: b.execute_script("return document.body.dataset.done === '1'")
    pf_is_search = lambda p: p.startswith("/pagefind/")
    rows = []
    for q in queries:
        lb, lr, lt = cold(latih_srv, latih_srv.url + "search/index.html?q=" + quote(q), latih_ready, latih_is_search)
        pb, pr, pt = cold(pf_srv, pf_srv.url + "bench-search.html?q=" + quote(q), pf_ready, pf_is_search)
        rows.append((q, lb, lr, lt, pb, pr, pt))
    latih_warm = warm(latih_srv, latih_srv.url + "search/index.html", lambda b: b.execute_script("return !!(window.Latih && window.Latih.searchPage)"),
                      "window.Latih.searchPage.run", queries)
    pf_warm = warm(pf_srv, pf_srv.url + "bench-search.html?q=data", pf_ready, "window.benchRun", queries)
    latih_srv.close()
    pf_srv.close()

    med = statistics.median
    print(f"\nSearch benchmark: {args.lessons} generated lessons ({model} model), {os.cpu_count()} cores, "
          f"{time.strftime('%Y-%m-%d')}, medians of {args.runs} builds\n")
    print(f"{'cold query (gzip, engine + index)':<40} {'Latih':>23} {'Pagefind':>23} {'ratio':>7}")
    for q, lb, lr, lt, pb, pr, pt in rows:
        over = "" if lb <= 100 * 1024 and lt <= 3 else "  over budget"
        print(f"  {q!r:<38} {lb/1024:>8.1f} KB {lr:>3} req {lt:>2} rt {pb/1024:>8.1f} KB {pr:>3} req {pt:>2} rt "
              f"{lb/pb:>7.2f}{over}")
    print(f"  {'worst':<38} {max(r[1] for r in rows)/1024:>8.1f} KB {max(r[2] for r in rows):>3} req "
          f"{max(r[3] for r in rows):>2} rt {max(r[4] for r in rows)/1024:>8.1f} KB {max(r[5] for r in rows):>3} req "
          f"{max(r[6] for r in rows):>2} rt")
    print(f"{'median warm query in Chromium':<40} {latih_warm:>13.1f} ms {pf_warm:>13.1f} ms {latih_warm/pf_warm:>7.2f}")
    page = len(gzip.compress((site / "search" / "index.html").read_bytes(), 6))
    print(f"{'search page HTML (gzip, not counted above)':<40} {page/1024:>13.1f} KB")
    li, pi = dir_bytes(site / "search"), dir_bytes(public / "pagefind")
    print(f"{'index on disk':<40} {li/1e6:>13.1f} MB {pi/1e6:>13.1f} MB {li/pi:>7.2f}")
    lf, pf = sum(1 for p in (site / "search").rglob("*") if p.is_file()), sum(1 for p in (public / "pagefind").rglob("*") if p.is_file())
    print(f"{'index files':<40} {lf:>16} {pf:>16} {lf/pf:>7.2f}")
    # Both store deflated data (Pagefind gzip, Latih raw DEFLATE in base64 scripts, which a
    # host may compress again as it serves them). Both, compressed alike:
    lz, pz = dir_bytes(site / "search", gz=True), dir_bytes(public / "pagefind", gz=True)
    print(f"{'index on disk, gzip-compressed':<40} {lz/1e6:>13.1f} MB {pz/1e6:>13.1f} MB {lz/pz:>7.2f}")
    lw, pw = med(with_index), med(hugo_t) + med(pagefind_t)
    print(f"{'build with search':<40} {lw:>14.2f} s {pw:>14.2f} s {lw/pw:>7.2f}   (Hugo {med(hugo_t):.2f} s + Pagefind {med(pagefind_t):.2f} s)")
    print(f"{'indexing cost':<40} {100*(lw/med(without_index)-1):>13.0f} %  of a build without search ({med(without_index):.2f} s)")
    if in_memory:
        mw, mo = med(in_memory[0]), med(in_memory[1])
        print(f"{'  the same, building into tmpfs':<40} {100*(mw/mo-1):>13.0f} %  ({mw:.2f} s against {mo:.2f} s; "
              f"runs {', '.join(f'{t:.1f}' for t in in_memory[0])} against {', '.join(f'{t:.1f}' for t in in_memory[1])})")
    return runs


def memory_builds(args, content, templates):
    """Interleaved builds with and without search into tmpfs (`/dev/shm`), each deleted
    after it is timed; None where there is no tmpfs with room for two sites."""
    shm = pathlib.Path("/dev/shm")
    if not shm.is_dir() or shutil.disk_usage(shm).free < 4 * 1024**3:
        return None
    out = shm / f"latih-bench-{os.getpid()}"
    with_index, without_index = [], []
    try:
        for _ in range(args.runs):
            for flags, times in (([], with_index), (["--no-search"], without_index)):
                times.append(timed([args.latih, "build", *flags, "--content", content, "--templates", templates, "--output", out]))
                shutil.rmtree(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return with_index, without_index


if __name__ == "__main__":
    main()
