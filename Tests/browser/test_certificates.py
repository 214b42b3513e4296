"""Agency-signed certificates, end to end with the real tools: `latih certify key` and
`issue` from the report fixture's records, the credentials checked by an independent
verifier (PyPI's `cryptography` and `rfc8785`, code this project did not write), the
printed QR code decoded by `zbarimg` and opened in Chromium, every hostile case of the
shared table refused on the verification page (with WebCrypto, and with crypto.subtle
removed), a revocation published by a rebuild, and the page audited by axe-core."""

import hashlib
import json
import os
import pathlib
import shutil
import stat
import subprocess

import pytest
import rfc8785
from axe_core_python.base import AXE_SCRIPT
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LATIH, REPO, _chrome, _serve, screenshot

FIXTURES = REPO / "Tests" / "LatihReportTests" / "Fixtures"
TEMPLATES = REPO / "templates"
HOSTILE = json.loads((REPO / "Tests" / "vectors" / "credentials" / "hostile.json").read_text(encoding="utf-8"))
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58decode(text):
    """Base58btc, as the test reads it (a dozen lines, apart from Latih's own)."""
    n = 0
    for c in text:
        n = n * 58 + B58.index(c)
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def latih(*args, check=True):
    result = subprocess.run([LATIH, *map(str, args)], capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """The report fixture's catalogue with a new key in site.conf, its records issued as
    certificates, and the site built: {root, content, certs, site, key, public}."""
    root = tmp_path_factory.mktemp("certify")
    content = root / "content"
    shutil.copytree(FIXTURES / "catalogue" / "content", content)
    key = root / "kunci" / "agency-key.json"
    key.parent.mkdir()
    out = latih("certify", "key", "--output", key, "--name", "BPSDM Uji", "--content", content, "--templates", TEMPLATES).stdout
    public = next(line.split()[-1] for line in out.splitlines() if line.strip().startswith("certificate-keys:"))
    with open(content / "site.conf", "a", encoding="utf-8") as conf:
        conf.write(f"organisation: BPSDM Provinsi Uji\ncertificate-keys: {public}\n")
    certs = root / "sertifikat-terbit"
    latih("certify", "issue", "--key", key, "--content", content, "--templates", TEMPLATES, "--year", "2026",
          "--statements", FIXTURES / "statements.jsonl", "--roster", FIXTURES / "pegawai.csv", "--output", certs)
    site = root / "site"
    latih("build", "--content", content, "--templates", TEMPLATES, "--output", site)
    return {"root": root, "content": content, "certs": certs, "site": site, "key": key, "public": public}


def credentials(certs):
    return sorted(certs.glob("*/*.json"))


def test_the_key_file_is_private_and_never_overwritten(issued, tmp_path):
    mode = stat.S_IMODE(os.stat(issued["key"]).st_mode)
    assert mode == 0o600
    again = latih("certify", "key", "--output", issued["key"], check=False)
    assert again.returncode == 1 and "refusing to overwrite" in again.stderr
    inside = latih("certify", "key", "--output", issued["content"] / "kunci.json", "--content", issued["content"], check=False)
    assert inside.returncode == 1 and "certify.key-refused" in inside.stderr
    in_repo = latih("certify", "key", "--output", REPO / "kunci.json", check=False)
    assert in_repo.returncode == 1 and "repository" in in_repo.stderr
    assert not (REPO / "kunci.json").exists()
    exposed = tmp_path / "terbuka.json"
    shutil.copy(issued["key"], exposed)
    os.chmod(exposed, 0o644)
    refused = latih("certify", "issue", "--key", exposed, "--content", issued["content"], "--templates", TEMPLATES,
                    "--statements", FIXTURES / "statements.jsonl", "--output", tmp_path / "c", check=False)
    assert refused.returncode == 1 and "certify.key-exposed" in refused.stderr


def test_credentials_verify_with_an_independent_verifier(issued):
    trust = json.loads((issued["site"] / "verifikasi" / "trust.json").read_text(encoding="utf-8"))
    keys = {k["publicKeyMultibase"]: Ed25519PublicKey.from_public_bytes(b58decode(k["publicKeyMultibase"][1:])[2:]) for k in trust["keys"]}
    found = credentials(issued["certs"])
    assert len(found) == 2  # Ani: Kursus A, and the year's 20 JP
    names = set()
    for path in found:
        doc = json.loads(path.read_text(encoding="utf-8"))
        proof = doc.pop("proof")
        options = {k: v for k, v in proof.items() if k != "proofValue"}
        data = hashlib.sha256(rfc8785.dumps(options)).digest() + hashlib.sha256(rfc8785.dumps(doc)).digest()
        key = keys[proof["verificationMethod"].split("#")[1]]
        key.verify(b58decode(proof["proofValue"][1:]), data)
        with pytest.raises(InvalidSignature):
            doc["credentialSubject"]["creditsEarned"] = 200
            key.verify(b58decode(proof["proofValue"][1:]), hashlib.sha256(rfc8785.dumps(options)).digest()
                       + hashlib.sha256(rfc8785.dumps(doc)).digest())
        assert proof["cryptosuite"] == "eddsa-jcs-2022" and doc["issuer"]["id"] == trust["issuer"]["id"]
        assert doc["@context"] == ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
        ident = doc["credentialSubject"]["identifier"][0]
        assert ident["identityHash"] == "sha256$" + hashlib.sha256(("1001" + ident["salt"]).encode()).hexdigest()
        assert path.parent.name == "1001"
        names.add(doc["name"])
        # The Swift verifier agrees.
        assert latih("certify", "verify", path, "--site", issued["site"]).stdout.strip().endswith("valid")
    assert names == {"Kursus A", "Pemenuhan 20 JP Pengembangan Kompetensi 2026"}


def test_issuing_again_gives_the_same_files_and_no_new_rows(issued, tmp_path):
    before = {p.relative_to(issued["certs"]): p.read_bytes() for p in issued["certs"].rglob("*") if p.is_file()}
    result = latih("certify", "issue", "--key", issued["key"], "--content", issued["content"], "--templates", TEMPLATES,
                   "--year", "2026", "--statements", FIXTURES / "statements.jsonl", "--roster", FIXTURES / "pegawai.csv",
                   "--output", issued["certs"])
    assert "(0 new)" in result.stdout
    after = {p.relative_to(issued["certs"]): p.read_bytes() for p in issued["certs"].rglob("*") if p.is_file()}
    assert after == before
    ledger = (issued["certs"] / "ledger.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(ledger) == 3 and ledger[0].startswith("id,status_index,nip,name")


def test_the_private_key_and_the_ledger_never_reach_the_site(issued):
    secret = json.loads(issued["key"].read_text())["secretKeyMultibase"]
    for folder in (issued["site"], issued["content"], issued["certs"]):
        for path in folder.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path
    assert not list(issued["site"].rglob("ledger.csv"))
    # The certificates folder is refused inside the content, where a build would publish it.
    inside = latih("certify", "issue", "--key", issued["key"], "--content", issued["content"], "--templates", TEMPLATES,
                   "--statements", FIXTURES / "statements.jsonl", "--output", issued["content"] / "pages" / "sertifikat", check=False)
    assert inside.returncode == 1 and "output.refused" in inside.stderr


def _verdict(b):
    WebDriverWait(b, 10).until(lambda d: d.find_element(By.ID, "verify-result").get_attribute("data-verdict"))
    r = b.find_element(By.ID, "verify-result")
    return r.get_attribute("data-verdict"), r.get_attribute("data-reason"), r


def test_the_printed_qr_code_opens_a_verification_that_succeeds_offline(issued, tmp_path):
    b = _chrome()
    try:
        page = next(p for p in issued["certs"].glob("*/*.html") if "Kursus A" in p.read_text(encoding="utf-8"))
        b.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1200, "height": 850, "deviceScaleFactor": 4, "mobile": False})
        b.get(page.as_uri())
        shot = screenshot(b, "certificate-issued")
        decoded = subprocess.run(["zbarimg", "-q", "--raw", str(shot)], capture_output=True, text=True)
        address = decoded.stdout.strip()
        assert address.startswith("https://latih.uji.example/verifikasi/#v1."), decoded
        b.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        # The site opened from disk, as from a USB stick, with the fragment the QR code holds.
        b.get((issued["site"] / "verifikasi" / "index.html").as_uri() + "#" + address.split("#", 1)[1])
        verdict, reason, result = _verdict(b)
        assert (verdict, reason) == ("valid", "")
        assert "Ani Lestari" in result.text and "Kursus A" in result.text and "BPSDM Provinsi Uji" in result.text
        assert result.get_attribute("data-ms").isdigit()  # its time is measured by make bench-certify
        screenshot(b, "verify-valid")
        # The typed NIP is matched against the salted hash.
        b.find_element(By.ID, "verify-nip-input").send_keys("1001")
        b.find_element(By.CSS_SELECTOR, ".verify-nip button").click()
        WebDriverWait(b, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".verify-nip-answer").get_attribute("data-match"))
        assert b.find_element(By.CSS_SELECTOR, ".verify-nip-answer").get_attribute("data-match") == "true"
    finally:
        b.quit()


NO_SUBTLE = "Object.defineProperty(Crypto.prototype, 'subtle', {get() { return undefined; }});"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A site whose trust list and status list are the hostile table's."""
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(FIXTURES / "catalogue" / "content", content)
    trust = HOSTILE["trust"]
    items = ", ".join(k["publicKeyMultibase"] + " " + k.get("from", "") + "/" + k.get("until", "") for k in trust["keys"])
    conf = (content / "site.conf").read_text(encoding="utf-8").replace("base-url: https://latih.uji.example/", "base-url: " + trust["issuer"]["url"])
    conf += f"certificate-issuer: {trust['issuer']['name']}\ncertificate-keys: {items}\n"
    (content / "site.conf").write_text(conf, encoding="utf-8")
    (content / "certificates").mkdir()
    (content / "certificates" / "status.json").write_text(json.dumps(HOSTILE["statusLists"]["good"]), encoding="utf-8")
    site = root / "site"
    latih("build", "--content", content, "--templates", TEMPLATES, "--output", site)
    assert json.loads((site / "verifikasi" / "trust.json").read_text()) == trust
    server = _serve(site)
    yield {"site": site, "http": f"http://127.0.0.1:{server.server_port}/"}
    server.shutdown()


@pytest.mark.parametrize("subtle", ["webcrypto", "no-subtle"])
def test_every_hostile_case_is_refused_on_the_page_with_its_reason(hostile_site, subtle):
    b = _chrome()
    try:
        if subtle == "no-subtle":
            b.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": NO_SUBTLE})
        b.get(hostile_site["http"] + "verifikasi/index.html")
        seen = 0
        for case in HOSTILE["cases"]:
            if case["statusList"] != "good":
                continue  # the page embeds the good list; Node's tests cover the others
            b.execute_script("const r = document.getElementById('verify-result'); r.removeAttribute('data-verdict');"
                             "document.getElementById('verify-input').value = arguments[0];"
                             "document.getElementById('verify-form').requestSubmit();", case["input"])
            verdict, reason, result = _verdict(b)
            assert (verdict, reason) == (case["verdict"], case["reason"]), case["name"]
            assert result.get_attribute("data-crypto") == ("webcrypto" if subtle == "webcrypto" else "latih")
            # Script in a credential stays text.
            assert not b.find_elements(By.CSS_SELECTOR, "#verify-result img, #verify-result script")
            if verdict == "invalid" and reason.split(".")[0].split("-")[0] in ("input", "json", "format", "issuer", "proof"):
                assert not b.find_elements(By.CSS_SELECTOR, ".verify-facts"), f"{case['name']}: nothing is shown as fact"
            seen += 1
        assert seen >= 48
        shown = b.find_element(By.ID, "verify-result").text
        assert "<img src=x onerror=alert(1)>" in shown, "the last case's name is shown as the text it is"
    finally:
        b.quit()


def test_a_revoked_certificate_shows_as_revoked_after_a_rebuild(issued, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(issued["content"], content)
    certs = tmp_path / "certs"
    shutil.copytree(issued["certs"], certs)
    path = next(p for p in credentials(certs) if "Kursus A" in p.read_text(encoding="utf-8"))
    ident = json.loads(path.read_text())["id"]
    latih("certify", "revoke", ident, "--key", issued["key"], "--reason", "salah terbit", "--certificates", certs,
          "--content", content, "--templates", TEMPLATES)
    assert "salah terbit" in (certs / "ledger.csv").read_text(encoding="utf-8-sig")
    unknown = latih("certify", "revoke", "urn:uuid:00000000-0000-8000-8000-000000000000", "--key", issued["key"],
                    "--certificates", certs, "--content", content, "--templates", TEMPLATES, check=False)
    assert unknown.returncode == 1 and "certify.unknown-id" in unknown.stderr
    site = tmp_path / "site"
    latih("build", "--content", content, "--templates", TEMPLATES, "--output", site)
    refused = latih("certify", "verify", path, "--site", site, check=False)
    assert refused.returncode == 1 and "status.revoked" in refused.stdout
    b = _chrome()
    try:
        b.get((site / "verifikasi" / "index.html").as_uri())
        b.find_element(By.ID, "verify-file").send_keys(str(path))
        verdict, reason, _ = _verdict(b)
        assert (verdict, reason) == ("revoked", "status.revoked")
    finally:
        b.quit()


RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


@pytest.mark.parametrize("screen", [(1280, 1000), (360, 800)], ids=["desktop", "phone"])
@pytest.mark.parametrize("case", ["valid", "tampered name"])
def test_the_verification_page_has_no_accessibility_violations(hostile_site, screen, case):
    b = _chrome()
    try:
        b.set_window_size(*screen)
        b.get(hostile_site["http"] + "verifikasi/index.html")
        text = next(c["input"] for c in HOSTILE["cases"] if c["name"] == case)
        b.execute_script("document.getElementById('verify-input').value = arguments[0];"
                         "document.getElementById('verify-form').requestSubmit();", text)
        _verdict(b)
        screenshot(b, f"verify-{case.replace(' ', '-')}-{screen[0]}")
        assert b.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        b.execute_script(AXE_SCRIPT)
        result = b.execute_async_script("const done = arguments[arguments.length - 1];"
                                        "axe.run(document, arguments[0]).then(done, (e) => done({error: String(e)}));", RULES)
        assert "error" not in result, result
        problems = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
        assert not problems, problems
        assert len(result["passes"]) > 15
    finally:
        b.quit()


def test_kemajuan_saya_keeps_the_agencys_certificates_and_checks_them(hostile_site, tmp_path):
    valid = tmp_path / "sertifikat.json"
    valid.write_text(next(c["input"] for c in HOSTILE["cases"] if c["name"] == "valid"), encoding="utf-8")
    tampered = tmp_path / "diubah.json"
    tampered.write_text(next(c["input"] for c in HOSTILE["cases"] if c["name"] == "tampered JP"), encoding="utf-8")
    revoked = tmp_path / "dicabut.json"
    revoked.write_text(next(c["input"] for c in HOSTILE["cases"] if c["name"] == "revoked"), encoding="utf-8")
    b = _chrome()
    try:
        page = hostile_site["http"] + "kemajuan/index.html"
        b.get(page)
        section = b.find_element(By.CSS_SELECTOR, ".progress-credentials")
        assert section.is_displayed()
        b.find_element(By.CSS_SELECTOR, ".credential-file").send_keys("\n".join(map(str, (valid, tampered, revoked))))
        WebDriverWait(b, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".credential-list li")) == 3)
        items = b.find_elements(By.CSS_SELECTOR, ".credential-list li")
        assert [i.get_attribute("data-verdict") for i in items] == ["valid", "invalid", "revoked"]
        assert "Keamanan Siber untuk ASN" in items[0].text and "6,7 JP · 2 Maret 2026" in items[0].text
        # An altered certificate shows nothing of what it claims.
        assert not items[1].find_elements(By.CSS_SELECTOR, ".credential-name")
        assert items[1].text.startswith("Sertifikat tidak dapat dipercaya")
        screenshot(b, "progress-credentials")
        # Kept in this browser, and checked again on the next visit.
        b.get(page)
        WebDriverWait(b, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".credential-list li")) == 3)
        b.find_elements(By.CSS_SELECTOR, ".credential-remove")[1].click()
        WebDriverWait(b, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".credential-list li")) == 2)
        assert b.find_element(By.CSS_SELECTOR, ".credential-status").text == "Sertifikat dihapus dari peramban ini."
    finally:
        b.quit()


def test_a_course_taken_in_the_browser_is_certified_from_the_lrs(tmp_path):
    """End to end: a learner takes the English course in Chromium, the site sends its
    statements to Ralph, `latih certify issue --lrs` reads them back, and the certificate
    verifies on the rebuilt site."""
    import time
    from urllib.parse import quote
    from conftest import sample_site_reporting_xapi
    from ralph_lrs import AUTH, Ralph

    site, content = sample_site_reporting_xapi(tmp_path)
    lrs = Ralph(tmp_path / "ralph", cors_origins=[f"http://127.0.0.1:{site.server_port}"])
    actor = {"objectType": "Agent", "name": "Siti Rahmawati", "mbox": "mailto:siti.rahmawati@jakarta.go.id"}
    query = f"?endpoint={quote(lrs.endpoint)}&auth={quote(AUTH)}&actor={quote(json.dumps(actor))}"
    base = f"http://127.0.0.1:{site.server_port}/courses/english-front-desk/"
    b = _chrome()
    try:
        b.get(base + "greeting-visitors/index.html" + query)
        b.execute_script("document.querySelector('.pager').scrollIntoView()")
        WebDriverWait(b, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".mark-complete").get_attribute("aria-pressed") == "true")
        b.get(base + "writing-clear-replies/index.html" + query)
        next(l for l in b.find_elements(By.CSS_SELECTOR, "section.quiz label")
             if l.text.strip() == "Thank you for your question about renewing your permit.").click()
        b.find_element(By.CSS_SELECTOR, ".quiz-check").click()
        deadline = time.monotonic() + 15
        while not any(s["verb"]["id"].endswith("/passed") for s in lrs.statements()) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)  # the lesson's completion follows the pass
        key = tmp_path / "kunci" / "agency-key.json"
        key.parent.mkdir()
        out = latih("certify", "key", "--output", key, "--content", content).stdout
        public = next(line.split()[-1] for line in out.splitlines() if line.strip().startswith("certificate-keys:"))
        with open(content / "site.conf", "a", encoding="utf-8") as conf:
            conf.write(f"certificate-keys: {public}\n")
        roster = tmp_path / "pegawai.csv"
        roster.write_text("nip,nama,email,unit,jabatan\n198703122010012003,Siti Rahmawati,siti.rahmawati@jakarta.go.id,Layanan,Pengadministrasi\n",
                          encoding="utf-8")
        certs = tmp_path / "sertifikat"
        year = time.gmtime().tm_year
        latih("certify", "issue", "--key", key, "--content", content, "--templates", TEMPLATES, "--year", year,
              "--lrs", lrs.endpoint, "--auth", AUTH, "--roster", roster, "--output", certs)
    finally:
        b.quit()
        site.shutdown()
        lrs.stop()
    issued = credentials(certs)
    assert [p.parent.name for p in issued] == ["198703122010012003"]
    credential = json.loads(issued[0].read_text(encoding="utf-8"))
    assert credential["credentialSubject"]["achievement"]["id"] == "https://latih.example.go.id/courses/english-front-desk/"
    assert credential["credentialSubject"]["name"] == "Siti Rahmawati"
    rebuilt = tmp_path / "site2"
    latih("build", "--content", content, "--templates", TEMPLATES, "--output", rebuilt)
    assert latih("certify", "verify", issued[0], "--site", rebuilt).stdout.strip().endswith("valid")


def test_a_file_too_large_for_a_certificate_is_refused_unread(hostile_site, tmp_path):
    big = tmp_path / "besar.json"
    big.write_text('{"name":"' + "a" * 70_000 + '"}', encoding="utf-8")
    b = _chrome()
    try:
        b.get(hostile_site["http"] + "verifikasi/index.html")
        b.find_element(By.ID, "verify-file").send_keys(str(big))
        verdict, reason, result = _verdict(b)
        assert (verdict, reason) == ("invalid", "input.too-large")
        assert "terlalu besar" in result.text
    finally:
        b.quit()
