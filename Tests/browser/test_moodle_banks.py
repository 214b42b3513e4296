"""Moodle question banks in the browser: a GIFT export pasted as it is (categories,
descriptions, an essay, HTML with a script, numerical partial credit) and a bank brought in
with `latih import` from Moodle XML. The scored questions score, the reflection is kept and
exported but not scored, and no script from a bank runs."""

import json
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LATIH, REPO, _serve

GIFT = REPO / "Tests" / "LatihQuizTests" / "Fixtures" / "moodle-export.gift"
XML = REPO / "Tests" / "LatihImportTests" / "Fixtures" / "bank-moodle.xml"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("banks")
    content = root / "content"
    shutil.copytree(REPO / "Tests" / "LatihLMSTests" / "Fixtures" / "lms" / "content", content)
    lesson = content / "courses" / "dasar-lms" / "04-bank.md"
    lesson.write_text("---\ntitle: Bank Moodle\nduration: 10 menit\n---\n\nSoal dari Moodle.\n\n```gift\n" + GIFT.read_text() + "```\n")
    imported = subprocess.run([LATIH, "import", str(XML), "--course", "dasar-lms", "--title", "Impor XML", "--content", str(content)],
                              capture_output=True, text=True)
    assert imported.returncode == 1, imported.stderr  # four questions left out, reported
    assert imported.stdout.splitlines()[0].endswith("courses/dasar-lms/05-impor-xml.md")
    assert "question left out: cloze (multianswer) questions have no Latih equivalent" in imported.stderr
    out = root / "site"
    built = subprocess.run([LATIH, "build", "--content", str(content), "--templates", str(REPO / "templates"), "--output", str(out)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    server = _serve(out)
    yield f"http://127.0.0.1:{server.server_port}/", out
    server.shutdown()


def test_a_gift_export_pasted_as_it_is(site, fresh_browser):
    base, out = site
    html = (out / "courses" / "dasar-lms" / "bank" / "index.html").read_text()
    assert "__pwned" not in html and "onerror" not in html and "javascript:" not in html
    b = fresh_browser
    b.get(base + "courses/dasar-lms/bank/index.html")
    quiz = b.find_element(By.CSS_SELECTOR, "section.quiz")
    # The description is text between questions, not a numbered question.
    text = quiz.find_element(By.CSS_SELECTOR, "li.quiz-text")
    assert text.text == "Bacalah kasus berikut. Seorang pegawai menerima surel dari \"tim TI\"."
    assert [li.get_attribute("value") for li in quiz.find_elements(By.CSS_SELECTOR, "li.question")] == ["1", "2", "3", "4", "5"]
    # The essay says it is unscored, and keeps what the learner writes.
    essay = quiz.find_element(By.CSS_SELECTOR, "li.question-unscored")
    assert essay.find_element(By.CSS_SELECTOR, ".quiz-unscored").text.startswith("Tidak dinilai.")
    area = essay.find_element(By.TAG_NAME, "textarea")
    area.send_keys("Saya mengunci layar saat meninggalkan meja.")
    WebDriverWait(b, 5).until(lambda d: essay.find_element(By.CSS_SELECTOR, ".essay-status").text)
    # Answer the scored questions: right, 2021 (half credit), right, right.
    items = quiz.find_elements(By.CSS_SELECTOR, "li.question:not(.question-unscored)")
    next(l for l in items[0].find_elements(By.TAG_NAME, "label") if l.text.strip() == "Jangan klik tautan apa pun").click()
    items[1].find_element(By.TAG_NAME, "input").send_keys("2021")
    items[2].find_element(By.TAG_NAME, "input").send_keys("a=b")
    items[3].find_element(By.CSS_SELECTOR, "input[value='salah']").click()
    quiz.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    status = quiz.find_element(By.CSS_SELECTOR, ".quiz-status").text
    # (1 + 0.5 + 1 + 1) / 4 = 88 %: the essay is not in the score.
    assert status.startswith("Skor Anda 88% (3 dari 4 soal benar)"), status
    assert items[1].find_element(By.CSS_SELECTOR, ".question-result").text == "◐ Sebagian benar"
    assert b.execute_script("return window.__pwned") is None
    # The reflection comes back on the next visit, and is in the progress export.
    b.refresh()
    assert b.find_element(By.CSS_SELECTOR, "li.question-unscored textarea").get_attribute("value") == "Saya mengunci layar saat meninggalkan meja."
    state = json.loads(b.execute_script("return localStorage.getItem('latih.progress')"))
    essay_id = next(k for k in state["essays"])
    assert essay_id.endswith("#4") and state["essays"][essay_id]["text"] == "Saya mengunci layar saat meninggalkan meja."
    exported = b.execute_script("return JSON.stringify(Latih.store.exportDocument(Latih.store.load(localStorage).state, 'now'))")
    assert "Saya mengunci layar" in exported


def test_a_moodle_xml_bank_imported_with_latih_import(site, fresh_browser):
    base, out = site
    html = (out / "courses" / "dasar-lms" / "impor-xml" / "index.html").read_text()
    assert "__pwned" not in html and "onmouseover" not in html
    b = fresh_browser
    b.get(base + "courses/dasar-lms/impor-xml/index.html")
    quizzes = b.find_elements(By.CSS_SELECTOR, "section.quiz")
    assert [q.find_element(By.TAG_NAME, "h2").text for q in quizzes] == ["Keamanan", "Regulasi"]
    first = quizzes[0]
    assert first.find_element(By.CSS_SELECTOR, "li.quiz-text").text == "Seorang pegawai menerima surel dari \"tim TI\"."
    # (shuffleanswers became the quiz's shuffle, so the order varies.)
    strong = [e.text for e in first.find_elements(By.CSS_SELECTOR, "li.question legend strong")]
    assert strong == ["pertama"]
    # The image the bank carried is shown.
    img = quizzes[1].find_element(By.CSS_SELECTOR, "legend img")
    assert b.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img)
    first.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert first.find_element(By.CSS_SELECTOR, ".quiz-status").text.startswith("Skor Anda 0%")
    assert b.execute_script("return window.__pwned") is None
