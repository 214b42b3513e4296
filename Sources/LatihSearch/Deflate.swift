import CLibdeflate

/// Raw DEFLATE (RFC 1951, no zlib or gzip header), which browsers inflate with
/// `DecompressionStream("deflate-raw")`. libdeflate compresses whole buffers (all the
/// index has) to the same format as zlib, faster and a little smaller; this is the one
/// file of the project that calls it.
enum Deflate {
    /// `bytes`, compressed at libdeflate's `level` (1–12). Deterministic: the same input
    /// and level give the same output.
    static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate cannot make a compressor at level \(level)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_deflate_compress_bound(compressor, bytes.count)
        var out = [UInt8](repeating: 0, count: max(bound, 1))
        let written = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                libdeflate_deflate_compress(compressor, input.baseAddress, input.count,
                                            output.baseAddress, output.count)
            }
        }
        // The bound leaves room for any input, so nothing is ever refused.
        precondition(written > 0 || bytes.isEmpty, "libdeflate refused \(bytes.count) bytes")
        out.removeSubrange(written...)
        return out
    }

    /// Inflates raw DEFLATE `bytes` (for tests and tools that read the index back). The
    /// output's size is not stored, so the buffer doubles until it holds it.
    static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var capacity = max(bytes.count * 4, 1024)
        while capacity < 1 << 31 {
            var out = [UInt8](repeating: 0, count: capacity)
            var produced = 0
            let result = bytes.withUnsafeBytes { input in
                out.withUnsafeMutableBytes { output in
                    libdeflate_deflate_decompress(decompressor, input.baseAddress, input.count,
                                                  output.baseAddress, output.count, &produced)
                }
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                out.removeSubrange(produced...)
                return out
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                capacity *= 2
            default:
                return nil
            }
        }
        return nil
    }
}
