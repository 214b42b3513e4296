import Crypto
import Foundation

/// Names that change when their content does, so a host (and the offline worker) can keep
/// a file forever: a changed file is a new address, never a stale copy under an old one.
public enum ContentHash {
    /// `latih.css` → `latih.3f2a9c1b.css`, from the first 8 hex digits of its SHA-256.
    public static func name(_ name: String, _ data: Data) -> String {
        let digest = short(data)
        guard let dot = name.lastIndex(of: ".") else { return "\(name).\(digest)" }
        return "\(name[..<dot]).\(digest)\(name[dot...])"
    }

    /// The first 8 hex digits of the SHA-256 of `data`.
    public static func short(_ data: Data) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in SHA256.hash(data: data).prefix(4) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
