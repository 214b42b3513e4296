"""Debian's clickhouse-server (18.16) on the loopback, with every path in a temporary
folder: started for the tests that need it and stopped after them.

Two users: `default` (no password, may write: the tests fill the tables with it) and
`latih`, read-only as an agency would give `latih report`, whose password is `rahasia`.
"""
import shutil
import socket
import subprocess
import time
import urllib.request

CONFIG = """<yandex>
    <logger><level>warning</level><log>{dir}/server.log</log><errorlog>{dir}/error.log</errorlog><console>0</console></logger>
    <http_port>{port}</http_port>
    <tcp_port>{tcp}</tcp_port>
    <listen_host>127.0.0.1</listen_host>
    <path>{dir}/data/</path>
    <tmp_path>{dir}/tmp/</tmp_path>
    <user_files_path>{dir}/user_files/</user_files_path>
    <format_schema_path>{dir}/format_schemas/</format_schema_path>
    <users_config>{dir}/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>268435456</mark_cache_size>
</yandex>
"""

USERS = """<yandex>
    <profiles>
        <default><max_memory_usage>4000000000</max_memory_usage></default>
        <reader><readonly>2</readonly></reader>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip></networks>
            <profile>default</profile><quota>default</quota>
        </default>
        <latih>
            <password>rahasia</password>
            <networks><ip>127.0.0.1</ip></networks>
            <profile>reader</profile><quota>default</quota>
        </latih>
    </users>
    <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
        <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def available():
    return shutil.which("clickhouse-server") is not None


class ClickHouse:
    """A running server: `url`, and `sql()` to run a statement as `default`."""

    def __init__(self, folder):
        self.dir = folder
        self.port, tcp = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        (folder / "config.xml").write_text(CONFIG.format(dir=folder, port=self.port, tcp=tcp))
        (folder / "users.xml").write_text(USERS)
        self.process = subprocess.Popen(["clickhouse-server", f"--config-file={folder}/config.xml"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while True:
            try:
                if urllib.request.urlopen(self.url + "/ping", timeout=2).read() == b"Ok.\n":
                    break
            except OSError:
                pass
            if self.process.poll() is not None or time.time() > deadline:
                raise RuntimeError("clickhouse-server did not start: " + (folder / "error.log").read_text(errors="replace")[-2000:]
                                   if (folder / "error.log").exists() else "clickhouse-server did not start")
            time.sleep(0.2)

    def sql(self, statement, data=None):
        query = urllib.parse.quote(statement)
        body = data if data is not None else b""
        with urllib.request.urlopen(urllib.request.Request(f"{self.url}/?query={query}", data=body, method="POST"), timeout=120) as r:
            return r.read().decode()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
