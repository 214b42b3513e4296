"""`latih check`: everything build checks, plus files no page uses, without writing,
with compiler-style or JSON output and exit codes that CI can rely on."""

import json
import os
import pathlib
import shutil
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))


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
    assert result.stdout.startswith("No problems in 49 pages")
    assert not (pathlib.Path.cwd() / "site.tmp").exists()


def test_warnings_pass_unless_strict(tmp_path):
    content = site_with_warnings(tmp_path)
    result = check(content)
    assert result.returncode == 0
    assert f"{content}/courses/a/01-x.md:5:1: warning: image has no alt text" in result.stderr
    assert f"{content}/courses/a/lupa.pdf: warning: file is not used by any page" in result.stderr
    assert "gambar.svg: warning" not in result.stderr
    assert result.stdout.strip() == "2 warnings in 9 pages"
    assert check(content, "--strict").returncode == 1
    assert not (tmp_path / "site").exists()


def test_json_format_for_editors_and_ci(tmp_path):
    content = site_with_warnings(tmp_path)
    (content / "courses" / "a" / "02-y.md").write_text("---\ntitel: Y\nsummary: a\nsummary: b\n---\n")
    result = check(content, "--format", "json")
    assert result.returncode == 1
    items = json.loads(result.stdout)
    lesson = f"{content}/courses/a/02-y.md"
    assert {"code": "front-matter.unknown-key", "severity": "error", "path": lesson, "line": 2, "column": 1,
            "message": "unknown key `titel`; did you mean `title`?", "suggestion": "title",
            "hint": "the keys a lesson accepts are: title, summary, duration, draft, updated, tags"} in items
    # A duplicate carries a note at the first definition, with the content folder's path.
    duplicate = next(i for i in items if i["code"] == "front-matter.duplicate-key")
    assert (duplicate["line"], duplicate["notes"]) == (4, [{"path": lesson, "line": 3, "column": 1, "message": "`summary` is set here"}])
    assert sorted(i["code"] for i in items if i["severity"] == "warning") == ["content.unused-file", "markdown.image-without-alt"]
    # The text form ends each headline with the code, and shows the note.
    text = check(content).stderr
    assert f"{lesson}:2:1: error: unknown key `titel`; did you mean `title`? [front-matter.unknown-key]" in text
    assert f"    note: {lesson}:3:1: `summary` is set here" in text


class _Links(__import__("http.server").server.BaseHTTPRequestHandler):
    """A loopback web with every answer a link checker meets."""
    hits = []

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.answer(body=False)

    def do_GET(self):
        self.answer(body=True)

    def answer(self, body):
        import time
        _Links.hits.append((self.command, self.path))
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/hilang":
            self.send_response(404)
        elif self.path == "/pindah":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/lambat":
            time.sleep(3)
            self.send_response(200)
        elif self.path == "/tanpa-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/tanpa-head":
            self.send_response(200)
        else:
            self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_external_links_against_a_loopback_server(tmp_path):
    import http.server
    import threading
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Links)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        content = tmp_path / "content"
        (content / "courses" / "a").mkdir(parents=True)
        (content / "site.conf").write_text("title: Uji\n")
        (content / "courses" / "a" / "course.md").write_text(
            f"---\ntitle: A\nsummary: S\nlevel: dasar\n---\n\nLihat [laman yang sama]({base}/ok).\n")
        (content / "courses" / "a" / "01-x.md").write_text(
            f"---\ntitle: X\n---\n\n[baik]({base}/ok) dan [hilang]({base}/hilang).\n\n"
            f"[pindah]({base}/pindah)\n\n[lambat]({base}/lambat)\n\n[tanpa HEAD]({base}/tanpa-head)\n\n[galat]({base}/galat)\n")
        _Links.hits.clear()
        result = check(content, "--external", "--timeout", "1")
        out = result.stderr
        lesson = str(content / "courses" / "a" / "01-x.md")
        assert f"{lesson}:5:39: error: external link is broken: {base}/hilang answered 404 Not Found" in out, out
        assert f"{lesson}:7:1: warning: external link has moved permanently to {base}/ok" in out, out
        assert f"{lesson}:9:1: warning: external link did not answer within 1 s: {base}/lambat" in out, out
        assert f"{lesson}:13:1: warning: external link answered 500" in out, out
        assert "tanpa-head" not in out, "a server that refuses HEAD is asked with GET"
        assert result.returncode == 1
        # Each URL is asked once, however many pages link to it.
        assert sum(1 for m, p in _Links.hits if p == "/ok") <= 2  # once directly, once after the redirect
        assert ("GET", "/tanpa-head") in _Links.hits
        # Without --external nothing leaves the machine.
        _Links.hits.clear()
        assert check(content).returncode == 0
        assert _Links.hits == []
    finally:
        server.shutdown()


def test_build_without_search_and_with_timings(tmp_path):
    out = tmp_path / "site"
    result = subprocess.run([LATIH, "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"),
                             "--output", str(out), "--no-search", "--timings"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # No index, and a search page that lists the catalogue without pointing at one.
    assert not (out / "search" / "terms").exists() and not list((out / "search").glob("index.*.json"))
    assert 'data-index=""' in (out / "search" / "index.html").read_text(encoding="utf-8")
    phases = [line.split("ms", 1)[1].strip() for line in result.stderr.splitlines() if " ms " in line]
    assert phases[:2] == [f"reading {REPO / 'content'}/", "rendering Markdown"], result.stderr
    assert "indexing for search" not in phases and phases[-1] == "total"
    with_index = subprocess.run([LATIH, "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"),
                                 "--output", str(tmp_path / "site2"), "--timings"], capture_output=True, text=True)
    assert "indexing for search" in with_index.stderr


def test_lms_reports_what_packaging_would_refuse_or_warn_about(tmp_path):
    fixture = REPO / "Tests" / "LatihLMSTests" / "Fixtures" / "lms" / "content"
    assert check(fixture).returncode == 0
    assert "out of the course" not in check(fixture).stderr
    result = check(fixture, "--lms", "--format", "json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [(d["severity"], d["path"].rsplit("/content/", 1)[1], d["line"], d["column"]) for d in found] == [
        ("warning", "courses/dasar-lms/03-penutup.md", 6, 21)]
    assert found[0]["message"] == "link leads out of the course `dasar-lms`, to a page its LMS package does not hold"
    assert check(fixture, "--lms", "--strict").returncode == 1
    # A title longer than an LMS keeps is an error, at the title.
    content = tmp_path / "content"
    shutil.copytree(fixture, content)
    lesson = content / "courses" / "dasar-lms" / "03-penutup.md"
    lesson.write_text(lesson.read_text().replace("title: Penutup", "title: " + "Penutup yang panjang " * 11))
    result = check(content, "--lms")
    assert result.returncode == 1
    assert f"{lesson}:2:8: error: lesson title is 230 characters, longer than an LMS keeps (200)" in result.stderr
