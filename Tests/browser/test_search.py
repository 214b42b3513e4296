"""Search on the sample catalogue, in headless Chromium: ranking of real queries,
inflection, typos, prefixes, facets, English pages, the empty state, file:// and
JavaScript off. Queries are Indonesian unless noted; each asserts its first result."""

import re
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO

FIRST_RESULTS = [
    # (query, expected first result, what it shows)
    ("pelatihan", "Melatih Rekan Kerja", "an inflected form that appears nowhere verbatim"),
    ("dilatih", "Melatih Rekan Kerja", "di- passive form of the same stem"),
    ("kata sandi", "Kata Sandi dan Verifikasi Dua Langkah", "two words"),
    ("phising", "Mengenali Surel Phishing", "a typo (a letter missing)"),
    ("verifkasi", "Kata Sandi dan Verifikasi Dua Langkah", "a typo (a letter missing)"),
    ("phish", "Mengenali Surel Phishing", "a prefix, as you type"),
    ("kebocoran", "Saat Terjadi Kebocoran Data", "a ke-…-an noun"),
    ("pivot", "Meringkas Data dengan Tabel Pivot", "a title word"),
    ("hoaks", "Mengenali dan Memeriksa Hoaks", "a title word"),
    ("BerAKHLAK", "Nilai Dasar BerAKHLAK", "case folding"),
    ("netralitas", "Netralitas ASN di Media Sosial", "a title word"),
    ("aduan", "Kanal Aduan Warga", "a title word"),
    ("jejak digital", "Mengelola Jejak Digital", "a phrase's words"),
    ("rumus", "Rumus yang Paling Sering Dipakai", "title above body"),
    ("greets", "Greeting Visitors and Finding Out What They Need", "English: Porter2 stem of an English page"),
    ("reply", "Writing Clear Email Replies", "English: replies → repli"),
    ("perancangan", "Merancang Inovasi Layanan di Unit Kerja", "a pe-…-an noun that the catalogue never uses: the root its forms attest"),
    ("penyajian", "Menyajikan Data dengan Grafik yang Jujur", "the same, with peny- hiding an s"),
    ("pelayanan publik", "Pelayanan Publik Berbasis Data", "both words in a title, over an English page that names them once"),
    ("mengadu", "Kanal Aduan Warga", "a verb the catalogue never uses, whose root it uses only in nouns (aduan, pengaduan)"),
    ("hoax", "Mengenali dan Memeriksa Hoaks", "the English spelling of a loanword: hoax → hoaks"),
    ("cyber", "Keamanan Siber dan Pelindungan Data Pribadi", "the same: cyber → siber"),
]


def search(browser, base, query, extra=""):
    browser.get(base + "search/index.html?q=" + quote(query) + extra)
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text.strip())
    return browser.find_elements(By.CSS_SELECTOR, "#search-results .result")


def title_of(result):
    return result.find_element(By.CSS_SELECTOR, ".result-title a").text


@pytest.mark.parametrize("query,expected,why", FIRST_RESULTS, ids=[q for q, _, _ in FIRST_RESULTS])
def test_first_result(browser, servers, query, expected, why):
    results = search(browser, servers["http-root"], query)
    assert results, f"no results for {query!r} ({why})"
    assert title_of(results[0]) == expected, (query, why, [title_of(r) for r in results[:5]])


def test_inflected_query_is_not_in_the_page_it_finds(browser, servers):
    lesson = (REPO / "content" / "courses" / "budaya-kerja-adaptif" / "04-melatih-rekan-kerja.md").read_text(encoding="utf-8")
    assert "pelatihan" not in lesson.lower() and "melatih" in lesson.lower()


def test_question_words_neither_make_results_nor_rank_them(browser, servers):
    # "apa" and "itu" are on most pages: a question names its subject, and only pages
    # about it are results (before: 25 results, most for "apa" or "itu" alone).
    titles = [title_of(r) for r in search(browser, servers["http-root"], "apa itu phishing")]
    assert titles[0] == "Mengenali Surel Phishing"
    assert browser.find_element(By.ID, "search-status").text == "2 hasil untuk “apa itu phishing”"


def test_a_result_opens_its_lesson_at_the_excerpts_passage(browser, servers):
    # The link carries a text fragment; Chromium scrolls to the passage and highlights it.
    search(browser, servers["http-root"], "mafindo")
    link = browser.find_element(By.CSS_SELECTOR, "#search-results .result-title a")
    assert link.get_attribute("href").endswith("mengenali-hoaks/index.html#:~:text=Mafindo)%2C%20atau%20klarifikasi")
    link.click()
    WebDriverWait(browser, 10).until(lambda b: "mengenali-hoaks" in b.current_url)
    passage = browser.find_element(By.XPATH, "//li[contains(., 'Mafindo')]")
    WebDriverWait(browser, 5).until(lambda b: b.execute_script("return window.scrollY") > 0)
    top, bottom = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom];", passage)
    assert 0 <= top and bottom <= browser.execute_script("return window.innerHeight")
    # Opened plainly, the page starts at its top, with the passage not (wholly) in view.
    browser.get(browser.current_url.split("#")[0])
    assert browser.execute_script("return window.scrollY") == 0
    bottom = browser.execute_script("return arguments[0].getBoundingClientRect().bottom",
                                    browser.find_element(By.XPATH, "//li[contains(., 'Mafindo')]"))
    assert bottom > browser.execute_script("return window.innerHeight")


def test_a_typo_says_which_spelling_it_found(browser, servers):
    search(browser, servers["http-root"], "phising")
    assert browser.find_element(By.ID, "search-status").text == "2 hasil untuk “phising” (ejaan mirip: phishing)"
    # A word found as it is names no other spelling.
    search(browser, servers["http-root"], "phishing")
    assert "ejaan" not in browser.find_element(By.ID, "search-status").text


def test_a_word_the_catalogue_has_finds_no_other_word_one_typo_away(browser, servers):
    # "fakta" is on one page only, too little, but it is spelt right: "akta" (in a table
    # of birth certificates) is another word, not what the learner meant.
    results = search(browser, servers["http-root"], "cek fakta")
    assert title_of(results[0]) == "Mengenali dan Memeriksa Hoaks"
    assert "ejaan" not in browser.find_element(By.ID, "search-status").text
    marks = {m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")}
    assert "akta" not in marks, marks


def test_an_english_spelling_says_which_indonesian_spelling_it_found(browser, servers):
    # Four letters, too short for a typo; Indonesian writes x as ks.
    search(browser, servers["http-root"], "hoax")
    assert browser.find_element(By.ID, "search-status").text == "3 hasil untuk “hoax” (ejaan mirip: hoaks)"


def test_an_english_spelling_finds_the_forms_made_from_its_indonesian_spelling(browser, servers):
    # "process" reads as "proses"; this lesson says only "diproses".
    lesson = (REPO / "content" / "courses" / "spbe" / "03-layanan-digital-terpadu.md").read_text(encoding="utf-8").lower()
    assert "diproses" in lesson and not re.search(r"\bproses\b", lesson)
    titles = [title_of(r) for r in search(browser, servers["http-root"], "process")]
    assert "Layanan Digital yang Terpadu" in titles, titles


def test_a_verb_finds_the_pages_that_use_only_its_nouns(browser, servers):
    # "melayani" and "pelayanan" share the root "layan", which the catalogue never uses
    # alone: the index attests it from its derived forms, so the lesson that says only
    # "layanan" and "pelayanan" is found (before, "pelayanan" stemmed to "layanan").
    lesson = (REPO / "content" / "courses" / "jakarta-smart-city" / "03-layanan-terpadu.md").read_text(encoding="utf-8").lower()
    assert "melayani" not in lesson and "pelayanan" in lesson
    titles = [title_of(r) for r in search(browser, servers["http-root"], "melayani")]
    assert "Layanan Terpadu Satu Pintu" in titles, titles


def test_a_result_shows_title_breadcrumb_duration_and_marked_snippet(browser, servers):
    results = search(browser, servers["http-root"], "kebocoran")
    first = results[0]
    link = first.find_element(By.CSS_SELECTOR, ".result-title a")
    assert link.get_attribute("href").split("#")[0].endswith("/courses/keamanan-siber/insiden-kebocoran/index.html")
    assert first.find_element(By.CSS_SELECTOR, ".crumb").text == \
        "Keamanan Siber dan Pelindungan Data Pribadi › Modul 2 · Pelindungan Data Pribadi"
    assert re.fullmatch(r"\d+ menit", first.find_element(By.CSS_SELECTOR, ".meta-line").text)
    marks = [m.text.lower() for m in first.find_elements(By.CSS_SELECTOR, ".snippet mark")]
    assert marks and all("bocor" in m for m in marks), marks
    status = browser.find_element(By.ID, "search-status")
    assert status.get_attribute("role") == "status"
    assert re.match(r"\d+ hasil untuk “kebocoran”", status.text), status.text
    assert len(results) == int(status.text.split()[0]) or "teratas" in status.text


def test_stemmed_match_marks_the_inflected_word(browser, servers):
    results = search(browser, servers["http-root"], "pelatihan")
    marks = [m.text.lower() for m in results[0].find_elements(By.CSS_SELECTOR, ".snippet mark")]
    assert marks and all("latih" in m for m in marks), marks


def test_prefix_updates_results_as_you_type(browser, servers):
    browser.get(servers["http-root"] + "search/index.html")
    box = browser.find_element(By.ID, "search-q")
    for letter in "netra":
        box.send_keys(letter)
    WebDriverWait(browser, 10).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .result")
        and title_of(b.find_elements(By.CSS_SELECTOR, "#search-results .result")[0]) == "Netralitas ASN di Media Sosial")
    # The address follows once the browser is idle (at most 200 ms after the results).
    WebDriverWait(browser, 2).until(lambda b: "q=netra" in b.current_url)


def test_facet_filter_narrows_results_and_is_kept_in_the_url(browser, servers):
    results = search(browser, servers["http-root"], "data")
    everything = int(browser.find_element(By.ID, "search-status").text.split()[0])
    facet = browser.find_element(By.CSS_SELECTOR, "#search-facets input[name=category][value='Keamanan Siber']")
    label = browser.find_element(By.CSS_SELECTOR, f"label[for='{facet.get_attribute('id')}']").text
    expected = int(re.search(r"\((\d+)\)", label).group(1))
    facet.send_keys(Keys.SPACE)  # by keyboard
    WebDriverWait(browser, 10).until(lambda b: "category=Keamanan+Siber" in b.current_url)
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text.split()[0] == str(expected))
    assert expected < everything
    # The facets are drawn anew with the results; the keyboard user's focus stays on the box.
    focused = browser.switch_to.active_element
    assert (focused.get_attribute("name"), focused.get_attribute("value")) == ("category", "Keamanan Siber")
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results .result")
    assert all(r.find_element(By.CSS_SELECTOR, ".crumb").text.startswith(("Keamanan Siber", "Kursus › Keamanan Siber"))
               for r in results), [r.text for r in results]
    # The filtered URL opens to the same results.
    browser.get(browser.current_url)
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text.split()[0] == str(expected))
    assert browser.find_element(By.CSS_SELECTOR, "#search-facets input[value='Keamanan Siber']").is_selected()


def test_level_facet(browser, servers):
    search(browser, servers["http-root"], "data", "&level=menengah")
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results .result")
    assert results
    # Only the data-analysis and SPBE courses are "menengah".
    courses = ("SPBE dan Pemerintahan Digital", "Spreadsheet dan Analisis Data untuk Layanan Publik")
    for r in results:
        crumb = r.find_element(By.CSS_SELECTOR, ".crumb").text
        assert crumb.startswith(courses) or title_of(r) in courses, r.text


def test_no_hits_shows_a_helpful_empty_state(browser, servers):
    results = search(browser, servers["http-root"], "zzqxwv")
    assert results == []
    empty = browser.find_element(By.ID, "search-empty")
    assert empty.is_displayed()
    assert "Tidak ada hasil untuk “zzqxwv”" in empty.text
    assert "Periksa ejaan" in empty.text
    assert empty.find_element(By.CSS_SELECTOR, "a").get_attribute("href").endswith("/index.html")
    assert browser.find_element(By.ID, "search-status").text.startswith("Tidak ada hasil")


def test_empty_state_offers_to_clear_filters(browser, servers):
    search(browser, servers["http-root"], "pivot", "&category=Keamanan+Siber")
    empty = browser.find_element(By.ID, "search-empty")
    assert empty.is_displayed()
    empty.find_element(By.CSS_SELECTOR, "button").click()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .result"))
    WebDriverWait(browser, 2).until(lambda b: "category" not in b.current_url)


@pytest.mark.parametrize("mode", ["file", "http-subpath"])
def test_search_works_from_file_and_under_a_sub_path(browser, servers, mode):
    results = search(browser, servers[mode], "kata sandi")
    assert title_of(results[0]) == "Kata Sandi dan Verifikasi Dua Langkah"
    results[0].find_element(By.CSS_SELECTOR, ".result-title a").click()
    WebDriverWait(browser, 10).until(lambda b: "kata-sandi" in b.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kata Sandi dan Verifikasi Dua Langkah"


@pytest.mark.parametrize("mode", ["file", "http-subpath"])
def test_more_results_load_their_records_and_show_marked_excerpts(browser, servers, mode):
    """Each result shown loads its page's record, one small script, from file:// and over
    http alike, and its excerpt is cut from the record's text in the browser."""
    search(browser, servers[mode], "data")
    browser.find_element(By.CSS_SELECTOR, "#search-results .more button").send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#search-results .result")) > 10)
    shown = browser.find_elements(By.CSS_SELECTOR, "#search-results .result")
    later = shown[10:]
    assert all(title_of(r) for r in later)
    assert any(r.find_elements(By.TAG_NAME, "mark") for r in later)
    # file:// loads leave no resource timing entries; the script elements remain.
    docs = browser.execute_script("return Array.from(document.scripts, s => s.src).filter(u => u.includes('/search/docs/'))")
    assert all(re.search(r"/search/docs/\d+\.[0-9a-f]+\.js$", u) for u in docs), docs
    assert len(docs) == len(shown), "one record for each result shown, and no other"


def test_header_search_box_on_every_page_opens_results(browser, servers):
    browser.get(servers["http-root"] + "courses/analisis-data/tabel-pivot/index.html")
    box = browser.find_element(By.ID, "header-q")
    box.send_keys("hoaks", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .result"))
    assert title_of(browser.find_elements(By.CSS_SELECTOR, "#search-results .result")[0]) == "Mengenali dan Memeriksa Hoaks"
    assert browser.find_element(By.ID, "search-q").get_attribute("value") == "hoaks"


def test_focusing_the_header_box_fetches_the_search_page_and_engine_ahead(fresh_browser, servers):
    base = servers["http-subpath"]
    fresh_browser.get(base + "courses/analisis-data/tabel-pivot/index.html")
    ahead = lambda b: [u for u in resources(b) if u == base + "search/index.html" or "/assets/latih-search." in u]
    assert not fresh_browser.find_elements(By.CSS_SELECTOR, "link[rel=prefetch]")
    assert not ahead(fresh_browser), "nothing is fetched before the learner turns to search"
    fresh_browser.find_element(By.ID, "header-q").click()
    WebDriverWait(fresh_browser, 10).until(lambda b: len(ahead(b)) == 2)
    # The page they prefetched is the one a query opens.
    fresh_browser.find_element(By.ID, "header-q").send_keys("hoaks", Keys.ENTER)
    WebDriverWait(fresh_browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .result"))
    # From file://, nothing to fetch ahead.
    fresh_browser.get(servers["file"] + "courses/analisis-data/tabel-pivot/index.html")
    fresh_browser.find_element(By.ID, "header-q").click()
    assert not fresh_browser.find_elements(By.CSS_SELECTOR, "link[rel=prefetch]")


def test_without_javascript_the_search_page_lists_the_catalogue(browser_without_js, servers):
    browser_without_js.get(servers["http-root"] + "search/index.html?q=data")
    catalogue = browser_without_js.find_element(By.ID, "search-catalogue")
    assert catalogue.is_displayed()
    links = [a.text for a in catalogue.find_elements(By.CSS_SELECTOR, "a")]
    assert "Spreadsheet dan Analisis Data untuk Layanan Publik" in links
    assert len(links) == 8  # every course; each course page lists its lessons
    catalogue.find_element(By.LINK_TEXT, "Budaya Kerja Adaptif dan Inovasi").click()
    assert "Melatih Rekan Kerja" in [a.text for a in browser_without_js.find_elements(By.CSS_SELECTOR, "main a")]


def resources(browser):
    return browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def round_trips(browser, keep):
    """How many round trips the resources that `keep` accepts took, one after another: a
    new trip begins when a request starts after every earlier one has ended."""
    entries = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.responseEnd])")
    trips, end = 0, -1.0
    for name, start, finish in sorted((e for e in entries if keep(e[0])), key=lambda e: e[1]):
        if start >= end:
            trips += 1
        end = max(end, finish)
    return trips


def test_a_cold_query_takes_three_round_trips_and_only_the_shards_it_needs(fresh_browser, servers):
    base = servers["http-root"]
    search(fresh_browser, base, "pivot")
    fetched = [u for u in resources(fresh_browser) if "/search/" in u]
    assert all(u.startswith(base) for u in resources(fresh_browser)), "no third-party request"
    shards = [u for u in fetched if "/search/terms/" in u]
    assert 1 <= len(shards) <= 3, fetched
    index = lambda u: "/search/" in u and not u.endswith(".html") or "/assets/latih-search." in u
    # The engine with the catalogue, the shards of the words and their likely stems, the
    # records of the results shown.
    assert round_trips(fresh_browser, index) == 3, fetched
    # A typo is matched among the keys of the shards the word itself falls in: no list
    # of words to fetch first, no extra trip.
    fresh_browser.execute_script("performance.clearResourceTimings()")
    fresh_browser.execute_script("return window.Latih.searchPage.run('phising')")
    WebDriverWait(fresh_browser, 10).until(
        lambda b: "phishing" in b.find_element(By.ID, "search-status").text)
    assert round_trips(fresh_browser, index) <= 2


def test_a_slow_first_query_says_it_is_searching(fresh_browser, servers):
    # A phone on a slow connection: each request waits 700 ms.
    fresh_browser.set_network_conditions(latency=700, download_throughput=64 * 1024, upload_throughput=64 * 1024)
    # The index's scripts hold the page's load event, where `get` returns: record what the
    # status said, and whether the page was busy, from the start.
    fresh_browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
      window.__said = [];
      document.addEventListener("DOMContentLoaded", function () {
        var status = document.getElementById("search-status"), page = document.getElementById("search");
        new MutationObserver(function () {
          window.__said.push([status.textContent, page.getAttribute("aria-busy")]);
        }).observe(status, {childList: true, characterData: true, subtree: true});
      });"""})
    fresh_browser.get(servers["http-root"] + "search/index.html?q=pivot")
    WebDriverWait(fresh_browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .result"))
    status = lambda b: b.find_element(By.ID, "search-status").text
    WebDriverWait(fresh_browser, 5).until(lambda b: re.match(r"\d+ hasil untuk “pivot”", status(b)))
    said = fresh_browser.execute_script("return window.__said")
    assert ["Mencari…", "true"] in said, said
    assert said[-1][0].endswith("untuk “pivot”") and fresh_browser.find_element(By.ID, "search").get_attribute("aria-busy") is None


def test_results_are_keyboard_reachable_and_more_results_load(browser, servers):
    search(browser, servers["http-root"], "data")
    more = browser.find_element(By.CSS_SELECTOR, "#search-results .more button")
    before = len(browser.find_elements(By.CSS_SELECTOR, "#search-results .result"))
    assert before == 10
    more.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#search-results .result")) > before)
    focused = browser.switch_to.active_element
    assert focused.tag_name == "a" and focused == browser.find_elements(By.CSS_SELECTOR, "#search-results .result a")[before]


def test_long_facet_lists_show_the_most_frequent_values_first(browser, servers):
    search(browser, servers["http-root"], "data")
    fieldset = [f for f in browser.find_elements(By.CSS_SELECTOR, "#search-facets fieldset")
                if f.find_elements(By.CSS_SELECTOR, "input[name=tag]")][0]
    shown = fieldset.find_elements(By.CSS_SELECTOR, "input[name=tag]")
    assert len(shown) == 8
    counts = [int(re.search(r"\((\d+)\)", l.text).group(1)) for l in fieldset.find_elements(By.TAG_NAME, "label")]
    more = fieldset.find_element(By.CSS_SELECTOR, ".facet-more")
    total = int(re.search(r"\((\d+)\)", more.text).group(1))
    assert total > 8
    more.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#search-facets input[name=tag]")) == total)
    assert browser.switch_to.active_element.get_attribute("name") == "tag"
    all_counts = [int(re.search(r"\((\d+)\)", l.get_attribute("textContent")).group(1))
                  for l in browser.find_elements(By.CSS_SELECTOR, "#search-facets input[name=tag] + label")]
    assert min(counts) >= sorted(all_counts, reverse=True)[7], "the eight shown were the most frequent"


def test_on_a_phone_the_filters_fold_away_above_the_results(fresh_browser, servers):
    fresh_browser.set_window_size(390, 844)
    search(fresh_browser, servers["http-root"], "data")
    panel = fresh_browser.find_element(By.CSS_SELECTOR, "#search-facets details")
    assert panel.get_attribute("open") is None, "folded on a narrow screen"
    first = fresh_browser.find_element(By.CSS_SELECTOR, "#search-results .result")
    height = fresh_browser.execute_script("return window.innerHeight")
    assert first.rect["y"] < height, "the first result is on the first screen"
    # Opened by keyboard, the filters work and stay open as they are drawn anew.
    summary = panel.find_element(By.TAG_NAME, "summary")
    assert summary.text.startswith("Saring hasil")
    fresh_browser.execute_script("arguments[0].focus()", summary)
    summary.send_keys(Keys.ENTER)
    WebDriverWait(fresh_browser, 5).until(lambda b: panel.get_attribute("open") is not None)
    box = fresh_browser.find_element(By.CSS_SELECTOR, "#search-facets input[name=category][value='Keamanan Siber']")
    box.send_keys(Keys.SPACE)
    WebDriverWait(fresh_browser, 10).until(lambda b: "category=Keamanan+Siber" in b.current_url)
    WebDriverWait(fresh_browser, 5).until(
        lambda b: "1 aktif" in b.find_element(By.CSS_SELECTOR, "#search-facets summary").text)
    assert fresh_browser.find_element(By.CSS_SELECTOR, "#search-facets details").get_attribute("open") is not None


def test_on_a_wide_screen_the_filters_are_open_beside_the_results(browser, servers):
    search(browser, servers["http-root"], "data")
    assert browser.find_element(By.CSS_SELECTOR, "#search-facets details").get_attribute("open") is not None
    facets = browser.find_element(By.ID, "search-facets").rect
    first = browser.find_element(By.CSS_SELECTOR, "#search-results .result").rect
    assert facets["x"] + facets["width"] <= first["x"], (facets, first)
    assert first["y"] < browser.execute_script("return window.innerHeight"), "the first result is on the first screen"
