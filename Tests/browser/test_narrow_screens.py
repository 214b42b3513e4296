"""Every page of the sample site on the narrowest phone in use (320 CSS px wide): nothing
scrolls sideways, whatever the page holds (tables, code, long words, quizzes, the
certificate). A screenshot of each kind of page is saved for a person to look at."""
import pathlib

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import REPO

SHOTS = REPO / ".build" / "screenshots" / "320"


def page_kind(path):
    parts = path.split("/")
    if parts[0] == "courses":
        return "course" if len(parts) == 3 else "lesson" if len(parts) == 4 else "courses"
    return parts[0].removesuffix(".html") or "home"


def test_no_page_scrolls_sideways_at_320px(www, servers, browser):
    site = www / "sub" / "site"
    pages = sorted(str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("*.html"))
    assert len(pages) >= 40
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(320, 700)
    try:
        # A learner with progress: the progress page then shows its lists and quiz table.
        browser.get(servers["http-root"] + "index.html")
        browser.execute_script(
            "localStorage.setItem('latih.progress', JSON.stringify({version: 1, lessons: {"
            "'spbe/apa-itu-spbe': {opened: '2026-12-01T01:00:00.000Z', completed: '2026-12-01T02:00:00.000Z'},"
            "'analisis-data/merapikan-data': {opened: '2026-12-01T01:00:00.000Z', completed: null}},"
            "quizzes: {'spbe/apa-itu-spbe/1': {attempts: 3, best: 50, passed: false, history: []}}}))")
        width = browser.execute_script("return window.innerWidth")
        shot = set()
        wide = []
        for page in pages:
            browser.get(servers["http-root"] + page)
            if width != browser.execute_script("return window.innerWidth"):
                continue
            # The width inside the scroll bar, which a classic scroll bar takes from innerWidth.
            over = browser.execute_script("""
                const w = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= w) return null;
                const el = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > w + 1);
                return el ? el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right) + 'px' : 'page';
            """)
            if over:
                wide.append(f"{page}: {over}")
            # Each page carries only the interface strings its script uses there: none is
            # missing (a missing one leaves a shown element empty).
            empty = browser.execute_script("""
                return [...document.querySelectorAll('.card-progress, .lesson-status, .continue-link, .continue-courses a, '
                    + '.mark-complete, .lesson-complete-status:not(:empty), .progress-date, .progress-detail, .progress-item')]
                  .filter(e => e.getClientRects().length && !e.textContent.replace(/[\\s·]/g, '').length)
                  .map(e => e.className);
            """)
            assert not empty and "undefined" not in browser.find_element(By.TAG_NAME, "body").text, f"{page}: {empty}"
            kind = page_kind(page)
            if kind not in shot:
                shot.add(kind)
                browser.save_screenshot(str(SHOTS / f"{kind}.png"))
        assert width <= 330, "the window did not narrow"
        assert not wide, "pages wider than a 320px screen:\n" + "\n".join(wide)
        assert {"home", "course", "lesson", "kemajuan", "search", "verifikasi"} <= shot
    finally:
        browser.set_window_size(1280, 1000)


def test_on_a_phone_the_menu_folds_and_a_lesson_starts_in_the_first_screen(servers, browser):
    lesson = servers["http-root"] + "courses/analisis-data/merapikan-data/index.html"
    browser.set_window_size(390, 844)
    try:
        browser.get(lesson)
        toggle = browser.find_element(By.CSS_SELECTOR, ".menu-toggle")
        links = browser.find_element(By.ID, "site-menu")
        assert toggle.is_displayed() and toggle.text == "Menu" and toggle.get_attribute("aria-expanded") == "false"
        assert not links.is_displayed()
        assert browser.execute_script("return document.querySelector('h1').getBoundingClientRect().top") < 260
        # The breadcrumb goes back to the course; the lesson's title is the heading.
        assert browser.find_element(By.CSS_SELECTOR, ".breadcrumb").text.strip() == "Spreadsheet dan Analisis Data untuk Layanan Publik"
        toggle.click()
        assert links.is_displayed() and toggle.get_attribute("aria-expanded") == "true"
        assert "Kemajuan Saya" in links.text
        toggle.send_keys(Keys.ENTER)
        assert not links.is_displayed()
        browser.set_window_size(1366, 768)
        browser.get(lesson)
        assert not browser.find_element(By.CSS_SELECTOR, ".menu-toggle").is_displayed()
        assert browser.find_element(By.ID, "site-menu").is_displayed()
    finally:
        browser.set_window_size(1280, 1000)


def test_small_categories_share_a_row_on_a_wide_screen(servers, browser):
    browser.set_window_size(1366, 900)
    try:
        browser.get(servers["http-root"] + "index.html")
        tops = browser.execute_script(
            "return [...document.querySelectorAll('.category h2')].map(h => Math.round(h.getBoundingClientRect().top))")
        assert len(tops) >= 6 and tops[0] == tops[1] == tops[2], tops
        assert browser.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        browser.set_window_size(1280, 1000)


def test_every_control_uses_the_themes_type_size(servers, browser):
    """Buttons, fields and menus are set in the page's type, not the browser's 13 px."""
    small = []
    for page in ["index.html", "courses/spbe/apa-itu-spbe/index.html", "kemajuan/index.html", "sertifikat/index.html",
                 "search/index.html?q=data", "verifikasi/index.html", "paths/index.html"]:
        browser.get(servers["http-root"] + page)
        found = browser.execute_script("""
            const body = parseFloat(getComputedStyle(document.body).fontSize);
            return [...document.querySelectorAll('button, input:not([type=radio]):not([type=checkbox]), select, textarea, .button')]
              .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
              .map(e => [e.tagName.toLowerCase() + '.' + e.className, parseFloat(getComputedStyle(e).fontSize), body])
              .filter(([, size, base]) => size < base * 0.85);
        """)
        small += [f"{page}: {name} {size}px (body {base}px)" for name, size, base in found]
    assert not small, "\n".join(small)
