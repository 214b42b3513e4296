#!/usr/bin/env python3
"""`make bench-search`: Latih's search against Hugo + Pagefind on the same generated
catalogue. Both sites are served from loopback by a server that gzips text as hosts do
and counts the bytes it sends; headless Chromium runs each query from an empty cache.

Prints, side by side with ratios (Latih ÷ Pagefind): bytes and requests of a cold query
(engine code and index only, up to the top ten results with excerpts), the median warm
query time in the browser, index size, and build times.
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
    """Queries drawn from the generated text: common and rare roots, inflected forms, two words, a prefix."""
    return ["layanan", "pelatihan", "merancang", "data pegawai", "keamanan", "dilaporkan", "pengelolaan arsip", "interop"]


def cold(server, url, ready, is_search):
    b = chrome()
    try:
        b.get(server.url + "404-bench")  # a first page on the origin, outside the measurement
        server.reset()
        b.get(url)
        WebDriverWait(b, 60).until(ready)
        # The service worker fetches the offline shell again: count each file once.
        seen, reqs = set(), []
        for p, n in server.requests():
            if is_search(p) and p not in seen:
                seen.add(p)
                reqs.append((p, n))
        return sum(n for _, n in reqs), len(reqs)
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
    args = ap.parse_args()
    work = pathlib.Path(args.work) / str(args.lessons)
    if not (work / "latih" / "content").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--lessons", str(args.lessons), "--out", str(work)], check=True)
    content, templates = work / "latih" / "content", REPO / "templates"
    site = work / "latih" / "site"
    hugo_dir, public = work / "hugo", work / "hugo" / "public"

    with_index, without_index, hugo_t, pagefind_t = [], [], [], []
    for _ in range(args.runs):
        with_index.append(timed([args.latih, "build", "--content", content, "--templates", templates, "--output", site]))
        without_index.append(timed([args.latih, "build", "--no-search", "--content", content, "--templates", templates,
                                    "--output", work / "latih" / "site-plain"]))
        if public.exists():
            shutil.rmtree(public)
        hugo_t.append(timed(["hugo", "--quiet", "-d", str(public)], cwd=hugo_dir))
        pagefind_t.append(timed([sys.executable, "-m", "pagefind_bin", "--site", str(public)]))
    (public / "bench-search.html").write_text(PAGEFIND_PAGE, encoding="utf-8")

    queries = queries_for(content)
    latih_srv, pf_srv = CountingServer(site), CountingServer(public)
    latih_ready = lambda b: b.execute_script(
        "return !!document.querySelector('#search-results .result') || /^Tidak/.test(document.getElementById('search-status').textContent)")
    pf_ready = lambda b: b.execute_script("return document.body.dataset.done === '1'")
    latih_is_search = lambda p: p.startswith("/search/") and not p.endswith(".html") or "/assets/latih-search" in p
    pf_is_search = lambda p: p.startswith("/pagefind/")
    rows = []
    for q in queries:
        from urllib.parse import quote
        lb, lr = cold(latih_srv, latih_srv.url + "search/index.html?q=" + quote(q), latih_ready, latih_is_search)
        pb, pr = cold(pf_srv, pf_srv.url + "bench-search.html?q=" + quote(q), pf_ready, pf_is_search)
        rows.append((q, lb, lr, pb, pr))
    latih_warm = warm(latih_srv, latih_srv.url + "search/index.html", lambda b: b.execute_script("return !!(window.Latih && window.Latih.searchPage)"),
                      "window.Latih.searchPage.run", queries)
    pf_warm = warm(pf_srv, pf_srv.url + "bench-search.html?q=data", pf_ready, "window.benchRun", queries)
    latih_srv.close()
    pf_srv.close()

    med = statistics.median
    print(f"\nSearch benchmark: {args.lessons} generated lessons, {os.cpu_count()} cores, "
          f"{time.strftime('%Y-%m-%d')}, medians of {args.runs} builds\n")
    print(f"{'cold query (gzip, engine + index)':<40} {'Latih':>16} {'Pagefind':>16} {'ratio':>7}")
    for q, lb, lr, pb, pr in rows:
        print(f"  {q!r:<38} {lb/1024:>8.1f} KB {lr:>3} req {pb/1024:>8.1f} KB {pr:>3} req {lb/pb:>7.2f}")
    print(f"  {'worst':<38} {max(r[1] for r in rows)/1024:>8.1f} KB {max(r[2] for r in rows):>3} req "
          f"{max(r[3] for r in rows)/1024:>8.1f} KB {max(r[4] for r in rows):>3} req")
    print(f"{'median warm query in Chromium':<40} {latih_warm:>13.1f} ms {pf_warm:>13.1f} ms {latih_warm/pf_warm:>7.2f}")
    li, pi = dir_bytes(site / "search"), dir_bytes(public / "pagefind")
    print(f"{'index on disk':<40} {li/1e6:>13.1f} MB {pi/1e6:>13.1f} MB {li/pi:>7.2f}")
    lw, pw = med(with_index), med(hugo_t) + med(pagefind_t)
    print(f"{'build with search':<40} {lw:>14.2f} s {pw:>14.2f} s {lw/pw:>7.2f}   (Hugo {med(hugo_t):.2f} s + Pagefind {med(pagefind_t):.2f} s)")
    print(f"{'indexing cost':<40} {100*(lw/med(without_index)-1):>13.0f} %  of a build without search ({med(without_index):.2f} s)")


if __name__ == "__main__":
    main()
