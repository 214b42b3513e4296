/// Indonesian stemming for the search index. It must agree with the browser's
/// `templates/assets/search/stem-id.js` (`stemIndonesian`) word for word, since queries are stemmed there and documents here;
/// `Tests/vectors/stems-id.tsv` drives the tests of both.
///
/// Rules in the Nazief–Adriani tradition (particles, possessives, derivational suffixes,
/// up to three prefixes with their sound changes), plus two fixes for what Snowball's
/// Indonesian stemmer gets wrong: every reading of an ambiguous prefix is tried, and the
/// one the indexed corpus knows wins; and a short list of roots that merely look affixed
/// stops stripping. The list is this project's own.
public struct IndonesianStemmer: Sendable {
    /// What the corpus being indexed knows of a word: 0 when nothing, otherwise the size
    /// of the family it heads (1 for a word alone; see `corpusRoots`).
    public var family: @Sendable (String) -> Int

    /// A stemmer that knows the words `isKnown` accepts, each heading a family of one.
    public init(isKnown: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.family = { isKnown($0) ? 1 : 0 }
    }

    /// A stemmer that knows each word's family size (0 for a word it does not know).
    public init(family: @escaping @Sendable (String) -> Int) {
        self.family = family
    }

    /// Roots that look like prefixed or suffixed words, and must not be stripped.
    static let roots = PackedWords((
        "terampil terima terus teman tempat tentang tetap percaya peran perlu pergi penting pegawai pesan " +
        "perintah pertama perempuan persen beri benar berat besar belum betul bersih dinas diri dingin digital " +
        "diskusi dinamis kecil kenal keras ketik kerja kelas kertas kepala keluarga kelola sekolah sedang sedia " +
        "sehat semua sendiri sering serta setia selesai mereka menteri meja menit jalan bulan makan bukan ikan " +
        "taman badan hutan organisasi ajar dengan kembang jadi cari beli mati nanti kunci hati gigi kali lagi lari " +
        "mandi mimpi pagi seni tepi tinggi bunyi janji kopi roti bumi kawan lawan korban papan zaman bahan tekan masalah " +
        // Roots in k- and n- after meng-/peng- and men-/pen- (whose readings start with a
        // vowel and with t- first), and roots in per-.
        "kumpul kirim kaji kuasa kurang kutip kunjung kuat kira kena kasih kabar kupas tahu nilai nikmat nasihat nalar nama nomor nikah " +
        "periksa pengaruh pelihara rencana selenggara manfaat uji aju adu didik pakai sejahtera cek ganti " +
        // Roots in r- after pe-, which per- before a vowel would read otherwise (perawat is
        // pe-rawat, as peraturan is per-atur-an).
        "rawat rancang rumah rekam rangkum rasa rokok renang ramal"
    ).split(separator: " ").map(String.init))

    /// What may follow the repeated root in the second half of a reduplicated word.
    static let reduplicatedSuffixes: Set<String> = ["an", "nya", "kan", "i"]

    func known(_ w: String) -> Bool { Self.roots.contains(w) || family(w) > 0 }

    /// Of the readings the corpus knows, the one with the largest family; the first of
    /// them on a tie.
    func bestKnown(_ readings: [String]) -> String? {
        var best: String?, size = 0
        for r in readings {
            let f = family(r)
            if f > size { (best, size) = (r, f) }
        }
        return best
    }

    /// The stem of a lowercase Indonesian word.
    public func stem(_ word: String) -> String {
        let w = word.lowercased()
        if w.utf8.contains(0x2D) {
            let parts = w.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                let a = parts[0], b = parts[1]
                // Reduplication: buku-buku, anak-anaknya, sayur-mayur.
                if a == b || b.hasPrefix(a) || (a.jsLength > 2 && a.dropFirst() == b.dropFirst()) { return stemWord(a) }
                // Reduplication around affixes: both halves come to one stem (bermain-main,
                // berlari-larian, sebaik-baiknya, tolong-menolong, kekanak-kanakan).
                let stem = stemWord(a)
                if stem == stemWord(b) { return stem }
                // Or the second half is the first's stem with a suffix (kekanak-kanakan,
                // kemerah-merahan), which alone would be read another way (kana-kan).
                if stem.jsLength >= 3, b.begins(with: stem), Self.reduplicatedSuffixes.contains(String(b.utf8.dropFirst(stem.utf8.count))!) {
                    return stem
                }
            }
            return w
        }
        return stemWord(w)
    }

    func stemWord(_ w: String) -> String {
        if w.jsLength <= 3 || Self.roots.contains(w) { return w }
        var candidates: [(stem: String, stripped: Bool)] = []
        for inflected in Self.inflectionReadings(w) {
            if Self.roots.contains(inflected) {
                candidates.append((inflected, true))
                continue
            }
            // An imperative's -lah follows a verb, whose -i is a suffix even without a
            // prefix: pahamilah is paham-i-lah.
            let imperative = inflected != w && w.ends(with: "lah")
            for reading in Self.suffixReadings(inflected, known: known, imperative: imperative) {
                let stem = Self.roots.contains(reading) ? reading : stripPrefixes(reading)
                candidates.append((stem, stem != reading || !Self.hasPrefixReading(reading)))
            }
        }
        // A listed root beats a reading the corpus merely knows: "bermasalah" is
        // ber-masalah, not ber-masa-lah, though "masa" is a word too.
        if let hit = candidates.first(where: { Self.roots.contains($0.stem) }) { return hit.stem }
        if let hit = bestKnown(candidates.map(\.stem)) { return hit }
        if let stripped = candidates.first(where: \.stripped) { return stripped.stem }
        return candidates[0].stem
    }

    /// Removes up to three prefixes. A root keeps four letters, so that roots beginning like
    /// a prefix (didik, penuh, sebar) are not eaten; three after a first prefix when the
    /// corpus knows them (dicek).
    func stripPrefixes(_ word: String) -> String {
        var w = word
        for round in 0..<3 {
            if Self.roots.contains(w) { return w }
            let readings = Self.prefixReadings(w).filter { $0.jsLength >= 4 || (round == 0 && $0.jsLength == 3 && known($0)) }
            guard let first = readings.first else { return w }
            // A listed root first, then what the corpus knows, the larger family first: the
            // corpus also knows the readings this stemmer made of its other words (elola
            // of mengelola).
            let next = readings.first(where: { Self.roots.contains($0) }) ?? bestKnown(readings) ?? first
            // A word the corpus knows is kept unless the shorter reading gathers a larger
            // family: "sepakat" and kesepakatan (ke-sepakat-an) are not se-pakat, nor
            // berkelompok ber-ke-lompok; but dipelajari is di-pe-ajar-i, for "ajar" also
            // gathers belajar and pembelajaran. Past the first prefix this holds even when
            // the shorter reading is unknown; before it, an unknown root is still read off
            // (bersepeda is ber-sepeda, though the corpus never says "sepeda"). Families
            // are counted for roots of four letters; a shorter one is always read off
            // (diisi, dicek). Sizes are compared only when the word heads a family of
            // two or more: a caller that knows words only as yes or no says nothing of
            // families, and then a known word is kept only past the first prefix, before
            // an unknown reading.
            let size = family(w), shorter = family(next)
            let keep = round > 0 ? size > 0 && (shorter == 0 || (size >= 2 && shorter <= size)) : size >= 2 && shorter > 0 && shorter <= size
            if next.jsLength >= 4, !Self.roots.contains(next), keep { return w }
            // A reading that gives back the root's first sound (pem-eriksa → periksa,
            // men-ilai → nilai) is the root: meN- and peN- take that sound only from a
            // root, never from another prefix (me-per- is written memper-).
            if !w.ends(with: next) { return next }
            w = next
        }
        return w
    }

    /// With particles and possessives removed, and without.
    static func inflectionReadings(_ w: String) -> [String] {
        var v = w
        for particle in ["lah", "kah", "tah", "pun"] where v.ends(with: particle) && v.jsLength - 3 >= 3 && !roots.contains(v) {
            v = v.droppingLast(3)
            break
        }
        for possessive in ["nya", "ku", "mu"] where v.ends(with: possessive) && v.jsLength - possessive.utf8.count >= 3 && !roots.contains(v) {
            v = v.droppingLast(possessive.utf8.count)
            break
        }
        return v == w ? [w] : [v, w]
    }

    /// Readings of a word once its inflection is settled: each derivational suffix, and none.
    /// A suffix that the combination rules exclude is still read off when what remains is
    /// a word the corpus knows: "kerjakan" is kerja-kan, though ke- and -kan never combine,
    /// and "pelajari" is pelajar-i. (Not for a word with no prefix: "tetapi" is not tetap-i.)
    static func suffixReadings(_ w: String, known: (String) -> Bool = { _ in false }, imperative: Bool = false) -> [String] {
        let length = w.jsLength
        // A loan in -isasi is read down to what it was made from (digitalisasi, sosialisasi),
        // unless that is no word the corpus knows and the loan is: otorisasi is a root.
        if length > 5, w.ends(with: "isasi"), length - 5 >= 4 { return [w.droppingLast(5), w] }
        let prefix = prefixKind(w)
        var out: [String] = []
        if length > 3, w.ends(with: "kan"), length - 3 >= 3 {
            let rest = w.droppingLast(3)
            // peN- makes nouns, with -an, never verbs with -kan: penolakan is peN-tolak-an
            // (per- does take -kan: perhatikan).
            let nounPrefix = prefix == "pe" && !w.begins(with: "per")
            if !(invalidPair(prefix, "kan") || nounPrefix) || known(rest) { out.append(rest) }
        }
        if length > 2, w.ends(with: "an"), length - 2 >= 3 {
            let rest = w.droppingLast(2)
            if !invalidPair(prefix, "an") || known(rest) { out.append(rest) }
        }
        // No native root ends in -ks: seleksi and transaksi keep their -i.
        if length > 1, w.ends(with: "i"), length - 1 >= 3, !w.ends(with: "ksi") {
            let rest = w.droppingLast(1)
            if (["me", "di", "te"].contains(prefix) && !invalidPair(prefix, "i")) || (prefix != "" && known(rest)) || (imperative && (prefix == "" || prefix == "pe")) {
                out.append(rest)
            }
        }
        out.append(w)
        return out
    }

    /// Prefix and suffix pairs that Indonesian does not combine (Nazief and Adriani).
    static func invalidPair(_ prefix: String, _ suffix: String) -> Bool {
        switch (prefix, suffix) {
        case ("be", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"), ("me", "an"), ("se", "i"), ("se", "kan"), ("te", "an"): return true
        default: return false
        }
    }

    static func prefixKind(_ w: String) -> String {
        for p in ["be", "di", "ke", "me", "pe", "se", "te"] where w.begins(with: p) {
            return hasPrefixReading(w) ? p : ""
        }
        return ""
    }

    static func isVowel(_ c: UInt8?) -> Bool {
        switch c { case UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "e"), UInt8(ascii: "o"): true; default: false }
    }

    /// One reading of a word under a prefix, not yet made into a String: the word's bytes
    /// from `from` on, after `lead`, the root's first sound that the prefix took (the p of
    /// mem-, the s of meny-), or "per" (memper-).
    struct PrefixCut {
        enum Lead: Equatable { case none, sound(UInt8), per }
        var from: Int
        var lead: Lead
    }

    /// A word's readings under one prefix, most likely first: at most three, held without
    /// an array, since most calls only ask whether there is one (`prefixKind`), and a
    /// catalogue's rare vocabulary asks it of a million words.
    struct PrefixCuts {
        private(set) var count = 0
        private var cuts = (PrefixCut(from: 0, lead: .none), PrefixCut(from: 0, lead: .none), PrefixCut(from: 0, lead: .none))

        mutating func add(_ from: Int, _ lead: PrefixCut.Lead = .none) {
            let cut = PrefixCut(from: from, lead: lead)
            switch count {
            case 0: cuts.0 = cut
            case 1: cuts.1 = cut
            default: cuts.2 = cut
            }
            count += 1
        }

        subscript(i: Int) -> PrefixCut { i == 0 ? cuts.0 : i == 1 ? cuts.1 : cuts.2 }
    }

    /// Whether the word has a reading under a prefix, found without making one.
    static func hasPrefixReading(_ w: String) -> Bool {
        var w = w
        return w.withUTF8 { prefixCuts($0).count > 0 }
    }

    /// The possible words under one prefix, most likely first.
    static func prefixReadings(_ w: String) -> [String] {
        var w = w
        return w.withUTF8 { b in
            let cuts = prefixCuts(b)
            var out: [String] = []
            out.reserveCapacity(cuts.count)
            for i in 0..<cuts.count {
                let cut = cuts[i]
                let rest = cut.from < b.count ? String(decoding: UnsafeBufferPointer(rebasing: b[cut.from...]), as: UTF8.self) : ""
                switch cut.lead {
                case .none: out.append(rest)
                case .sound(let c): out.append(String(UnicodeScalar(c)) + rest)
                case .per: out.append("per" + rest)
                }
            }
            return out
        }
    }

    /// The rules of `prefixReadings`. Prefixes are ASCII, so the word is read as UTF-8
    /// bytes: a byte offset past a matched prefix is also a character offset, and no
    /// character is decoded that the rules do not look at.
    static func prefixCuts(_ b: UnsafeBufferPointer<UInt8>) -> PrefixCuts {
        func at(_ i: Int) -> UInt8? { i < b.count ? b[i] : nil }
        func starts(_ p: StaticString, at offset: Int = 0) -> Bool {
            let n = p.utf8CodeUnitCount
            guard b.count >= offset + n else { return false }
            return p.withUTF8Buffer { q in
                for i in 0..<n where b[offset + i] != q[i] { return false }
                return true
            }
        }
        func isIn(_ c: UInt8?, _ set: StaticString) -> Bool {
            guard let c else { return false }
            return set.withUTF8Buffer { $0.contains(c) }
        }
        var out = PrefixCuts()
        let c3 = at(3), c4 = at(4)
        if starts("di") || starts("ke") || starts("se") { out.add(2); return out }
        if starts("belajar") || (starts("pel") && starts("ajar", at: 3)) { out.add(3); return out }
        if starts("ber") { out.add(3); if isVowel(c3) { out.add(2) }; return out }
        if starts("be"), !isVowel(at(2)), starts("er", at: 3) { out.add(2); return out }
        if starts("ter") { out.add(3); if isVowel(c3) { out.add(2) }; return out }
        if starts("memper") { out.add(6); out.add(6, .per); return out }
        if starts("meny") || starts("peny"), isVowel(c4) { out.add(4, .sound(UInt8(ascii: "s"))); return out }
        if starts("meng") || starts("peng") {
            // A root in a vowel first (mengubah, pengamanan); a root in k- is listed (mengirim).
            if isVowel(c4) { out.add(4); out.add(4, .sound(UInt8(ascii: "k"))) } else if isIn(c4, "ghkqx") { out.add(4) }
            // menge-/penge- before a root of one syllable: mengecek, pengecatan.
            if c4 == UInt8(ascii: "e"), b.count > 5, !isVowel(at(5)) { out.add(5) }
            return out
        }
        if starts("mem") || starts("pem") {
            if isIn(c3, "pbfv") { out.add(3) }
            else if isVowel(c3) { out.add(3, .sound(UInt8(ascii: "p"))); out.add(3, .sound(UInt8(ascii: "m"))) }
            else if c3 == UInt8(ascii: "r") { out.add(3, .sound(UInt8(ascii: "p"))); out.add(3) }
            return out
        }
        if starts("men") || starts("pen") {
            if isIn(c3, "cdjzs") { out.add(3) }
            // A loanword keeps its t before a consonant: mentransfer, pentransferan.
            else if c3 == UInt8(ascii: "t"), let c4, !isVowel(c4) { out.add(3) }
            else if isVowel(c3) { out.add(3, .sound(UInt8(ascii: "t"))); out.add(3, .sound(UInt8(ascii: "n"))) }
            return out
        }
        if starts("me"), isIn(at(2), "lrwy") { out.add(2); return out }
        if starts("per") { out.add(3); if isVowel(c3) { out.add(2) }; return out }
        if starts("pe"), !isVowel(at(2)) { out.add(2); return out }
        return out
    }
}

extension String {
    /// `hasPrefix` and `hasSuffix` by UTF-8 bytes, for the stemmer's ASCII affixes:
    /// the standard ones compare by Unicode canonical equivalence, which costs far more.
    func begins(with p: String) -> Bool { utf8.starts(with: p.utf8) }
    func ends(with p: String) -> Bool {
        let n = p.utf8.count
        return utf8.count >= n && utf8.suffix(n).elementsEqual(p.utf8)
    }
    /// Without its last `n` bytes (an ASCII suffix the caller has matched).
    func droppingLast(_ n: Int) -> String { String(decoding: utf8.dropLast(n), as: UTF8.self) }
    /// Its length as JavaScript counts it (UTF-16 code units), which the browser's
    /// stemmer's rules use.
    var jsLength: Int { utf16.count }
}
