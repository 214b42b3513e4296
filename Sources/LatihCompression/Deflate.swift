import CLibdeflate

/// DEFLATE through libdeflate: raw (RFC 1951, no header), which browsers inflate with
/// `DecompressionStream("deflate-raw")`, for the search index and the certificates' QR
/// payloads; and gzip (RFC 1952), which the W3C Bitstring Status List prescribes.
/// libdeflate compresses whole buffers (all either has) to the same format as zlib, faster
/// and a little smaller; this is the one file of the project that calls it.
public enum Deflate {
    /// The two containers libdeflate writes and reads.
    public enum Format: Sendable { case raw, gzip }

    /// `bytes`, compressed at libdeflate's `level` (1–12). Deterministic: the same input
    /// and level give the same output.
    public static func compress(_ bytes: [UInt8], level: Int32, format: Format = .raw) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate cannot make a compressor at level \(level)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = format == .raw ? libdeflate_deflate_compress_bound(compressor, bytes.count)
                                   : libdeflate_gzip_compress_bound(compressor, bytes.count)
        var out = [UInt8](repeating: 0, count: max(bound, 1))
        let written = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                format == .raw
                    ? libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
                    : libdeflate_gzip_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
            }
        }
        // The bound leaves room for any input, so nothing is ever refused.
        precondition(written > 0 || bytes.isEmpty, "libdeflate refused \(bytes.count) bytes")
        out.removeSubrange(written...)
        return out
    }

    /// Inflates `bytes`, or nil when they are not valid or would inflate past `limit`
    /// bytes (a credential's payload is untrusted: a few kilobytes can claim gigabytes).
    /// The output's size is not stored, so the buffer doubles until it holds it.
    public static func decompress(_ bytes: [UInt8], format: Format = .raw, limit: Int = 1 << 31) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var capacity = max(bytes.count * 4, 1024)
        capacity = min(capacity, max(limit, 1))
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            var produced = 0
            let result = bytes.withUnsafeBytes { input in
                out.withUnsafeMutableBytes { output in
                    format == .raw
                        ? libdeflate_deflate_decompress(decompressor, input.baseAddress, input.count, output.baseAddress, output.count, &produced)
                        : libdeflate_gzip_decompress(decompressor, input.baseAddress, input.count, output.baseAddress, output.count, &produced)
                }
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                out.removeSubrange(produced...)
                return out
            case LIBDEFLATE_INSUFFICIENT_SPACE where capacity < limit:
                capacity = min(capacity * 2, limit)
            default:
                return nil
            }
        }
    }
}
