"""Offline use: after "Simpan untuk dibaca luring" on a course page, every lesson of that
course opens with the network cut (Chromium's network emulation) and the server gone."""

import shutil
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LATIH, REPO, _serve


def _build(content, out):
    subprocess.run([LATIH, "build", "--content", str(content), "--templates", str(REPO / "templates"),
                    "--output", str(out)], check=True, capture_output=True)


def _open_under_worker(browser, url):
    """Opens `url`, then reloads it once the service worker controls the page (it claims
    clients on activation)."""
    browser.get(url)
    browser.execute_async_script("const done = arguments[0]; navigator.serviceWorker.ready.then(() => done(true));")
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))


def test_saved_course_opens_offline(fresh_browser, tmp_path):
    out = tmp_path / "site"
    _build(REPO / "content", out)
    server = _serve(out)
    base = f"http://127.0.0.1:{server.server_port}/"
    b = fresh_browser
    try:
        _open_under_worker(b, base + "courses/keamanan-siber/index.html")
        manifest = b.execute_script("return document.querySelector('link[rel=manifest]').href")
        assert manifest.endswith("/manifest.webmanifest")

        save = b.find_element(By.CSS_SELECTOR, ".offline-save button")
        assert save.text == "Simpan untuk dibaca luring"
        save.click()
        status = b.find_element(By.CSS_SELECTOR, ".offline-save [role=status]")
        WebDriverWait(b, 20).until(lambda d: status.text.startswith("Kursus ini tersimpan"))
        lessons = [(a.get_attribute("href"), a.text) for a in b.find_elements(By.CSS_SELECTOR, ".syllabus li[data-lesson] a")]
        assert len(lessons) == 5
    finally:
        server.shutdown()
        server.server_close()

    # No server, and no network either.
    b.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    for href, title in lessons:
        b.get(href)
        assert b.find_element(By.TAG_NAME, "h1").text == title
        # The stylesheet came from the cache too.
        assert b.find_element(By.CSS_SELECTOR, ".site-header").value_of_css_property("background-color") == "rgba(13, 43, 74, 1)"
    # A saved lesson's quiz still works offline.
    b.get(lessons[1][0])
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert b.find_element(By.CSS_SELECTOR, ".quiz-status").text.startswith("Skor Anda")


def _cached_search_files(browser):
    """Paths of the search index files in the service worker's page cache."""
    return browser.execute_async_script("""
        const done = arguments[0];
        caches.open("latih-halaman").then((c) => c.keys()).then((rs) =>
          done(rs.map((r) => new URL(r.url).pathname).filter((p) => p.startsWith("/search/") && !p.endsWith(".html"))));
    """)


def _search_status(browser, query, base):
    browser.get(base + "search/index.html?q=" + query)
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text.strip()
                                     and d.execute_script("return !document.getElementById('search').hasAttribute('aria-busy')"))
    return browser.find_element(By.ID, "search-status").text


def test_search_offline_answers_words_searched_before_and_the_cache_keeps_one_build(fresh_browser, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    out = tmp_path / "site"
    _build(content, out)
    # A host whose pages browsers may keep for ten minutes: the worker must still see
    # the rebuilt search page, not the browser's copy from before the build.
    server = _serve(out, caching=True)
    base = f"http://127.0.0.1:{server.server_port}/"
    b = fresh_browser
    try:
        _open_under_worker(b, base + "search/index.html")
        assert _search_status(b, "keamanan", base)[0].isdigit()
        first = b.find_elements(By.CSS_SELECTOR, "#search-results .result-title a")[0].text
        WebDriverWait(b, 10).until(lambda d: any("/terms/" in p for p in _cached_search_files(d)))
        old = {p.rsplit(".", 2)[1] for p in _cached_search_files(b) if "/terms/" in p}
        assert len(old) == 1

        # The catalogue changes: every shard and document file gets a new name.
        lesson = content / "courses" / "keamanan-siber" / "01-keamanan-akun" / "01-kata-sandi-dan-verifikasi.md"
        lesson.write_text(lesson.read_text(encoding="utf-8") + "\nSatu kalimat baru tentang keamanan.\n", encoding="utf-8")
        _build(content, out)
        assert _search_status(b, "keamanan", base)[0].isdigit()

        def one_build(d):
            files = _cached_search_files(d)
            hashes = {p.rsplit(".", 2)[1] for p in files if "/terms/" in p or "/docs/" in p}
            catalogues = [p for p in files if p.startswith("/search/index.")]
            return len(hashes) == 1 and not hashes & old and len(catalogues) == 1
        WebDriverWait(b, 10).until(one_build, message=str(_cached_search_files(b)))
    finally:
        server.shutdown()
        server.server_close()

    b.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    # A word searched before: its shards are in the cache.
    assert _search_status(b, "keamanan", base)[0].isdigit()
    assert b.find_elements(By.CSS_SELECTOR, "#search-results .result-title a")[0].text == first
    # A word never searched, in another shard ("pivot", not "keamanan" or its stem "aman"):
    # the page says why there are no results, and offers the catalogue.
    status = _search_status(b, "pivot", base)
    assert status.startswith("Anda sedang luring")
    assert not b.find_elements(By.CSS_SELECTOR, "#search-results .result")
    assert b.find_element(By.ID, "search-catalogue").is_displayed()
    assert b.find_elements(By.CSS_SELECTOR, "#search-catalogue li a")


def _cached_text(browser, path):
    """The text the worker's page cache holds for `path`, or None."""
    return browser.execute_async_script("""
        const [path, done] = arguments;
        caches.open("latih-halaman").then((c) => c.match(new URL(path, location.href).href))
          .then((r) => r ? r.text() : null).then(done);
    """, path)


def test_an_authors_changed_image_replaces_the_offline_copy_on_the_next_visit(fresh_browser, tmp_path):
    """An author's image keeps its name when it changes (only the theme's assets and the logo
    carry a hash): the worker answers with its copy, then fetches the new one for the next visit."""
    out = tmp_path / "site"
    _build(REPO / "content", out)
    server = _serve(out, caching=True)
    base = f"http://127.0.0.1:{server.server_port}/"
    image = "courses/literasi-digital/empat-pilar.svg"
    b = fresh_browser
    try:
        _open_under_worker(b, base + "courses/literasi-digital/empat-pilar/index.html")
        assert b.find_element(By.CSS_SELECTOR, f".prose img[src$='empat-pilar.svg']")
        old = (out / image).read_text(encoding="utf-8")
        WebDriverWait(b, 10).until(lambda d: _cached_text(d, "../empat-pilar.svg") == old)

        new = old.replace("</svg>", "<!-- diperbarui --></svg>")
        assert new != old
        (out / image).write_text(new, encoding="utf-8")
        # The next visit asks the worker for the image (through fetch, which Chromium's
        # in-memory image cache does not answer): the cached copy comes back at once.
        assert b.execute_async_script("""
            const done = arguments[0];
            fetch("../empat-pilar.svg").then((r) => r.text()).then(done, () => done(null));
        """) == old
        WebDriverWait(b, 10).until(lambda d: _cached_text(d, "../empat-pilar.svg") == new,
                                   message="the worker kept the old image")
        # The copy now answers for the page, offline too.
        b.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        fetched = b.execute_async_script("""
            const done = arguments[0];
            fetch("../empat-pilar.svg").then((r) => r.text()).then(done, () => done(null));
        """)
        assert fetched == new
    finally:
        server.shutdown()
        server.server_close()
