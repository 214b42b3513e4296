"""`latih new`: what it writes passes `latih check --strict` as it stands, lessons are
numbered after the last one, and bad input is refused with exit code 2."""

import os
import pathlib
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))


def latih(*args, cwd):
    return subprocess.run([LATIH, *args], capture_output=True, text=True, cwd=cwd, env=dict(os.environ, NO_COLOR="1"))


def test_new_site_course_and_lessons_pass_check(tmp_path):
    r = latih("new", "site", "katalog", "--title", "Katalog Uji", "--theme", str(REPO / "templates"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    site = tmp_path / "katalog"
    assert (site / "templates" / "layout.mustache").is_file()
    assert (site / "content" / "courses" / "kursus-pertama" / "01-pengantar.md").is_file()
    assert "title: Katalog Uji" in (site / "content" / "site.conf").read_text()
    check = latih("check", "--strict", cwd=site)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("No problems")

    assert latih("new", "course", "literasi-data", "--title", "Literasi Data", cwd=site).returncode == 0
    for slug in ("membaca-tabel", "membuat-grafik"):
        assert latih("new", "lesson", "literasi-data", slug, cwd=site).returncode == 0
    names = sorted(p.name for p in (site / "content" / "courses" / "literasi-data").glob("*.md"))
    assert names == ["01-pengantar.md", "02-membaca-tabel.md", "03-membuat-grafik.md", "course.md"]
    assert "title: Membuat Grafik" in (site / "content" / "courses" / "literasi-data" / "03-membuat-grafik.md").read_text()
    check = latih("check", "--strict", cwd=site)
    assert check.returncode == 0, check.stderr
    build = latih("build", cwd=site)
    assert build.returncode == 0, build.stderr
    assert (site / "site" / "courses" / "literasi-data" / "membuat-grafik" / "index.html").is_file()


def test_default_theme_is_found_beside_the_executable(tmp_path):
    r = latih("new", "site", "katalog", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "katalog" / "templates" / "search.mustache").is_file()


def test_bad_input_is_refused(tmp_path):
    assert latih("new", "site", "k", "--theme", str(REPO / "templates"), cwd=tmp_path).returncode == 0
    site = tmp_path / "k"
    bad = latih("new", "course", "Bukan_Slug", cwd=site)
    assert bad.returncode == 2 and "`Bukan_Slug` is not a valid course slug" in bad.stderr
    again = latih("new", "course", "kursus-pertama", cwd=site)
    assert again.returncode == 2 and "already exists" in again.stderr
    twice = latih("new", "lesson", "kursus-pertama", "pengantar", cwd=site)
    assert twice.returncode == 2 and "already has a lesson `pengantar`" in twice.stderr
    missing = latih("new", "lesson", "tidak-ada", "x", cwd=site)
    assert missing.returncode == 2 and "no course folder" in missing.stderr
    over = latih("new", "site", "k", "--theme", str(REPO / "templates"), cwd=tmp_path)
    assert over.returncode == 2 and "already has content/" in over.stderr
