"""Quizzes in a real browser: feedback, scoring, retries, the pass mark, remembered
best scores, and every question type completed with the keyboard alone."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SPBE_LESSON = "courses/spbe/apa-itu-spbe/index.html"


def choose(browser, question, text):
    """Clicks the option whose label text is `text` in question number `question` (1-based)."""
    item = browser.find_elements(By.CSS_SELECTOR, "section.quiz .question")[question - 1]
    for label in item.find_elements(By.TAG_NAME, "label"):
        if label.text.strip() == text:
            label.click()
            return
    raise AssertionError(f"no option {text!r}")


def status(browser):
    return browser.find_element(By.CSS_SELECTOR, "section.quiz .quiz-status").text


def test_wrong_then_retry_then_pass_then_remembered(fresh_browser, servers):
    b = fresh_browser
    b.get(servers["http-root"] + SPBE_LESSON)
    quiz = b.find_element(By.CSS_SELECTOR, "section.quiz")
    assert quiz.find_element(By.CSS_SELECTOR, ".quiz-meta").text == "Batas lulus 70%"

    # Wrong answers: feedback in words, per-option feedback, the explanation, and the score.
    choose(b, 1, "Sistem Pelayanan Berbasis Elektronik")
    choose(b, 2, "Layanan administrasi pemerintahan berbasis elektronik")
    quiz.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    results = [e.text for e in quiz.find_elements(By.CSS_SELECTOR, ".question-result")]
    assert results == ["✗ Belum tepat", "✗ Belum tepat"]
    feedback = quiz.find_element(By.CSS_SELECTOR, ".option-feedback:not([hidden])")
    assert feedback.text == "Belum tepat: pelayanan hanyalah salah satu bagian SPBE."
    assert "Peraturan Presiden Nomor 95 Tahun 2018" in quiz.find_element(By.CSS_SELECTOR, ".explanation").text
    assert status(b) == "Skor Anda 0% (0 dari 2 soal benar). ✗ Belum lulus. Batas lulus 70%."
    assert quiz.find_element(By.CSS_SELECTOR, ".quiz-status").get_attribute("role") == "status"
    # Answers are not revealed before a pass or the last attempt.
    assert not [e for e in quiz.find_elements(By.CSS_SELECTOR, ".option-answer") if e.is_displayed()]
    # The learner's own choices say so in words.
    yours = [(e.find_element(By.XPATH, "preceding-sibling::label[1]").text, e.text) for e in quiz.find_elements(By.CSS_SELECTOR, ".option-yours")]
    assert yours == [("Sistem Pelayanan Berbasis Elektronik", "↑ jawaban Anda"),
                     ("Layanan administrasi pemerintahan berbasis elektronik", "↑ jawaban Anda")], yours

    # Retry and answer rightly.
    quiz.find_element(By.CSS_SELECTOR, ".quiz-retry").click()
    assert not quiz.find_elements(By.CSS_SELECTOR, "input:checked")
    choose(b, 1, "Sistem Pemerintahan Berbasis Elektronik")
    choose(b, 2, "Layanan publik berbasis elektronik")
    quiz.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert [e.text for e in quiz.find_elements(By.CSS_SELECTOR, ".question-result")] == ["✓ Benar", "✓ Benar"]
    assert status(b).startswith("Skor Anda 100% (2 dari 2 soal benar). ✓ Lulus.")
    revealed = [e.text for e in quiz.find_elements(By.CSS_SELECTOR, ".option-answer") if e.is_displayed()]
    assert revealed == ["✓ jawaban yang benar", "✓ jawaban yang benar"]
    assert len(quiz.find_elements(By.CSS_SELECTOR, ".option-yours")) == 2, "the retry's marks replace the first try's"

    # Reload: the best score is remembered, and the passed quiz shows its answers.
    b.refresh()
    quiz = b.find_element(By.CSS_SELECTOR, "section.quiz")
    best = quiz.find_element(By.CSS_SELECTOR, ".quiz-best")
    assert best.text == "Skor terbaik Anda: 100% (lulus), dari 2 kali percobaan."
    assert not quiz.find_element(By.CSS_SELECTOR, ".quiz-check").is_displayed()
    stored = b.execute_script("return JSON.parse(localStorage.getItem('latih.progress'))")
    assert stored["quizzes"]["spbe/apa-itu-spbe/1"]["best"] == 100
    assert stored["quizzes"]["spbe/apa-itu-spbe/1"]["attempts"] == 2


def test_the_last_attempt_is_no_dead_end(fresh_browser, servers):
    b = fresh_browser
    page = servers["http-root"] + "courses/keamanan-siber/mengenal-uu-pdp/index.html"
    b.get(page)
    quiz = b.find_element(By.CSS_SELECTOR, "section.quiz")
    for attempt in range(3):
        quiz.find_element(By.CSS_SELECTOR, ".quiz-check").click()
        if attempt < 2:
            assert status(b).endswith(f"Sisa percobaan: {2 - attempt}.")
            quiz.find_element(By.CSS_SELECTOR, ".quiz-retry").click()
    # Said plainly, with the next step; the answers stay hidden, since another round follows.
    spent = "Percobaan untuk kuis ini sudah habis dan belum lulus. Pelajari lagi materi di atas, lalu mulai percobaan baru."
    assert status(b).endswith(spent)
    assert not quiz.find_elements(By.CSS_SELECTOR, ".correct-answer")
    assert all(not e.is_enabled() for e in quiz.find_elements(By.CSS_SELECTOR, "input, select"))
    restart = quiz.find_element(By.CSS_SELECTOR, ".quiz-restart")
    assert restart.is_displayed() and restart.text == "Mulai percobaan baru"
    # The progress page says the truth of it.
    b.get(servers["http-root"] + "kemajuan/index.html")
    rows = [r.text for r in b.find_elements(By.CSS_SELECTOR, ".quiz-scores tbody tr")]
    assert rows == ["Mengenal UU Pelindungan Data Pribadi 0% 3 Belum lulus — percobaan habis"], rows
    # The same after a reload: the limit holds, and so does the way forward.
    b.get(page)
    quiz = b.find_element(By.CSS_SELECTOR, "section.quiz")
    assert status(b) == spent
    assert not quiz.find_element(By.CSS_SELECTOR, ".quiz-check").is_displayed()
    quiz.find_element(By.CSS_SELECTOR, ".quiz-restart").click()
    assert status(b) == "Percobaan baru dimulai: Anda punya 3 percobaan lagi."
    assert quiz.find_element(By.CSS_SELECTOR, ".quiz-check").is_displayed()
    assert all(e.is_enabled() for e in quiz.find_elements(By.CSS_SELECTOR, "input"))
    quiz.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert status(b).endswith("Sisa percobaan: 2.")
    stored = b.execute_script("return JSON.parse(localStorage.getItem('latih.progress'))")
    assert stored["quizzes"]["keamanan-siber/mengenal-uu-pdp/1"]["attempts"] == 4


def test_without_javascript_questions_read_as_a_list(browser_without_js, servers):
    b = browser_without_js
    b.get(servers["http-root"] + SPBE_LESSON)
    legends = [e.text for e in b.find_elements(By.CSS_SELECTOR, "section.quiz legend")]
    assert legends[0].endswith("Apa kepanjangan SPBE?")
    assert len(b.find_elements(By.CSS_SELECTOR, "section.quiz input[type=radio]")) == 5
    assert not b.find_element(By.CSS_SELECTOR, ".quiz-check").is_displayed()
    # And says why nothing can be checked.
    assert "nyalakan JavaScript" in b.find_element(By.CSS_SELECTOR, "section.quiz .callout").text


def test_the_result_takes_focus_and_options_are_full_rows(fresh_browser, servers):
    b = fresh_browser
    b.get(servers["http-root"] + SPBE_LESSON)
    quiz = b.find_element(By.CSS_SELECTOR, "section.quiz")
    for label in quiz.find_elements(By.CSS_SELECTOR, ".options label"):
        assert label.size["height"] >= 44, label.text
        assert label.size["width"] >= quiz.find_element(By.CSS_SELECTOR, ".options").size["width"] - 2
    quiz.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert b.switch_to.active_element == quiz.find_element(By.CSS_SELECTOR, ".quiz-status")


def active(b):
    return b.switch_to.active_element


def press(b, *keys):
    ActionChains(b).send_keys(*keys).perform()


def tab_until(b, condition, limit=80):
    """Presses Tab until the focused element satisfies `condition` (a JS expression on `el`)."""
    for _ in range(limit):
        press(b, Keys.TAB)
        if b.execute_script(f"const el = document.activeElement; return !!({condition});"):
            return active(b)
    raise AssertionError(f"Tab never reached: {condition}")


def answer_the_first_six(b):
    """The fixture quiz's first six questions, answered rightly from the keyboard."""
    q = lambda n: f"el.closest('.question') && el.closest('.question').dataset.q === '{n}' && el.closest('#kuis-1')"
    # Single choice: Tab into the group, the arrow key picks the second option.
    tab_until(b, q(0))
    press(b, Keys.ARROW_DOWN)
    # Multiple choice: Space on the first two checkboxes.
    tab_until(b, q(1)); press(b, Keys.SPACE)
    tab_until(b, q(1)); press(b, Keys.SPACE)
    # True/false: the arrow key moves from "Benar" to "Salah".
    tab_until(b, q(2)); press(b, Keys.ARROW_DOWN)
    # Short answer and two numeric answers: typed.
    tab_until(b, q(3)); press(b, "ASN")
    tab_until(b, q(4)); press(b, "16")
    tab_until(b, q(5)); press(b, "2,5")


def test_every_question_type_by_keyboard_only(fresh_browser, fixture_site):
    b = fresh_browser
    b.get(fixture_site + "courses/dasar/kedua/index.html")
    answer_the_first_six(b)
    # Ordering: move items with their buttons until the list reads in the right order.
    target = ["Jangan klik tautan apa pun", "Teruskan surel ke tim keamanan TI", "Hapus surel dari kotak masuk"]
    for position, text in enumerate(target):
        for _ in range(5):
            items = [e.text for e in b.find_elements(By.CSS_SELECTOR, "#kuis-1 .ordering .item-text")]
            if items.index(text) == position:
                break
            tab_until(b, f"el.classList.contains('move-up') && el.closest('li').querySelector('.item-text').textContent === {text!r}")
            press(b, Keys.ENTER)
    order = [e.text for e in b.find_elements(By.CSS_SELECTOR, "#kuis-1 .ordering .item-text")]
    assert order == target
    assert "sekarang di urutan" in b.find_element(By.CSS_SELECTOR, "#kuis-1 .quiz-status").text
    # Matching: type-ahead in each select.
    tab_until(b, "el.tagName === 'SELECT' && el.dataset.left === '0' && el.closest('#kuis-1')"); press(b, "penipuan")
    tab_until(b, "el.tagName === 'SELECT' && el.dataset.left === '1' && el.closest('#kuis-1')"); press(b, "perangkat")
    # Check with Enter on the button.
    tab_until(b, "el.classList.contains('quiz-check') && el.closest('#kuis-1')")
    press(b, Keys.ENTER)
    results = [e.text for e in b.find_elements(By.CSS_SELECTOR, "#kuis-1 .question-result")]
    assert results == ["✓ Benar"] * 8, results
    assert b.find_element(By.CSS_SELECTOR, "#kuis-1 .quiz-status").text.startswith("Skor Anda 100% (8 dari 8 soal benar). ✓ Lulus.")


def test_gift_block_from_moodle_scores(fresh_browser, fixture_site):
    b = fresh_browser
    b.get(fixture_site + "courses/dasar/kedua/index.html")
    gift = b.find_element(By.ID, "kuis-2")
    legends = [e.text for e in gift.find_elements(By.TAG_NAME, "legend")]
    assert legends == ["1+1=2", "Two plus _____ equals four."]
    gift.find_element(By.CSS_SELECTOR, "input[value='benar']").click()
    gift.find_element(By.CSS_SELECTOR, "input[type='text']").send_keys("2")
    gift.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert gift.find_element(By.CSS_SELECTOR, ".quiz-status").text.startswith("Skor Anda 100% (2 dari 2 soal benar).")


def test_shown_answers_keep_the_learners_order(fresh_browser, fixture_site):
    """A passed quiz shows the right order of an ordering question beside the learner's
    own, which stays as the learner left it."""
    b = fresh_browser
    b.get(fixture_site + "courses/dasar/kedua/index.html")
    answer_the_first_six(b)
    right = ["Jangan klik tautan apa pun", "Teruskan surel ke tim keamanan TI", "Hapus surel dari kotak masuk"]
    texts = lambda: [e.text for e in b.find_elements(By.CSS_SELECTOR, "#kuis-1 .ordering .item-text")]
    if texts() == right:  # the page's shuffle gave the right order: put one item out of place
        tab_until(b, f"el.classList.contains('move-up') && el.closest('li').querySelector('.item-text').textContent === {right[1]!r}")
        press(b, Keys.ENTER)
    mine = texts()
    assert mine != right
    tab_until(b, "el.tagName === 'SELECT' && el.dataset.left === '0' && el.closest('#kuis-1')"); press(b, "penipuan")
    tab_until(b, "el.tagName === 'SELECT' && el.dataset.left === '1' && el.closest('#kuis-1')"); press(b, "perangkat")
    tab_until(b, "el.classList.contains('quiz-check') && el.closest('#kuis-1')")
    press(b, Keys.ENTER)
    assert "✓ Lulus." in b.find_element(By.CSS_SELECTOR, "#kuis-1 .quiz-status").text
    assert texts() == mine, "the learner's order is kept"
    shown = [e.text for e in b.find_elements(By.CSS_SELECTOR, "#kuis-1 .correct-answer")]
    assert "Jawaban yang benar: " + " → ".join(right) in shown, shown
