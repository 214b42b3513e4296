"""xAPI reporting: a lesson launched with xAPI parameters sends statements, in order, to
Ralph, a real LRS on the loopback (which checks credentials, the version header and each
statement), and statements made while offline wait in the queue until the network is
back. The assertions are on what Ralph stored, read back through its own API."""

import json
import re
import time
from urllib.parse import quote

from selenium.webdriver.common.by import By

from conftest import sample_site_reporting_xapi
from ralph_lrs import AUTH, Ralph

ACTOR = {"objectType": "Agent", "name": "Siti Rahmawati", "mbox": "mailto:siti.rahmawati@jakarta.go.id"}
REGISTRATION = "760e3480-ba55-4991-94b0-01820dbd23a2"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def wait_for(predicate, seconds=15):
    for _ in range(int(seconds * 10)):
        if predicate():
            return True
        time.sleep(0.1)
    return False


def check_shape(s):
    """The properties xAPI 1.0.3 requires of a statement, and the ones Latih promises."""
    assert UUID.match(s["id"]), s["id"]
    assert s["actor"] == ACTOR
    assert s["verb"]["id"].startswith("http://adlnet.gov/expapi/verbs/")
    assert s["object"]["objectType"] == "Activity"
    assert s["object"]["id"].startswith("https://latih.example.go.id/")
    assert s["object"]["definition"]["type"].startswith("http://adlnet.gov/expapi/activities/")
    assert ISO.match(s["timestamp"])
    assert s["context"]["registration"] == REGISTRATION
    if "result" in s and "score" in s["result"]:
        assert -1 <= s["result"]["score"]["scaled"] <= 1


def test_launch_sends_statements_in_order(tmp_path, fresh_browser):
    site, _ = sample_site_reporting_xapi(tmp_path)
    lrs = Ralph(tmp_path / "ralph", cors_origins=[f"http://127.0.0.1:{site.server_port}"])
    b = fresh_browser
    try:
        query = (f"?endpoint={quote(lrs.endpoint)}&auth={quote(AUTH)}&actor={quote(json.dumps(ACTOR))}"
                 f"&registration={REGISTRATION}")
        b.get(f"http://127.0.0.1:{site.server_port}/courses/spbe/apa-itu-spbe/index.html" + query)
        assert wait_for(lambda: len(lrs.statements()) >= 2)

        # Offline, answers wait in the queue.
        b.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        for text in ("Sistem Pemerintahan Berbasis Elektronik", "Layanan publik berbasis elektronik"):
            next(l for l in b.find_elements(By.CSS_SELECTOR, "section.quiz label") if l.text.strip() == text).click()
        b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
        time.sleep(1.5)
        assert len(lrs.statements()) == 2
        queued = b.execute_script("return JSON.parse(localStorage.getItem('latih.xapi.queue')).length")
        assert queued == 4

        # Back online, the queue is delivered.
        b.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
        b.execute_script("window.dispatchEvent(new Event('online'))")
        assert wait_for(lambda: len(lrs.statements()) >= 6)
        # The queue is emptied once the store has answered, which may come after it counted them.
        assert wait_for(lambda: b.execute_script("return JSON.parse(localStorage.getItem('latih.xapi.queue')).length") == 0)
        stored = lrs.statements()
    finally:
        site.shutdown()
        lrs.stop()

    # Ralph keeps a batch's statements in the order they were sent.
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in stored]
    assert verbs == ["initialized", "experienced", "answered", "answered", "passed", "completed"]
    for s in stored:
        check_shape(s)
    initialized, experienced, a1, a2, passed, completed = stored
    # The lesson's completion, which reports count JP from.
    assert completed["object"]["id"] == experienced["object"]["id"]
    assert completed["result"] == {"completion": True}
    assert initialized["object"]["id"] == "https://latih.example.go.id/courses/spbe/"
    assert experienced["object"]["id"] == "https://latih.example.go.id/courses/spbe/apa-itu-spbe/"
    assert experienced["context"]["contextActivities"]["parent"][0]["id"] == "https://latih.example.go.id/courses/spbe/"
    assert a1["object"]["id"] == "https://latih.example.go.id/kuis/spbe/apa-itu-spbe/1#soal-1"
    assert a1["object"]["definition"]["interactionType"] == "choice"
    assert a1["result"]["success"] is True and a2["result"]["success"] is True
    assert passed["result"] == {"score": {"scaled": 1, "raw": 100, "min": 0, "max": 100}, "success": True, "completion": True}


def test_nothing_is_sent_without_launch_parameters_or_to_unlisted_endpoints(fresh_browser, servers):
    b = fresh_browser
    b.get(servers["http-root"] + "courses/spbe/apa-itu-spbe/index.html")
    assert b.execute_script("return localStorage.getItem('latih.xapi.queue')") in (None, "[]")
    # The sample site lists no LRS, so even a full launch sends nothing.
    query = (f"?endpoint={quote('https://evil.example/xapi/')}&auth={quote(AUTH)}&actor={quote(json.dumps(ACTOR))}")
    b.get(servers["http-root"] + "courses/spbe/apa-itu-spbe/index.html" + query)
    time.sleep(0.5)
    assert b.execute_script("return localStorage.getItem('latih.xapi.queue')") in (None, "[]")
    assert b.execute_script("return localStorage.getItem('latih.xapi.launch')") is None


def store_of(browser):
    return json.loads(browser.execute_script("return localStorage.getItem('latih.progress') || 'null'") or "null") or {}


def test_progress_follows_the_learner_between_two_browsers(tmp_path, fresh_browser):
    """A phone and an office PC (two browser profiles) launched for the same learner end
    with the same progress: each reads the learner's statements back from Ralph and merges
    them with its own."""
    from conftest import _chrome
    site, _ = sample_site_reporting_xapi(tmp_path)
    lrs = Ralph(tmp_path / "ralph", cors_origins=[f"http://127.0.0.1:{site.server_port}"])
    phone, pc = fresh_browser, _chrome()
    root = f"http://127.0.0.1:{site.server_port}/"
    query = f"?endpoint={quote(lrs.endpoint)}&auth={quote(AUTH)}&actor={quote(json.dumps(ACTOR))}&registration={REGISTRATION}"
    try:
        # On the phone: a lesson with a quiz, passed.
        phone.get(root + "courses/spbe/apa-itu-spbe/index.html" + query)
        for text in ("Sistem Pemerintahan Berbasis Elektronik", "Layanan publik berbasis elektronik"):
            next(l for l in phone.find_elements(By.CSS_SELECTOR, "section.quiz label") if l.text.strip() == text).click()
        phone.find_element(By.CSS_SELECTOR, ".quiz-check").click()
        assert wait_for(lambda: any(s["verb"]["id"].endswith("/completed") for s in lrs.statements()))

        # On the PC, the progress page shows it: read back from the store.
        pc.get(root + "kemajuan/index.html" + query)
        assert wait_for(lambda: (store_of(pc).get("lessons") or {}).get("spbe/apa-itu-spbe", {}).get("completed"))
        assert store_of(pc)["quizzes"]["spbe/apa-itu-spbe/1"]["passed"] is True
        assert wait_for(lambda: "Apa Itu SPBE" in pc.find_element(By.CSS_SELECTOR, ".progress-page").text
                        or "apa-itu-spbe" in pc.page_source)

        # On the PC: a lesson read to its end and marked complete.
        pc.get(root + "courses/analisis-data/tabel-pivot/index.html")
        button = pc.find_element(By.CSS_SELECTOR, ".mark-complete")
        if button.get_attribute("aria-pressed") != "true":
            pc.execute_script("arguments[0].scrollIntoView(); arguments[0].click()", button)
        assert wait_for(lambda: any(s["object"]["id"].endswith("courses/analisis-data/tabel-pivot/") and s["verb"]["id"].endswith("/completed")
                                    for s in lrs.statements()))

        # Back on the phone, its progress page has both.
        phone.get(root + "kemajuan/index.html")
        assert wait_for(lambda: (store_of(phone).get("lessons") or {}).get("analisis-data/tabel-pivot", {}).get("completed"))
        a, b = store_of(phone), store_of(pc)
        done = lambda s: sorted(k for k, v in s["lessons"].items() if v.get("completed"))
        assert done(a) == done(b) == ["analisis-data/tabel-pivot", "spbe/apa-itu-spbe"]
        quiz = lambda s: {k: (v["attempts"], v["best"], v["passed"]) for k, v in s["quizzes"].items()}
        assert quiz(a) == quiz(b) == {"spbe/apa-itu-spbe/1": (1, 100, True)}
    finally:
        pc.quit()
        site.shutdown()
        lrs.stop()
