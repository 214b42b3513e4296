"""A ClickHouse server (Debian's 18.16) for the module's tests, started on the loopback
with its paths in a temporary folder, and stopped after them."""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from clickhouse_server import ClickHouse  # noqa: E402


@pytest.fixture(scope="session")
def clickhouse(tmp_path_factory):
    server = ClickHouse(tmp_path_factory.mktemp("clickhouse"))
    yield server
    server.stop()
