/// A calendar day. Dates in Latih are days, never instants, so no time zone can shift them.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A front-matter value, read according to its key's `FieldKind`.
public enum Value: Sendable, Hashable {
    case text(String)
    case list([String])
    case minutes(Int)
    case date(Day)
    case boolean(Bool)
}

/// One key as written in a file, with where its key and value stand.
public struct Field: Sendable, Hashable {
    /// The canonical (English) key name, even if the alias was written.
    public var key: String
    /// The key as the author wrote it.
    public var writtenKey: String
    public var value: Value
    /// The value's text as written, continuation lines joined with a space.
    public var raw: String
    public var line: Int
    public var keyColumn: Int
    public var valueColumn: Int
}

/// The parsed fields of a front-matter block or `.conf` file.
public struct FrontMatter: Sendable, Hashable {
    public var fields: [String: Field]
    /// Canonical names of every known key that was written, including those whose value was invalid.
    public var written: Set<String> = []

    public init(fields: [String: Field] = [:]) {
        self.fields = fields
    }

    public subscript(key: String) -> Field? { fields[key] }

    public func text(_ key: String) -> String? {
        if case .text(let s)? = fields[key]?.value { return s }
        return nil
    }

    public func list(_ key: String) -> [String] {
        if case .list(let l)? = fields[key]?.value { return l }
        return []
    }

    public func minutes(_ key: String) -> Int? {
        if case .minutes(let m)? = fields[key]?.value { return m }
        return nil
    }

    public func date(_ key: String) -> Day? {
        if case .date(let d)? = fields[key]?.value { return d }
        return nil
    }

    public func bool(_ key: String) -> Bool? {
        if case .boolean(let b)? = fields[key]?.value { return b }
        return nil
    }
}
