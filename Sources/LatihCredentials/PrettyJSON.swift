/// JSON for people to read: members in their order, two spaces a level, strings and
/// numbers exactly as the canonical form writes them (so a credential file re-read and
/// canonicalised signs the same bytes).
public enum PrettyJSON {
    public static func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, indent: 0, &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: JSONValue, indent: Int, _ out: inout [UInt8]) {
        func pad(_ n: Int) { out += [0x0A] + [UInt8](repeating: 0x20, count: n * 2) }
        switch value {
        case .array(let items) where !items.isEmpty:
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                pad(indent + 1)
                write(item, indent: indent + 1, &out)
            }
            pad(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (k, (key, item)) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                pad(indent + 1)
                CanonicalJSON.writeString(key, &out)
                out += Array(": ".utf8)
                write(item, indent: indent + 1, &out)
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        default:
            CanonicalJSON.write(value, &out)
        }
    }
}
