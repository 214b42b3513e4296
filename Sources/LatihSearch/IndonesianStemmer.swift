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
    static let roots: Set<String> = Set((
        "terampil terima terus teman tempat tentang tetap percaya peran perlu pergi penting pegawai pesan " +
        "perintah pertama perempuan persen beri benar berat besar belum betul bersih dinas diri dingin digital " +
        "diskusi dinamis kecil kenal keras ketik kerja kelas kertas kepala keluarga kelola sekolah sedang sedia " +
        "sehat semua sendiri sering serta setia selesai mereka menteri meja menit jalan bulan makan bukan ikan " +
        "taman badan hutan organisasi ajar dengan kembang jadi cari beli mati nanti kunci hati gigi kali lagi lari " +
        "mandi mimpi pagi seni tepi tinggi bunyi janji kopi roti bumi kawan lawan korban papan zaman bahan tekan masalah " +
        // Roots in k- and n- after meng-/peng- and men-/pen- (whose readings start with a
        // vowel and with t- first), and roots in per-.
        "kumpul kirim kaji kuasa kurang kutip kunjung kuat kira kena kasih kabar kupas tahu nilai nikmat nasihat nalar nama nomor nikah " +
        "periksa pengaruh pelihara rencana selenggara manfaat uji aju adu didik pakai sejahtera cek ganti"
    ).split(separator: " ").map(String.init))

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
                if a == b || b.hasPrefix(a) || (a.count > 2 && a.dropFirst() == b.dropFirst()) { return stemWord(a) }
            }
            return w
        }
        return stemWord(w)
    }

    func stemWord(_ w: String) -> String {
        if w.count <= 3 || Self.roots.contains(w) { return w }
        var candidates: [(stem: String, stripped: Bool)] = []
        for inflected in Self.inflectionReadings(w) {
            if Self.roots.contains(inflected) {
                candidates.append((inflected, true))
                continue
            }
            for reading in Self.suffixReadings(inflected, known: known) {
                let stem = Self.roots.contains(reading) ? reading : stripPrefixes(reading)
                candidates.append((stem, stem != reading || Self.prefixReadings(reading).isEmpty))
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
            let readings = Self.prefixReadings(w).filter { $0.count >= 4 || (round == 0 && $0.count == 3 && known($0)) }
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
            // (diisi, dicek).
            if next.count >= 4, !Self.roots.contains(next), family(w) > 0, family(next) <= family(w), round > 0 || family(next) > 0 { return w }
            // A reading that gives back the root's first sound (pem-eriksa → periksa,
            // men-ilai → nilai) is the root: meN- and peN- take that sound only from a
            // root, never from another prefix (me-per- is written memper-).
            if !w.hasSuffix(next) { return next }
            w = next
        }
        return w
    }

    /// With particles and possessives removed, and without.
    static func inflectionReadings(_ w: String) -> [String] {
        var v = w
        for particle in ["lah", "kah", "tah", "pun"] where v.hasSuffix(particle) && v.count - 3 >= 3 && !roots.contains(v) {
            v.removeLast(3)
            break
        }
        for possessive in ["nya", "ku", "mu"] where v.hasSuffix(possessive) && v.count - possessive.count >= 3 && !roots.contains(v) {
            v.removeLast(possessive.count)
            break
        }
        return v == w ? [w] : [v, w]
    }

    /// Readings of a word once its inflection is settled: each derivational suffix, and none.
    /// A suffix that the combination rules exclude is still read off when what remains is
    /// a word the corpus knows: "kerjakan" is kerja-kan, though ke- and -kan never combine,
    /// and "pelajari" is pelajar-i. (Not for a word with no prefix: "tetapi" is not tetap-i.)
    static func suffixReadings(_ w: String, known: (String) -> Bool = { _ in false }) -> [String] {
        if w.count > 5, w.hasSuffix("isasi"), w.count - 5 >= 4 { return [String(w.dropLast(5))] }
        let prefix = prefixKind(w)
        var out: [String] = []
        if w.count > 3, w.hasSuffix("kan"), w.count - 3 >= 3 {
            let rest = String(w.dropLast(3))
            // peN- makes nouns, with -an, never verbs with -kan: penolakan is peN-tolak-an
            // (per- does take -kan: perhatikan).
            let nounPrefix = prefix == "pe" && !w.hasPrefix("per")
            if !(invalidPair(prefix, "kan") || nounPrefix) || known(rest) { out.append(rest) }
        }
        if w.count > 2, w.hasSuffix("an"), w.count - 2 >= 3 {
            let rest = String(w.dropLast(2))
            if !invalidPair(prefix, "an") || known(rest) { out.append(rest) }
        }
        // No native root ends in -ks: seleksi and transaksi keep their -i.
        if w.count > 1, w.hasSuffix("i"), w.count - 1 >= 3, !w.hasSuffix("ksi") {
            let rest = String(w.dropLast())
            if (["me", "di", "te"].contains(prefix) && !invalidPair(prefix, "i")) || (prefix != "" && known(rest)) { out.append(rest) }
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
        for p in ["be", "di", "ke", "me", "pe", "se", "te"] where w.hasPrefix(p) {
            return prefixReadings(w).isEmpty ? "" : p
        }
        return ""
    }

    static func isVowel(_ c: Character?) -> Bool { c.map { "aiueo".contains($0) } ?? false }

    /// The possible words under one prefix, most likely first.
    static func prefixReadings(_ w: String) -> [String] {
        let chars = Array(w)
        func at(_ i: Int) -> Character? { i < chars.count ? chars[i] : nil }
        func from(_ i: Int) -> String { i < chars.count ? String(chars[i...]) : "" }
        let c3 = at(3), c4 = at(4)
        if w.hasPrefix("di") || w.hasPrefix("ke") || w.hasPrefix("se") { return [from(2)] }
        if w.hasPrefix("belajar") || (w.hasPrefix("pel") && from(3).hasPrefix("ajar")) { return [from(3)] }
        if w.hasPrefix("ber") { return isVowel(c3) ? [from(3), from(2)] : [from(3)] }
        if w.hasPrefix("be"), !isVowel(at(2)), from(3).hasPrefix("er") { return [from(2)] }
        if w.hasPrefix("ter") { return isVowel(c3) ? [from(3), from(2)] : [from(3)] }
        if w.hasPrefix("memper") { return [from(6), "per" + from(6)] }
        if (w.hasPrefix("meny") || w.hasPrefix("peny")), isVowel(c4) { return ["s" + from(4)] }
        if w.hasPrefix("meng") || w.hasPrefix("peng") {
            var out: [String]
            // A root in a vowel first (mengubah, pengamanan); a root in k- is listed (mengirim).
            if isVowel(c4) { out = [from(4), "k" + from(4)] } else { out = c4.map { "ghkqx".contains($0) } == true ? [from(4)] : [] }
            // menge-/penge- before a root of one syllable: mengecek, pengecatan.
            if c4 == "e", chars.count > 5, !isVowel(at(5)) { out.append(from(5)) }
            return out
        }
        if w.hasPrefix("mem") || w.hasPrefix("pem") {
            if c3 == "p" || c3.map({ "bfv".contains($0) }) == true { return [from(3)] }
            if isVowel(c3) { return ["p" + from(3), "m" + from(3)] }
            if c3 == "r" { return ["p" + from(3), from(3)] }
            return []
        }
        if w.hasPrefix("men") || w.hasPrefix("pen") {
            if c3.map({ "cdjzs".contains($0) }) == true { return [from(3)] }
            if isVowel(c3) { return ["t" + from(3), "n" + from(3)] }
            return []
        }
        if w.hasPrefix("me"), at(2).map({ "lrwy".contains($0) }) == true { return [from(2)] }
        if w.hasPrefix("per") { return isVowel(c3) ? [from(3), from(2)] : [from(3)] }
        if w.hasPrefix("pe"), !isVowel(at(2)) { return [from(2)] }
        return []
    }
}
