import Mustache

/// Strings render as themselves. Without this, swift-mustache renders a value through
/// `String(describing:)` after trying it as an optional and as a lambda, dynamic casts
/// on every variable of every page; with it, a string is one cast. The output
/// is the same, and sections treat strings as before (`isNull` is false).
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
