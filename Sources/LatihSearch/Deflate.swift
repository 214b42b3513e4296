import CLibz

/// Raw DEFLATE (RFC 1951, no zlib or gzip header), which browsers inflate with
/// `DecompressionStream("deflate-raw")`. zlib is the reference implementation; this is
/// the one file of the project that calls it.
enum Deflate {
    /// `bytes`, compressed at zlib's `level` (0–9). Deterministic: the same input and
    /// level give the same output.
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        // windowBits -15: raw deflate; memLevel 8 and the default strategy, as gzip uses.
        let status = deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var out = [UInt8](repeating: 0, count: bound)
        var input = bytes
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                let result = deflate(&stream, Z_FINISH)
                // deflateBound guarantees room for one Z_FINISH call.
                precondition(result == Z_STREAM_END, "deflate did not finish: \(result)")
                return outBuf.count - Int(stream.avail_out)
            }
        }
        out.removeSubrange(written...)
        return out
    }

    /// Inflates raw DEFLATE `bytes` (for tests and tools that read the index back).
    static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = bytes
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var result: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { c in
                    stream.next_out = c.baseAddress
                    stream.avail_out = uInt(c.count)
                    result = inflate(&stream, Z_NO_FLUSH)
                    return c.count - Int(stream.avail_out)
                }
                out.append(contentsOf: chunk[..<produced])
            } while result == Z_OK
        }
        return result == Z_STREAM_END ? out : nil
    }
}
