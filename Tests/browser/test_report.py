"""The monitoring report in Chromium: opened from file://, audited by axe-core on a desktop
and a phone screen, its tables sorted with the keyboard; and `latih report --lrs` against
Ralph, loaded with the statements the site itself sent from a learner's browser."""

import datetime
import json
import subprocess
import time
from urllib.parse import quote

import pytest
from axe_core_python.base import AXE_SCRIPT
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import LATIH, REPO, _chrome, sample_site_reporting_xapi
from ralph_lrs import AUTH, Ralph

FIXTURES = REPO / "Tests" / "LatihReportTests" / "Fixtures"
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
PAGES = ["index.html", "unit.html", "unit/1.html", "unit/2.html", "kursus.html", "kursus/kursus-a.html", "soal.html"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("laporan") / "laporan"
    result = subprocess.run([LATIH, "report", "--content", str(FIXTURES / "catalogue" / "content"), "--templates", str(REPO / "templates"),
                             "--year", "2026", "--roster", str(FIXTURES / "pegawai.csv"),
                             "--statements", str(FIXTURES / "statements.jsonl"), "--output", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "statements.jsonl:27:1: warning: line is not JSON" in result.stderr
    return out


@pytest.fixture(scope="module")
def auditor():
    driver = _chrome()
    yield driver
    driver.quit()


@pytest.mark.parametrize("screen", [(1280, 1000), (360, 800)], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_report_page_has_no_accessibility_violations(auditor, report, path, screen):
    b = auditor
    b.set_window_size(*screen)
    b.get((report / path).as_uri())
    assert b.find_element(By.TAG_NAME, "h1").text
    b.execute_script(AXE_SCRIPT)
    result = b.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(done, (e) => done({error: String(e)}));", RULES)
    assert "error" not in result, result
    problems = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    assert len(result["passes"]) > 20
    # Nothing is fetched from anywhere but the report's own folder.
    urls = b.execute_script("return [...document.querySelectorAll('[src], link[href]')].map((e) => e.src || e.href)")
    assert urls and all(u.startswith("file://") for u in urls), urls
    # On a phone the page itself never scrolls sideways; wide tables scroll in their box.
    assert b.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [320, 390, 1366])
def test_every_report_page_reads_on_a_phone(auditor, report, width):
    """No report page scrolls sideways; a chart's labels stay 11 px or more (its figure
    scrolls instead); a wide table shows a shadow where it has more; and the footer says
    the report is confidential, not the learners' tagline."""
    b = auditor
    b.set_window_size(width, 800)
    try:
        for path in PAGES:
            b.get((report / path).as_uri())
            assert b.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (path, width)
            smallest = b.execute_script(
                "return Math.min(...[...document.querySelectorAll('.report-chart text')].map(t => t.getBoundingClientRect().height), 99)")
            assert smallest >= 11, (path, width, smallest)
            footer = b.find_element(By.CSS_SELECTOR, ".site-footer").text
            assert footer.startswith("Rahasia:") and "kapan saja" not in footer, footer
            assert "radial-gradient" in b.execute_script(
                "const t = document.querySelector('.table-scroll'); return t ? getComputedStyle(t).backgroundImage : 'radial-gradient'")
            if path == "index.html":
                b.save_screenshot(str(REPO / ".build" / "screenshots" / f"report-{width}.png"))
    finally:
        b.set_window_size(1280, 1000)


def test_a_table_sorts_by_a_column_from_the_keyboard(auditor, report):
    b = auditor
    b.set_window_size(1280, 1000)
    b.get((report / "unit.html").as_uri())
    names = lambda: [th.text for th in b.find_elements(By.CSS_SELECTOR, ".report-table tbody th")]
    assert names() == ["Unit Dua", "Unit Satu", "Tanpa unit (tidak ada di daftar pegawai)"]
    header = b.find_elements(By.CSS_SELECTOR, ".report-table thead th")[3]
    assert header.text.startswith("Median JP")
    button = header.find_element(By.TAG_NAME, "button")
    button.send_keys(Keys.ENTER)
    assert header.get_attribute("aria-sort") == "ascending"
    assert names() == ["Tanpa unit (tidak ada di daftar pegawai)", "Unit Dua", "Unit Satu"]
    button.send_keys(Keys.ENTER)
    assert header.get_attribute("aria-sort") == "descending"
    assert names() == ["Unit Satu", "Unit Dua", "Tanpa unit (tidak ada di daftar pegawai)"]
    # The units link to their people, and people are flagged below target.
    b.find_element(By.LINK_TEXT, "Unit Satu").click()
    rows = b.find_elements(By.CSS_SELECTOR, ".report-table tbody tr")
    assert [(r.find_element(By.TAG_NAME, "th").text, "is-flagged" in r.get_attribute("class")) for r in rows] == [
        ("Ani Lestari", False), ("Banu Prasetyo", True)]


def test_report_from_ralph_holds_what_the_site_sent(tmp_path, fresh_browser):
    site, content = sample_site_reporting_xapi(tmp_path)
    lrs = Ralph(tmp_path / "ralph", cors_origins=[f"http://127.0.0.1:{site.server_port}"])
    actor = {"objectType": "Agent", "name": "Siti Rahmawati", "mbox": "mailto:siti.rahmawati@jakarta.go.id"}
    b = fresh_browser
    try:
        query = f"?endpoint={quote(lrs.endpoint)}&auth={quote(AUTH)}&actor={quote(json.dumps(actor))}"
        b.get(f"http://127.0.0.1:{site.server_port}/courses/spbe/apa-itu-spbe/index.html" + query)
        # A wrong attempt, then a right one.
        b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
        b.find_element(By.CSS_SELECTOR, ".quiz-retry").click()
        for text in ("Sistem Pemerintahan Berbasis Elektronik", "Layanan publik berbasis elektronik"):
            next(l for l in b.find_elements(By.CSS_SELECTOR, "section.quiz label") if l.text.strip() == text).click()
        b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
        deadline = time.monotonic() + 15
        while len(lrs.statements()) < 9 and time.monotonic() < deadline:
            time.sleep(0.2)
        stored = lrs.statements()
        assert len(stored) == 9, [s["verb"]["id"] for s in stored]
        year = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).year
        roster = tmp_path / "pegawai.csv"
        roster.write_text("nip,nama,email,unit,jabatan\n198501012010012001,Siti Rahmawati,siti.rahmawati@jakarta.go.id,Diskominfotik,Analis\n"
                          "199001012015011001,Budi Santoso,budi@jakarta.go.id,Diskominfotik,Staf\n")
        result = subprocess.run([LATIH, "report", "--content", str(content), "--templates", str(REPO / "templates"),
                                 "--year", str(year), "--roster", str(roster), "--lrs", lrs.endpoint, "--auth", AUTH,
                                 "--output", str(tmp_path / "laporan")], capture_output=True, text=True)
    finally:
        site.shutdown()
        lrs.stop()
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "laporan" / "report.json").read_text())
    assert report["statements"]["read"] == 9 and report["statements"]["counted"] == 9
    budi, siti = report["learners"]  # by name, within the unit
    assert siti["id"] == "mailto:siti.rahmawati@jakarta.go.id" and siti["nip"] == "198501012010012001"
    assert siti["quiz_scores"] == [{"quiz": "spbe/apa-itu-spbe/1", "best": 100, "attempts": 2, "passed": True}]
    assert siti["in_progress"] == ["https://latih.example.go.id/courses/spbe/"]
    # The lesson's completion (its quiz passed) gives its JP.
    lesson = next(c for c in report["courses"] if c["slug"] == "spbe")["lessons"][0]
    assert (lesson["opened"], lesson["completed"]) == (1, 1)
    assert siti["jp"] > 0 and budi["jp"] == 0 and budi["last_activity"] is None
    questions = [q for q in report["questions"] if q["quiz"] == "spbe/apa-itu-spbe/1"]
    assert [q["attempts"] for q in questions] == [2, 2]
    assert [q["correct_share"] for q in questions] == [0.5, 0.5]  # the first attempt was left blank
    assert [q["people"] for q in questions] == [1, 1]
