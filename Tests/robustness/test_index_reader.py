"""docs/search.md is enough to read the search index: a reader written from that page
alone (Tests/search/latih_index.py, in Python) loads the sample site's index and ranks the
search tests' queries, and its top ten equal the browser engine's (run by Node over the
same files), document for document."""
import json
import pathlib
import subprocess
import sys

from test_determinism import LATIH, REPO

sys.path.insert(0, str(REPO / "Tests" / "search"))
sys.path.insert(0, str(REPO / "Tests" / "browser"))
from latih_index import LatihIndex  # noqa: E402

# The search tests' queries whose words the index has as words. The others need what a
# reader of the format alone does not have (the stemmer for unknown words, typo and prefix
# matching, loanword spellings), which docs/search.md describes but does not specify.
QUERIES = ["kata sandi", "kebocoran", "pivot", "hoaks", "BerAKHLAK", "netralitas", "aduan", "jejak digital", "rumus",
           "pelayanan publik", "data", "melindungi data warga", "apa itu phishing", "bagaimana cara membuat grafik",
           "verifikasi dua langkah", "layanan", "tabel", "keamanan siber"]


def test_a_reader_from_the_documentation_ranks_as_the_browser(tmp_path):
    site = tmp_path / "site"
    subprocess.run([LATIH, "build", "--content", REPO / "content", "--templates", REPO / "templates", "--output", site],
                   check=True, capture_output=True)
    browser = json.loads(subprocess.run(["node", REPO / "Tests" / "search" / "top_ten.js", site, *QUERIES],
                                        check=True, capture_output=True, text=True).stdout)
    index = LatihIndex(site)
    for q in QUERIES:
        words = index.words(q)
        assert all(index.matches(w) or w in ("apa", "itu", "bagaimana", "cara") for w in words), q
        ours = index.top(words)
        assert ours, q
        assert ours == browser[q], (q, [index.record(d)[1] for d in ours], [index.record(d)[1] for d in browser[q]])
    # The records read as the page says: a lesson's kind, title, path, minutes and breadcrumb.
    first = index.record(index.top(index.words("kata sandi"))[0])
    assert first[0] == 1 and first[1] == "Kata Sandi dan Verifikasi Dua Langkah"
    assert first[2].startswith("courses/") and first[3] > 0 and " › " in first[4]
