#!/usr/bin/env python3
"""Generates a deterministic synthetic catalogue for benchmarks, twice: as Latih content
and as the same Markdown in a minimal Hugo site.

Lessons are Indonesian-like text of about 7 KB each: real Indonesian roots with real
affixes (so stemming has work to do), in Zipf-like frequencies, with headings, lists,
tables, code, links to neighbouring lessons, and a quiz in four lessons of five.

Models of the words of the catalogue (`--model`):
- `prose` (the default, used by `make bench`): text as real text is. Word types come from
  a Pitman–Yor process (`PitmanYor`) over an unbounded vocabulary: the commonest are the
  real roots below with their affixes, the rest are made words (new roots with affixes,
  so stems have families; names; codes and numbers; misspellings of common words). The
  vocabulary grows with the catalogue as Heaps' law has it, and about 40 % of its types
  occur once, as in any real corpus. This is where an index that costs per word type,
  not per word of text, shows.
- `rare`: the same process with a vocabulary where nearly every word form is rare, as in
  catalogues full of names, codes, regulation numbers and typos: most types occur once.
- `uniform`: every word is drawn from one Zipf-like distribution over 250 roots,
  independently of the course. Every word then occurs in thousands of lessons and no two
  words go together more than chance has them: the worst case for ranking, with no topics
  and a vocabulary that hides any cost per word type.
- `topical`: closer to a real catalogue. Each course has a topic, a handful of roots that
  make up a third of its content words (a course on archives says "arsip" in every
  lesson, other courses rarely do), and 3 % of words come from a long tail of 40,000
  rarer words (names, terms) in Zipf frequencies, so the vocabulary grows with the
  catalogue as Heaps' law has it for real text.

    python3 bench/generate.py --lessons 10000 --out /tmp/bench/10000
    python3 bench/generate.py --lessons 10000 --model rare --out /tmp/bench/rare-10000
    python3 bench/generate.py --lessons 10000 --model topical --out /tmp/bench/topical-10000
    → /tmp/bench/10000/latih/content, /tmp/bench/10000/hugo/{hugo.toml,layouts,content}
"""
import argparse
import pathlib
import random
import shutil

ROOTS = """ajar atur baca bagi bangun bantu batas bayar beri buat buka cari catat cegah cek cetak cipta coba daftar
dapat datang dengar didik dorong duduk guna gerak hadap hadir hasil hitung hubung hukum ikut ingat isi jadi jaga
jalan jamin jawab jual kaji kelola kembang kenal kerja kirim kumpul kurang lapor latih layan lihat lindung lipat
lulus mainkan masuk minta mudah muat nilai olah pakai pantau pasang pelihara pengaruh periksa pikir pilih pimpin
proses rancang rekam ringkas rumus sahkan salin sampai sebar sedia selesai serah setuju simpan sosialisasi susun
tanggap tanya tata temu terap terima tulis tunjuk ubah ukur ulas undang urus wajib warga data sistem aplikasi layanan
digital informasi dokumen anggaran arsip akun sandi jaringan server basis kebijakan program kegiatan laporan
rapat surat publik daerah kota provinsi kelurahan kecamatan pegawai pejabat instansi dinas badan kantor unit tim
aturan standar prosedur mutu risiko keamanan privasi insiden audit integrasi interoperabilitas arsitektur platform
portal survei statistik grafik tabel kolom baris nilai rata median target indikator kinerja capaian evaluasi""".split()
PREFIXES = [("me", 3), ("ber", 2), ("di", 3), ("pe", 1), ("ke", 1), ("ter", 1), ("", 10)]
SUFFIXES = [("an", 3), ("kan", 2), ("i", 1), ("nya", 1), ("", 10)]
FUNCTION = "dan yang untuk dengan dalam pada dari ke oleh atau agar bila karena sehingga tetapi juga sudah akan dapat harus ini itu setiap semua".split()
CATEGORIES = ["Pemerintahan Digital", "Keamanan Siber", "Data dan Analisis", "Literasi Digital", "Pelayanan Publik",
              "Komunikasi Publik", "Manajemen ASN", "Keuangan Daerah", "Kepemimpinan", "Budaya Kerja", "Kesehatan Kerja", "Hukum"]
LEVELS = ["dasar", "menengah", "lanjut"]


def nasal(root):
    c = root[0]
    if c in "aiueo":
        return "meng" + root
    if c in "pb":
        return "mem" + root[1:] if c == "p" else "mem" + root
    if c in "td":
        return "men" + root[1:] if c == "t" else "men" + root
    if c in "sc":
        return "meny" + root[1:] if c == "s" else "men" + root
    if c in "kg":
        return "meng" + root[1:] if c == "k" else "meng" + root
    return "me" + root


def cumulative(weights):
    out, total = [], 0
    for w in weights:
        total += w
        out.append(total)
    return out


SYLLABLES = "ba be bi bo bu da di du ga gi gu ja ji ka ke ki ko ku la li lo lu ma mi mo mu na ni no nu pa pi pu ra ri ro ru sa si so su ta ti to tu wa wi ya".split()
TOPICS = 60
TOPIC_ROOTS = 6
TOPIC_SHARE = 0.35
TAIL_WORDS = 40000
TAIL_SHARE = 0.03


def zipf_cum(n, s):
    out, total = [], 0.0
    for i in range(n):
        total += 1.0 / (i + 1) ** s
        out.append(total)
    return out


class PitmanYor:
    """Word types of running text from a Pitman–Yor process (the two-parameter Chinese
    restaurant): the next word is a new type with probability (θ + αK)/(θ + n), after n
    words of K types, and otherwise a type already seen k times with probability
    ∝ k − α. Its type frequencies follow a power law, its vocabulary grows as n^α (Heaps'
    law), and the share of types seen once tends to α: the statistics of real text, which
    draws from a fixed Zipf table do not give (they leave 75–80 % of types seen once).
    Types are numbered from 0 in order of first use, so early types are the common ones."""

    def __init__(self, alpha, theta, rng):
        self.alpha, self.theta, self.rng = alpha, theta, rng
        self.tokens = []  # the type of every word so far
        self.counts = []  # words of each type

    def __call__(self):
        rng, n, k_types = self.rng, len(self.tokens), len(self.counts)
        if rng.random() * (self.theta + n) < self.theta + self.alpha * k_types:
            self.counts.append(1)
            self.tokens.append(k_types)
            return k_types
        # A type in proportion to k − α: a word drawn at random (in proportion to k),
        # kept with probability (k − α)/k.
        while True:
            t = self.tokens[int(rng.random() * n)]
            if rng.random() * self.counts[t] >= self.alpha:
                break
        self.counts[t] += 1
        self.tokens.append(t)
        return t


# `prose` and `rare`: the discount α and concentration θ of the process. Prose: about
# 45 % of types once at 1,000 lessons, 43 % at 10,000, and 200,000 types there. Rare:
# most types once, and a vocabulary several times larger.
PROCESS = {"prose": (0.4, 5000), "rare": (0.8, 20000)}


class Vocabulary:
    """Word type of each rank, made when first drawn, the same for a rank every time."""

    def __init__(self, seed):
        self.seed = seed
        forms = []
        for root in ROOTS:
            for p, _ in PREFIXES:
                for s_, _ in SUFFIXES:
                    forms.append(affixed(root, p, s_))
        rng = random.Random(seed)
        # Common roots first, each with its bare form before its derived ones.
        forms = list(dict.fromkeys(forms))
        rng.shuffle(forms)
        self.common = sorted(forms, key=lambda f: (f not in ROOTS, rng.random()))[:2000]
        self.made = {}

    def __getitem__(self, rank):
        if rank <= len(self.common):
            return self.common[rank - 1]
        w = self.made.get(rank)
        if w is None:
            w = self.make(rank)
            self.made[rank] = w
        return w

    def make(self, rank):
        rng = random.Random(rank * 7919 + self.seed)
        kind = rng.random()
        if kind < 0.08:
            # A misspelling of a commoner word: one letter dropped, doubled or swapped.
            base = self[rng.randint(1, min(rank - 1, 20000))]
            i = rng.randrange(len(base))
            return base[:i] + base[i + 1:] if len(base) > 4 and kind < 0.04 else base[:i] + base[i] + base[i:]
        if kind < 0.16:
            # Codes and numbers: regulations, forms, years.
            return rng.choice(["uu", "pp", "pergub", "perda", "kep", "sk", "f", "no"]) + str(rng.randint(1, 99999))
        # A made root, shared by a few neighbouring ranks with different affixes: word
        # families, as stemming meets them.
        root_rng = random.Random(rank // 4 * 104729 + self.seed)
        root = "".join(root_rng.choice(SYLLABLES) for _ in range(root_rng.randint(2, 4)))
        if kind < 0.30:
            return root  # names and terms, never inflected
        p = rng.choices([p for p, _ in PREFIXES], cum_weights=cumulative([w for _, w in PREFIXES]))[0]
        s_ = rng.choices([s for s, _ in SUFFIXES], cum_weights=cumulative([w for _, w in SUFFIXES]))[0]
        return affixed(root, p, s_)


def affixed(root, p, s):
    if p == "me":
        root = nasal(root)
    elif p == "pe":
        root = "pe" + nasal(root)[2:]
    else:
        root = p + root
    return root + s


class Words:
    def __init__(self, rng, model="uniform"):
        self.rng = rng
        self.model = model
        ranked = ROOTS[:]
        rng.shuffle(ranked)
        self.roots = ranked
        self.cum = zipf_cum(len(ranked), 0.9)
        self.topic = None
        if model == "topical":
            # Topics draw from all roots alike, so a rare root can be a course's theme.
            topic_rng = random.Random(rng.random())
            self.topics = [topic_rng.sample(ROOTS, TOPIC_ROOTS) for _ in range(TOPICS)]
            tail, seen = [], set(ROOTS)
            while len(tail) < TAIL_WORDS:
                w = "".join(topic_rng.choice(SYLLABLES) for _ in range(topic_rng.randint(2, 4)))
                if w not in seen:
                    seen.add(w)
                    tail.append(w)
            self.tail = tail
            self.tail_cum = zipf_cum(len(tail), 1.0)
        self.prefixes = [p for p, _ in PREFIXES]
        self.prefix_cum = cumulative([w for _, w in PREFIXES])
        self.suffixes = [s for s, _ in SUFFIXES]
        self.suffix_cum = cumulative([w for _, w in SUFFIXES])
        if model in PROCESS:
            self.process = PitmanYor(*PROCESS[model], rng)
            self.vocabulary = Vocabulary(int(rng.random() * 2**31))

    def root(self):
        if self.topic is not None and self.rng.random() < TOPIC_SHARE:
            return self.rng.choice(self.topic)
        return self.rng.choices(self.roots, cum_weights=self.cum)[0]

    def course(self, c):
        """Sets the topic of the course being written (topical model only)."""
        if self.model == "topical":
            self.topic = self.topics[self.rng.randrange(TOPICS)]

    def word(self):
        if self.model in PROCESS:
            return self.vocabulary[self.process() + 1]
        if self.model == "topical" and self.rng.random() < TAIL_SHARE:
            return self.rng.choices(self.tail, cum_weights=self.tail_cum)[0]
        r = self.root()
        p = self.rng.choices(self.prefixes, cum_weights=self.prefix_cum)[0]
        s = self.rng.choices(self.suffixes, cum_weights=self.suffix_cum)[0]
        return affixed(r, p, s)

    def sentence(self, n=None):
        n = n or self.rng.randint(8, 18)
        out = []
        for i in range(n):
            out.append(self.rng.choice(FUNCTION) if self.rng.random() < 0.3 else self.word())
        s = " ".join(out)
        return s[0].upper() + s[1:] + "."

    def title(self):
        return " ".join(w.capitalize() for w in (self.word() for _ in range(self.rng.randint(3, 6))))


def lesson_body(w, rng, course, n, total, quiz):
    parts = [" ".join(w.sentence() for _ in range(5))]
    for h in range(5):
        parts.append("## " + w.title())
        parts.append(" ".join(w.sentence() for _ in range(rng.randint(4, 6))))
        kind = (n + h) % 4
        if kind == 0:
            parts.append("\n".join("- " + w.sentence(6) for _ in range(4)))
        elif kind == 1:
            rows = ["| " + " | ".join(w.word() for _ in range(3)) + " |" for _ in range(4)]
            parts.append("| Kolom | Nilai | Keterangan |\n| --- | --- | --- |\n" + "\n".join(rows))
        elif kind == 2:
            parts.append("```\n=RATA-RATA(" + w.word().upper() + "2:" + w.word().upper() + "40)\n=JUMLAH(B2:B40)\n```")
        else:
            parts.append("1. " + w.sentence(7) + "\n2. " + w.sentence(7) + "\n3. " + w.sentence(7))
        parts.append(" ".join(w.sentence() for _ in range(rng.randint(3, 5))))
    if n > 1:
        parts.append(f"Lanjutkan dari [pelajaran sebelumnya]({n - 1:02d}-pelajaran-{n - 1}.md).")
    if quiz:
        parts.append("```quiz\n? " + w.sentence(8) + "\n(x) " + w.word() + "\n( ) " + w.word() + "\n( ) " + w.word() +
                     "\n! " + w.sentence(6) + "\n\n? " + w.sentence(6) + "\n[x] " + w.word() + "\n[ ] " + w.word() +
                     "\n[x] " + w.word() + "\n```")
    return "\n\n".join(parts) + "\n"


HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
title = "Bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_BASEOF = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lessons", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-course", type=int, default=20)
    ap.add_argument("--seed", type=int, default=27)
    ap.add_argument("--model", choices=["prose", "rare", "uniform", "topical"], default="prose")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(args.seed)
    w = Words(rng, args.model)
    latih = out / "latih" / "content"
    hugo = out / "hugo"
    write(latih / "site.conf", "title: Katalog Uji\ndescription: Katalog sintetis untuk pengukuran.\nlanguage: id\n")
    write(hugo / "hugo.toml", HUGO_CONFIG)
    write(hugo / "layouts" / "_default" / "baseof.html", HUGO_BASEOF)
    write(hugo / "layouts" / "_default" / "single.html", HUGO_SINGLE)
    write(hugo / "layouts" / "_default" / "list.html", HUGO_LIST)
    write(hugo / "layouts" / "index.html", HUGO_LIST)
    courses = (args.lessons + args.per_course - 1) // args.per_course
    made = 0
    for c in range(courses):
        slug = f"kursus-{c:05d}"
        w.course(c)
        count = min(args.per_course, args.lessons - made)
        title = w.title()
        summary = w.sentence(12)[:-1]
        fm = (f"title: {title}\nsummary: {summary}\nlevel: {LEVELS[c % 3]}\ncategory: {CATEGORIES[c % len(CATEGORIES)]}\n"
              f"tags: {w.root()}, {w.root()}\ncompetencies: {w.title()}\n")
        body = " ".join(w.sentence() for _ in range(5)) + "\n"
        write(latih / "courses" / slug / "course.md", f"---\n{fm}---\n\n{body}")
        write(hugo / "content" / "courses" / slug / "_index.md", f"---\n{fm}---\n\n{body}")
        for n in range(1, count + 1):
            ltitle = w.title()
            lfm = f"title: {ltitle}\nsummary: {w.sentence(10)[:-1]}\nduration: {rng.choice([15, 20, 30, 45, 60])} menit\n"
            text = lesson_body(w, rng, slug, n, count, quiz=(n % 5 != 0))
            name = f"{n:02d}-pelajaran-{n}.md"
            write(latih / "courses" / slug / name, f"---\n{lfm}---\n\n{text}")
            write(hugo / "content" / "courses" / slug / name, f"---\n{lfm}---\n\n{text}")
        made += count
    write(hugo / "content" / "_index.md", "---\ntitle: Katalog Uji\n---\n")
    print(f"{made} lessons in {courses} courses ({args.model}) under {out}")


if __name__ == "__main__":
    main()
