"""Writes libFuzzer seed corpora from the sample catalogue and the test fixtures:
front-matter blocks and .conf files, quiz blocks, GIFT blocks, and lesson bodies."""
import pathlib
import re
import sys

repo = pathlib.Path(__file__).resolve().parents[1]
out = pathlib.Path(sys.argv[1])
corpora = {name: out / name for name in ("FuzzFrontMatter", "FuzzQuiz", "FuzzGift", "FuzzLinks", "FuzzMoodleXML")}
for d in corpora.values():
    d.mkdir(parents=True, exist_ok=True)

fence = re.compile(r"^```(quiz|gift)\n(.*?)^```", re.S | re.M)
sources = list((repo / "content").rglob("*.md")) + list((repo / "Tests").rglob("*.md"))
for i, path in enumerate(sorted(sources)):
    text = path.read_text(encoding="utf-8", errors="replace")
    (corpora["FuzzFrontMatter"] / f"md-{i}").write_text(text[:4000], encoding="utf-8")
    (corpora["FuzzLinks"] / f"md-{i}").write_text(text, encoding="utf-8")
    for j, (kind, body) in enumerate(fence.findall(text)):
        name = "FuzzQuiz" if kind == "quiz" else "FuzzGift"
        (corpora[name] / f"block-{i}-{j}").write_text(body, encoding="utf-8")
for i, path in enumerate(sorted((repo / "content").rglob("*.conf")) + sorted((repo / "templates").rglob("*.conf"))):
    (corpora["FuzzFrontMatter"] / f"conf-{i}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
for i, path in enumerate(sorted((repo / "Tests").rglob("*.quiz"))):
    (corpora["FuzzQuiz"] / f"fixture-{i}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
for i, path in enumerate(sorted((repo / "Tests").rglob("*.gift"))):
    (corpora["FuzzGift"] / f"fixture-{i}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
for i, path in enumerate(sorted((repo / "Tests").rglob("*.xml"))):
    (corpora["FuzzMoodleXML"] / f"bank-{i}").write_bytes(path.read_bytes())
# Markdown whose parsing could cost more than its size (bench/markdown_growth.py measures
# each at full size), at the fuzzers' 4 KB: libFuzzer's -timeout bounds their mutations.
sys.path.insert(0, str(repo / "bench"))
from markdown_growth import CONSTRUCTS  # noqa: E402
for i, make in enumerate(CONSTRUCTS.values()):
    (corpora["FuzzLinks"] / f"hostile-{i}").write_text(make(4000)[:4096], encoding="utf-8")
for name, d in corpora.items():
    print(f"{name}: {len(list(d.iterdir()))} seeds")
