#!/usr/bin/env python3
"""`make bench-report`: `latih report` on a year of an agency's xAPI statements.

It builds the sample catalogue to read its lessons and quizzes (ids, questions, the option
tokens the quiz pages send), then generates what the site sends for N people over a year:
lessons opened and completed, every question answered, quizzes passed and failed, courses
completed, with a few voided and duplicate statements and malformed lines, as one JSON
statement per line; and a roster in 40 units. Each person behaves differently (how many
courses, how far, how well), so the report's work is the real one. It then reports wall
time, CPU time and peak RSS (from /usr/bin/time -v) at each size, and their ratio to the
smallest, which shows how the cost grows.

    python3 bench/report_bench.py --statements 250000,500000,1000000 --runs 3
    python3 bench/report_bench.py --statements 5000 --runs 1 --latih .build/debug/latih   # CI smoke run
"""
import argparse
import json
import pathlib
import random
import re
import statistics
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from bench import measured  # noqa: E402

BASE = "https://latih.example.go.id/"
V = "http://adlnet.gov/expapi/verbs/"
PER_PERSON = 50  # statements a person sends in a year, on average


def catalogue(latih, work):
    """(course slug, [(lesson id, [(quiz id, [[option tokens] per question], [right token per question])])])."""
    site = work / "site"
    subprocess.run([latih, "build", "--content", REPO / "content", "--templates", REPO / "templates", "--output", site,
                    "--no-search"], check=True, capture_output=True)
    courses = []
    for course in sorted((site / "courses").iterdir()):
        lessons = []
        for page in sorted(course.glob("*/index.html")):
            html = page.read_text()
            m = re.search(r'data-lesson="([^"]+)"', html)
            quizzes = []
            for quiz, body in re.findall(r'data-quiz="([^"]+)".*?<ol class="quiz-questions">(.*?)</ol>\s*<div class="quiz-actions">', html, re.S):
                questions = re.findall(r'<li class="question"(.*?)</li>\s*(?=<li class="question"|$)', body, re.S)
                tokens = [re.findall(r'type="(?:radio|checkbox)" name="[^"]+" value="([^"]+)"', q) for q in questions]
                quizzes.append((quiz, tokens))
            lessons.append((m.group(1), quizzes))
        courses.append((course.name, lessons))
    return courses


def generate(courses, people, path, seed=7, per_person=PER_PERSON):
    rng = random.Random(seed)
    units = [f"Unit {i + 1:02d}" for i in range(40)]
    roster = ["nip,nama,email,unit,jabatan"]
    count = 0
    start = 1767200400  # 2026-01-01T00:00:00+07:00
    with open(path, "w") as out:
        def emit(s):
            nonlocal count
            out.write(json.dumps(s, separators=(",", ":")) + "\n")
            count += 1
        for p in range(people):
            nip = f"{198001012005011000 + p}"
            email = f"pegawai{p}@jakarta.go.id"
            roster.append(f"{nip},Pegawai {p},{email},{units[p % 40]},Analis")
            actor = {"objectType": "Agent", "name": f"Pegawai {p}", "mbox": "mailto:" + email}
            skill = rng.random()
            t = start + rng.randrange(0, 300 * 86400)
            budget = int(rng.expovariate(1 / per_person))
            chosen = rng.sample(courses, k=min(len(courses), 1 + int(rng.random() * 3)))
            # A learner with more to do comes back: to the other courses, then to the same ones.
            if per_person > PER_PERSON:
                chosen = [rng.choice(courses) for _ in range(1 + budget // 20)]
            for slug, lessons in chosen:
                if budget <= 0:
                    break
                course = BASE + f"courses/{slug}/"
                finished = True
                for lesson, quizzes in lessons:
                    if budget <= 0 or rng.random() < 0.1:
                        finished = False
                        break
                    t += rng.randrange(600, 3 * 86400)
                    stamp = lambda: __import__("datetime").datetime.fromtimestamp(t, __import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
                    emit({"id": f"{rng.getrandbits(128):032x}"[:8] + "-0000-4000-8000-" + f"{count:012d}", "actor": actor,
                          "verb": {"id": V + "experienced"}, "object": {"objectType": "Activity", "id": BASE + f"courses/{lesson}/"},
                          "timestamp": stamp()})
                    budget -= 1
                    passed_all = True
                    for quiz, questions in quizzes:
                        for attempt in range(3):
                            right = 0
                            for q, tokens in enumerate(questions):
                                ok = rng.random() < 0.35 + 0.6 * skill
                                right += ok
                                response = tokens[0] if tokens and ok else (tokens[-1] if tokens else ("benar" if ok else "x"))
                                emit({"id": f"{count:08x}-0000-4000-8000-{count:012d}", "actor": actor, "verb": {"id": V + "answered"},
                                      "object": {"objectType": "Activity", "id": BASE + f"kuis/{quiz}#soal-{q + 1}"},
                                      "result": {"success": bool(ok), "response": response}, "timestamp": stamp()})
                            score = round(100 * right / max(1, len(questions)))
                            passed = score >= 70
                            emit({"id": f"{count:08x}-0000-4000-8000-{count:012d}", "actor": actor, "verb": {"id": V + ("passed" if passed else "failed")},
                                  "object": {"objectType": "Activity", "id": BASE + f"kuis/{quiz}"},
                                  "result": {"score": {"scaled": score / 100, "raw": score, "min": 0, "max": 100}, "success": passed, "completion": True},
                                  "timestamp": stamp()})
                            budget -= len(questions) + 1
                            t += 60
                            if passed:
                                break
                        else:
                            passed_all = False
                    if passed_all:
                        emit({"id": f"{count:08x}-0000-4000-8000-{count:012d}", "actor": actor, "verb": {"id": V + "completed"},
                              "object": {"objectType": "Activity", "id": BASE + f"courses/{lesson}/"}, "result": {"completion": True},
                              "timestamp": stamp()})
                    else:
                        finished = False
                if finished:
                    emit({"id": f"{count:08x}-0000-4000-8000-{count:012d}", "actor": actor, "verb": {"id": V + "completed"},
                          "object": {"objectType": "Activity", "id": course}, "result": {"completion": True}, "timestamp": stamp()})
            if p % 997 == 0:
                out.write("bukan JSON\n")
    (path.parent / "pegawai.csv").write_text("\n".join(roster) + "\n")
    return count


def engine(args, folder, path, made):
    """The same statements through `--clickhouse`: Ralph's table on today's engine (chDB)
    parsed by Latih's view, loaded into Debian's ClickHouse 18.16 on the loopback, then
    read by `latih report`. Prints Latih's time and RSS and the server's RSS."""
    sys.path.insert(0, str(REPO / "Tests" / "clickhouse"))
    import test_report_clickhouse as t
    from clickhouse_server import ClickHouse
    lines = [l for l in path.read_text().splitlines() if l.startswith("{")]
    tsv = t.parsed_by_the_view(lines, folder)
    (folder / "clickhouse").mkdir(exist_ok=True)
    server = ClickHouse(folder / "clickhouse")
    try:
        t.load(server, "xapi", tsv)
        import os
        os.environ["LATIH_CLICKHOUSE_PASSWORD"] = "rahasia"
        runs = [measured([args.latih, "report", "--content", REPO / "content", "--templates", REPO / "templates", "--year", "2026",
                          "--roster", folder / "pegawai.csv", "--clickhouse", server.url, "--clickhouse-user", "latih",
                          "--output", folder / "laporan-ch"]) for _ in range(args.runs)]
        wall, cpu, rss = (statistics.median(r[i] for r in runs) for i in range(3))
        server_rss = int(open(f"/proc/{server.process.pid}/status").read().split("VmHWM:")[1].split()[0]) / 1024
        # The file's malformed lines are `skipped`; an LRS never stored them.
        a, b = (json.loads((folder / f / "report.json").read_text()) for f in ("laporan", "laporan-ch"))
        a["skipped"] = b["skipped"] = 0
        same = a == b
        print(f"{made:>9,} statements through ClickHouse 18.16: wall {wall:6.2f} s, CPU {cpu:6.2f} s, peak RSS {rss:7.0f} MB; "
              f"server peak RSS {server_rss:.0f} MB; report.json {'identical' if same else 'DIFFERENT'}", flush=True)
        if not same:
            sys.exit("the report through ClickHouse differs from the report from the file")
    finally:
        server.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--statements", default="250000,500000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--people", type=int, default=0,
                    help="a fixed roster of this many people, with more statements a person at each size")
    ap.add_argument("--clickhouse", action="store_true",
                    help="also through --clickhouse: the statements parsed by Latih's view (chDB) into Debian's ClickHouse")
    ap.add_argument("--work", default="/tmp/latih-bench-report")
    ap.add_argument("--latih", default=str(REPO / ".build" / "release" / "latih"))
    args = ap.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    courses = catalogue(args.latih, work)
    rows = []
    for target in [int(s) for s in args.statements.split(",")]:
        folder = work / str(target)
        folder.mkdir(exist_ok=True)
        path = folder / "statements.jsonl"
        if args.people:
            # A fixed roster: the statements a person grow with the size.
            people, per = args.people, target / args.people
            for _ in range(3):
                made = generate(courses, people, path, per_person=per)
                per *= target / made
        else:
            # About PER_PERSON statements a person: find the head count that gives the target.
            people = max(1, target // PER_PERSON)
            made = generate(courses, people, path)
            people = max(1, round(people * target / made))
            made = generate(courses, people, path)
        size = path.stat().st_size / 1e6
        runs = [measured([args.latih, "report", "--content", REPO / "content", "--templates", REPO / "templates", "--year", "2026",
                          "--roster", folder / "pegawai.csv", "--statements", path, "--output", folder / "laporan"])
                for _ in range(args.runs)]
        wall, cpu, rss = (statistics.median(r[i] for r in runs) for i in range(3))
        pages = sum(1 for _ in (folder / "laporan").rglob("*.html"))
        rows.append((made, people, size, wall, cpu, rss, pages))
        print(f"{made:>9,} statements, {people:>6,} people, {size:6.0f} MB: wall {wall:6.2f} s, CPU {cpu:6.2f} s, "
              f"peak RSS {rss:7.0f} MB, {pages:,} pages", flush=True)
        if args.clickhouse:
            engine(args, folder, path, made)
    if len(rows) > 1:
        base = rows[0]
        print("\n| statements | people | JSON lines | wall | CPU | peak RSS | ÷ smallest (statements / wall / RSS) |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r[0]:,} | {r[1]:,} | {r[2]:.0f} MB | {r[3]:.2f} s | {r[4]:.2f} s | {r[5]:.0f} MB | "
                  f"{r[0] / base[0]:.1f} / {r[3] / base[3]:.1f} / {r[5] / base[5]:.1f} |")


if __name__ == "__main__":
    main()
