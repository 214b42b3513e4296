"""Fixtures for the real-browser suite: a freshly built sample site, loopback HTTP
servers over it, and headless Chromium driven by Selenium."""

import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import threading
import zipfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))


@pytest.fixture(scope="session")
def www(tmp_path_factory):
    """The sample catalogue, built by the real `latih build` into <www>/sub/site."""
    root = tmp_path_factory.mktemp("www")
    out = root / "sub" / "site"
    out.parent.mkdir(parents=True)
    result = subprocess.run(
        [LATIH, "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"), "--output", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return root


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    max_age = None

    def log_message(self, *args):
        pass

    def send_head(self):
        # Last-Modified has a resolution of one second, and a test rebuilds a site within
        # the second: answering If-Modified-Since would call the rebuilt page unchanged.
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def end_headers(self):
        if self.max_age is not None:
            self.send_header("Cache-Control", f"max-age={self.max_age}")
        super().end_headers()


class _CachingHandler(_QuietHandler):
    """A host that lets browsers keep every file for ten minutes, as GitHub Pages does."""
    max_age = 600


def _serve(directory, caching=False):
    handler = functools.partial(_CachingHandler if caching else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def servers(www):
    """Two loopback servers: one with the site at the root, one serving its grandparent."""
    at_root = _serve(www / "sub" / "site")
    parent = _serve(www)
    yield {
        "http-root": f"http://127.0.0.1:{at_root.server_port}/",
        "http-subpath": f"http://127.0.0.1:{parent.server_port}/sub/site/",
        "file": (www / "sub" / "site").as_uri() + "/",
    }
    at_root.shutdown()
    parent.shutdown()


def _chrome(javascript=True, downloads=None):
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    prefs = {}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if downloads:
        prefs.update({"download.default_directory": str(downloads), "download.prompt_for_download": False})
    if prefs:
        options.add_experimental_option("prefs", prefs)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def sample_site_reporting_xapi(tmp_path):
    """The sample catalogue, with site.conf allowing an LRS on the loopback, built by the
    real `latih build` and served: (server, output folder)."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    with open(content / "site.conf", "a", encoding="utf-8") as conf:
        conf.write("xapi-endpoints: http://127.0.0.1:*\n")
    out = tmp_path / "site"
    subprocess.run([LATIH, "build", "--content", str(content), "--templates", str(REPO / "templates"), "--output", str(out)],
                   check=True, capture_output=True)
    return _serve(out), content


LMS_CONTENT = REPO / "Tests" / "LatihLMSTests" / "Fixtures" / "lms" / "content"


def unpacked_package(root, fmt):
    """The LMS fixture's course packaged by the real `latih package` in format `fmt`, and
    unpacked as an LMS unpacks it into `<root>/www/pkg`: returns `<root>/www`."""
    subprocess.run([LATIH, "package", "--content", str(LMS_CONTENT), "--templates", str(REPO / "templates"),
                    "--format", fmt, "--course", "dasar-lms", "--output", str(root / "zips")],
                   check=True, capture_output=True)
    www = root / "www"
    with zipfile.ZipFile(root / "zips" / f"dasar-lms-{fmt}.zip") as z:
        z.extractall(www / "pkg")
    return www


@pytest.fixture(scope="session")
def browser():
    driver = _chrome()
    yield driver
    driver.quit()


@pytest.fixture()
def fresh_browser():
    """A browser with an empty profile, so no stored progress leaks between tests."""
    driver = _chrome()
    yield driver
    driver.quit()


@pytest.fixture()
def downloading_browser(tmp_path):
    """A fresh browser that saves downloads into a folder of the test's own."""
    folder = tmp_path / "unduhan"
    folder.mkdir()
    driver = _chrome(downloads=folder)
    driver.downloads = folder
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The minimal fixture site (every quiz type, a GIFT block), built and served over loopback."""
    out = tmp_path_factory.mktemp("fixture") / "site"
    content = REPO / "Tests" / "LatihSiteTests" / "Fixtures" / "valid" / "minimal" / "content"
    result = subprocess.run([LATIH, "build", "--content", str(content), "--templates", str(REPO / "templates"), "--output", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    server = _serve(out)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture()
def browser_without_js():
    driver = _chrome(javascript=False)
    yield driver
    driver.quit()


SCREENSHOTS = pathlib.Path(os.environ.get("LATIH_SCREENSHOTS", str(REPO / ".build" / "screenshots")))


def screenshot(driver, name):
    """Saves what the browser shows as <name>.png among the test artefacts (set
    LATIH_SCREENSHOTS to choose the folder), so that a person can look at the pages."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path
