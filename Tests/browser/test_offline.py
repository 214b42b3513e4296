"""Offline use: after "Simpan untuk offline" on a course page, every lesson of that
course opens with the network cut (Chromium's network emulation) and the server gone."""

import shutil
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LATIH, REPO, _serve


def test_saved_course_opens_offline(fresh_browser, tmp_path):
    out = tmp_path / "site"
    subprocess.run([LATIH, "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"),
                    "--output", str(out)], check=True, capture_output=True)
    server = _serve(out)
    base = f"http://127.0.0.1:{server.server_port}/"
    b = fresh_browser
    try:
        b.get(base + "courses/keamanan-siber/index.html")
        # Wait until the service worker controls the page (it claims clients on activation).
        b.execute_async_script("const done = arguments[0]; navigator.serviceWorker.ready.then(() => done(true));")
        b.refresh()
        WebDriverWait(b, 10).until(lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))
        manifest = b.execute_script("return document.querySelector('link[rel=manifest]').href")
        assert manifest.endswith("/manifest.webmanifest")

        save = b.find_element(By.CSS_SELECTOR, ".offline-save button")
        assert save.text == "Simpan untuk offline"
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
