"""Every LMS package's manifest validates with xmllint against the official schemas vendored in
Tests/standards/ (SCORM 1.2: ADL's four; cmi5: the specification's course structure),
for the sample catalogue and the LMS fixture. A broken manifest is refused, so the check
can fail."""

import os
import pathlib
import re
import subprocess
import zipfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))
STANDARDS = REPO / "Tests" / "standards"
CATALOGUES = [REPO / "content", REPO / "Tests" / "LatihLMSTests" / "Fixtures" / "lms" / "content"]


def scorm_schema(folder, tmp):
    """One schema that imports the three SCORM 1.2 namespaces, as an LMS validates with."""
    driver = tmp / "scorm12.xsd"
    driver.write_text(f"""<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="{folder}/imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="{folder}/adlcp_rootv1p2.xsd"/>
  <xsd:import namespace="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" schemaLocation="{folder}/imsmd_rootv1p2p1.xsd"/>
</xsd:schema>
""")
    return driver


def xmllint(schema, document):
    return subprocess.run(["xmllint", "--noout", "--schema", str(schema), str(document)], capture_output=True, text=True)


SCORM = STANDARDS / "scorm12"
CMI5 = STANDARDS / "cmi5" / "CourseStructure.xsd"


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    root = tmp_path_factory.mktemp("packages")
    out = []
    for n, content in enumerate(CATALOGUES):
        folder = root / str(n)
        result = subprocess.run([LATIH, "package", "--content", str(content), "--templates", str(REPO / "templates"),
                                 "--format", "scorm12", "--format", "cmi5", "--output", str(folder)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        out += sorted(folder.glob("*.zip"))
    return root, out


def test_every_manifest_validates_against_the_official_schemas(packages):
    root, zips = packages
    assert len(zips) == 2 * (8 + 2)
    schema = scorm_schema(SCORM, root)
    for path in zips:
        with zipfile.ZipFile(path) as z:
            if path.name.endswith("-scorm12.zip"):
                (root / "imsmanifest.xml").write_bytes(z.read("imsmanifest.xml"))
                result = xmllint(schema, root / "imsmanifest.xml")
                # The package carries the schemas it names, byte for byte the official ones.
                for name in ("adlcp_rootv1p2.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"):
                    assert z.read(name) == (SCORM / name).read_bytes(), name
            else:
                (root / "cmi5.xml").write_bytes(z.read("cmi5.xml"))
                result = xmllint(CMI5, root / "cmi5.xml")
        assert result.returncode == 0, f"{path.name}: {result.stderr}"
        assert "validates" in result.stderr


def test_a_broken_manifest_is_refused(packages):
    root, zips = packages
    scorm = next(p for p in zips if p.name.endswith("-scorm12.zip"))
    cmi5 = next(p for p in zips if p.name.endswith("-cmi5.zip"))
    with zipfile.ZipFile(scorm) as z:
        text = z.read("imsmanifest.xml").decode()
    broken = root / "broken-imsmanifest.xml"
    assert 'adlcp:scormtype="sco"' in text
    broken.write_text(text.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="halaman"', 1))
    assert xmllint(scorm_schema(SCORM, root), broken).returncode != 0
    with zipfile.ZipFile(cmi5) as z:
        text = z.read("cmi5.xml").decode()
    broken = root / "broken-cmi5.xml"
    assert 'moveOn="' in text
    broken.write_text(re.sub(r'moveOn="[^"]*"', 'moveOn="Selesai"', text, count=1))
    assert xmllint(CMI5, broken).returncode != 0
