"""`latih report --clickhouse` gives, byte for byte, the report that `--statements` gives
on the same statements.

The statements go the way they go in an agency: into Ralph's exact table
(`xapi_events_all`), on today's ClickHouse (chDB, in this process), where Latih's view
(`latih report --clickhouse-schema`) parses them into Latih's table. Those rows are then
loaded into a real ClickHouse server (Debian's 18.16, on the loopback), and `latih report`
reads them over HTTP as a read-only user. So the view's JSON rules, the queries, the HTTP
client and the fold are all checked against the file reader. Every query Latih sends is
also run again on today's engine, with the same external tables, and must answer the same
bytes as 18.16."""
import datetime
import http.server
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
import uuid

import chdb.session
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))
FIXTURES = REPO / "Tests" / "LatihReportTests" / "Fixtures"
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from clickhouse_server import ClickHouse  # noqa: E402


@pytest.fixture(scope="module")
def clickhouse(tmp_path_factory):
    """Debian's clickhouse-server (18.16) on the loopback, its paths in a temporary folder."""
    server = ClickHouse(tmp_path_factory.mktemp("clickhouse"))
    yield server
    server.stop()

# Ralph's table, as its documentation gives it (Ralph does not create it).
RALPH_TABLE = """CREATE TABLE IF NOT EXISTS xapi.xapi_events_all (
    event_id UUID NOT NULL,
    emission_time DateTime64(6) NOT NULL,
    event String NOT NULL
) ENGINE MergeTree ORDER BY (emission_time, event_id) PARTITION BY toYYYYMM(emission_time)"""


def schema():
    out = subprocess.run([LATIH, "report", "--clickhouse-schema"], capture_output=True, text=True, check=True).stdout
    return [s.strip() for s in re.sub(r"^--.*$", "", out, flags=re.M).split(";") if s.strip()]


def valid_statements(statements, content, tmp):
    """The statements Latih reads without a warning: what an LRS would have accepted."""
    path = tmp / "all.jsonl"
    path.write_text("".join(s + "\n" for s in statements))
    run = subprocess.run([LATIH, "report", "--content", content, "--templates", REPO / "templates", "--year", "2026",
                          "--statements", path, "--output", tmp / "probe"], capture_output=True, text=True)
    bad = {int(m.group(1)) for m in re.finditer(r"all\.jsonl:(\d+):\d+: warning", run.stderr)}
    return [s for i, s in enumerate(statements, 1) if i not in bad and s.strip()]


def ralph_rows(statements):
    """(event_id, emission_time, event) as Ralph writes them: the statement's id (a new one
    when it has none), its timestamp in UTC to the microsecond, and its JSON."""
    rows = []
    for line in statements:
        s = json.loads(line)
        t = datetime.datetime.fromisoformat(s["timestamp"].replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
        rows.append((s.get("id") or str(uuid.uuid4()), t.strftime("%Y-%m-%d %H:%M:%S.%f"), json.dumps(s)))
    return rows


def parsed_by_the_view(statements, tmp):
    """Latih's table, as the view fills it from Ralph's table on today's engine (TSV), and
    as the backfill fills it (which must be the same)."""
    raw = tmp / "ralph.tsv"
    esc = lambda v: v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    raw.write_text("".join("\t".join(esc(c) for c in r) + "\n" for r in ralph_rows(statements)))
    shutil.rmtree(tmp / "chdb", ignore_errors=True)
    sess = chdb.session.Session(str(tmp / "chdb"))
    try:
        sess.query("CREATE DATABASE IF NOT EXISTS xapi")
        sess.query(RALPH_TABLE)
        for statement in schema()[:2]:  # Latih's table and its view
            sess.query(statement)
        sess.query(f"INSERT INTO xapi.xapi_events_all SELECT * FROM file('{raw}', TabSeparated, "
                   "'event_id UUID, emission_time DateTime64(6), event String')")
        order = "ORDER BY event_id, ts_us, actor_key, verb_id, object_id, response"
        by_view = str(sess.query(f"SELECT * FROM xapi.latih_statements {order}", "TabSeparated"))
        # The backfill, into a second copy of the table, gives the same rows.
        sess.query("CREATE DATABASE IF NOT EXISTS again")
        sess.query(schema()[0].replace("xapi.latih_statements", "again.latih_statements"))
        sess.query(schema()[2].replace("INSERT INTO xapi.latih_statements", "INSERT INTO again.latih_statements")
                   .replace("2026-01-01 00:00:00", "2100-01-01 00:00:00"))
        by_backfill = str(sess.query(f"SELECT * FROM again.latih_statements {order}", "TabSeparated"))
    finally:
        sess.close()
    assert by_view == by_backfill
    assert by_view.count("\n") == len(statements)
    return by_view


def load(clickhouse, database, tsv):
    clickhouse.sql(f"CREATE DATABASE IF NOT EXISTS {database}")
    clickhouse.sql(f"DROP TABLE IF EXISTS {database}.latih_statements")
    clickhouse.sql(schema()[0].replace("xapi.", database + "."))
    clickhouse.sql(f"INSERT INTO {database}.latih_statements FORMAT TabSeparated", tsv.encode())


def report(args, content, out, env=None):
    run = subprocess.run([LATIH, "report", "--content", content, "--templates", REPO / "templates", "--year", "2026",
                          "--output", out, *args], capture_output=True, text=True, env={**os.environ, **(env or {})})
    return run


def both_ways(clickhouse, tmp, statements, content, roster, database):
    statements = valid_statements(statements, content, tmp)
    path = tmp / "valid.jsonl"
    path.write_text("".join(s + "\n" for s in statements))
    load(clickhouse, database, parsed_by_the_view(statements, tmp))
    by_file = report(["--roster", roster, "--statements", path], content, tmp / "file")
    assert by_file.returncode == 0, by_file.stderr
    by_engine = report(["--roster", roster, "--clickhouse", clickhouse.url, "--clickhouse-database", database,
                        "--clickhouse-user", "latih"], content, tmp / "engine", {"LATIH_CLICKHOUSE_PASSWORD": "rahasia"})
    assert by_engine.returncode == 0, by_engine.stderr
    return (tmp / "file" / "report.json").read_bytes(), (tmp / "engine" / "report.json").read_bytes()


def edge_cases():
    """The fixture's cases (out of the year, unknown activity, an email in another case, a
    duplicate, an LMS account, voiding, someone not on the roster), and more: answers tied in
    time, an answer exactly 10 s after its attempt began, a repeated question, a quiz
    statement without a score, a voiding statement that comes before what it voids."""
    lines = [l for l in (FIXTURES / "statements.jsonl").read_text().splitlines() if l.strip()]
    base, quiz, v = "https://latih.uji.example/", "kursus-a/a2/1", "http://adlnet.gov/expapi/verbs/"
    dewi = {"objectType": "Agent", "name": "Dewi", "mbox": "mailto:dewi@jakarta.go.id"}
    n = 0

    def st(verb, obj, at, result=None, sid=None):
        nonlocal n
        n += 1
        s = {"id": sid or f"00000000-0000-4000-9000-{n:012d}", "actor": dewi, "verb": {"id": v + verb},
             "object": {"objectType": "Activity", "id": obj}, "timestamp": at}
        if result is not None:
            s["result"] = result
        return json.dumps(s)

    voided = "00000000-0000-4000-9000-0000000000ff"
    lines.append(json.dumps({"id": "00000000-0000-4000-9000-0000000000fe", "actor": dewi, "verb": {"id": v + "voided"},
                             "object": {"objectType": "StatementRef", "id": voided.upper()}, "timestamp": "2026-03-01T01:00:00Z"}))
    lines.append(st("completed", base + "courses/kursus-a/", "2026-03-02T01:00:00Z", {"completion": True}, sid=voided))
    for q, ok in [(1, True), (2, False), (3, True)]:
        lines.append(st("answered", f"{base}kuis/{quiz}#soal-{q}", "2026-03-03T02:00:00Z", {"success": ok, "response": "x"}))
    lines.append(st("answered", f"{base}kuis/{quiz}#soal-1", "2026-03-03T02:00:10Z", {"success": True, "response": "y"}))
    lines.append(st("answered", f"{base}kuis/{quiz}#soal-1", "2026-03-03T02:00:11Z", {"success": False, "response": "y"}))
    lines.append(st("failed", f"{base}kuis/{quiz}", "2026-03-03T02:00:12Z", {"success": False}))
    lines.append(st("passed", f"{base}kuis/{quiz}", "2026-03-04T02:00:00.5+07:00",
                    {"score": {"raw": 8, "max": 10}, "success": True}))
    # An attempt whose answers and result carry one time, as the site stamps them.
    lines.append(st("passed", f"{base}kuis/{quiz}", "2026-03-05T02:00:00.123Z", {"score": {"raw": 100, "max": 100}, "success": True}))
    for q in (1, 2, 3):
        lines.append(st("answered", f"{base}kuis/{quiz}#soal-{q}", "2026-03-05T02:00:00.123Z", {"success": True, "response": "z"}))
    return lines


def test_clickhouse_gives_the_report_the_file_gives(clickhouse, tmp_path):
    by_file, by_engine = both_ways(clickhouse, tmp_path, edge_cases(), FIXTURES / "catalogue" / "content",
                                   FIXTURES / "pegawai.csv", "kasus")
    data = json.loads(by_file)
    assert data["statements"]["voided"] >= 3 and data["statements"]["duplicates"] >= 1
    assert data["statements"]["out_of_year"] >= 1 and data["statements"]["unknown_activities"] >= 1
    assert by_engine == by_file


def test_the_same_at_volume(clickhouse, tmp_path):
    import report_bench
    courses = report_bench.catalogue(LATIH, tmp_path)
    report_bench.generate(courses, 300, tmp_path / "year.jsonl", seed=11)
    statements = (tmp_path / "year.jsonl").read_text().splitlines()
    # Copies, as overlapping exports give, and voiding statements for some, in random places.
    rng = random.Random(3)
    extra = [rng.choice(statements) for _ in range(200)]
    for s in rng.sample([s for s in statements if s.startswith("{")], 100):
        target = json.loads(s)
        extra.append(json.dumps({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "actor": target["actor"],
                                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                                 "object": {"objectType": "StatementRef", "id": target["id"]}, "timestamp": target["timestamp"]}))
    for s in extra:
        statements.insert(rng.randrange(len(statements) + 1), s)
    by_file, by_engine = both_ways(clickhouse, tmp_path, statements, REPO / "content", tmp_path / "pegawai.csv", "volume")
    data = json.loads(by_file)
    assert len(data["learners"]) == 300 and data["statements"]["counted"] > 5000
    assert by_engine == by_file


def failing(clickhouse, tmp_path, url=None, database="kasus", password="rahasia", user="latih"):
    """Runs a report that must fail, over a previous report that must be left as it was."""
    out = tmp_path / "laporan"
    if not out.exists():
        made = report(["--statements", FIXTURES / "statements.jsonl"], FIXTURES / "catalogue" / "content", out)
        assert made.returncode == 0, made.stderr
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    run = report(["--clickhouse", url or clickhouse.url, "--clickhouse-database", database, "--clickhouse-user", user],
                 FIXTURES / "catalogue" / "content", out, {"LATIH_CLICKHOUSE_PASSWORD": password})
    assert run.returncode == 1, run.stderr
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    return run.stderr


def test_errors_are_clear_and_leave_the_previous_report(clickhouse, tmp_path):
    clickhouse.sql("CREATE DATABASE IF NOT EXISTS kosong")
    assert "refused the user or password" in failing(clickhouse, tmp_path, password="salah")
    assert "cannot reach ClickHouse" in failing(clickhouse, tmp_path, url="http://127.0.0.1:9")
    missing = failing(clickhouse, tmp_path, database="kosong")
    assert "latih_statements" in missing and "report.clickhouse-failed" in missing
    assert "not a database name" in failing(clickhouse, tmp_path, database="xapi; DROP TABLE x")


class _Proxy(http.server.BaseHTTPRequestHandler):
    """Passes requests to ClickHouse and keeps each with its answer. With `cut`, it answers
    the events query with its first half and then an error, as ClickHouse does when a query
    fails after `200 OK`."""
    upstream = ""
    kept = []
    cut = False

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
        with urllib.request.urlopen(urllib.request.Request(self.upstream + self.path, data=body, headers=headers, method="POST")) as r:
            answer = r.read()
        self.kept.append((self.path, self.headers.get("Content-Type", ""), body, answer))
        if self.cut and b"slot" in urllib.parse.unquote_to_bytes(self.path):
            lines = answer.split(b"\n")
            answer = b"\n".join(lines[: len(lines) // 2]) + b"\nCode: 241, e.displayText() = DB::Exception: Memory limit exceeded\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass

    @classmethod
    def serve(cls, upstream, cut=False):
        cls.upstream, cls.kept, cls.cut = upstream, [], cut
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), cls)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def test_an_answer_cut_short_makes_no_report(clickhouse, tmp_path):
    both_ways(clickhouse, tmp_path, edge_cases(), FIXTURES / "catalogue" / "content", FIXTURES / "pegawai.csv", "kasus")
    server = _Proxy.serve(clickhouse.url, cut=True)
    try:
        stderr = failing(clickhouse, tmp_path, url=f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
    assert "stopped in the middle of its answer" in stderr and "Memory limit exceeded" in stderr


def test_the_documented_sql_is_the_sql_latih_prints():
    printed = subprocess.run([LATIH, "report", "--clickhouse-schema"], capture_output=True, text=True, check=True).stdout
    docs = (REPO / "docs" / "report.md").read_text()
    assert printed.rstrip("\n") in docs
    other = subprocess.run([LATIH, "report", "--clickhouse-schema", "--clickhouse-database", "lrs_jakarta"],
                           capture_output=True, text=True, check=True).stdout
    assert "lrs_jakarta.latih_statements" in other and "xapi." not in other
    refused = subprocess.run([LATIH, "report", "--clickhouse-schema", "--clickhouse-database", "x;y"], capture_output=True, text=True)
    assert refused.returncode == 2


def external_tables(content_type, body):
    """The multipart parts of a query's external data: {name: TSV bytes}."""
    boundary = content_type.split("boundary=", 1)[1].encode()
    tables = {}
    for part in body.split(b"--" + boundary):
        if b"\r\n\r\n" not in part:
            continue
        head, data = part.split(b"\r\n\r\n", 1)
        name = re.search(rb'name="([^"]+)"', head).group(1).decode()
        tables[name] = data[:-2] if data.endswith(b"\r\n") else data
    return tables


def test_latihs_queries_answer_alike_on_both_engines(clickhouse, tmp_path):
    """Every query `latih report --clickhouse` sends, as it sent it to 18.16, runs again on
    today's engine (chDB) over the same rows and external tables, and answers the same."""
    statements = valid_statements(edge_cases(), FIXTURES / "catalogue" / "content", tmp_path)
    tsv = parsed_by_the_view(statements, tmp_path)
    load(clickhouse, "kasus", tsv)
    server = _Proxy.serve(clickhouse.url)
    try:
        run = report(["--roster", FIXTURES / "pegawai.csv", "--clickhouse", f"http://127.0.0.1:{server.server_port}",
                      "--clickhouse-database", "kasus", "--clickhouse-user", "latih"], FIXTURES / "catalogue" / "content",
                     tmp_path / "engine", {"LATIH_CLICKHOUSE_PASSWORD": "rahasia"})
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stderr
    assert len(_Proxy.kept) == 4

    rows = tmp_path / "rows.tsv"
    rows.write_text(tsv)
    shutil.rmtree(tmp_path / "replay", ignore_errors=True)
    sess = chdb.session.Session(str(tmp_path / "replay"))
    try:
        sess.query("CREATE DATABASE IF NOT EXISTS kasus")
        sess.query(schema()[0].replace("xapi.", "kasus."))
        sess.query(f"INSERT INTO kasus.latih_statements SELECT * FROM file('{rows}', TabSeparated)")
        for path, content_type, body, answer in _Proxy.kept:
            params = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
            sql = params["query"][0] if "query" in params else body.decode()
            for name, data in (external_tables(content_type, body) if "query" in params else {}).items():
                (tmp_path / f"{name}.tsv").write_bytes(data)
                sess.query(f"DROP TABLE IF EXISTS {name}")
                sess.query(f"CREATE TABLE {name} ({params[name + '_structure'][0]}) ENGINE = Memory")
                if data:
                    sess.query(f"INSERT INTO {name} SELECT * FROM file('{tmp_path / (name + '.tsv')}', TabSeparated)")
            again = str(sess.query(sql, "TabSeparated")).encode()
            assert again == answer, sql[:200]
    finally:
        sess.close()
