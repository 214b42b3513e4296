"""Every lesson page of the sample site, with its CSS and JavaScript, gzip-compressed as
a host serves it and images excluded, must stay within 40 KB, for phones on slow links."""

import gzip
import os
import pathlib
import re
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))
BUDGET = 40 * 1024


def test_lesson_pages_fit_the_budget(tmp_path):
    out = tmp_path / "site"
    subprocess.run([LATIH, "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"),
                    "--output", str(out)], check=True, capture_output=True)
    lessons = [p for p in (out / "courses").glob("*/*/index.html")]
    assert len(lessons) >= 24
    heaviest = 0
    for page in lessons:
        html = page.read_bytes()
        total = len(gzip.compress(html, 9))
        for ref in re.findall(rb'(?:href|src)="([^"]+\.(?:css|js))"', html):
            total += len(gzip.compress((page.parent / ref.decode()).resolve().read_bytes(), 9))
        heaviest = max(heaviest, total)
        assert total <= BUDGET, f"{page.relative_to(out)} weighs {total} bytes gzip-compressed"
        # No request may leave the site: every script and stylesheet is relative.
        assert not re.search(rb'(?:href|src)="(?:https?:)?//', html.split(b"<main")[0])
    print(f"heaviest lesson page: {heaviest} bytes")


def test_a_lessons_first_visit_with_the_offline_worker_fits_60_kb(tmp_path):
    """A learner's first visit to a lesson: the page, its CSS and scripts, then the offline
    worker and everything it caches at once, gzip-compressed, within 60 KB (bench/page_weight.py
    prints this for every kind of page)."""
    import sys
    sys.path.insert(0, str(REPO / "bench"))
    from page_weight import first_visit, shell
    out = tmp_path / "site"
    subprocess.run([LATIH, "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"),
                    "--output", str(out)], check=True, capture_output=True)
    cached = {p.relative_to(out).as_posix() for p in shell(out)}
    # What only some visitors use is cached when first opened, not on every first visit.
    assert not any("latih-search" in p or "latih-verify" in p or "latih-lms" in p or "latih-report" in p for p in cached), cached
    assert {"index.html", "kemajuan/index.html", "404.html"} <= cached
    for lesson in ["courses/spbe/apa-itu-spbe/index.html", "courses/analisis-data/tabel-pivot/index.html"]:
        total = sum(first_visit(out, lesson).values())
        assert total <= 60 * 1024, f"{lesson}: {total} bytes on a first visit"
