"""Learner progress in a real browser: completing lessons and quizzes, the progress
page with JP hours, and statuses on course pages and the catalogue."""

import datetime

from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

# The progress page draws its lists again after an import or a reset, so an element
# found a moment ago may already be replaced: a wait looks again rather than fail.
RERENDERED = (NoSuchElementException, StaleElementReferenceException)


def wait_pressed(browser):
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.CSS_SELECTOR, ".mark-complete").get_attribute("aria-pressed") == "true")


def wait_quiz_lesson_done(browser):
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.CSS_SELECTOR, ".lesson-complete-status").text == "Kuis lulus: pelajaran ini selesai.")


def test_lesson_and_quiz_completion_show_on_the_progress_page(fresh_browser, servers):
    b = fresh_browser
    base = servers["http-root"]

    # A lesson without a quiz completes when its end has been read.
    b.get(base + "courses/spbe/layanan-digital-terpadu/index.html")
    b.execute_script("document.querySelector('.pager').scrollIntoView()")
    wait_pressed(b)
    assert b.find_element(By.CSS_SELECTOR, ".mark-complete").text == "✓ Selesai"

    # A lesson with a quiz completes when its quiz is passed, and cannot be marked done.
    b.get(base + "courses/spbe/apa-itu-spbe/index.html")
    assert not b.find_element(By.CSS_SELECTOR, ".mark-complete").is_displayed()
    assert b.find_element(By.CSS_SELECTOR, ".lesson-complete-status").text == "Pelajaran ini selesai ketika kuisnya lulus."
    for text in ("Sistem Pemerintahan Berbasis Elektronik", "Layanan publik berbasis elektronik"):
        next(l for l in b.find_elements(By.CSS_SELECTOR, "section.quiz label") if l.text.strip() == text).click()
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    wait_quiz_lesson_done(b)

    # "Tandai selesai" marks a lesson without a quiz by hand, and a second press takes it back.
    b.get(base + "courses/jakarta-smart-city/layanan-terpadu/index.html")
    button = b.find_element(By.CSS_SELECTOR, ".mark-complete")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert b.find_element(By.CSS_SELECTOR, ".lesson-complete-status").text == "Pelajaran ini ditandai selesai."
    button.click()
    assert button.get_attribute("aria-pressed") == "false"

    # After a reload, the progress page shows both lessons, the quiz, and the JP.
    b.refresh()
    b.get(base + "kemajuan/index.html")
    assert b.find_element(By.TAG_NAME, "h1").text == "Kemajuan Saya"
    started = b.find_element(By.CSS_SELECTOR, ".progress-list.started")
    assert "SPBE dan Pemerintahan Digital" in started.text
    assert "2 dari 4 pelajaran selesai, 1 dari 3 kuis lulus" in started.text
    rows = [r.text for r in b.find_elements(By.CSS_SELECTOR, ".quiz-scores tbody tr")]
    assert rows == ["Apa Itu SPBE? 100% 1 ✓ Selesai"]
    year = datetime.date.today().year
    # 30 + 30 minutes of completed lessons = 60 minutes = 1.3 JP, written the Indonesian way.
    assert b.find_element(By.CSS_SELECTOR, ".jp-year").text == f"Tahun {year}: 1,3 JP dari target 20 JP"
    assert b.find_element(By.CSS_SELECTOR, ".jp-bar").get_attribute("value") == "1.3"
    paths = b.find_element(By.CSS_SELECTOR, ".progress-list.paths").text
    assert "Transformasi Digital Pemerintahan" in paths and "0 dari 4 kursus selesai" in paths

    # Course page and catalogue show the learner's status.
    b.get(base + "courses/spbe/index.html")
    statuses = {li.get_attribute("data-lesson"): li.find_element(By.CSS_SELECTOR, ".lesson-status").text
                for li in b.find_elements(By.CSS_SELECTOR, ".syllabus li[data-lesson]")
                if li.find_elements(By.CSS_SELECTOR, ".lesson-status")}
    assert statuses["spbe/apa-itu-spbe"] == "✓ Selesai"
    assert statuses["spbe/layanan-digital-terpadu"] == "✓ Selesai"
    assert "spbe/satu-data-indonesia" not in statuses  # never opened
    assert b.find_element(By.CSS_SELECTOR, ".course-progress").text == "2 dari 4 pelajaran selesai"
    b.get(base)
    card = b.find_element(By.CSS_SELECTOR, ".card[data-course='spbe'] .card-progress")
    assert card.text == "2 dari 4 pelajaran selesai"


def test_empty_progress_page_points_to_the_catalogue(fresh_browser, servers):
    b = fresh_browser
    b.get(servers["file"] + "kemajuan/index.html")
    empty = b.find_element(By.CSS_SELECTOR, ".progress-empty")
    assert empty.is_displayed()
    assert empty.find_element(By.TAG_NAME, "a").text == "Katalog"
    assert not b.find_element(By.CSS_SELECTOR, ".progress-jp").is_displayed()


def wait_for_file(folder, suffix):
    """The download ending in `suffix`, once Chromium has written it: the file can appear
    empty a moment before its bytes do."""
    import time
    for _ in range(100):
        files = [p for p in folder.iterdir() if p.name.endswith(suffix) and p.stat().st_size > 0]
        if files:
            size = files[0].stat().st_size
            time.sleep(0.1)
            if files[0].stat().st_size == size:
                return files[0]
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} download in {folder}")


def make_some_progress(b, base):
    b.get(base + "courses/spbe/layanan-digital-terpadu/index.html")
    b.find_element(By.CSS_SELECTOR, ".mark-complete").click()
    b.get(base + "courses/spbe/apa-itu-spbe/index.html")
    for text in ("Sistem Pemerintahan Berbasis Elektronik", "Layanan publik berbasis elektronik"):
        next(l for l in b.find_elements(By.CSS_SELECTOR, "section.quiz label") if l.text.strip() == text).click()
    b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    wait_quiz_lesson_done(b)


def progress_summary(b):
    return (b.find_element(By.CSS_SELECTOR, ".progress-list.started").text,
            [r.text for r in b.find_elements(By.CSS_SELECTOR, ".quiz-scores tbody tr")])


def test_export_reset_import_and_a_corrupt_import(downloading_browser, servers, tmp_path):
    import json
    b = downloading_browser
    base = servers["http-root"]
    make_some_progress(b, base)
    b.get(base + "kemajuan/index.html")
    before = progress_summary(b)
    assert "2 dari 4 pelajaran selesai, 1 dari 3 kuis lulus" in before[0]

    # Export as JSON and CSV.
    b.find_element(By.CSS_SELECTOR, ".export-json").click()
    exported = wait_for_file(b.downloads, ".json")
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert doc["format"] == "latih-progress" and doc["version"] == 1
    assert doc["progress"]["quizzes"]["spbe/apa-itu-spbe/1"]["best"] == 100
    assert doc["progress"]["lessons"]["spbe/layanan-digital-terpadu"]["completed"]
    b.find_element(By.CSS_SELECTOR, ".export-csv").click()
    csv = wait_for_file(b.downloads, ".csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[0] == "jenis,kursus,id,judul,dibuka,selesai,menit,skor_terbaik,percobaan,lulus"
    assert any(line.startswith("kuis,spbe,spbe/apa-itu-spbe/1,Apa Itu SPBE?,") and line.endswith(",100,1,ya") for line in csv)

    # Reset everything, with confirmation.
    b.find_element(By.CSS_SELECTOR, ".reset-all").click()
    b.switch_to.alert.accept()
    WebDriverWait(b, 10, ignored_exceptions=RERENDERED).until(lambda d: d.find_element(By.CSS_SELECTOR, ".progress-empty").is_displayed())

    # Import the export: everything is back.
    b.find_element(By.CSS_SELECTOR, ".import-file").send_keys(str(exported))
    WebDriverWait(b, 10, ignored_exceptions=RERENDERED).until(lambda d: d.find_element(By.CSS_SELECTOR, ".progress-courses").is_displayed())
    assert progress_summary(b) == before

    # A corrupt file changes nothing and says why.
    bad = tmp_path / "rusak.json"
    bad.write_text('{"format": "latih-progress", "version": 1, "progress": {"version": 1, "quizzes": {"x": {"best": 500}}}}')
    b.find_element(By.CSS_SELECTOR, ".import-file").send_keys(str(bad))
    WebDriverWait(b, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".manage-status").text)
    assert b.find_element(By.CSS_SELECTOR, ".manage-status").text == "Isi berkas ini rusak atau tidak lengkap. Kemajuan Anda tidak berubah."
    b.refresh()
    assert progress_summary(b) == before

    # Reset one course, with confirmation.
    b.find_element(By.CSS_SELECTOR, ".progress-list.started li[data-course='spbe'] .reset-course").click()
    b.switch_to.alert.accept()
    WebDriverWait(b, 10, ignored_exceptions=RERENDERED).until(lambda d: d.find_element(By.CSS_SELECTOR, ".progress-empty").is_displayed())


def test_certificate_of_a_completed_course(fresh_browser, servers):
    import json
    b = fresh_browser
    base = servers["http-root"]
    course = "budaya-kerja-adaptif"
    at = "2026-03-17T03:00:00Z"
    state = {"version": 1, "lessons": {}, "quizzes": {}}
    for lesson in ("nilai-berakhlak", "berpikir-desain", "inovasi-layanan", "melatih-rekan-kerja"):
        state["lessons"][f"{course}/{lesson}"] = {"opened": at, "completed": at}
    for quiz, score in ((f"{course}/nilai-berakhlak/1", 100), (f"{course}/berpikir-desain/1", 80)):
        state["quizzes"][quiz] = {"attempts": 1, "best": score, "passed": True, "history": [{"at": at, "score": score, "passed": True}]}
    b.get(base + "kemajuan/index.html")
    b.execute_script("localStorage.setItem('latih.progress', arguments[0])", json.dumps(state))
    b.refresh()
    done = b.find_element(By.CSS_SELECTOR, ".progress-list.completed")
    assert "Budaya Kerja Adaptif dan Inovasi" in done.text and "selesai pada 17 Maret 2026" in done.text
    done.find_element(By.CSS_SELECTOR, ".certificate-link").click()
    WebDriverWait(b, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".certificate").is_displayed())
    b.find_element(By.ID, "nama").send_keys("Siti Rahmawati, S.Kom.")
    cert = b.find_element(By.CSS_SELECTOR, ".certificate")
    assert cert.find_element(By.CSS_SELECTOR, ".certificate-name").text == "Siti Rahmawati, S.Kom."
    assert cert.find_element(By.CSS_SELECTOR, ".certificate-course").text == "Budaya Kerja Adaptif dan Inovasi"
    assert cert.find_element(By.CSS_SELECTOR, ".certificate-date").text == "17 Maret 2026"
    assert cert.find_element(By.CSS_SELECTOR, ".certificate-jp").text == "3,2 JP"  # 145 minutes of lessons, in 45-minute JP
    # It says what it is: the learner's own record, not the agency's signed certificate.
    assert "bukan sertifikat instansi" in cert.find_element(By.CSS_SELECTOR, ".certificate-personal-note").text
    assert [r.text for r in cert.find_elements(By.CSS_SELECTOR, "tbody tr")] == ["Nilai Dasar BerAKHLAK 100%", "Berpikir Desain untuk Layanan Publik 80%"]
    # A course that is not complete has no certificate.
    b.get(base + "sertifikat/index.html?kursus=spbe")
    assert b.find_element(By.CSS_SELECTOR, ".certificate-missing").is_displayed()
    assert not b.find_element(By.CSS_SELECTOR, ".certificate").is_displayed()
    # Printed, the certificate is the only thing on the page.
    b.get(base + f"sertifikat/index.html?kursus={course}")
    b.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not b.find_element(By.CSS_SELECTOR, ".site-header").is_displayed()
    assert not b.find_element(By.CSS_SELECTOR, ".certificate-form").is_displayed()
    assert b.find_element(By.CSS_SELECTOR, ".certificate").is_displayed()


def test_damaged_stored_progress_is_set_aside_and_reported(fresh_browser, servers):
    b = fresh_browser
    b.get(servers["http-root"] + "kemajuan/index.html")
    b.execute_script("localStorage.setItem('latih.progress', '{rusak')")
    b.get(servers["http-root"] + "kemajuan/index.html")
    assert b.find_element(By.CSS_SELECTOR, ".progress-notice").text.startswith("Data kemajuan yang tersimpan rusak")
    assert b.find_element(By.CSS_SELECTOR, ".progress-empty").is_displayed()
    kept = b.execute_script("return Object.keys(localStorage).filter(k => k.startsWith('latih.progress.disisihkan.'))")
    assert len(kept) == 1
    assert b.execute_script("return localStorage.getItem(arguments[0])", kept[0]) == "{rusak"
    # Other pages keep working too.
    b.get(servers["http-root"] + "courses/spbe/apa-itu-spbe/index.html")
    assert b.find_element(By.CSS_SELECTOR, ".lesson-complete-status").text == "Pelajaran ini selesai ketika kuisnya lulus."


def test_not_you_saves_the_record_then_clears_a_shared_browser(downloading_browser, servers):
    import json
    b = downloading_browser
    base = servers["http-root"]
    make_some_progress(b, base)
    b.get(base + "kemajuan/index.html")
    b.execute_script("localStorage.setItem('latih.credentials', '[\"{}\"]')")
    b.find_element(By.CSS_SELECTOR, ".not-you").click()
    b.switch_to.alert.accept()
    saved = wait_for_file(b.downloads, ".json")
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["progress"]["quizzes"]["spbe/apa-itu-spbe/1"]["passed"] is True
    WebDriverWait(b, 10, ignored_exceptions=RERENDERED).until(lambda d: d.find_element(By.CSS_SELECTOR, ".progress-empty").is_displayed())
    assert b.execute_script("return localStorage.getItem('latih.credentials')") is None
    stored = b.execute_script("return JSON.parse(localStorage.getItem('latih.progress'))")
    assert stored["quizzes"] == {} and stored["lessons"] == {}


def test_the_home_page_offers_to_continue_where_the_learner_left_off(fresh_browser, servers):
    b = fresh_browser
    base = servers["http-root"]
    b.get(base + "index.html")
    assert not b.find_element(By.ID, "continue").is_displayed(), "nothing to continue for someone new"

    b.get(base + "courses/spbe/layanan-digital-terpadu/index.html")
    b.get(base + "courses/analisis-data/tabel-pivot/index.html")
    b.get(base + "index.html")
    box = b.find_element(By.ID, "continue")
    assert box.is_displayed()
    assert box.find_element(By.TAG_NAME, "h2").text == "Lanjutkan belajar"
    link = box.find_element(By.CSS_SELECTOR, ".continue-link")
    assert link.get_attribute("href") == base + "courses/analisis-data/tabel-pivot/index.html", "the lesson opened last"
    assert link.text.startswith("Lanjutkan: ") and "Analisis Data" in link.text
    assert box.find_element(By.CSS_SELECTOR, ".continue-courses").text == "2 kursus sedang Anda ikuti"
    b.save_screenshot(str(__import__("conftest").REPO / ".build" / "screenshots" / "home-continue.png"))
    link.click()
    assert b.current_url == base + "courses/analisis-data/tabel-pivot/index.html"


def test_learning_paths_show_the_learners_progress_and_numbered_steps(fresh_browser, servers):
    b = fresh_browser
    base = servers["http-root"]
    b.get(base + "paths/index.html")
    assert not any(p.is_displayed() for p in b.find_elements(By.CSS_SELECTOR, ".card-progress")), "nothing for someone new"
    # One lesson read to its end, in a course of a path.
    b.get(base + "paths/index.html")
    path_url = b.find_elements(By.CSS_SELECTOR, ".card-title a")[0].get_attribute("href")
    b.get(path_url)
    first_course = b.find_element(By.CSS_SELECTOR, ".steps > li .card-title a").get_attribute("href")
    # Steps are numbered where a learner sees them.
    assert b.execute_script("return getComputedStyle(document.querySelector('.steps > li'), '::before').content") == "counter(step)" \
        or b.execute_script("return getComputedStyle(document.querySelector('.steps > li'), '::before').content") == '"1"'
    b.get(first_course)
    b.find_element(By.CSS_SELECTOR, ".outline li[data-lesson] a, .syllabus a").click()
    if b.find_elements(By.CSS_SELECTOR, "article.lesson:not([data-has-quiz]) .pager"):
        b.execute_script("document.querySelector('.pager').scrollIntoView()")
        wait_pressed(b)
    b.get(base + "paths/index.html")
    line = b.find_elements(By.CSS_SELECTOR, ".card-progress")[0]
    assert line.is_displayed() and "kursus selesai" in line.text, line.text
    b.get(path_url)
    step = b.find_element(By.CSS_SELECTOR, ".steps > li .card-progress")
    assert step.is_displayed() and "pelajaran selesai" in step.text


def test_competencies_not_started_wait_folded(fresh_browser, servers):
    b = fresh_browser
    base = servers["http-root"]
    b.get(base + "courses/spbe/layanan-digital-terpadu/index.html")
    b.get(base + "kemajuan/index.html")
    section = b.find_element(By.CSS_SELECTOR, ".progress-competencies")
    shown = [li.text for li in section.find_elements(By.CSS_SELECTOR, ".progress-list.competencies > li")]
    assert shown and all("dari" in t for t in shown)
    fold = section.find_element(By.CSS_SELECTOR, "details.competencies-more")
    assert fold.get_attribute("open") is None
    summary = fold.find_element(By.TAG_NAME, "summary").text
    hidden = fold.find_elements(By.CSS_SELECTOR, "li")
    assert summary == f"{len(hidden)} kompetensi lain belum dimulai" and len(hidden) >= 3
    assert not any(li.is_displayed() for li in hidden)
    fold.find_element(By.TAG_NAME, "summary").click()
    assert all(li.is_displayed() for li in hidden)
