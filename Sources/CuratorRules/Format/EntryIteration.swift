import CuratorCore

extension Catalog {
    /// Calls `body` with each entry in catalog order, lending the entry: `for entry in entries`
    /// would retain and release each one, an atomic operation per entry and rule that adds up on
    /// a large list.
    func forEachEntry(_ body: (Entry) -> Void) {
        entries.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { body(buffer[index]) }
        }
    }

    /// The findings `body` makes of each entry, in catalog order.
    func findings(_ body: (Entry) -> [Finding]) -> [Finding] {
        var found: [Finding] = []
        forEachEntry { found += body($0) }
        return found
    }

    /// The finding `body` makes of each entry, where it makes one.
    func finding(_ body: (Entry) -> Finding?) -> [Finding] {
        var found: [Finding] = []
        forEachEntry { if let finding = body($0) { found.append(finding) } }
        return found
    }
}
