"""A reader of Latih's search index, written from docs/search.md ("The index format" and
"Ranking a query") and nothing else: it loads a built site's `search/` folder and ranks a
query's documents as that page says. Tests hold it to the browser engine's top ten, which
proves that the page is enough to read the index.

    index = LatihIndex("site")
    index.top(["kata", "sandi"])   # document numbers, best first
    index.record(7)                # [kind, title, path, minutes, crumb, summary, text]
"""
import json
import math
import pathlib
import re
import unicodedata
import zlib

FORBIDDEN = [0x00, 0x0A, 0x0D, 0x22, 0x5C]
WEIGHTS = {"exact": 1.0, "stem": 0.7}
FUNCTION_WORDS = set((
    "yang dan di ke dari untuk dengan pada dalam itu ini adalah ialah apa apakah bagaimana mengapa kenapa "
    "cara atau juga akan sudah telah tidak bisa oleh sebagai karena jika kalau agar supaya saat ketika bagi "
    "tentang para secara serta tetapi namun saya kita kami anda ada harus sangat hanya the a an of to in on "
    "for and or is are what how why with by at from do does can your my i you").split())


def registered(path):
    """The value a file registers: the text after `]=`, a JSON value (an object, or a string)."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("]=") + 2:].rstrip().rstrip(";"), strict=False)


def unpack(packed):
    """Packed string → bytes: 7-bit groups, most significant bit first."""
    groups = []
    chars = list(packed)
    i = 0
    while i < len(chars):
        c = ord(chars[i])
        if c < 0x80:
            groups.append(c)
        elif c < 0x300:
            v = c - 0x80
            groups += [FORBIDDEN[v // 128], v % 128]
        else:
            groups.append(FORBIDDEN[c - 0x300])
        i += 1
    out, acc, bits = bytearray(), 0, 0
    for g in groups:
        acc = (acc << 7) | g
        bits += 7
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    return bytes(out[: 7 * len(groups) // 8])


def inflate(data):
    return zlib.decompress(data, -15)


class Reader:
    def __init__(self, data):
        self.data, self.at = data, 0

    def varint(self):
        value, shift = 0, 0
        while True:
            b = self.data[self.at]
            self.at += 1
            value |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return value

    def bytes(self, n):
        b = self.data[self.at:self.at + n]
        self.at += n
        return b


def postings(r):
    n = r.varint()
    deltas = [r.varint() for _ in range(n)]
    impacts = list(r.bytes(n))
    docs, doc = [], 0
    for d in deltas:
        doc += d
        docs.append(doc)
    return {d: math.expm1(q / 24) for d, q in zip(docs, impacts)}


def utf16_key(s):
    return s.encode("utf-16-be")


class LatihIndex:
    def __init__(self, site):
        self.site = pathlib.Path(site)
        [catalogue] = [p for p in (self.site / "search").iterdir() if re.fullmatch(r"index\.[0-9a-f]+\.js", p.name)]
        self.meta = registered(catalogue)
        if self.meta["v"] != 4:
            raise ValueError(f"index format version {self.meta['v']}, not 4")
        self.bounds = self._bounds(self.meta["shards"])
        self.shards = {}

    @staticmethod
    def _bounds(text):
        bounds, before = [], ""
        for entry in text.split(" "):
            shared = int(entry[0], 36) if entry else 0
            units = utf16_key(before)[: 2 * shared].decode("utf-16-be")
            before = units + entry[1:]
            bounds.append(before)
        bounds[0] = ""
        return bounds

    def shard_for(self, key):
        k = utf16_key(key)
        return max(i for i, b in enumerate(self.bounds) if utf16_key(b) <= k)

    def shard(self, n):
        if n not in self.shards:
            r = Reader(inflate(unpack(registered(self.site / "search" / "terms" / f"{n}.{self.meta['h']}.js"))))
            keys, before = {}, b""
            for _ in range(r.varint()):
                shared = r.varint()
                raw = before[:shared] + r.bytes(r.varint())
                before = raw
                flags = r.varint()
                entry = {"flags": flags}
                if flags & 32:
                    entry["family"] = r.varint()
                if flags & 16:
                    stems = []
                    for _ in range(r.varint()):
                        tag, length = r.varint(), None
                        length = r.varint()
                        stems.append((r.bytes(length) if tag == 0 else raw[tag - 1:tag - 1 + length]).decode())
                    entry["stems"] = stems
                if flags & 1:
                    entry["words"] = postings(r)
                if flags & 2:
                    entry["stem"] = postings(r)
                elif flags & 4:
                    entry["stem"] = entry.get("words", {})
                keys[raw.decode()] = entry
            self.shards[n] = keys
        return self.shards[n]

    def entry(self, key):
        return self.shard(self.shard_for(key)).get(key)

    def record(self, doc):
        return json.loads(inflate(unpack(registered(self.site / "search" / "docs" / f"{doc}.{self.meta['h']}.js"))))

    @staticmethod
    def words(query):
        """A query's words: lowercased, NFC, accents' marks removed, split at what is not a letter or digit."""
        text = unicodedata.normalize("NFD", query.lower())
        text = unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))
        return [w for w in re.split(r"[^\w]+", text) if w]

    def matches(self, word):
        """A word of the index: its own postings (exact), and the stem postings of itself and of its stems."""
        entry = self.entry(word)
        if not entry or not entry["flags"] & 1:
            return []
        out = [("exact", entry["words"])]
        for s in dict.fromkeys([word] + entry.get("stems", [])):
            e = self.entry(s)
            if e and "stem" in e:
                out.append(("stem", e["stem"]))
        return out

    def top(self, words, k=10):
        counting = [w not in FUNCTION_WORDS for w in words]
        if not any(counting):
            counting = [True] * len(words)
        total, count, exact = {}, {}, {}
        for w, counts in zip(words, counting):
            best, written = {}, set()
            for kind, posting in self.matches(w):
                for doc, impact in posting.items():
                    best[doc] = max(best.get(doc, 0.0), impact * WEIGHTS[kind])
                    if kind == "exact":
                        written.add(doc)
            for doc, s in best.items():
                total[doc] = total.get(doc, 0.0) + s
                count[doc] = count.get(doc, 0) + (1 if counts else 0)
                exact[doc] = exact.get(doc, 0) + (1 if counts and doc in written else 0)
        ranked = [d for d in total if count[d] > 0]
        ranked.sort(key=lambda d: (-count[d], -exact[d], -total[d], d))
        return ranked[:k]
