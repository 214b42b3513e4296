"""Ralph (PyPI ralph-malph), a real learning record store, for the tests: started on the
loopback with its file-system backend and Basic credentials, and read back through its
own `GET /xAPI/statements`, so that what Ralph stored is what the tests assert."""

import base64
import json
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.request

USER, PASSWORD = "latih", "rahasia"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
LAUNCHER = pathlib.Path(__file__).resolve().parent / "lrs" / "ralph_launcher.py"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Ralph:
    """A running Ralph; `endpoint` is its xAPI root, ending in a slash."""

    def __init__(self, folder, cors_origins=()):
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/xAPI/"
        env = dict(os.environ,
                   RALPH_RUNSERVER_BACKEND="fs",
                   RALPH_APP_DIR=str(folder / "app"),
                   RALPH_AUTH_FILE=str(folder / "auth.json"),
                   RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(folder / "statements"),
                   RALPH_RUNSERVER_CORS_ALLOW_ORIGINS=json.dumps(list(cors_origins)))
        (folder / "statements").mkdir(exist_ok=True)
        # Through this Python, not a `ralph` on PATH (a fresh pip install may not have one yet).
        subprocess.run([sys.executable, "-m", "ralph", "auth", "--username", USER, "--password", PASSWORD, "--scope", "all",
                        "--agent-ifi-mbox", "mailto:lrs@jakarta.go.id", "--write-to-disk"],
                       env=env, check=True, capture_output=True)
        self.log = open(folder / "ralph.log", "w")
        self.process = subprocess.Popen([sys.executable, str(LAUNCHER), "127.0.0.1", str(self.port)],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Ralph did not start: " + (folder / "ralph.log").read_text())
                time.sleep(0.2)

    def request(self, path, method="GET", body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/xAPI/{path}", data=data, method=method, headers={
            "Authorization": AUTH, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read() or b"null")

    def statements(self, **query):
        """Every statement Ralph stored, in the order it stored them, following `more`.
        (Ralph's file backend lists its file in that order; its `ascending` flag reverses it.)"""
        params = "&".join(f"{k}={urllib.request.quote(str(v))}" for k, v in {"limit": 500, **query}.items())
        page = self.request("statements?" + params)
        out = list(page["statements"])
        while page.get("more"):
            more = page["more"].split("/xAPI/", 1)[1]
            page = self.request(more)
            out += page["statements"]
        return out

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
