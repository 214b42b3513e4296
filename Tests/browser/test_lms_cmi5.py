"""cmi5 packages launched as an LMS launches them. The test's launcher plays the LMS: it
serves the unpacked zip, the one-time `fetch` URL and `LMS.LaunchData` (Ralph has no State
API), and passes statements through to Ralph, a real LRS, whose stored statements are
what the tests assert."""

import base64
import http.server
import json
import re
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import unpacked_package
from ralph_lrs import AUTH, Ralph

CS = "{http://aicc.org/CMI5/CourseStructure.xsd}"
ACTOR = {"objectType": "Agent", "name": "Siti Rahmawati",
         "account": {"homePage": "https://lms.jakarta.go.id", "name": "198501012010012001"}}
REGISTRATION = "5bd2c9a5-8c5e-4b3e-9a43-2f1c1d9e7a10"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
DURATION = re.compile(r"^PT(\d+H)?(\d+M)?\d+(\.\d+)?S$")


class LMS(http.server.SimpleHTTPRequestHandler):
    """The package's files, plus the three things a cmi5 LMS answers for an AU."""
    ralph = None
    launch_data = {}
    fetches = 0
    state_requests = []

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if url.path == "/lms/fetch":
            LMS.fetches += 1
            if LMS.fetches > 1:
                return self.reply(200, {"error-code": "1", "error-text": "already used"})
            return self.reply(200, {"auth-token": base64.b64encode(b"latih:rahasia").decode()})
        if url.path == "/lms/xapi/statements":
            req = urllib.request.Request(LMS.ralph.endpoint + "statements", data=body, method="POST", headers={
                k: self.headers[k] for k in ("Authorization", "X-Experience-API-Version", "Content-Type") if self.headers[k]})
            try:
                with urllib.request.urlopen(req, timeout=10) as r:
                    return self.reply(r.status, json.loads(r.read()))
            except urllib.error.HTTPError as e:
                return self.reply(e.code, {"error": e.read().decode()})
        self.reply(404, {})

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/lms/xapi/activities/state":
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            LMS.state_requests.append((q, self.headers.get("Authorization")))
            if q.get("stateId") != "LMS.LaunchData" or self.headers.get("Authorization") != AUTH:
                return self.reply(404, {})
            return self.reply(200, LMS.launch_data)
        super().do_GET()


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    root = tmp_path_factory.mktemp("cmi5")
    www = unpacked_package(root, "cmi5")
    (www / "lms").mkdir()
    (www / "lms" / "kembali.html").write_text("<!doctype html><title>LMS</title><h1>Kembali di LMS</h1>")
    tree = ET.parse(www / "pkg" / "cmi5.xml")
    aus = {au.find(CS + "url").text: au for au in tree.iter(CS + "au")}
    return root, www, aus


@pytest.fixture()
def lms(package, tmp_path):
    root, www, aus = package
    ralph = Ralph(tmp_path / "ralph")
    LMS.ralph, LMS.fetches, LMS.state_requests = ralph, 0, []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: LMS(*a, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    yield {"base": base, "aus": aus, "ralph": ralph}
    server.shutdown()
    ralph.stop()


def launch_url(lms, url, data):
    au = lms["aus"][url]
    LMS.launch_data = data
    base = lms["base"]
    return (base + "pkg/" + url + f"?endpoint={quote(base + 'lms/xapi/')}&fetch={quote(base + 'lms/fetch?sesi=1')}"
            f"&actor={quote(json.dumps(ACTOR))}&registration={REGISTRATION}&activityId={quote(au.get('id'))}")


def template(mode="Normal", **more):
    return dict({"contextTemplate": {"contextActivities": {"grouping": [{"id": "https://lms.jakarta.go.id/kursus/7"}]},
                                     "extensions": {SESSION: "sesi-uji-1"}},
                 "launchMode": mode, "moveOn": "CompletedAndPassed"}, **more)


def verbs(statements):
    return [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]


def wait_stored(lms, predicate, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        stored = lms["ralph"].statements()
        if predicate(stored):
            return stored
        time.sleep(0.2)
    raise AssertionError("Ralph holds: " + json.dumps(verbs(lms["ralph"].statements())))


def check_cmi5(s, au_id):
    """The cmi5 context template on a cmi5-defined statement."""
    assert s["actor"]["account"] == ACTOR["account"]
    assert s["object"]["id"] == au_id
    assert s["context"]["registration"] == REGISTRATION
    assert s["context"]["extensions"][SESSION] == "sesi-uji-1"
    assert s["context"]["contextActivities"]["grouping"] == [{"id": "https://lms.jakarta.go.id/kursus/7"}]
    assert {"id": CMI5} in s["context"]["contextActivities"]["category"]


def test_a_quiz_lesson_follows_the_cmi5_launch_sequence(lms, fresh_browser):
    b = fresh_browser
    url = "courses/dasar-lms/kuis/index.html"
    au_id = lms["aus"][url].get("id")
    assert lms["aus"][url].get("moveOn") == "Completed And Passed" and lms["aus"][url].get("masteryScore") == "0.7"
    b.get(launch_url(lms, url, template()))
    wait_stored(lms, lambda s: "initialized" in verbs(s))
    assert b.find_element(By.CSS_SELECTOR, ".lms-status [role=status]").text == "Kemajuan Anda di pelajaran ini dicatat oleh LMS."
    # A failed attempt, then a passed one.
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    wait_stored(lms, lambda s: "failed" in verbs(s))
    b.find_element(By.CSS_SELECTOR, ".quiz-retry").click()
    b.find_element(By.XPATH, "//label[span='Sistem Pemerintahan Berbasis Elektronik']/input").click()
    b.find_element(By.CSS_SELECTOR, "input[name='kuis-1-q2'][value='salah']").click()
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    wait_stored(lms, lambda s: "completed" in verbs(s))
    WebDriverWait(b, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".lms-status [role=status]").text
                              == "Syarat LMS untuk pelajaran ini sudah terpenuhi.")
    # Leaving the page ends the session.
    b.get("about:blank")
    stored = wait_stored(lms, lambda s: "terminated" in verbs(s))

    assert LMS.fetches == 1
    q, auth = LMS.state_requests[0]
    assert (q["activityId"], q["registration"], json.loads(q["agent"])) == (au_id, REGISTRATION, ACTOR)
    v = verbs(stored)
    assert v[0] == "initialized" and v[-1] == "terminated"
    defined = [s for s in stored if s["verb"]["id"].rsplit("/", 1)[1] != "answered"]
    assert verbs(defined) == ["initialized", "failed", "passed", "completed", "terminated"]
    for s in defined:
        check_cmi5(s, au_id)
    failed, passed, completed, terminated = defined[1:]
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] == 0
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1
    for s in (failed, passed, completed):
        assert {"id": MOVEON} in s["context"]["contextActivities"]["category"]
    assert passed["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] == 0.7
    assert completed["result"]["completion"] is True
    for s in (failed, passed, completed, terminated):
        assert DURATION.match(s["result"]["duration"]), s["result"]["duration"]
    # Each question answered, for the agency's item analysis; not cmi5-defined.
    answered = [s for s in stored if s["verb"]["id"].endswith("/answered")]
    assert len(answered) == 4
    assert answered[-1]["object"]["id"] == au_id + "/kuis/dasar-lms/kuis/1#soal-2"
    assert all({"id": CMI5} not in s["context"].get("contextActivities", {}).get("category", []) for s in answered)


def test_the_lms_mastery_score_and_browse_mode_are_honoured(lms, fresh_browser):
    b = fresh_browser
    url = "courses/dasar-lms/kuis/index.html"
    # Browse: the lesson can be tried, and nothing but the session is recorded.
    b.get(launch_url(lms, url, template("Browse", returnURL=lms["base"] + "lms/kembali.html")))
    wait_stored(lms, lambda s: "initialized" in verbs(s))
    assert b.find_element(By.CSS_SELECTOR, ".lms-status [role=status]").text.startswith("Mode tinjauan")
    b.find_element(By.XPATH, "//label[span='Sistem Pemerintahan Berbasis Elektronik']/input").click()
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    # The way back to the LMS: terminated, then returnURL.
    b.find_element(By.CSS_SELECTOR, ".lms-exit").click()
    WebDriverWait(b, 10).until(lambda d: d.current_url.endswith("/lms/kembali.html"))
    assert b.find_element(By.TAG_NAME, "h1").text == "Kembali di LMS"
    stored = wait_stored(lms, lambda s: "terminated" in verbs(s))
    assert verbs(stored) == ["initialized", "terminated"]


def test_an_lms_mastery_score_decides_pass_and_fail(lms, fresh_browser):
    b = fresh_browser
    url = "courses/dasar-lms/kuis/index.html"
    # The LMS asks for 40%: one right answer of two (50%) passes, though the page's own mark is 70%.
    b.get(launch_url(lms, url, template(masteryScore=0.4)))
    wait_stored(lms, lambda s: "initialized" in verbs(s))
    b.find_element(By.XPATH, "//label[span='Sistem Pemerintahan Berbasis Elektronik']/input").click()
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    stored = wait_stored(lms, lambda s: "passed" in verbs(s))
    passed = next(s for s in stored if s["verb"]["id"].endswith("/passed"))
    assert passed["result"]["score"]["scaled"] == 0.5 and passed["result"]["success"] is True
    assert passed["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] == 0.4


def test_a_reading_lesson_completes_when_read_to_its_end(lms, fresh_browser):
    b = fresh_browser
    url = "courses/dasar-lms/bacaan/index.html"
    assert lms["aus"][url].get("moveOn") == "Completed" and lms["aus"][url].get("masteryScore") is None
    b.get(launch_url(lms, url, template(moveOn="Completed")))
    wait_stored(lms, lambda s: "initialized" in verbs(s))
    b.execute_script("document.querySelector('.pager').scrollIntoView()")
    stored = wait_stored(lms, lambda s: "completed" in verbs(s))
    assert verbs(stored) == ["initialized", "completed"]
    check_cmi5(stored[1], lms["aus"][url].get("id"))
    assert "passed" not in verbs(stored)


def test_a_launch_without_its_parameters_records_nothing(lms, fresh_browser):
    b = fresh_browser
    b.get(lms["base"] + "pkg/courses/dasar-lms/kuis/index.html?endpoint=" + quote(lms["base"] + "lms/xapi/"))
    assert b.find_element(By.CSS_SELECTOR, ".lms-status [role=status]").text.startswith("LMS tidak terhubung")
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    time.sleep(0.5)
    assert LMS.fetches == 0 and lms["ralph"].statements() == []
