"""Writes statements.jsonl, the report tests' known-answer statements (run it again after
changing the cases; the tests read the file it writes). Option responses are the tokens the
quiz page sends: the first 8 hex digits of SHA-256("<salt>|t|<question>|<option>"), with the
salt the first 16 of SHA-256("latih-quiz|<quiz id>")."""

import hashlib
import json
import pathlib

BASE = "https://latih.uji.example/"
QUIZ = "kursus-a/a2/1"
SALT = hashlib.sha256(("latih-quiz|" + QUIZ).encode()).hexdigest()[:16]


def token(q, i):
    return hashlib.sha256(f"{SALT}|t|{q}|{i}".encode()).hexdigest()[:8]


ANI = {"objectType": "Agent", "name": "Ani", "mbox": "mailto:ani@jakarta.go.id"}
BANU = {"objectType": "Agent", "name": "Banu", "mbox": "mailto:Banu@Jakarta.go.id"}
CITRA = {"objectType": "Agent", "name": "Citra", "account": {"homePage": "https://lms.jakarta.go.id", "name": "1003"}}
EKO = {"objectType": "Agent", "name": "Eko", "mbox": "mailto:eko@jakarta.go.id"}
V = "http://adlnet.gov/expapi/verbs/"
n = 0
lines = []


def st(actor, verb, obj, at, result=None, sid=None):
    global n
    n += 1
    s = {"id": sid or f"00000000-0000-4000-8000-{n:012d}", "actor": actor, "verb": {"id": V + verb},
         "object": {"objectType": "Activity", "id": obj}, "timestamp": at}
    if result:
        s["result"] = result
    lines.append(json.dumps(s))
    return s["id"]


def attempt(actor, at, right, quiz_statement=True):
    """Answers to the three questions (right: three booleans), then the quiz's passed or failed."""
    for q, ok in enumerate(right):
        correct = [0, 0, 1][q]
        chosen = correct if ok else (1 - correct if q != 1 else 2)
        st(actor, "answered", f"{BASE}kuis/{QUIZ}#soal-{q + 1}", at, {"success": ok, "response": token(q, chosen)})
    score = round(sum(right) / 3 * 100)
    if quiz_statement:
        passed = score >= 70
        st(actor, "passed" if passed else "failed", f"{BASE}kuis/{QUIZ}", at,
           {"score": {"scaled": score / 100, "raw": score, "min": 0, "max": 100}, "success": passed, "completion": True})


# Ani: all of Kursus A (20 JP); a first attempt all right.
st(ANI, "initialized", BASE + "courses/kursus-a/", "2026-02-01T01:00:00Z")
attempt(ANI, "2026-02-01T02:00:00.100Z", [True, True, True])
st(ANI, "completed", BASE + "courses/kursus-a/", "2026-02-03T03:00:00Z", {"completion": True})
# Kursus B at 23:00 WIB on 31 December 2025: outside 2026.
st(ANI, "completed", BASE + "courses/kursus-b/", "2025-12-31T16:00:00Z", {"completion": True})
# An activity the catalogue does not know.
st(ANI, "experienced", "https://portal.jakarta.go.id/pelatihan/lain/", "2026-05-05T05:00:00Z")

# Banu (email in another case): A1 read; a failed first attempt (1 of 3), then all right.
first = st(BANU, "completed", BASE + "courses/kursus-a/a1/", "2026-03-10T02:00:00Z", {"completion": True})
attempt(BANU, "2026-03-11T02:00:00Z", [True, False, False])
attempt(BANU, "2026-03-11T02:05:00Z", [True, True, True])
# The same statement again (an LRS export that overlaps): counted once.
lines.append(lines[[json.loads(l)["id"] for l in lines].index(first)])

# Citra, in an LMS (account name = NIP), answers only (cmi5 sends no quiz statement): 2 of 3.
st(CITRA, "completed", BASE + "courses/kursus-a/a1/", "2026-04-01T03:00:00+07:00", {"completion": True, "duration": "PT1H5M"})
attempt(CITRA, "2026-04-02T03:00:00Z", [False, True, True], quiz_statement=False)
st(CITRA, "completed", "urn:latih:lesson:kursus-b:b1", "2026-06-01T03:00:00Z", {"completion": True})
wrong = st(CITRA, "completed", BASE + "courses/kursus-b/b2/", "2026-06-02T03:00:00Z", {"completion": True})
# ... which the LMS voided.
st({"objectType": "Agent", "mbox": "mailto:lms@jakarta.go.id"}, "voided", wrong, "2026-06-03T03:00:00Z")
lines[-1] = lines[-1].replace('"objectType": "Activity", "id": "' + wrong, '"objectType": "StatementRef", "id": "' + wrong)

# Eko, not on the roster, opened B1.
st(EKO, "experienced", BASE + "courses/kursus-b/b1/", "2026-07-01T03:00:00Z")

# A line that is not JSON, and a statement without a verb.
lines.append("ini bukan JSON")
lines.append(json.dumps({"actor": ANI, "object": {"id": BASE + "courses/kursus-a/"}, "timestamp": "2026-02-01T01:00:00Z"}))

here = pathlib.Path(__file__).resolve().parent
(here / "statements.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
# The same statements as one JSON array, as GET /statements answers.
(here / "statements.json").write_text("[\n" + ",\n".join(l for l in lines if l.startswith("{")) + "\n]\n", encoding="utf-8")
