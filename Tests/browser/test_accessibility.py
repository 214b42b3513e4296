"""WCAG 2.1 A and AA, and axe's best practices, on every kind of page of the sample
catalogue, on a desktop screen and a phone's, audited by axe-core (Deque's engine, from
PyPI's axe-core-python) in headless Chromium. Each page is audited after its scripts
have run: search results, facets, the empty state, a checked quiz and the progress page
are what the learner sees, not the HTML before JavaScript."""

import json

import pytest
from axe_core_python.base import AXE_SCRIPT
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, _chrome

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def _search_ready(b):
    return b.find_element(By.ID, "search-status").text.strip() and \
        not b.execute_script("return document.getElementById('search').hasAttribute('aria-busy')")


def _open_facets(b):
    WebDriverWait(b, 10).until(_search_ready)
    b.find_element(By.CSS_SELECTOR, "#search-facets summary").click()


def _check_quiz(b):
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    WebDriverWait(b, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".quiz-status").text)


PAGES = [
    # (path, what to do before the audit)
    ("index.html", None),
    ("courses/keamanan-siber/index.html", None),
    ("courses/analisis-data/rumus-dasar/index.html", None),  # a wide table, code
    ("courses/media-sosial/netralitas-asn/index.html", _check_quiz),
    ("courses/english-front-desk/index.html", None),  # an English course in an Indonesian site
    ("search/index.html?q=data", lambda b: WebDriverWait(b, 10).until(_search_ready)),
    ("search/index.html?q=keamanan", _open_facets),
    ("search/index.html?q=zzqqxx", lambda b: WebDriverWait(b, 10).until(_search_ready)),  # the empty state
    ("paths/index.html", None),
    ("paths/transformasi-digital/index.html", None),
    ("kemajuan/index.html", None),
    ("sertifikat/index.html", None),
    ("verifikasi/index.html", None),
    # A returning learner's catalogue ("Lanjutkan belajar"), with the header's menu opened
    # where it is folded (on a phone).
    ("index.html#kembali", lambda b: (b.execute_script(
        "localStorage.setItem('latih.progress', JSON.stringify({version: 1, quizzes: {}, lessons: "
        "{'spbe/apa-itu-spbe': {opened: '2026-12-01T01:00:00.000Z', completed: null}}})); location.reload()"),
        WebDriverWait(b, 5).until(lambda d: d.find_element(By.ID, "continue").is_displayed()),
        [t.click() for t in b.find_elements(By.CSS_SELECTOR, ".menu-toggle") if t.is_displayed()])),
    ("tentang/index.html", None),
    ("404.html", None),
]

# A desktop, a common phone and the narrowest phone in use.
SCREENS = {"desktop": (1366, 768), "phone": (390, 844), "narrow": (320, 640)}
SHOTS = REPO / ".build" / "screenshots" / "pages"


@pytest.fixture(scope="module")
def auditor():
    driver = _chrome()
    yield driver
    driver.quit()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("path,prepare", PAGES, ids=[p for p, _ in PAGES])
def test_page_has_no_accessibility_violations(auditor, servers, path, prepare, screen):
    b = auditor
    b.set_window_size(*SCREENS[screen])
    b.get(servers["http-root"] + path)
    assert b.find_element(By.TAG_NAME, "h1").text  # a real page, not a server's 404
    if prepare:
        prepare(b)
    b.execute_script(AXE_SCRIPT)
    result = b.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(done, (e) => done({error: String(e)}));", RULES)
    assert "error" not in result, result
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    # The audit ran its rules: an empty result from a rule set that matched nothing
    # would pass every page.
    assert len(result["passes"]) > 20
    # What a person looks at: every page kind at every size, with its scripts run.
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = path.replace("/index.html", "").replace(".html", "").replace("/", "-").replace("?q=", "-").replace("#", "-") or "home"
    b.save_screenshot(str(SHOTS / f"{screen}-{name}.png"))
