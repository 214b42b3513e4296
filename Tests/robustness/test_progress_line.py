"""On a terminal, `latih build` shows its phase and counts in one line redrawn in place;
anywhere else it prints no progress at all."""

import os
import pathlib
import pty
import re
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))


def build_args(out, content=REPO / "content"):
    return [LATIH, "build", "--content", str(content), "--templates", str(REPO / "templates"), "--output", str(out)]


def test_a_terminal_sees_phases_and_counts_redrawn_in_place(tmp_path):
    chunks = []

    def read(fd):
        data = os.read(fd, 4096)
        chunks.append(data)
        return data

    # A catalogue large enough for the line, drawn ten times a second, to be seen.
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "--lessons", "400", "--out", str(tmp_path / "gen")],
                   check=True, capture_output=True)
    status = pty.spawn(build_args(tmp_path / "site", tmp_path / "gen" / "latih" / "content"), read)
    assert os.waitstatus_to_exitcode(status) == 0
    text = b"".join(chunks).decode("utf-8", "replace")
    lines = [l for l in re.split(r"\r\x1b\[2K", text) if l]
    counted = [l for l in lines if re.search(r": \d+/\d+ pages", l)]
    assert counted, lines
    done = re.search(r"(\d+)/(\d+) pages, (\d+)/(\d+) index files", counted[-1])
    assert done and done.group(1) == done.group(2) and done.group(3) == done.group(4), counted[-1]
    # The line is cleared before the summary, which stands on its own.
    assert lines[-1].startswith("Built "), lines[-1]


def test_without_a_terminal_no_progress_is_printed(tmp_path):
    run = subprocess.run(build_args(tmp_path / "site"), capture_output=True, text=True, check=True)
    assert run.stderr == ""
    assert run.stdout.startswith("Built ")
