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
