import Foundation

/// A value made once, by the first thread that asks for it; others asking meanwhile wait.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private var made: Value?
    private let lock = NSLock()

    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
