"""A loopback static server that gzips text as a web host does and counts what it sends."""
import functools
import gzip
import http.server
import os
import threading

COMPRESSIBLE = {".html", ".js", ".json", ".css", ".svg", ".wasm", ".xml", ".webmanifest"}


class CountingServer:
    def __init__(self, directory):
        self.directory = str(directory)
        self.log = []
        self.lock = threading.Lock()
        handler = functools.partial(_Handler, self, directory=self.directory)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"

    def reset(self):
        with self.lock:
            self.log = []

    def requests(self):
        with self.lock:
            return list(self.log)

    def close(self):
        self.httpd.shutdown()


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, counter, *args, **kwargs):
        self.counter = counter
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404)
            self._count(0)
            return
        with open(path, "rb") as f:
            body = f.read()
        ext = os.path.splitext(path)[1]
        encoded = "gzip" in self.headers.get("Accept-Encoding", "") and ext in COMPRESSIBLE
        if encoded:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)
        self._count(len(body))

    def _count(self, n):
        with self.counter.lock:
            self.counter.log.append((self.path.split("?")[0], n))
