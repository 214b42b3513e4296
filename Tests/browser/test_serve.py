"""`latih serve` in a real browser: edits reload open pages by themselves, broken front
matter shows its diagnostics in the page, fixing it recovers, and editors that save by
renaming, deleting and adding files all work."""

import os
import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LATIH, REPO

LESSON = "courses/spbe/01-apa-itu-spbe.md"
LESSON_URL = "courses/spbe/apa-itu-spbe/index.html"


@pytest.fixture()
def served(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen([LATIH, "serve", "--content", str(content), "--templates", str(REPO / "templates"), "--port", "0"],
                            stdout=log, stderr=subprocess.STDOUT)
    url = None
    deadline = time.time() + 60
    while time.time() < deadline and url is None:
        time.sleep(0.1)
        text = (tmp_path / "serve.log").read_text()
        m = re.search(r"Serving (http://127\.0\.0\.1:\d+/)", text)
        url = m.group(1) if m else None
        assert proc.poll() is None, text
    assert url, (tmp_path / "serve.log").read_text()
    yield {"url": url, "content": content, "log": tmp_path / "serve.log"}
    proc.terminate()
    proc.wait(10)


def main_text(browser):
    """The text of the page's <main>, read in one script: the page swaps in a new <main>
    as it reloads, and a <main> found first and read after can be gone from the document
    (Chromium then answers "Node with given id does not belong to the document")."""
    return browser.execute_script("const m = document.querySelector('main'); return m ? m.innerText : ''")


def text_of(browser, selector):
    """An element's text, found and read in one script (see `main_text`)."""
    return browser.execute_script("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", selector)


def wait_for(browser, predicate, timeout=15):
    # Pages reload under the test's feet: elements go stale between finding and reading.
    WebDriverWait(browser, timeout, poll_frequency=0.05,
                  ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(lambda b: predicate(b))


def test_an_edit_updates_the_open_page_in_place(served, fresh_browser):
    b = fresh_browser
    b.get(served["url"] + LESSON_URL)
    b.execute_script("window.__sameDocument = true")
    path = served["content"] / LESSON
    path.write_text(path.read_text(encoding="utf-8") + "\nKalimat baru dari uji muat ulang otomatis.\n", encoding="utf-8")
    wait_for(b, lambda b: "Kalimat baru dari uji muat ulang otomatis." in main_text(b))
    # Swapped in without a reload, and the quiz on the new content still works.
    assert b.execute_script("return window.__sameDocument") is True
    assert b.find_element(By.TAG_NAME, "html").get_attribute("data-latih-updated")
    quiz = b.find_element(By.CSS_SELECTOR, "section.quiz")
    quiz.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    wait_for(b, lambda b: text_of(b, "section.quiz .quiz-status").strip())
    assert "updated" in served["log"].read_text()


def test_broken_front_matter_shows_in_the_browser_and_recovers(served, fresh_browser):
    b = fresh_browser
    b.get(served["url"] + LESSON_URL)
    path = served["content"] / LESSON
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("\ntitle: ", "\ntitel: ", 1), encoding="utf-8")
    wait_for(b, lambda b: b.find_elements(By.ID, "latih-build-errors"))
    box = b.find_element(By.ID, "latih-build-errors")
    assert box.get_attribute("role") == "alert"
    assert f"content/{LESSON}:2:1: error: unknown key `titel`; did you mean `title`?" in box.text.replace(str(served["content"]), "content")
    assert "titel: Apa Itu SPBE?" in box.text and "^" in box.text
    # The last good page is still what is served.
    assert b.find_element(By.TAG_NAME, "h1").text == "Apa Itu SPBE?"
    with urllib.request.urlopen(served["url"] + LESSON_URL) as r:
        assert "Apa Itu SPBE?" in r.read().decode()
    assert "build failed" in served["log"].read_text()
    # A page opened while the build is broken shows the errors too.
    b.get(served["url"] + "index.html")
    wait_for(b, lambda b: b.find_elements(By.ID, "latih-build-errors"))
    b.get(served["url"] + LESSON_URL)
    wait_for(b, lambda b: b.find_elements(By.ID, "latih-build-errors"))
    path.write_text(good.replace("Apa Itu SPBE?", "Apa Itu SPBE? (diperbaiki)", 1), encoding="utf-8")
    wait_for(b, lambda b: not b.find_elements(By.ID, "latih-build-errors")
             and b.find_element(By.TAG_NAME, "h1").text == "Apa Itu SPBE? (diperbaiki)")


def test_rename_saves_rapid_saves_new_and_deleted_files(served, fresh_browser):
    b = fresh_browser
    b.get(served["url"] + LESSON_URL)
    path = served["content"] / LESSON
    text = path.read_text(encoding="utf-8")
    # vim: write a temporary file, move the original aside, rename the new one into place.
    tmp = path.with_name("4913")
    tmp.write_text("x")
    tmp.unlink()
    new = path.with_name(path.name + ".new")
    new.write_text(text + "\nDisimpan dengan cara ganti nama.\n", encoding="utf-8")
    os.rename(path, path.with_name(path.name + "~"))
    os.rename(new, path)
    path.with_name(path.name + "~").unlink()
    wait_for(b, lambda b: "Disimpan dengan cara ganti nama." in main_text(b))
    # Five saves in quick succession are coalesced.
    before = served["log"].read_text().count("updated")
    for i in range(5):
        path.write_text(text + f"\nSimpanan cepat {i}.\n", encoding="utf-8")
        time.sleep(0.005)
    wait_for(b, lambda b: "Simpanan cepat 4." in main_text(b))
    time.sleep(0.5)
    assert served["log"].read_text().count("updated") - before < 5
    # A new lesson appears in its course; a deleted one disappears.
    extra = served["content"] / "courses" / "spbe" / "05-pelajaran-baru.md"
    extra.write_text("---\ntitle: Pelajaran Baru\nsummary: Ditambahkan saat serve berjalan.\n---\n\nIsi.\n", encoding="utf-8")
    b.get(served["url"] + "courses/spbe/index.html")
    wait_for(b, lambda b: "Pelajaran Baru" in main_text(b))
    extra.unlink()
    wait_for(b, lambda b: "Pelajaran Baru" not in main_text(b))
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(served["url"] + "courses/spbe/pelajaran-baru/index.html")
    assert gone.value.code == 404


def test_template_edit_rebuilds_everything(served, fresh_browser, tmp_path):
    b = fresh_browser
    b.get(served["url"] + "index.html")
    path = served["content"] / "site.conf"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Latih Jakarta", "title: Latih Jakarta Uji"), encoding="utf-8")
    wait_for(b, lambda b: text_of(b, ".brand").strip() == "Latih Jakarta Uji")
    assert "rebuilt everything" in served["log"].read_text()


def test_a_first_build_that_fails_shows_its_errors_and_recovers(tmp_path, fresh_browser):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    lesson = content / LESSON
    good = lesson.read_text(encoding="utf-8")
    lesson.write_text(good.replace("\ntitle: ", "\ntitel: ", 1), encoding="utf-8")
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen([LATIH, "serve", "--content", str(content), "--templates", str(REPO / "templates"), "--port", "0"],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        url = None
        deadline = time.time() + 60
        while time.time() < deadline and url is None:
            time.sleep(0.1)
            m = re.search(r"Serving (http://127\.0\.0\.1:\d+/)", (tmp_path / "serve.log").read_text())
            url = m.group(1) if m else None
        assert url
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(url + LESSON_URL)
        assert failed.value.code == 503
        assert "unknown key `titel`" in failed.value.read().decode()
        b = fresh_browser
        b.get(url + LESSON_URL)
        assert "the build failed" in b.find_element(By.TAG_NAME, "h1").text
        lesson.write_text(good, encoding="utf-8")
        wait_for(b, lambda b: text_of(b, "h1").strip() == "Apa Itu SPBE?")
    finally:
        proc.terminate()
        proc.wait(10)


def test_hashed_files_are_cached_and_there_is_no_service_worker(served):
    page = urllib.request.urlopen(served["url"] + LESSON_URL)
    assert page.headers["Cache-Control"] == "no-store"
    css = re.search(r'href="((?:\.\./)*assets/latih\.[0-9a-f]{8}\.css)"', page.read().decode()).group(1)
    asset = urllib.request.urlopen(urllib.parse.urljoin(served["url"] + LESSON_URL, css))
    assert asset.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    with pytest.raises(urllib.error.HTTPError) as worker:
        urllib.request.urlopen(served["url"] + "sw.js")
    assert worker.value.code == 404


def test_the_reload_snippet_is_only_in_serve_mode(www):
    page = (www / "sub" / "site" / "index.html").read_text(encoding="utf-8")
    assert "_latih" not in page
