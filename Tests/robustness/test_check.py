"""`latih check`: everything build checks, plus files no page uses, without writing,
with compiler-style or JSON output and exit codes that CI can rely on."""

import json
import os
import pathlib
import shutil
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih"))


def check(content, *args):
    return subprocess.run([LATIH, "check", "--content", str(content), "--templates", str(REPO / "templates"), *args],
                          capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))


def site_with_warnings(tmp_path):
    content = tmp_path / "content"
    (content / "courses" / "a").mkdir(parents=True)
    (content / "site.conf").write_text("title: Uji\n")
    (content / "courses" / "a" / "course.md").write_text("---\ntitle: A\nsummary: S\nlevel: dasar\n---\n")
    (content / "courses" / "a" / "01-x.md").write_text("---\ntitle: X\n---\n\n![](gambar.svg)\n")
    (content / "courses" / "a" / "gambar.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (content / "courses" / "a" / "lupa.pdf").write_bytes(b"%PDF-1.4")
    return content


def test_sample_catalogue_is_clean_and_nothing_is_written(tmp_path):
    result = check(REPO / "content")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No problems in 48 pages")
    assert not (pathlib.Path.cwd() / "site.tmp").exists()


def test_warnings_pass_unless_strict(tmp_path):
    content = site_with_warnings(tmp_path)
    result = check(content)
    assert result.returncode == 0
    assert f"{content}/courses/a/01-x.md:5:1: warning: image has no alt text" in result.stderr
    assert f"{content}/courses/a/lupa.pdf: warning: file is not used by any page" in result.stderr
    assert "gambar.svg: warning" not in result.stderr
    assert result.stdout.strip() == "2 warnings in 8 pages"
    assert check(content, "--strict").returncode == 1
    assert not (tmp_path / "site").exists()


def test_json_format_for_editors_and_ci(tmp_path):
    content = site_with_warnings(tmp_path)
    (content / "courses" / "a" / "02-y.md").write_text("---\ntitel: Y\n---\n")
    result = check(content, "--format", "json")
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert {"severity": "error", "path": f"{content}/courses/a/02-y.md", "line": 2, "column": 1,
            "message": "unknown key `titel`; did you mean `title`?",
            "hint": "the keys a lesson accepts are: title, summary, duration, draft, updated, tags"} in items
    assert sum(1 for i in items if i["severity"] == "warning") == 2
