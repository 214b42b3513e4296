#!/usr/bin/env python3
"""`make bench-certify`: `latih certify issue` for a large agency's year, and the weight
and speed of the verification page.

It copies the sample catalogue with a new signing key in site.conf, and writes the records
of N people who each completed a few of its courses (a course's `completed` statement, as
the site sends it, completes its lessons too), with a roster. It then times issuing every
certificate: one per person and course, and one per person who reached 20 JP, each signed,
with its printable page and QR code (wall, CPU and peak RSS from /usr/bin/time -v). Last,
it builds the site and reports the verification page's weight (HTML and script, gzip).

    python3 bench/certify_bench.py --people 15000 --runs 1
    python3 bench/certify_bench.py --people 50 --runs 1 --latih .build/debug/latih   # CI smoke run
"""
import argparse
import gzip
import json
import pathlib
import random
import shutil
import statistics
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from bench import measured  # noqa: E402

BASE = "https://latih.example.go.id/"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


def records(people, folder, seed=11):
    """Statements and roster: each person completes 3 to 5 of the sample's courses."""
    rng = random.Random(seed)
    courses = sorted(p.name for p in (REPO / "content" / "courses").iterdir() if p.is_dir())
    roster = ["nip,nama,email,unit,jabatan"]
    with open(folder / "statements.jsonl", "w", encoding="utf-8") as out:
        for i in range(people):
            nip = f"19{rng.randint(60, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}20{rng.randint(10, 24)}0{rng.randint(1, 2)}{i:04d}"[:18]
            email = f"pegawai{i}@jakarta.go.id"
            roster.append(f"{nip},Pegawai {i},{email},Unit {i % 40 + 1:02d},Analis")
            for k, slug in enumerate(rng.sample(courses, rng.randint(3, 5))):
                day = rng.randint(1, 330)
                stamp = f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}T0{rng.randint(1, 9)}:00:00Z"
                out.write(json.dumps({"id": f"{i:08x}-0000-4000-8000-{k:012d}",
                                      "actor": {"mbox": "mailto:" + email, "name": f"Pegawai {i}"},
                                      "verb": {"id": COMPLETED}, "object": {"id": f"{BASE}courses/{slug}/"},
                                      "timestamp": stamp}) + "\n")
    (folder / "pegawai.csv").write_text("\n".join(roster) + "\n", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=15000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/latih-bench-certify")
    ap.add_argument("--latih", default=str(REPO / ".build" / "release" / "latih"))
    args = ap.parse_args()
    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    content = work / "content"
    shutil.copytree(REPO / "content", content)
    key = work / "kunci" / "agency-key.json"
    key.parent.mkdir()
    made = subprocess.run([args.latih, "certify", "key", "--output", key, "--content", content], check=True, capture_output=True, text=True)
    public = made.stdout.strip().split()[-1]
    with open(content / "site.conf", "a", encoding="utf-8") as conf:
        conf.write(f"certificate-keys: {public}\n")
    records(args.people, work)
    runs = []
    for _ in range(args.runs):
        shutil.rmtree(work / "sertifikat", ignore_errors=True)
        runs.append(measured([args.latih, "certify", "issue", "--key", key, "--content", content, "--templates", REPO / "templates",
                              "--year", "2026", "--roster", work / "pegawai.csv", "--statements", work / "statements.jsonl",
                              "--output", work / "sertifikat"]))
    wall, cpu, rss = (statistics.median(r[i] for r in runs) for i in range(3))
    count = sum(1 for _ in (work / "sertifikat").glob("*/*.json"))
    print(f"{count:,} certificates for {args.people:,} people: wall {wall:.2f} s, CPU {cpu:.2f} s, peak RSS {rss:.0f} MB "
          f"({count / wall:,.0f} a second)")
    site = work / "site"
    subprocess.run([args.latih, "build", "--content", content, "--templates", REPO / "templates", "--output", site, "--no-search"],
                   check=True, capture_output=True)
    page = (site / "verifikasi" / "index.html").read_bytes()
    script = next((site / "assets").glob("latih-verify.*.js")).read_bytes()
    css = next((site / "assets").glob("latih.*.css")).read_bytes()
    layout = next((site / "assets").glob("latih.*.js")).read_bytes()
    kb = lambda b: len(gzip.compress(b, 9)) / 1024  # noqa: E731
    print(f"verification page, gzip: HTML {kb(page):.1f} KB + latih-verify.js {kb(script):.1f} KB + latih.css {kb(css):.1f} KB "
          f"+ latih.js {kb(layout):.1f} KB = {kb(page) + kb(script) + kb(css) + kb(layout):.1f} KB")
    # A verification's time in headless Chromium, from file://, with WebCrypto and without.
    credential = next((work / "sertifikat").glob("*/*.json")).read_text(encoding="utf-8")
    for subtle in (True, False):
        times = verify_times(site, credential, subtle)
        print(f"verification in Chromium ({'WebCrypto' if subtle else 'no crypto.subtle'}): median {statistics.median(times):.0f} ms, "
              f"slowest {max(times):.0f} ms over {len(times)}")


def verify_times(site, credential, subtle, count=20):
    """The page's own measure (data-ms) of `count` verifications of `credential`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    try:
        if not subtle:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                   {"source": "Object.defineProperty(Crypto.prototype, 'subtle', {get() { return undefined; }});"})
        driver.get((site / "verifikasi" / "index.html").as_uri())
        times = []
        for _ in range(count):
            driver.execute_script("const r = document.getElementById('verify-result'); r.removeAttribute('data-verdict');"
                                  "document.getElementById('verify-input').value = arguments[0];"
                                  "document.getElementById('verify-form').requestSubmit();", credential)
            WebDriverWait(driver, 10).until(lambda d: d.find_element("id", "verify-result").get_attribute("data-verdict"))
            assert driver.find_element("id", "verify-result").get_attribute("data-verdict") == "valid"
            times.append(int(driver.find_element("id", "verify-result").get_attribute("data-ms")))
        return times
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
