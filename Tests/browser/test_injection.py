"""No script from content: hostile payloads in front matter, site.conf, Markdown, quiz
text, GIFT, file names and URL parameters must never run in a learner's browser.

Each payload tries to set `window.__pwned` and carries a `data-pwn` attribute, so the
test can tell both "script ran" and "markup got through". The site is checked three
ways: as built (Content-Security-Policy on), with the CSP removed from the theme (so
escaping alone must hold), and with `raw-html: ya` (where the CSP must hold)."""

import shutil
import subprocess
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LATIH, REPO, _serve

JS = "window.__pwned=1"
PAYLOADS = [
    f'<script data-pwn>{JS}</script>',
    f'<img data-pwn src=x onerror="{JS}">',
    f'"><svg data-pwn onload="{JS}">',
    f"'><body data-pwn onload={JS}>",
    f'<iframe data-pwn srcdoc="<script>{JS}</script>"></iframe>',
    f'</title><script data-pwn>{JS}</script>',
    f'{{{{{{bodyEnd}}}}}}<b data-pwn>',
    f'<a data-pwn href="javascript:{JS}">x</a>',
]
LINKS = [
    f"[klik](javascript:{JS})",
    f"[klik](JaVaScRiPt:{JS})",
    f"[klik](<java\tscript:{JS}>)",
    f"[klik](vbscript:msgbox(1))",
    f"[klik](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    f"![gambar](javascript:{JS})",
    f"<javascript:{JS}>",
    f"[ref][r]\n\n[r]: javascript:{JS}",
]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def hostile_content(root, raw_html):
    p = PAYLOADS
    write(root / "site.conf", f"title: Uji {p[0]}\ndescription: {p[1]}\norganisation: {p[2]}\nraw-html: {'ya' if raw_html else 'tidak'}\n")
    write(root / "courses" / "a" / "course.md",
          f"---\ntitle: Kursus {p[3]}\nsummary: {p[4]}\nlevel: dasar\ncategory: {p[5]}\ntags: {p[6]}, aman\n"
          f"competencies: {p[7]}\nauthors: {p[1]}\n---\n\n{p[0]}\n\n" + "\n\n".join(LINKS) + "\n")
    body = "\n\n".join(PAYLOADS) + "\n\n" + "\n\n".join(LINKS) + "\n\n"
    body += f"`{p[0]}` dan *{p[1]}*\n\n```html\n{p[0]}\n```\n\n| a | b |\n|---|---|\n| {p[1]} | {p[2]} |\n\n"
    body += "![gambar](gambar'&(1).svg)\n\n"
    body += (f"```quiz\ntitle: {p[0]}\n\n? Soal {p[1]}\n(x) {p[2]}\n    > {p[3]}\n( ) {p[4]}\n! {p[5]}\n\n"
             f"? Isian\n= {p[6]} | {p[7]}\n\n? Urutan\n1. {p[0]}\n2. {p[1]}\n\n? Pasangan\n- {p[2]} -> {p[3]}\n- {p[4]} -> {p[5]}\n```\n\n")
    body += f"```gift\n::{p[0]}:: Soal GIFT {p[1]} {{ ={p[2]} # {p[3]} ~{p[4]} #### {p[5]} }}\n\nIsian {{={p[6]} =dua}}\n```\n"
    write(root / "courses" / "a" / "01-pelajaran.md", f"---\ntitle: Pelajaran {p[2]}\nsummary: {p[3]}\n---\n\n{body}")
    write(root / "courses" / "a" / "02-kedua.md", f"# Judul {p[4]}\n\nIsi {p[5]}.\n")
    (root / "courses" / "a" / "gambar'&(1).svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    write(root / "paths" / "jalur.md", f"---\ntitle: Jalur {p[6]}\nsummary: {p[7]}\ncourses: a\ncompetencies: {p[0]}\n---\n\n{p[1]}\n")
    write(root / "pages" / "tentang.md", f"---\ntitle: Tentang {p[2]}\nsummary: {p[3]}\n---\n\n{body}")
    (root / "pages" / "gambar'&(1).svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')


def build_site(tmp_path, raw_html=False, strip_csp=False):
    content = tmp_path / "content"
    hostile_content(content, raw_html)
    templates = REPO / "templates"
    if strip_csp:
        templates = tmp_path / "templates"
        shutil.copytree(REPO / "templates", templates)
        layout = templates / "layout.mustache"
        text = layout.read_text(encoding="utf-8")
        start = text.index('<meta http-equiv="Content-Security-Policy"')
        layout.write_text(text[:start] + text[text.index(">", start) + 1:], encoding="utf-8")
    out = tmp_path / "site"
    result = subprocess.run([LATIH, "build", "--content", str(content), "--templates", str(templates), "--output", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


PAGES = ["index.html", "courses/a/index.html", "courses/a/pelajaran/index.html", "courses/a/kedua/index.html",
         "paths/index.html", "paths/jalur/index.html", "tentang/index.html", "404.html"]


def assert_clean(browser, markup_must_be_escaped=True):
    assert browser.execute_script("return window.__pwned") is None, browser.current_url
    if markup_must_be_escaped:
        injected = browser.execute_script("return [...document.querySelectorAll('[data-pwn]')].map(e => e.outerHTML)")
        assert injected == [], (browser.current_url, injected)
        bad = browser.execute_script(
            "return [...document.querySelectorAll('a[href], img[src]')].map(e => e.getAttribute('href') || e.getAttribute('src'))"
            ".filter(u => /^\\s*(javascript|vbscript|data):/i.test(u))")
        assert bad == [], bad


def exercise(browser, base, markup_must_be_escaped=True):
    count = 0
    for page in PAGES:
        browser.get(base + page)
        assert_clean(browser, markup_must_be_escaped)
        for quiz in browser.find_elements(By.CSS_SELECTOR, "section.quiz"):
            for field in quiz.find_elements(By.CSS_SELECTOR, "input[type=text]"):
                field.send_keys(PAYLOADS[1])
            check = quiz.find_element(By.CSS_SELECTOR, ".quiz-check")
            if check.is_displayed():
                check.click()
            assert_clean(browser, markup_must_be_escaped)
            count += 1
        for a in browser.find_elements(By.CSS_SELECTOR, ".prose a"):
            href = a.get_attribute("href") or ""
            if markup_must_be_escaped:
                assert not href.lower().startswith(("javascript:", "vbscript:", "data:")), href
            elif href.lower().startswith("javascript:"):
                # Raw HTML the publisher let through: following the link must still run nothing.
                browser.execute_script("arguments[0].scrollIntoView()", a)
                a.click()
                assert_clean(browser, markup_must_be_escaped)
    # Search results show hostile titles, breadcrumbs and excerpts; the query and the
    # facet values in the URL are hostile too.
    for q in ("pelajaran", "kursus", "isi", "tentang", "judul", "jalur", quote(PAYLOADS[1]), quote(PAYLOADS[0])):
        browser.get(base + "search/index.html?q=" + q + "&category=" + quote(PAYLOADS[2]) + "&tag=aman")
        browser.execute_script("return window.latihSearchReady")
        assert_clean(browser, markup_must_be_escaped)
        browser.get(base + "search/index.html?q=" + q)
        WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text)
        assert_clean(browser, markup_must_be_escaped)
    browser.get(base + "search/index.html?q=pelajaran")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .result"))
    # The hostile title is shown as text, not parsed.
    assert PAYLOADS[2] in browser.find_element(By.ID, "search-results").text
    # Hostile filter values in the catalogue's URL.
    for param in ("kategori", "tingkat"):
        browser.get(base + "index.html?" + param + "=" + quote(PAYLOADS[1]))
        assert_clean(browser, markup_must_be_escaped)
    return count


def test_payload_count():
    # 8 markup payloads in 25+ places, plus 8 dangerous link forms.
    assert len(PAYLOADS) + len(LINKS) >= 16


def test_no_script_runs_with_the_default_theme(tmp_path, fresh_browser):
    out = build_site(tmp_path)
    server = _serve(out)
    try:
        quizzes = exercise(fresh_browser, f"http://127.0.0.1:{server.server_port}/")
        assert quizzes == 4  # two on the lesson, two on the page: all were answered
    finally:
        server.shutdown()


def test_escaping_alone_holds_without_the_csp(tmp_path, fresh_browser):
    out = build_site(tmp_path, strip_csp=True)
    html = (out / "courses" / "a" / "pelajaran" / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" not in html
    server = _serve(out)
    try:
        exercise(fresh_browser, f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()


def test_raw_html_opt_in_still_runs_no_script(tmp_path, fresh_browser):
    out = build_site(tmp_path, raw_html=True)
    html = (out / "courses" / "a" / "pelajaran" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script" in html or "<!-- raw HTML omitted -->" not in html  # raw HTML is on
    assert "<script data-pwn>" not in html  # tagfilter disarms <script> even when raw HTML is on
    server = _serve(out)
    try:
        exercise(fresh_browser, f"http://127.0.0.1:{server.server_port}/", markup_must_be_escaped=False)
    finally:
        server.shutdown()
