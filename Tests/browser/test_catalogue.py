"""What a learner sees: the catalogue, a course, its lessons, in a real browser,
served over HTTP at the root, under a sub-path, and opened from disk."""

from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

MODES = ["http-root", "http-subpath", "file"]


def h1(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def click_link(browser, text):
    before = browser.current_url
    browser.find_element(By.LINK_TEXT, text).click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url != before)


@pytest.mark.parametrize("mode", MODES)
def test_catalogue_to_course_to_lesson_to_next_lesson(browser, servers, mode):
    base = servers[mode]
    browser.get(base if mode != "file" else base + "index.html")
    assert h1(browser) == "Latih Jakarta"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
    # The stylesheet loaded: the header has the theme's dark background.
    header = browser.find_element(By.CSS_SELECTOR, ".site-header")
    assert header.value_of_css_property("background-color") == "rgba(13, 43, 74, 1)"

    click_link(browser, "Keamanan Siber dan Pelindungan Data Pribadi")
    assert h1(browser) == "Keamanan Siber dan Pelindungan Data Pribadi"
    modules = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".syllabus h3")]
    assert modules == ["Modul 1 · Keamanan Akun", "Modul 2 · Pelindungan Data Pribadi"]
    assert "Literasi Digital untuk ASN" in browser.find_element(By.CSS_SELECTOR, ".callout").text

    click_link(browser, "Mulai belajar")
    assert h1(browser) == "Kata Sandi dan Verifikasi Dua Langkah"
    assert browser.find_element(By.CSS_SELECTOR, ".eyebrow").text.upper() == "PELAJARAN 1 DARI 5 · 30 MENIT"
    current = browser.find_element(By.CSS_SELECTOR, ".outline a[aria-current='page']")
    assert current.text == "Kata Sandi dan Verifikasi Dua Langkah"

    before = browser.current_url
    browser.find_element(By.CSS_SELECTOR, "a[rel='next']").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url != before)
    assert h1(browser) == "Mengenali Surel Phishing"
    crumbs = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".breadcrumb li")]
    assert crumbs == ["Katalog", "Keamanan Siber dan Pelindungan Data Pribadi", "Modul 1 · Keamanan Akun", "Mengenali Surel Phishing"]
    assert browser.find_element(By.CSS_SELECTOR, "a[rel='prev']").text.endswith("Kata Sandi dan Verifikasi Dua Langkah")


@pytest.mark.parametrize("mode", MODES)
def test_no_request_leaves_the_site(browser, servers, mode):
    base = servers[mode]
    browser.get(base + "courses/literasi-digital/empat-pilar/index.html")
    assert h1(browser) == "Empat Pilar Literasi Digital"
    # Every resource the page names is relative, so it comes from wherever the site is.
    refs = browser.execute_script(
        "return [...document.querySelectorAll('[src], link[href]')].map(e => e.getAttribute('src') || e.getAttribute('href'))")
    assert refs and all("//" not in r and not r.startswith("/") for r in refs), refs
    assert browser.execute_script("return typeof window.Latih") == "object"
    if mode != "file":  # Chromium records no resource timing for file:// loads.
        entries = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert any(e.endswith(".css") for e in entries) and any(e.endswith(".js") for e in entries)
        site = urlparse(base)
        for url in entries:
            parsed = urlparse(url)
            assert (parsed.scheme, parsed.netloc) == (site.scheme, site.netloc), url
    # The lesson's image loaded (it is copied beside the lesson's course).
    img = browser.find_element(By.CSS_SELECTOR, ".prose img")
    assert browser.execute_script("return arguments[0].naturalWidth", img) > 0
    assert img.get_attribute("alt") == "Empat pilar literasi digital: cakap, budaya, etis, dan aman"


def visible_cards(browser):
    return [c for c in browser.find_elements(By.CSS_SELECTOR, ".category .card") if c.is_displayed()]


def test_catalogue_filters_by_category_and_level(browser, servers):
    base = servers["http-root"]
    browser.get(base)
    assert len(visible_cards(browser)) == 8
    status = browser.find_element(By.ID, "filter-status")
    assert status.get_attribute("role") == "status"
    assert status.text == "8 dari 8 kursus ditampilkan"

    Select(browser.find_element(By.ID, "filter-category")).select_by_visible_text("Pemerintahan Digital")
    assert [c.find_element(By.TAG_NAME, "h3").text for c in visible_cards(browser)] == [
        "Jakarta Smart City dan Layanan Terpadu", "SPBE dan Pemerintahan Digital"]
    assert status.text == "2 dari 8 kursus ditampilkan"
    assert "kategori=Pemerintahan+Digital" in browser.current_url

    Select(browser.find_element(By.ID, "filter-level")).select_by_value("menengah")
    assert [c.find_element(By.TAG_NAME, "h3").text for c in visible_cards(browser)] == ["SPBE dan Pemerintahan Digital"]

    # The filter lives in the URL, so a link to it shows the same selection.
    browser.get(base + "index.html?tingkat=menengah")
    assert len(visible_cards(browser)) == 2
    assert Select(browser.find_element(By.ID, "filter-level")).first_selected_option.text == "Menengah"


def test_keyboard_reaches_skip_link_and_course_links(browser, servers):
    browser.get(servers["http-root"])
    body = browser.find_element(By.TAG_NAME, "body")
    from selenium.webdriver.common.keys import Keys
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Langsung ke konten utama"
    focused.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#konten")


def test_without_javascript_every_course_is_listed(browser_without_js, servers):
    browser_without_js.get(servers["http-root"])
    assert not browser_without_js.find_element(By.ID, "catalogue-filters").is_displayed()
    assert len(visible_cards(browser_without_js)) == 8


def test_english_interface_strings(tmp_path, browser):
    """A site with `language: en` gets the English string table."""
    import shutil, subprocess
    from conftest import LATIH, REPO
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    conf = (content / "site.conf").read_text(encoding="utf-8").replace("language: id", "language: en")
    (content / "site.conf").write_text(conf, encoding="utf-8")
    out = tmp_path / "site"
    subprocess.run([LATIH, "build", "--content", str(content), "--templates", str(REPO / "templates"), "--output", str(out)], check=True, capture_output=True)
    browser.get((out / "courses" / "spbe" / "apa-itu-spbe" / "index.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.CSS_SELECTOR, ".eyebrow").text.upper() == "LESSON 1 OF 4 · 30 MIN"
    assert browser.find_element(By.CSS_SELECTOR, ".skip-link").get_attribute("textContent") == "Skip to main content"
