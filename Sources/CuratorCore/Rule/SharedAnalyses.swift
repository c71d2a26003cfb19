import CuratorSync

/// What several rules work out from the same document, worked out once per lint run.
///
/// Rules are independent and run side by side; when two of them need the same costly reading
/// of a document (the link syntax scan that both `unrendered-link` and `malformed-url` read), the
/// first to ask computes it and the other takes the result. A rule asking for a result that is
/// being computed waits for it, so rules that share analyses should walk the documents in
/// different orders (one forwards, one backwards) to meet in the middle instead of waiting.
public final class SharedAnalyses: Sendable {
    private final class Slot: Sendable {
        let value = Mutex<(any Sendable)?>(nil)
    }

    private let slots = Mutex<[String: Slot]>([:])

    public init() {}

    /// The value stored under `key`, computed by `compute` if nobody has yet. Every caller of a
    /// key must compute the same type.
    public func value<Value: Sendable>(_ key: String, _ compute: () -> Value) -> Value {
        let slot = slots.withLock { slots in
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        return slot.value.withLock { stored in
            if let known = stored as? Value { return known }
            let value = compute()
            stored = value
            return value
        }
    }
}
