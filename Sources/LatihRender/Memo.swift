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

/// Values made once per key, the first time a page asks for one; pages are rendered on
/// several threads. A value is made outside the lock: two threads may both make one for
/// the same key, and keep the first, which is the same.
final class KeyedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var made: [Key: Value] = [:]
    private let lock = NSLock()

    func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let done = made[key] { lock.unlock(); return done }
        lock.unlock()
        let value = make()
        lock.lock()
        defer { lock.unlock() }
        if let done = made[key] { return done }
        made[key] = value
        return value
    }
}
