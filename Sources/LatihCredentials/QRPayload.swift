import LatihCompression

/// What a printed certificate's QR code carries: the verification page's address with the
/// credential in its fragment, `<base-url>verifikasi/#v1.<payload>`, where the payload is
/// base64url of the raw DEFLATE of the credential's canonical JSON. The fragment never
/// reaches the web host, and the `v1.` prefix lets a later format be told apart.
public enum QRPayload {
    /// The most bytes a payload may inflate to: the strict JSON reader's own bound.
    static let maxInflated = StrictJSON.maxBytes

    public static func payload(_ credential: JSONValue) -> String {
        "v1." + Base64URL.encode(Deflate.compress(CanonicalJSON.bytes(credential), level: 12))
    }

    public static func address(_ credential: JSONValue, baseURL: String) -> String {
        (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + "verifikasi/#" + payload(credential)
    }

    /// The inflated bytes, or nil when they are not DEFLATE or would pass the bound (a
    /// payload of a few kilobytes can claim gigabytes).
    static func inflate(_ deflated: [UInt8]) -> [UInt8]? {
        Deflate.decompress(deflated, format: .raw, limit: maxInflated)
    }
}
