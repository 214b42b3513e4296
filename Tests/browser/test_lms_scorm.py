"""SCORM 1.2 packages in a strict test LMS: each zip is unpacked and its manifest read as an
LMS does, and each item's page runs in a frame below an API that refuses anything outside
the SCORM 1.2 data model (Tests/browser/lms/scorm-api.js) and records every call."""

import shutil
import xml.etree.ElementTree as ET

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, _serve, unpacked_package

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
TIMESPAN = r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$"


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    root = tmp_path_factory.mktemp("scorm")
    www = unpacked_package(root, "scorm12")
    for name in ("scorm-lms.html", "scorm-api.js"):
        shutil.copy(REPO / "Tests" / "browser" / "lms" / name, www / name)
    server = _serve(www)
    yield {"base": f"http://127.0.0.1:{server.server_port}/", "www": www}
    server.shutdown()


def manifest_items(www):
    """The launchable items in organization order: (identifier, title, href, masteryscore)."""
    tree = ET.parse(www / "pkg" / "imsmanifest.xml")
    resources = {r.get("identifier"): r for r in tree.iter(CP + "resource")}
    org = tree.find(f"{CP}organizations/{CP}organization")
    out = []
    for item in org.iter(CP + "item"):
        ref = item.get("identifierref")
        if not ref:
            continue
        resource = resources[ref]
        assert resource.get(ADLCP + "scormtype") == "sco"
        mastery = item.find(ADLCP + "masteryscore")
        out.append((item.get("identifier"), item.find(CP + "title").text, resource.get("href"),
                    None if mastery is None else int(mastery.text)))
    return out


def calls(b):
    b.switch_to.default_content()
    return b.execute_script("return window.scormCalls || []")


def launch(b, lms, sco, href):
    b.switch_to.default_content()
    b.get(f"{lms['base']}scorm-lms.html?sco={sco}&href=pkg/{href}")
    WebDriverWait(b, 10).until(lambda d: any(c["fn"] == "LMSInitialize" for c in calls(d)))
    b.switch_to.frame("sco")


def exit_sco(b):
    """Leaves the SCO as an LMS does when the learner picks another item."""
    b.switch_to.default_content()
    b.execute_script("document.getElementById('sco').src = 'about:blank'")
    WebDriverWait(b, 10).until(lambda d: any(c["fn"] == "LMSFinish" for c in calls(d)))
    return calls(b)


def assert_legal(log):
    """Initialize first, Finish last, and not one call refused by the strict LMS."""
    assert log[0]["fn"] == "LMSInitialize" and log[0]["result"] == "true"
    assert log[-1]["fn"] == "LMSFinish" and log[-1]["result"] == "true"
    refused = [c for c in log if c["error"] != "0"]
    assert not refused, refused
    assert sum(c["fn"] == "LMSInitialize" for c in log) == 1


def values(log, element):
    return [c["args"][1] for c in log if c["fn"] == "LMSSetValue" and c["args"][0] == element]


def test_the_manifest_lists_every_lesson_in_course_order(lms):
    items = manifest_items(lms["www"])
    assert [(i[1], i[3]) for i in items] == [("Bacaan Pembuka", None), ("Kuis Layanan", 70), ("Penutup", None)]
    for _, _, href, _ in items:
        assert (lms["www"] / "pkg" / href).is_file()


def test_every_item_launches_and_reports_only_legal_values(lms, fresh_browser):
    import re
    b = fresh_browser
    for sco, title, href, _ in manifest_items(lms["www"]):
        launch(b, lms, sco, href)
        assert b.find_element(By.TAG_NAME, "h1").text == title
        status = b.find_element(By.CSS_SELECTOR, ".lms-status [role=status]")
        assert status.text == "Kemajuan Anda di pelajaran ini dicatat oleh LMS."
        # Navigation stays in the course: no site navigation, no search.
        assert not b.find_elements(By.CSS_SELECTOR, ".site-nav, .header-search")
        log = exit_sco(b)
        assert_legal(log)
        assert all(re.match(TIMESPAN, v) for v in values(log, "cmi.core.session_time")) and values(log, "cmi.core.session_time")
        assert values(log, "cmi.core.lesson_status")[-1] in ("incomplete", "completed")
        assert values(log, "cmi.core.exit")[-1] in ("suspend", "")


def test_a_lesson_read_to_its_end_is_completed(lms, fresh_browser):
    b = fresh_browser
    sco, _, href, _ = manifest_items(lms["www"])[0]
    launch(b, lms, sco, href)
    b.execute_script("document.querySelector('.pager').scrollIntoView()")
    WebDriverWait(b, 10).until(lambda d: "completed" in values(calls(d), "cmi.core.lesson_status"))
    log = exit_sco(b)
    assert_legal(log)
    assert values(log, "cmi.core.lesson_status")[-1] == "completed"
    assert values(log, "cmi.core.exit")[-1] == ""


def test_a_quiz_fails_then_resumes_from_suspend_data_and_passes(lms, fresh_browser):
    b = fresh_browser
    sco, _, href, mastery = manifest_items(lms["www"])[1]
    launch(b, lms, sco, href)
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    WebDriverWait(b, 10).until(lambda d: "failed" in values(calls(d), "cmi.core.lesson_status"))
    b.switch_to.frame("sco")
    log = exit_sco(b)
    assert_legal(log)
    assert values(log, "cmi.core.score.raw")[-1] == "0"
    assert (values(log, "cmi.core.score.min")[-1], values(log, "cmi.core.score.max")[-1]) == ("0", "100")
    assert values(log, "cmi.core.exit")[-1] == "suspend"
    suspend = values(log, "cmi.suspend_data")[-1]
    assert 0 < len(suspend) <= 4096

    # Another browser: nothing stored locally, so what the page knows comes from the LMS.
    b.execute_script("localStorage.removeItem('latih.progress')")
    launch(b, lms, sco, href)
    log = calls(b)
    assert {"fn": "LMSGetValue", "args": ["cmi.core.entry"], "result": "resume", "error": "0"} in log
    b.switch_to.frame("sco")
    kept = b.execute_script("return JSON.parse(localStorage.getItem('latih.progress')).quizzes['dasar-lms/kuis/1']")
    assert kept["attempts"] == 1 and kept["best"] == 0
    assert "1 kali percobaan" in b.find_element(By.CSS_SELECTOR, ".quiz-best").text
    b.find_element(By.XPATH, "//label[span='Sistem Pemerintahan Berbasis Elektronik']/input").click()
    b.find_element(By.CSS_SELECTOR, "input[name='kuis-1-q2'][value='salah']").click()
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    WebDriverWait(b, 10).until(lambda d: "passed" in values(calls(d), "cmi.core.lesson_status"))
    b.switch_to.frame("sco")
    log = exit_sco(b)
    assert_legal(log)
    assert values(log, "cmi.core.score.raw")[-1] == "100" and 100 >= mastery
    assert values(log, "cmi.core.lesson_status")[-1] == "passed"
    assert values(log, "cmi.core.exit")[-1] == ""


def test_without_an_lms_the_page_says_so_and_still_works(lms, fresh_browser):
    b = fresh_browser
    _, _, href, _ = manifest_items(lms["www"])[1]
    b.get(lms["base"] + "pkg/" + href)
    status = b.find_element(By.CSS_SELECTOR, ".lms-status [role=status]")
    assert status.text.startswith("LMS tidak terhubung")
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert b.find_element(By.CSS_SELECTOR, ".quiz-status").text.startswith("Skor Anda")


@pytest.mark.parametrize("screen", [(1280, 1000), (360, 800)], ids=["desktop", "phone"])
def test_a_packaged_lesson_has_no_accessibility_violations(lms, fresh_browser, screen):
    from axe_core_python.base import AXE_SCRIPT
    b = fresh_browser
    b.set_window_size(*screen)
    for sco, _, href, _ in manifest_items(lms["www"])[1:]:
        # The page alone, as axe audits a document: in the LMS frame, then checked.
        launch(b, lms, sco, href)
        if b.find_elements(By.CSS_SELECTOR, ".quiz-check"):
            b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
        b.execute_script(AXE_SCRIPT)
        result = b.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, arguments[0]).then(done, (e) => done({error: String(e)}));",
            {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
        assert "error" not in result, result
        problems = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
        assert not problems, problems
        assert len(result["passes"]) > 20
