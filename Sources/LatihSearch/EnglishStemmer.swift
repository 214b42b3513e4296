/// The Porter2 ("English") stemmer of the Snowball project, for pages whose language is
/// `en`. Written by hand because no maintained Swift package offers it and the browser
/// must stem the same way (`templates/assets/search/stem-en.js`, `stemEnglish`);
/// `Tests/vectors/stems-en.tsv` holds both to the same answers.
public enum EnglishStemmer {
    static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
        "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
    static let afterStep1a: Set<String> = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]

    /// The stem of a lowercase English word.
    public static func stem(_ word: String) -> String {
        if word.count <= 2 { return word }
        if let e = exceptions[word] { return e }
        var w = Array(word.unicodeScalars).map { Character($0) }
        guard w.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "'") }) else { return word }
        if w.first == "'" { w.removeFirst() }
        // y at the start or after a vowel is a consonant, marked Y.
        for i in w.indices where w[i] == "y" && (i == 0 || isVowel(w[i - 1])) { w[i] = "Y" }
        var s = Porter2(w)
        s.step0()
        s.step1a()
        if afterStep1a.contains(String(s.w)) { return String(s.w) }
        s.step1b()
        s.step1c()
        s.step2()
        s.step3()
        s.step4()
        s.step5()
        return String(s.w).replacingAll("Y", "y")
    }

    static func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c) }
}

extension String {
    func replacingAll(_ a: Character, _ b: Character) -> String { String(map { $0 == a ? b : $0 }) }
}

/// The word being stemmed, with its regions R1 and R2.
struct Porter2 {
    var w: [Character]
    let r1: Int
    let r2: Int

    init(_ w: [Character]) {
        self.w = w
        let text = String(w)
        if text.hasPrefix("gener") || text.hasPrefix("arsen") {
            r1 = 5
        } else if text.hasPrefix("commun") {
            r1 = 6
        } else {
            r1 = Porter2.region(after: 0, in: w)
        }
        r2 = Porter2.region(after: r1, in: w)
    }

    /// The position after the first non-vowel that follows a vowel, from `start`.
    static func region(after start: Int, in w: [Character]) -> Int {
        var i = start + 1
        while i < w.count {
            if !EnglishStemmer.isVowel(w[i]) && EnglishStemmer.isVowel(w[i - 1]) { return i + 1 }
            i += 1
        }
        return w.count
    }

    func vowel(_ i: Int) -> Bool { i >= 0 && i < w.count && EnglishStemmer.isVowel(w[i]) }
    func ends(_ s: String) -> Bool {
        let n = s.count
        return w.count >= n && w[(w.count - n)...].elementsEqual(s)
    }
    /// The longest suffix in `list` that the word ends with.
    func longest(_ list: [String]) -> String? {
        var best: String?
        for s in list where s.count > (best?.count ?? 0) && ends(s) { best = s }
        return best
    }
    mutating func replace(_ suffix: String, _ by: String) {
        w.removeLast(suffix.count)
        w += Array(by)
    }
    func inR1(_ suffix: String) -> Bool { w.count - suffix.count >= r1 }
    func inR2(_ suffix: String) -> Bool { w.count - suffix.count >= r2 }

    /// A short syllable ends at `end` (exclusive).
    func shortSyllable(endingAt end: Int) -> Bool {
        if end == 2 { return vowel(0) && !vowel(1) }
        guard end >= 3 else { return false }
        let c = w[end - 1]
        return !vowel(end - 3) && vowel(end - 2) && !vowel(end - 1) && c != "w" && c != "x" && c != "Y"
    }

    mutating func step0() {
        if let s = longest(["'", "'s", "'s'"]) { w.removeLast(s.count) }
    }

    mutating func step1a() {
        guard let s = longest(["sses", "ied", "ies", "s", "us", "ss"]) else { return }
        switch s {
        case "sses": replace(s, "ss")
        case "ied", "ies": replace(s, w.count - s.count > 1 ? "i" : "ie")
        case "s":
            // Delete if a vowel stands somewhere before the letter before the s.
            if w.count >= 3, w[0..<(w.count - 2)].contains(where: EnglishStemmer.isVowel) { w.removeLast() }
        default: break
        }
    }

    mutating func step1b() {
        guard let s = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
        if s == "eed" || s == "eedly" {
            if inR1(s) { replace(s, "ee") }
            return
        }
        guard w[0..<(w.count - s.count)].contains(where: EnglishStemmer.isVowel) else { return }
        w.removeLast(s.count)
        if ends("at") || ends("bl") || ends("iz") {
            w.append("e")
        } else if let last = w.last, w.count >= 2, w[w.count - 2] == last, "bdfgmnprt".contains(last) {
            w.removeLast()
        } else if isShortAfterChange {
            w.append("e")
        }
    }

    /// Whether the word is short, with R1 measured on the original word.
    var isShortAfterChange: Bool { r1 >= w.count && shortSyllable(endingAt: w.count) }

    mutating func step1c() {
        guard let last = w.last, last == "y" || last == "Y", w.count > 2, !vowel(w.count - 2) else { return }
        w[w.count - 1] = "i"
    }

    mutating func step2() {
        let list = ["tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator",
                    "alism", "aliti", "alli", "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli",
                    "ogi", "fulli", "lessli", "li"]
        guard let s = longest(list), inR1(s) else { return }
        switch s {
        case "tional": replace(s, "tion")
        case "enci": replace(s, "ence")
        case "anci": replace(s, "ance")
        case "abli": replace(s, "able")
        case "entli": replace(s, "ent")
        case "izer", "ization": replace(s, "ize")
        case "ational", "ation", "ator": replace(s, "ate")
        case "alism", "aliti", "alli": replace(s, "al")
        case "fulness": replace(s, "ful")
        case "ousli", "ousness": replace(s, "ous")
        case "iveness", "iviti": replace(s, "ive")
        case "biliti", "bli": replace(s, "ble")
        case "ogi": if w.count > 3, w[w.count - 4] == "l" { replace(s, "og") }
        case "fulli": replace(s, "ful")
        case "lessli": replace(s, "less")
        case "li": if w.count > 2, "cdeghkmnrt".contains(w[w.count - 3]) { w.removeLast(2) }
        default: break
        }
    }

    mutating func step3() {
        let list = ["tional", "ational", "alize", "icate", "iciti", "ical", "ful", "ness", "ative"]
        guard let s = longest(list), inR1(s) else { return }
        switch s {
        case "tional": replace(s, "tion")
        case "ational": replace(s, "ate")
        case "alize": replace(s, "al")
        case "icate", "iciti", "ical": replace(s, "ic")
        case "ful", "ness": w.removeLast(s.count)
        case "ative": if inR2(s) { w.removeLast(s.count) }
        default: break
        }
    }

    mutating func step4() {
        let list = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
                    "iti", "ous", "ive", "ize", "ion"]
        guard let s = longest(list), inR2(s) else { return }
        if s == "ion" {
            if w.count > 3, w[w.count - 4] == "s" || w[w.count - 4] == "t" { w.removeLast(3) }
        } else {
            w.removeLast(s.count)
        }
    }

    mutating func step5() {
        if ends("e") {
            if inR2("e") || (inR1("e") && !shortSyllable(endingAt: w.count - 1)) { w.removeLast() }
        } else if ends("l"), inR2("l"), w.count > 1, w[w.count - 2] == "l" {
            w.removeLast()
        }
    }
}
