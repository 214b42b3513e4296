"""Byte-for-byte determinism and interrupt safety of `latih build`, run as a learner's
publisher would run it: a separate process, with a different disk order, time zone,
locale and number of cores."""

import hashlib
import os
import pathlib
import resource
import shutil
import signal
import subprocess
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
LATIH = os.path.abspath(os.environ.get("LATIH_BIN", str(REPO / ".build" / "debug" / "latih")))


def digest(folder):
    """Every file's path and bytes, hashed."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def build(content, output, env=None, prefix=()):
    result = subprocess.run([*prefix, LATIH, "build", "--content", str(content), "--templates", str(REPO / "templates"),
                             "--output", str(output)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return result


def copy_in_reverse_order(src, dst):
    """Copies a tree creating entries in reverse name order, so directory listings differ."""
    dst.mkdir(parents=True)
    for entry in sorted(src.iterdir(), reverse=True):
        if entry.is_dir():
            copy_in_reverse_order(entry, dst / entry.name)
        else:
            shutil.copy2(entry, dst / entry.name)


def test_output_does_not_depend_on_disk_order_time_zone_locale_or_cores(tmp_path):
    reference = tmp_path / "a"
    build(REPO / "content", reference)

    shuffled = tmp_path / "content-reversed"
    copy_in_reverse_order(REPO / "content", shuffled)
    env = dict(os.environ, TZ="Pacific/Kiritimati", LC_ALL="C.UTF-8", LANG="id_ID.UTF-8")
    other = tmp_path / "b"
    one_core = ("taskset", "-c", "0") if shutil.which("taskset") else ()
    build(shuffled, other, env=env, prefix=one_core)

    env2 = dict(os.environ, TZ="America/Los_Angeles", LC_ALL="POSIX")
    third = tmp_path / "c"
    build(REPO / "content", third, env=env2)

    a, b, c = digest(reference), digest(other), digest(third)
    assert len(a) > 40
    assert a == b
    assert a == c


def make_large_site(root, lessons=3000):
    shutil.copy(REPO / "content" / "site.conf", root / "site.conf") if root.exists() else None
    (root / "courses").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "content" / "site.conf", root / "site.conf")
    source = (REPO / "content" / "courses" / "spbe" / "02-arsitektur-dan-tata-kelola.md").read_text(encoding="utf-8")
    per_course = 50
    for c in range(lessons // per_course):
        course = root / "courses" / f"k{c:03d}"
        course.mkdir()
        (course / "course.md").write_text(f"---\ntitle: Kursus {c}\nsummary: Ringkasan.\nlevel: dasar\n---\n", encoding="utf-8")
        for i in range(per_course):
            (course / f"{i + 1:02d}-p{i}.md").write_text(source, encoding="utf-8")


def test_interrupted_build_leaves_the_previous_site(tmp_path):
    out = tmp_path / "site"
    build(REPO / "content", out)
    before = digest(out)

    large = tmp_path / "large"
    make_large_site(large)
    process = subprocess.Popen([LATIH, "build", "--content", str(large), "--templates", str(REPO / "templates"),
                                "--output", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.4)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    assert process.returncode == 130, "the build should have been interrupted; make the site larger"
    assert b"build interrupted" in process.stderr.read()
    assert digest(out) == before
    # The interrupted build removed its own staging folder.
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("site.")] == []

    # The next build cleans up what the interrupted one left and succeeds.
    build(REPO / "content", out)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith("site.")]
    assert leftovers == []


def test_memory_stays_bounded_on_a_large_catalogue(tmp_path):
    large = tmp_path / "large"
    make_large_site(large, lessons=1500)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    build(large, tmp_path / "site")
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # 1,500 lessons of ~3 KB: the build holds parsed content and pages, never anything per character.
    assert max(peak_kib, before) < 400 * 1024
